/**
 * The two measures of a running system that the benchmark takes on every shape it starts (the dev
 * stack, the cluster with 1 or 2 workers): decision latency through the API beside the same Update
 * sent with the Temporal client, and lifecycle throughput with the peak memory of the processes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { candidacyWorkflowId, commandUpdate } from '@qualicoop/contracts';
import { createDataSource } from '@qualicoop/persistence';
import { http } from '../api-client';
import { driveCycle, openToImplementation } from './drive';
import { serverTimings, summarize, updateHops } from './hops';
import { summary, timed } from './stats';

/** What a benchmark drives: its API instances, its database, and the processes it watches. */
export interface BenchedSystem {
  apiUrls: string[];
  databaseUrl: string;
  /** Current pids (a restarted process has a new one). */
  pids(): { temporal: number | undefined; workers: number[]; apis: number[] };
}

export type Latency = {
  api: ReturnType<typeof summary>;
  raw: ReturnType<typeof summary>;
  /** The API's phases (Server-Timing) and the Update's hops in the history, each summarized. */
  apiPhases: ReturnType<typeof summarize>;
  updateHops: ReturnType<typeof summarize>;
};

/** N decisions (a help request) on one workflow, through the first API instance and raw, interleaved. */
export async function decisionLatency(system: BenchedSystem, client: Client, n: number): Promise<Latency> {
  const api = system.apiUrls[0]!;
  const coop = `bench-latency-${Date.now()}`;
  const id = await openToImplementation(api, coop);
  const handle = client.workflow.getHandle(candidacyWorkflowId(coop));
  const viaApi: number[] = [];
  const raw: number[] = [];
  const phases: Array<Record<string, number>> = [];
  for (let i = 0; i < n; i++) {
    // Interleaved, so both see the same machine and the same workflow state size.
    const [res, apiMs] = await timed(() =>
      http(api, 'POST', `/candidacies/${id}/help-requests`, coop, { question: `Question ${i}` }),
    );
    if (res.status !== 200) throw new Error(`API decision failed: ${res.status} ${JSON.stringify(res.body)}`);
    viaApi.push(apiMs);
    phases.push(serverTimings(res.headers.get('server-timing')));
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
  return {
    api: summary(viaApi),
    raw: summary(raw),
    apiPhases: summarize(phases),
    updateHops: summarize(updateHops(await handle.fetchHistory())),
  };
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
  /** CPU seconds spent during the run, by part, and how busy the machine's cores were (%). */
  cpuSeconds: { temporal: number; workers: number; apis: number; postgres: number; rest: number };
  machineBusyPct: number;
}

const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** CPU ticks (user + system) of one process, 0 if gone. */
function ticksOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Every PostgreSQL process (postmaster and backends): the bench runs one server at a time. */
function postgresTicks(): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') ticks += ticksOf(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks;
}

/** The machine's busy and total ticks, all cores together. */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = values.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - n[3]! - n[4]!, total };
}

function cpuSnapshot(system: BenchedSystem) {
  const { temporal: server, workers, apis } = system.pids();
  const sum = (pids: number[]) => pids.reduce((t, pid) => t + ticksOf(pid), 0);
  return {
    temporal: ticksOf(server),
    workers: sum(workers),
    apis: sum(apis),
    postgres: postgresTicks(),
    machine: machineTicks(),
  };
}

export const rssOf = (pid: number | undefined): number => {
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
  const cpuBefore = cpuSnapshot(system);
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
  const cpuAfter = cpuSnapshot(system);
  const minutes = (Date.now() - started) / 60_000;
  const seconds = (k: 'temporal' | 'workers' | 'apis' | 'postgres') =>
    Math.round((cpuAfter[k] - cpuBefore[k]) / TICKS_PER_SECOND);
  const busy = Math.round((cpuAfter.machine.busy - cpuBefore.machine.busy) / TICKS_PER_SECOND);
  const parts = {
    temporal: seconds('temporal'),
    workers: seconds('workers'),
    apis: seconds('apis'),
    postgres: seconds('postgres'),
  };
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
    cpuSeconds: { ...parts, rest: busy - Object.values(parts).reduce((a, b) => a + b, 0) },
    machineBusyPct: Math.round(
      (100 * (cpuAfter.machine.busy - cpuBefore.machine.busy)) / (cpuAfter.machine.total - cpuBefore.machine.total),
    ),
  };
}
