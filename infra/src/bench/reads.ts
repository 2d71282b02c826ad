/**
 * b. Reads, measured fairly (issue 15): each read over HTTP (autocannon, the federation's token,
 * through auth, rate limits and JSON) and the same read-query function called on a DataSource,
 * both at concurrency 1 and 8 for the same duration; an authenticated no-op (`GET /me`) gives
 * the HTTP floor. Repeated at each size of the cost curve.
 */
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { createDataSource, federationInbox, federationKpis, listCandidacies } from '@qualicoop/persistence';
import { token } from '../api-client';
import { seedCandidacies } from './seed-read-models';
import { summary, timed } from './stats';

export const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 5);
export const READ_SIZES = (process.env.BENCH_READ_SIZES ?? '1000,10000,100000').split(',').map(Number);
const CONCURRENCIES = [1, 8] as const;

interface Read {
  name: string;
  path: string;
  sql?: (ds: DataSource) => Promise<unknown>;
  /** The goal at 10,000 candidacies and 8 connections (issue 15). */
  goalRps?: number;
}

export const READS: Read[] = [
  { name: 'no-op (GET /me)', path: '/me' },
  {
    name: 'candidacy list (20 by next deadline)',
    path: '/candidacies?limit=20',
    sql: (ds) => listCandidacies(ds, { limit: 20, offset: 0 }),
    goalRps: 1000,
  },
  {
    name: 'federation inbox (first 100)',
    path: '/inbox',
    sql: (ds) => federationInbox(ds, new Date(), { limit: 100, offset: 0 }),
    goalRps: 300,
  },
  { name: 'KPIs', path: '/kpis', sql: (ds) => federationKpis(ds), goalRps: 200 },
];

export interface Figures {
  p50: number;
  p99: number;
  rps: number;
}

export interface ReadMeasure {
  size: number;
  read: string;
  concurrency: number;
  http: Figures & { non2xx: number };
  sql: Figures | null;
}

async function overHttp(apiUrl: string, path: string, connections: number): Promise<Figures & { non2xx: number }> {
  const run = await autocannon({
    url: `${apiUrl}${path}`,
    connections,
    duration: READ_SECONDS,
    headers: { authorization: `Bearer ${await token('federation')}` },
  });
  return { p50: run.latency.p50, p99: run.latency.p99, rps: Math.round(run.requests.average), non2xx: run.non2xx };
}

async function warm(apiUrl: string, path: string): Promise<void> {
  const headers = { authorization: `Bearer ${await token('federation')}` };
  for (let i = 0; i < 20; i++) await (await fetch(`${apiUrl}${path}`, { headers })).arrayBuffer();
}

/** `concurrency` loops calling the query for the same duration as the HTTP run. */
async function inSql(ds: DataSource, query: (ds: DataSource) => Promise<unknown>, concurrency: number) {
  const samples: number[] = [];
  const end = Date.now() + READ_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) samples.push((await timed(() => query(ds)))[1]);
    }),
  );
  const s = summary(samples);
  return { p50: s.p50, p99: s.p99, rps: Math.round(samples.length / READ_SECONDS) };
}

export async function measureReads(apiUrl: string, databaseUrl: string): Promise<ReadMeasure[]> {
  const ds = await createDataSource(databaseUrl, 'bench-reads').initialize();
  const out: ReadMeasure[] = [];
  try {
    for (const size of READ_SIZES) {
      await seedCandidacies(ds, size);
      for (const read of READS) {
        for (const concurrency of CONCURRENCIES) {
          // Warm both paths, then measure HTTP and SQL one after the other on the same data.
          await warm(apiUrl, read.path);
          const http = await overHttp(apiUrl, read.path, concurrency);
          const sql = read.sql ? await inSql(ds, read.sql, concurrency) : null;
          out.push({ size, read: read.name, concurrency, http, sql });
          console.log(JSON.stringify(out[out.length - 1]));
        }
      }
    }
  } finally {
    await ds.destroy();
  }
  return out;
}
