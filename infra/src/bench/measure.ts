/**
 * The two measures of a running system that the benchmark takes on every shape it starts (the dev
 * stack, the cluster with 1 or 2 workers): decision latency through the API beside the same Update
 * sent with the Temporal client, and lifecycle throughput with the peak memory of the processes.
 */
import { readFileSync } from 'node:fs';
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { candidacyWorkflowId, commandUpdate } from '@qualicoop/contracts';
import { createDataSource } from '@qualicoop/persistence';
import { http } from '../api-client';
import { driveCycle, openToImplementation } from './drive';
import { summary, timed } from './stats';

/** What a benchmark drives: its API instances, its database, and the processes it watches. */
export interface BenchedSystem {
  apiUrls: string[];
  databaseUrl: string;
  /** Current pids (a restarted process has a new one). */
  pids(): { temporal: number | undefined; workers: number[] };
}

export type Latency = { api: ReturnType<typeof summary>; raw: ReturnType<typeof summary> };

/** N decisions (a help request) on one workflow, through the first API instance and raw, interleaved. */
export async function decisionLatency(system: BenchedSystem, client: Client, n: number): Promise<Latency> {
  const api = system.apiUrls[0]!;
  const coop = `bench-latency-${Date.now()}`;
  const id = await openToImplementation(api, coop);
  const handle = client.workflow.getHandle(candidacyWorkflowId(coop));
  const viaApi: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < n; i++) {
    // Interleaved, so both see the same machine and the same workflow state size.
    const [res, apiMs] = await timed(() =>
      http(api, 'POST', `/candidacies/${id}/help-requests`, coop, { question: `Question ${i}` }),
    );
    if (res.status !== 200) throw new Error(`API decision failed: ${res.status} ${JSON.stringify(res.body)}`);
    viaApi.push(apiMs);
    const [, rawMs] = await timed(() =>
      handle.executeUpdate(commandUpdate('RequestHelp'), {
        args: [
          {
            command: { type: 'RequestHelp', helpRequestId: `raw-${i}-${Date.now()}`, question: `Question brute ${i}` },
            actor: { role: 'coop', id: `user-${coop}`, cooperativeId: coop },
          },
        ],
      }),
    );
    raw.push(rawMs);
  }
  return { api: summary(viaApi), raw: summary(raw) };
}

export interface Throughput {
  candidacies: number;
  completed: number;
  failures: string[];
  wallMinutes: number;
  cyclesPerMinute: number;
  /** Peak RSS of the workers together, and of the Temporal server. */
  workersPeakRssMiB: number;
  temporalPeakRssMiB: number;
  historyEventsPerCycle: number;
  historyBytesPerCycle: number;
}

const rssOf = (pid: number | undefined): number => {
  if (!pid) return 0;
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0; // the process is gone
  }
};

/** N candidacies driven concurrently through a whole cycle (demo policy), spread over the API instances. */
export async function lifecycleThroughput(
  system: BenchedSystem,
  client: Client,
  n: number,
  prefix: string,
): Promise<Throughput> {
  const started = Date.now();
  let workersPeak = 0;
  let temporalPeak = 0;
  const sampler = setInterval(() => {
    const { temporal: server, workers } = system.pids();
    workersPeak = Math.max(
      workersPeak,
      workers.reduce((sum, pid) => sum + rssOf(pid), 0),
    );
    temporalPeak = Math.max(temporalPeak, rssOf(server));
  }, 500);
  const stamp = Date.now();
  const coops = Array.from({ length: n }, (_, i) => `${prefix}-${stamp}-${i}`);
  const ds = await createDataSource(system.databaseUrl, 'bench-c').initialize();
  await ds.query(
    `INSERT INTO cooperatives (id, name, region, email) SELECT unnest($1::text[]), 'Bench', 'Bench', 'c@x.example'`,
    [coops],
  );
  await ds.destroy();
  let completed = 0;
  const failures: string[] = [];
  await Promise.all(
    coops.map(async (coop, i) => {
      try {
        await driveCycle(system.apiUrls[i % system.apiUrls.length]!, client, coop);
        completed++;
      } catch (e) {
        failures.push(`${coop}: ${(e as Error).message}`);
      }
    }),
  );
  clearInterval(sampler);
  const minutes = (Date.now() - started) / 60_000;
  const sample = coops.slice(0, 20);
  let events = 0;
  let bytes = 0;
  for (const coop of sample) {
    const history = await client.workflow.getHandle(candidacyWorkflowId(coop)).fetchHistory();
    events += history.events?.length ?? 0;
    bytes += temporal.api.history.v1.History.encode(history).finish().length;
  }
  const mib = (b: number) => Math.round(b / 1048576);
  return {
    candidacies: n,
    completed,
    failures: failures.slice(0, 10),
    wallMinutes: Math.round(minutes * 100) / 100,
    cyclesPerMinute: Math.round((completed / minutes) * 10) / 10,
    workersPeakRssMiB: mib(workersPeak),
    temporalPeakRssMiB: mib(temporalPeak),
    historyEventsPerCycle: Math.round(events / sample.length),
    historyBytesPerCycle: Math.round(bytes / sample.length),
  };
}
