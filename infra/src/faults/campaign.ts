/**
 * A fault campaign: candidacies driven through the public API to a granted label while something
 * crashes the system, then the checks that nothing was lost or done twice — every candidacy
 * reaches its expected state; the event store holds every event once and in order; every read
 * model equals its rebuild; every report and dossier version an event names exists; no e-mail was
 * sent twice; the API never answered a 5xx but a clear 503; and every document is served back by
 * every API instance; no workflow task failed on the workflow's code. Used by `test:faults` (the
 * dev stack) and `test:cluster` (the cluster).
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { candidacyWorkflowId } from '@qualicoop/contracts';
import type { CandidacyState } from '@qualicoop/domain';
import {
  createDataSource,
  danglingReferences,
  DOSSIER_EVENTS,
  rebuildReadModels,
  REPORT_EVENTS,
} from '@qualicoop/persistence';
import type { DataSource } from 'typeorm';
import { RetryingApi } from './campaign-api';
import { documentsFromEveryInstance, emailsSentTwice } from './deliveries';
import { driveToLabel, type Letters } from './drive';
import type { Check } from './report';
import { codeFailures, describeStuck, stateOnceQueryable } from './workflow-checks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface CampaignTarget {
  /** Requests go to each in turn; an instance that does not answer is skipped until the next turn. */
  apiUrls: string[];
  temporalAddress: string;
  databaseUrl: string;
  mailUrl?: string;
  /** The workers' log files: each e-mail the notification sender recorded as sent is a line there. */
  senderLogs: string[];
}

export class FaultCampaign {
  readonly faults: string[] = [];
  /** Each candidacy's letter of commitment: its document id and the SHA-256 of the bytes sent. */
  readonly letters: Letters = new Map();
  readonly http: RetryingApi;

  constructor(
    readonly target: CampaignTarget,
    readonly log: (msg: string) => void,
  ) {
    this.http = new RetryingApi(target.apiUrls);
  }

  record(fault: string): void {
    this.faults.push(fault);
  }

  count(fault: string): number {
    return this.faults.filter((f) => f === fault).length;
  }

  /** Registers the cooperatives, drives them all while `inject` crashes things, then checks. */
  async run(opts: {
    candidacies: number;
    prefix: string;
    inject: (done: () => boolean) => Promise<void>;
    faultsExpected: { name: string; ok: (campaign: FaultCampaign) => boolean };
  }): Promise<{ checks: Check[]; figures: Record<string, unknown> }> {
    const run = randomUUID().slice(0, 6);
    const coops = Array.from({ length: opts.candidacies }, (_, i) => `${opts.prefix}-${run}-${i}`);
    await Promise.all(
      coops.map((id) =>
        this.http.send('POST', '/cooperatives', 'federation', {
          id,
          name: id,
          region: 'Test',
          email: `${id}@faults.example`,
        }),
      ),
    );
    let finished = false;
    const deadline = Date.now() + 15 * 60_000;
    this.http.giveUpAt = deadline;
    const injector = opts.inject(() => finished);
    const outcomes = await Promise.allSettled(coops.map((c) => driveToLabel(this.http, this.letters, c, deadline)));
    finished = true;
    await injector;
    const reached = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [{ id: o.value, coop: coops[i]! }] : []));
    const outcomeBreaches: string[] = [];
    for (const [i, o] of outcomes.entries()) {
      if (o.status === 'fulfilled') continue;
      // Why it is stuck, as the Temporal server sees it: what a person would look up in the UI.
      const why = await this.diagnose(coops[i]!);
      outcomeBreaches.push(`${coops[i]}: ${(o.reason as Error).message} [${why}]`);
      this.log(`${coops[i]} stuck: ${why}`);
    }
    const verified = await this.verify(reached, outcomeBreaches);
    const checks: Check[] = [
      { name: opts.faultsExpected.name, ok: opts.faultsExpected.ok(this), detail: this.faults.join(', ') },
      {
        name: `all ${opts.candidacies} candidacies reached their label`,
        ok: reached.length === opts.candidacies && outcomeBreaches.length === 0,
        detail: outcomeBreaches.slice(0, 5).join(' | '),
      },
      ...verified.checks,
    ];
    return {
      checks,
      figures: {
        candidacies: opts.candidacies,
        reachedLabel: reached.length,
        faultsInjected: this.faults.length,
        faults: Object.fromEntries([...new Set(this.faults)].map((f) => [f, this.count(f)])),
        ...verified.figures,
        httpStatuses: Object.fromEntries(this.http.statuses),
      },
    };
  }

  private async verify(
    reached: Array<{ id: string; coop: string }>,
    outcomeBreaches: string[],
  ): Promise<{ checks: Check[]; figures: Record<string, unknown> }> {
    const ids = reached.map((r) => r.id);
    const orderBreaches: string[] = [];
    const codeFailed: string[] = [];
    const connection = await Connection.connect({ address: this.target.temporalAddress });
    const client = new Client({ connection });
    const ds = await createDataSource(this.target.databaseUrl, 'faults-check').initialize();
    let eventsChecked = 0;
    try {
      // After the last crash the system settles: a workflow task retried after its worker died,
      // an event recorded by a retried activity. Two minutes at most, for all of them.
      const settleBy = Date.now() + 120_000;
      for (const { id, coop } of reached) {
        let settled: { state: CandidacyState; rows: Array<{ sequence: number }> };
        try {
          settled = await this.settled(client, ds, { id, coop }, settleBy);
        } catch (e) {
          outcomeBreaches.push(`${id}: ${(e as Error).message}`);
          continue;
        }
        const { state, rows } = settled;
        eventsChecked += rows.length;
        // Labelled, or expired if its (demo) label has run out by now.
        const expected =
          state.label && Date.now() > Date.parse(state.label.expiresOn.dueAt) + 5000 ? 'expired' : 'labelled';
        if (
          state.stage !== expected &&
          !(state.stage === 'expired' && Date.now() > Date.parse(state.label?.expiresOn.dueAt ?? '') - 5000)
        ) {
          outcomeBreaches.push(`${id}: workflow in ${state.stage}, expected ${expected}`);
        }
        if (rows.length !== state.sequence || rows.some((r, k) => r.sequence !== k + 1))
          orderBreaches.push(`${id}: event store ${rows.length} events vs workflow ${state.sequence}`);
        codeFailed.push(...(await codeFailures(client, coop)));
      }
      const [{ duplicates }] = await ds.query<[{ duplicates: number }]>(
        'SELECT count(*)::int AS duplicates FROM (SELECT 1 FROM candidacy_events GROUP BY candidacy_id, cycle, sequence HAVING count(*) > 1) d',
      );
      const rebuild = await rebuildReadModels(ds, { dryRun: true });
      // Rows stored by the API before a command that may have timed out: never deleted unless refused.
      const dangling = await danglingReferences(ds, ids);
      const [{ referring }] = await ds.query<[{ referring: number }]>(
        'SELECT count(*)::int AS referring FROM candidacy_events WHERE candidacy_id = ANY($1) AND type = ANY($2)',
        [ids, [...REPORT_EVENTS, ...DOSSIER_EVENTS]],
      );
      const documents = await documentsFromEveryInstance(this.target.apiUrls, this.letters, ids);
      await sleep(8000); // let the outbox drain
      const mails = (await (await fetch(`${this.target.mailUrl}/api/email`)).json()) as Array<{
        headers: Record<string, string>;
      }>;
      const twice = emailsSentTwice(mails, this.target.senderLogs);
      const instances = this.target.apiUrls.length;
      return {
        checks: [
          {
            name: 'no workflow task failed on the workflow code (nondeterminism or an exception); crashes only time tasks out',
            ok: codeFailed.length === 0,
            detail: codeFailed.slice(0, 3).join(' | '),
          },
          {
            name: 'every event stored exactly once and in order',
            ok: duplicates === 0 && orderBreaches.length === 0,
            detail: `${duplicates} duplicated; ${orderBreaches.slice(0, 5).join(' | ')}`,
          },
          {
            name: 'every read model equals its rebuild from the events',
            ok: rebuild.changed.length === 0,
            detail: `${rebuild.changed.length} differ`,
          },
          {
            name: 'every report and dossier version an event names exists',
            ok: dangling.length === 0 && referring > 0,
            detail: `${dangling.length} of ${referring} missing: ${dangling
              .slice(0, 3)
              .map((d) => `${d.candidacyId} #${d.sequence} ${d.type} → ${d.reference}`)
              .join(' | ')}`,
          },
          {
            name: `every letter of commitment served back, byte for byte, by ${instances === 1 ? 'the API' : `each of the ${instances} API instances`}`,
            ok: documents.checked === ids.length * instances && documents.breaches.length === 0,
            detail: `${documents.checked} downloads checked; ${documents.breaches.slice(0, 3).join(' | ')}`,
          },
          {
            name: 'no notification e-mailed twice, but the one whose sender was killed between the SMTP acceptance and its record (resent as the same message)',
            ok:
              mails.length > 0 && twice.unexplained.length === 0 && twice.resent.length <= this.count('kill -9 worker'),
            detail: `${twice.unexplained.length} unexplained (${twice.unexplained.slice(0, 3).join(' | ')}); ${twice.resent.length} resent after a crash; ${mails.length} e-mails`,
          },
          {
            name: 'no 5xx but 503, and every 503 a clear problem document with Retry-After',
            ok: this.http.serverErrors.length === 0 && this.http.unclear503.length === 0,
            detail: [...this.http.serverErrors, ...this.http.unclear503].slice(0, 3).join(' | '),
          },
          {
            name: 'PostgreSQL down answered 503 (never 500)',
            ok: (this.http.statuses.get(503) ?? 0) > 0,
            detail: 'no 503 seen',
          },
        ],
        figures: {
          eventsChecked,
          duplicatedEvents: duplicates,
          readModelsChecked: rebuild.candidacies,
          readModelsDiffering: rebuild.changed.length,
          referencesChecked: referring,
          referencesDangling: dangling.length,
          documentDownloadsChecked: documents.checked,
          emails: mails.length,
          emailsResentAfterCrash: twice.resent.length,
          emailsSentTwiceUnexplained: twice.unexplained.length,
        },
      };
    } finally {
      await ds.destroy();
      await connection.close();
    }
  }

  /**
   * The workflow's state once the event store holds every event it decided: the workflow counts
   * an event as soon as it decides it, the store has it once the recording activity has run
   * (retried after a crash).
   */
  private async settled(
    client: Client,
    ds: DataSource,
    { id, coop }: { id: string; coop: string },
    settleBy: number,
  ): Promise<{ state: CandidacyState; rows: Array<{ sequence: number }> }> {
    for (;;) {
      const state = await stateOnceQueryable(client, coop, settleBy, this.log);
      const rows = await this.eventSequences(ds, id);
      if (rows.length >= state.sequence || Date.now() >= settleBy) return { state, rows };
      await sleep(1000);
    }
  }

  private eventSequences(ds: DataSource, candidacyId: string): Promise<Array<{ sequence: number }>> {
    return ds.query<Array<{ sequence: number }>>(
      'SELECT sequence FROM candidacy_events WHERE candidacy_id = $1 ORDER BY cycle, sequence',
      [candidacyId],
    );
  }

  /** The workflow's status, pending workflow task and activities, and its last history events. */
  private async diagnose(coop: string): Promise<string> {
    const connection = await Connection.connect({ address: this.target.temporalAddress });
    try {
      return await describeStuck(new Client({ connection }).workflow.getHandle(candidacyWorkflowId(coop)));
    } finally {
      await connection.close();
    }
  }
}
