/** What a benchmark run is tuned by (its BENCH_* variables) and where its stack listens. */
import { Stack } from '../stack';
import { BenchedSystem } from './measure';

export const N_DECISIONS = Number(process.env.BENCH_N_DECISIONS ?? 200);
export const N_CYCLES = Number(process.env.BENCH_N_CYCLES ?? 500);
export const SECTIONS = (process.env.BENCH_SECTIONS ?? 'a,b,c,d,e,f,g').split(',');
export const DEMO_MONTH_MS = 4000;
export const N_SHAPE_DECISIONS = Number(process.env.BENCH_N_SHAPE_DECISIONS ?? 100);
export const N_SHAPE_CYCLES = Number(process.env.BENCH_N_SHAPE_CYCLES ?? 300);
export const BENCH_PORTS = {
  postgres: 25450,
  temporal: 27233,
  temporalUi: 28233,
  api: 23000,
  mailSmtp: 21025,
  mailWeb: 21080,
};

/** What a run writes: docs/benchmarks.json (`results`) and docs/benchmarks.md (`md`, line by line). */
export interface Report {
  results: Record<string, unknown>;
  md: string[];
}

/** The dev stack as the measures see it: one API, one worker, the dev server. */
export const benched = (stack: Stack): BenchedSystem => ({
  apiUrls: [stack.apiUrl],
  databaseUrl: stack.databaseUrl,
  pids: () => ({
    temporal: stack.temporalProcess().child.pid,
    workers: [stack.processes.worker.child.pid!],
    apis: [stack.processes.api.child.pid!],
  }),
});
