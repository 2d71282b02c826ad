/**
 * A fault campaign: candidacies driven through the public API to a granted label while something
 * crashes the system, then the checks that nothing was lost or done twice — every candidacy
 * reaches its expected state; the event store holds every event once and in order; every read
 * model equals its rebuild; every report and dossier version an event names exists; no e-mail was
 * sent twice; the API never answered a 5xx but a clear 503; and every document is served back by
 * every API instance. Used by `test:faults` (the dev stack) and `test:cluster` (the cluster).
 */
import { createHash, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { candidacyWorkflowId, stateQuery } from '@qualicoop/contracts';
import { parisDateOf, sampleDossier } from '@qualicoop/domain';
import {
  createDataSource,
  danglingReferences,
  DOSSIER_EVENTS,
  rebuildReadModels,
  REPORT_EVENTS,
} from '@qualicoop/persistence';
import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { token } from '../api-client';

export interface CampaignTarget {
  /** Requests go to each in turn; an instance that does not answer is skipped until the next turn. */
  apiUrls: string[];
  temporalAddress: string;
  databaseUrl: string;
  mailUrl?: string;
  /** The workers' log files: each e-mail the notification sender recorded as sent is a line there. */
  senderLogs: string[];
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export class FaultCampaign {
  readonly statuses = new Map<number | 'network', number>();
  readonly serverErrors: string[] = [];
  readonly unclear503: string[] = [];
  readonly faults: string[] = [];
  /** Each candidacy's letter of commitment: its document id and the SHA-256 of the bytes sent. */
  readonly letters = new Map<string, { documentId: string; sha256: string }>();
  private turn = 0;
  /** Requests are retried until then (the campaign's deadline). */
  private giveUpAt = Date.now() + 15 * 60_000;

  constructor(
    readonly target: CampaignTarget,
    readonly log: (msg: string) => void,
  ) {}

  record(fault: string): void {
    this.faults.push(fault);
  }

  count(fault: string): number {
    return this.faults.filter((f) => f === fault).length;
  }

  /** One request, retried (on the next API instance) until the system answers something definite. */
  async api(
    method: string,
    path: string,
    as: string,
    body?: unknown,
    key?: string,
  ): Promise<{ status: number; body: any }> {
    while (Date.now() < this.giveUpAt) {
      const base = this.target.apiUrls[this.turn++ % this.target.apiUrls.length]!;
      const headers: Record<string, string> = { authorization: `Bearer ${await token(as)}` };
      if (key) headers['idempotency-key'] = key;
      let payload: FormData | string | undefined;
      if (body instanceof FormData) payload = body;
      else if (body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(body);
      }
      try {
        const res = await fetch(`${base}${path}`, {
          method,
          headers,
          body: payload,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        this.statuses.set(res.status, (this.statuses.get(res.status) ?? 0) + 1);
        const parsed = text ? JSON.parse(text) : undefined;
        if (res.status >= 500) {
          if (res.status !== 503) this.serverErrors.push(`${method} ${path} → ${res.status} ${text.slice(0, 200)}`);
          // A 503 must say what happened, in French, as a problem document, and when to retry.
          else if (
            parsed?.status !== 503 ||
            typeof parsed?.code !== 'string' ||
            typeof parsed?.detail !== 'string' ||
            !res.headers.get('retry-after')
          )
            this.unclear503.push(`${method} ${path} → ${text.slice(0, 200)}`);
          await sleep(1000);
          continue;
        }
        if (res.status === 409 && parsed?.code?.startsWith('IDEMPOTENCY.')) {
          await sleep(500);
          continue;
        }
        return { status: res.status, body: parsed };
      } catch {
        this.statuses.set('network', (this.statuses.get('network') ?? 0) + 1);
        await sleep(1000);
      }
    }
    throw new Error(`${method} ${path}: gave up`);
  }

  /** A cooperative and its committee, acting on whatever the candidacy's stage asks for next. */
  async drive(coop: string, deadline: number): Promise<string> {
    // 201, or 202 while the system catches up; a retry after a lost response gets the same id.
    const opened = await this.api(
      'POST',
      '/candidacies',
      coop,
      { cooperativeId: coop, policy: 'demo' },
      `open-${coop}`,
    );
    if (opened.status !== 201 && opened.status !== 202)
      throw new Error(`opening answered ${opened.status} ${JSON.stringify(opened.body)}`);
    const id: string = opened.body.id;
    const p = `/candidacies/${id}`;
    while (Date.now() < deadline) {
      const c = (await this.api('GET', p, 'federation')).body;
      const agenda = c.state?.agenda;
      const d = { sessionId: agenda?.sessionId, motivation: 'Décision' };
      switch (c.stage) {
        case 'draft': {
          // Bytes of its own, so that every candidacy's letter is a document of its own in the store.
          const bytes = new TextEncoder().encode(`%PDF-1.4\n% lettre de ${coop}\n%%EOF\n`);
          const form = new FormData();
          form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'lettre.pdf');
          form.append('kind', 'letter_of_commitment');
          const letter = await this.api('POST', `${p}/documents`, coop, form);
          this.letters.set(id, { documentId: letter.body.id, sha256: sha256(bytes) });
          await this.api('PUT', `${p}/dossier`, coop, sampleDossier(letter.body.id), `draft-${id}`);
          await this.api('POST', `${p}/submission`, coop, undefined, `submit-${id}`);
          break;
        }
        case 'under_review':
          if (!agenda?.closed) break;
          if (!c.state.completeness)
            await this.api(
              'POST',
              `${p}/decisions/completeness`,
              'committee',
              { complete: true, ...d },
              `complete-${id}`,
            );
          else
            await this.api(
              'POST',
              `${p}/decisions/admissibility`,
              'committee',
              { admissible: true, ...d },
              `admissible-${id}`,
            );
          break;
        case 'implementation':
          await this.api('POST', `${p}/readiness`, coop, undefined, `ready-${id}`);
          break;
        case 'visit_to_plan':
          await this.api(
            'POST',
            `${p}/visit`,
            'federation',
            { visitorId: 'member-visitor', visitDate: parisDateOf(new Date().toISOString()) },
            `visit-${id}`,
          );
          break;
        case 'visit_scheduled':
          await this.api('POST', `${p}/visit-report`, 'visitor', { findingsSummary: 'Visite faite' }, `report-${id}`);
          break;
        case 'award_decision':
          if (agenda?.closed)
            await this.api('POST', `${p}/decisions/award`, 'committee', { outcome: 'granted', ...d }, `award-${id}`);
          break;
        case 'labelled':
        case 'expired': // labelled, and its (demo) label ran out while this driver waited for an answer
          return id;
        default:
          break;
      }
      await sleep(1500 + Math.random() * 1500);
    }
    throw new Error(`${coop} did not reach labelled in time`);
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
        this.api('POST', '/cooperatives', 'federation', {
          id,
          name: id,
          region: 'Test',
          email: `${id}@faults.example`,
        }),
      ),
    );
    let finished = false;
    const deadline = Date.now() + 15 * 60_000;
    this.giveUpAt = deadline;
    const injector = opts.inject(() => finished);
    const outcomes = await Promise.allSettled(coops.map((c) => this.drive(c, deadline)));
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
        httpStatuses: Object.fromEntries(this.statuses),
      },
    };
  }

  /** The workflow's status, pending workflow task and activities, and its last history events. */
  private async diagnose(coop: string): Promise<string> {
    const connection = await Connection.connect({ address: this.target.temporalAddress });
    try {
      const handle = new Client({ connection }).workflow.getHandle(candidacyWorkflowId(coop));
      const { status, historyLength, raw } = await handle.describe();
      const task = raw.pendingWorkflowTask;
      const activities = (raw.pendingActivities ?? []).map(
        (a) => `${a.activityType?.name} attempt ${a.attempt}: ${a.lastFailure?.message ?? 'no failure'}`,
      );
      const history = await handle.fetchHistory();
      const last = (history.events ?? []).slice(-6).map((e) => {
        const failure = e.workflowTaskFailedEventAttributes?.failure?.message;
        const type = Object.keys(e).find((k) => k.endsWith('EventAttributes') && (e as Record<string, unknown>)[k]);
        return `${type?.replace('EventAttributes', '') ?? e.eventType}${failure ? ` (${failure.slice(0, 160)})` : ''}`;
      });
      return [
        `status ${status.name}, ${historyLength} events`,
        task ? `workflow task pending, attempt ${task.attempt}` : 'no workflow task pending',
        activities.length ? `activities: ${activities.join('; ')}` : 'no activity pending',
        `last events: ${last.join(', ')}`,
      ].join(' · ');
    } catch (e) {
      return `not described: ${(e as Error).message}`;
    } finally {
      await connection.close();
    }
  }

  private async verify(
    reached: Array<{ id: string; coop: string }>,
    outcomeBreaches: string[],
  ): Promise<{ checks: Check[]; figures: Record<string, unknown> }> {
    const ids = reached.map((r) => r.id);
    const orderBreaches: string[] = [];
    const connection = await Connection.connect({ address: this.target.temporalAddress });
    const client = new Client({ connection });
    const ds = await createDataSource(this.target.databaseUrl, 'faults-check').initialize();
    let eventsChecked = 0;
    try {
      const settleBy = Date.now() + 60_000;
      for (const { id, coop } of reached) {
        // The workflow counts an event as soon as it decides it; the event store has it once the
        // recording activity has run (retried after a crash): wait for it, a minute at most.
        let state = await client.workflow.getHandle(candidacyWorkflowId(coop)).query(stateQuery);
        let rows = await this.eventSequences(ds, id);
        while (rows.length < state.sequence && Date.now() < settleBy) {
          await sleep(1000);
          state = await client.workflow.getHandle(candidacyWorkflowId(coop)).query(stateQuery);
          rows = await this.eventSequences(ds, id);
        }
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
      const documents = await this.documentsFromEveryInstance(ids);
      await sleep(8000); // let the outbox drain
      const mails = (await (await fetch(`${this.target.mailUrl}/api/email`)).json()) as Array<{
        headers: Record<string, string>;
      }>;
      const twice = this.emailsSentTwice(mails);
      const instances = this.target.apiUrls.length;
      return {
        checks: [
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
            ok: this.serverErrors.length === 0 && this.unclear503.length === 0,
            detail: [...this.serverErrors, ...this.unclear503].slice(0, 3).join(' | '),
          },
          {
            name: 'PostgreSQL down answered 503 (never 500)',
            ok: (this.statuses.get(503) ?? 0) > 0,
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
   * The e-mails received more than once. Delivery is at least once (notification-sender.ts): a
   * sender killed after the SMTP server accepted a message, before recording it, leaves the row
   * claimed; another sender takes it once the claim is stale and sends the same message again
   * (same Message-ID). Such a copy is `resent`: every copy has the same Message-ID and the senders'
   * logs record the message as sent exactly once. Anything else is `unexplained`.
   */
  private emailsSentTwice(mails: Array<{ headers: Record<string, string> }>): {
    resent: string[];
    unexplained: string[];
  } {
    const copies = new Map<string, Set<string>>();
    const counts = new Map<string, number>();
    for (const m of mails) {
      const key = m.headers['x-qualicoop-notification'] ?? '?';
      counts.set(key, (counts.get(key) ?? 0) + 1);
      copies.set(key, (copies.get(key) ?? new Set()).add(m.headers['message-id'] ?? '?'));
    }
    const logged = new Map<string, number>();
    for (const file of this.target.senderLogs) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.includes('"notification sent"')) continue;
        const key = /"key":"([^"]+)"/.exec(line)?.[1];
        if (key) logged.set(key, (logged.get(key) ?? 0) + 1);
      }
    }
    const resent: string[] = [];
    const unexplained: string[] = [];
    for (const [key, n] of counts) {
      if (n < 2) continue;
      if (n === 2 && copies.get(key)!.size === 1 && logged.get(key) === 1) resent.push(key);
      else unexplained.push(`${key} ×${n}, ${copies.get(key)!.size} Message-IDs, recorded ${logged.get(key) ?? 0}×`);
    }
    return { resent, unexplained };
  }

  private eventSequences(ds: DataSource, candidacyId: string): Promise<Array<{ sequence: number }>> {
    return ds.query<Array<{ sequence: number }>>(
      'SELECT sequence FROM candidacy_events WHERE candidacy_id = $1 ORDER BY cycle, sequence',
      [candidacyId],
    );
  }

  /** Each candidacy's letter, downloaded from every API instance, compared with the bytes sent. */
  private async documentsFromEveryInstance(ids: string[]): Promise<{ checked: number; breaches: string[] }> {
    const breaches: string[] = [];
    let checked = 0;
    const authorization = `Bearer ${await token('federation')}`;
    for (const id of ids) {
      const letter = this.letters.get(id);
      if (!letter) {
        breaches.push(`${id}: no letter recorded`);
        continue;
      }
      for (const base of this.target.apiUrls) {
        const res = await fetch(`${base}/candidacies/${id}/documents/${letter.documentId}`, {
          headers: { authorization },
        });
        const bytes = new Uint8Array(await res.arrayBuffer());
        checked++;
        if (res.status !== 200 || sha256(bytes) !== letter.sha256) breaches.push(`${base} ${id}: ${res.status}`);
      }
    }
    return { checked, breaches };
  }
}

/** Writes the campaign's report (read by `npm test`) and prints its checks; exits 1 on a failure. */
export function conclude(
  label: string,
  reportPath: string,
  result: { checks: Check[]; figures: Record<string, unknown> },
): void {
  const { checks, figures } = result;
  console.log(JSON.stringify(figures, null, 2));
  const failed = checks.filter((c) => !c.ok).length;
  writeFileSync(reportPath, JSON.stringify({ passed: checks.length - failed, failed, checks, figures }, null, 2));
  for (const c of checks) console.log(`[${label}] ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.ok ? '' : ` — ${c.detail}`}`);
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  if (failed) process.exitCode = 1;
}

/** What a campaign that could not even run writes, so that `npm test` counts it as failed. */
export function concludeBroken(label: string, reportPath: string, e: unknown): void {
  console.error(e);
  writeFileSync(
    reportPath,
    JSON.stringify({ passed: 0, failed: 1, checks: [{ name: `${label} test ran`, ok: false, detail: String(e) }] }),
  );
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
}

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
  campaign: FaultCampaign,
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
