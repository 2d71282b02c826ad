/** The faults a campaign injects while it drives candidacies: crashes, a Temporal restart, PostgreSQL down. */
import type { FaultCampaign } from './campaign';
import { setTimeout as sleep } from 'node:timers/promises';

/** What a campaign can break: the Temporal server, PostgreSQL, and processes to crash in turn. */
export interface Breakable {
  restartTemporal(): Promise<void>;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  /** Each crashes a process (kill -9) and brings it back; taken in turn. */
  crashes: Array<{ name: string; run(): Promise<void> }>;
}

/**
 * Breaks the system while the campaign runs: a crash every 4 to 9 seconds (the `crashes` in
 * turn), the Temporal server restarted once (after `temporalAfterMs`), PostgreSQL stopped for
 * 30 s once (after `postgresAfterMs`).
 */
export async function injectFaults(
  campaign: Pick<FaultCampaign, 'record' | 'log'>,
  system: Breakable,
  done: () => boolean,
  { temporalAfterMs = 30_000, postgresAfterMs = 60_000, maxMs = 900_000 } = {},
): Promise<void> {
  const started = Date.now();
  let temporalRestarted = false;
  let postgresStopped = false;
  let turn = 0;
  while (!done() && Date.now() - started < maxMs) {
    await sleep(4000 + Math.random() * 5000);
    if (done()) break;
    const elapsed = Date.now() - started;
    if (!temporalRestarted && elapsed > temporalAfterMs) {
      temporalRestarted = true;
      campaign.record('temporal restart');
      campaign.log('restarting the Temporal server');
      await system.restartTemporal();
    } else if (!postgresStopped && elapsed > postgresAfterMs) {
      postgresStopped = true;
      campaign.record('postgres stopped 30 s');
      campaign.log('stopping PostgreSQL for 30 s');
      await system.stopPostgres();
      await sleep(30_000);
      await system.startPostgres();
      campaign.log('PostgreSQL back');
    } else {
      const crash = system.crashes[turn++ % system.crashes.length]!;
      campaign.record(crash.name);
      await crash.run();
    }
  }
}
