/**
 * g. The worker's memory with many live candidacies (issue 15): candidacies opened through the API
 * and left in draft (each a running workflow waiting for its next command, kept in the worker's
 * cache of workflows while it has room), and the worker's RSS once they are all open.
 */
import { createDataSource } from '@qualicoop/persistence';
import { http, until } from '../api-client';
import { BenchedSystem, rssOf } from './measure';

export const LIVE_COUNTS = (process.env.BENCH_LIVE_COUNTS ?? '1000,10000').split(',').map(Number);
const CONCURRENCY = 16;

export interface LiveMeasure {
  liveCandidacies: number;
  workerRssMiB: number;
  openedPerSecond: number;
}

export async function liveCandidaciesRss(system: BenchedSystem): Promise<LiveMeasure[]> {
  const api = system.apiUrls[0]!;
  const ds = await createDataSource(system.databaseUrl, 'bench-g').initialize();
  const mib = () => Math.round(system.pids().workers.reduce((sum, pid) => sum + rssOf(pid), 0) / 2 ** 20);
  const out: LiveMeasure[] = [{ liveCandidacies: 0, workerRssMiB: mib(), openedPerSecond: 0 }];
  try {
    let opened = 0;
    for (const target of LIVE_COUNTS) {
      const coops = Array.from({ length: target - opened }, (_, i) => `bench-live-${opened + i + 1}`);
      await ds.query(
        `INSERT INTO cooperatives (id, name, region, email) SELECT unnest($1::text[]), 'Bench', 'Bench', 'l@x.example'`,
        [coops],
      );
      const started = Date.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < coops.length) {
            const coop = coops[next++]!;
            const res = await http(api, 'POST', '/candidacies', coop, { cooperativeId: coop });
            if (res.status !== 201 && res.status !== 202) throw new Error(`opening ${coop}: ${res.status}`);
          }
        }),
      );
      const seconds = (Date.now() - started) / 1000;
      await until(
        async () => {
          const [{ n }] = await ds.query<[{ n: number }]>(
            `SELECT count(*)::int AS n FROM candidacies WHERE cooperative_id LIKE 'bench-live-%'`,
          );
          return n >= target || undefined;
        },
        600_000,
        'every live candidacy in the read models',
        1000,
      );
      opened = target;
      await new Promise((r) => setTimeout(r, 5000)); // let the worker settle
      out.push({ liveCandidacies: target, workerRssMiB: mib(), openedPerSecond: Math.round(coops.length / seconds) });
      console.log(JSON.stringify(out[out.length - 1]));
    }
  } finally {
    await ds.destroy();
  }
  return out;
}
