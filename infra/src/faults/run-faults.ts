/**
 * `npm run test:faults`: drives candidacies through the API to a granted label while crashing
 * the system — kill -9 of the worker at random moments, a Temporal dev server restart, PostgreSQL
 * stopped for 30 s — then checks that nothing was lost or done twice:
 * every candidacy reaches its expected state; the event store holds every event once and in
 * order; every read model equals its rebuild; no e-mail was sent twice; the API never answered
 * 500 (503 while PostgreSQL was down). Prints the figures and exits 1 on any breach.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
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
import { REPO_ROOT } from '@qualicoop/platform';
import { Stack, startStack } from '../stack';
import { token } from '../api-client';

const N = Number(process.env.FAULTS_CANDIDACIES ?? 100);
const DEMO_MONTH_MS = 10_000;
const statuses = new Map<number | 'network', number>();
const serverErrors: string[] = [];
const unclear503: string[] = [];
const faults: string[] = [];
const log = (msg: string) => console.log(`[faults] ${msg}`);
/** Read by `npm test`, which adds these checks to its closing count. */
const REPORT = join(REPO_ROOT, '.data', 'faults-report.json');
const checks: Array<{ name: string; ok: boolean; detail: string }> = [];
const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function api(
  stack: Stack,
  method: string,
  path: string,
  as: string,
  body?: unknown,
  key?: string,
): Promise<{ status: number; body: any }> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const headers: Record<string, string> = { authorization: `Bearer ${await token(as)}` };
    if (key) headers['idempotency-key'] = key;
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    try {
      const res = await fetch(`${stack.apiUrl}${path}`, {
        method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const parsed = text ? JSON.parse(text) : undefined;
      if (res.status >= 500) {
        if (res.status !== 503) serverErrors.push(`${method} ${path} → ${res.status} ${text.slice(0, 200)}`);
        // A 503 must say what happened, in French, as a problem document, and when to retry.
        else if (
          parsed?.status !== 503 ||
          typeof parsed?.code !== 'string' ||
          typeof parsed?.detail !== 'string' ||
          !res.headers.get('retry-after')
        )
          unclear503.push(`${method} ${path} → ${text.slice(0, 200)}`);
        await sleep(1000);
        continue;
      }
      if (res.status === 409 && parsed?.code?.startsWith('IDEMPOTENCY.')) {
        await sleep(500);
        continue;
      }
      return { status: res.status, body: parsed };
    } catch {
      statuses.set('network', (statuses.get('network') ?? 0) + 1);
      await sleep(1000);
    }
  }
  throw new Error(`${method} ${path}: gave up`);
}

/** A cooperative and its committee, acting on whatever the candidacy's stage asks for next. */
async function drive(stack: Stack, coop: string, deadline: number): Promise<string> {
  // 201, or 202 while the system catches up; a retry after a lost response gets the same id.
  const opened = await api(
    stack,
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
    const c = (await api(stack, 'GET', p, 'federation')).body;
    const agenda = c.state?.agenda;
    const d = { sessionId: agenda?.sessionId, motivation: 'Décision' };
    switch (c.stage) {
      case 'draft': {
        const form = new FormData();
        form.append('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'lettre.pdf');
        form.append('kind', 'letter_of_commitment');
        const letter = await api(stack, 'POST', `${p}/documents`, coop, form);
        await api(stack, 'PUT', `${p}/dossier`, coop, sampleDossier(letter.body.id), `draft-${id}`);
        await api(stack, 'POST', `${p}/submission`, coop, undefined, `submit-${id}`);
        break;
      }
      case 'under_review':
        if (!agenda?.closed) break;
        if (!c.state.completeness)
          await api(
            stack,
            'POST',
            `${p}/decisions/completeness`,
            'committee',
            { complete: true, ...d },
            `complete-${id}`,
          );
        else
          await api(
            stack,
            'POST',
            `${p}/decisions/admissibility`,
            'committee',
            { admissible: true, ...d },
            `admissible-${id}`,
          );
        break;
      case 'implementation':
        await api(stack, 'POST', `${p}/readiness`, coop, undefined, `ready-${id}`);
        break;
      case 'visit_to_plan':
        await api(
          stack,
          'POST',
          `${p}/visit`,
          'federation',
          { visitorId: 'member-visitor', visitDate: parisDateOf(new Date().toISOString()) },
          `visit-${id}`,
        );
        break;
      case 'visit_scheduled':
        await api(stack, 'POST', `${p}/visit-report`, 'visitor', { findingsSummary: 'Visite faite' }, `report-${id}`);
        break;
      case 'award_decision':
        if (agenda?.closed)
          await api(stack, 'POST', `${p}/decisions/award`, 'committee', { outcome: 'granted', ...d }, `award-${id}`);
        break;
      case 'labelled':
        return id;
      default:
        break;
    }
    await sleep(1500 + Math.random() * 1500);
  }
  throw new Error(`${coop} did not reach labelled in time`);
}

async function injectFaults(stack: Stack, done: () => boolean): Promise<void> {
  const started = Date.now();
  let temporalRestarted = false;
  let postgresStopped = false;
  while (!done() && Date.now() - started < 600_000) {
    await sleep(4000 + Math.random() * 5000);
    if (done()) break;
    const elapsed = Date.now() - started;
    if (!temporalRestarted && elapsed > 30_000) {
      temporalRestarted = true;
      faults.push('temporal restart');
      log('restarting the Temporal dev server');
      await stack.faults.restartTemporal();
      continue;
    }
    if (!postgresStopped && elapsed > 60_000) {
      postgresStopped = true;
      faults.push('postgres stopped 30 s');
      log('stopping PostgreSQL for 30 s');
      await stack.faults.stopPostgres();
      await sleep(30_000);
      await stack.faults.startPostgres();
      log('PostgreSQL back');
      continue;
    }
    faults.push('kill -9 worker');
    stack.faults.killWorker();
    await sleep(500 + Math.random() * 1500);
    stack.faults.startWorker();
  }
}

async function main(): Promise<void> {
  const dataDir = join(REPO_ROOT, '.data', 'faults');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  rmSync(REPORT, { force: true });
  const stack = await startStack({
    dataDir,
    ports: { postgres: 30432, temporal: 30233, temporalUi: 30333, api: 30000, mailSmtp: 30025, mailWeb: 30080 },
    policy: 'standard',
    env: {
      QC_ALLOW_POLICY_CHOICE: 'true',
      QC_DEMO_MONTH_MS: String(DEMO_MONTH_MS),
      QC_RATE_LIMIT_PER_MINUTE: '10000000',
      QC_READ_RATE_LIMIT_PER_MINUTE: '10000000',
    },
  });
  const outcomeBreaches: string[] = [];
  const orderBreaches: string[] = [];
  try {
    const run = randomUUID().slice(0, 6);
    const coops = Array.from({ length: N }, (_, i) => `faults-${run}-${i}`);
    await Promise.all(
      coops.map((id) =>
        api(stack, 'POST', '/cooperatives', 'federation', {
          id,
          name: id,
          region: 'Test',
          email: `${id}@faults.example`,
        }),
      ),
    );
    let finished = false;
    const deadline = Date.now() + 15 * 60_000;
    const injector = injectFaults(stack, () => finished);
    const outcomes = await Promise.allSettled(coops.map((c) => drive(stack, c, deadline)));
    finished = true;
    await injector;
    const reached = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [{ id: o.value, coop: coops[i]! }] : []));
    const ids = reached.map((r) => r.id);
    outcomes.forEach(
      (o, i) => o.status === 'rejected' && outcomeBreaches.push(`${coops[i]}: ${(o.reason as Error).message}`),
    );

    const connection = await Connection.connect({ address: stack.temporalAddress });
    const client = new Client({ connection });
    const ds = await createDataSource(stack.databaseUrl, 'faults-check').initialize();
    let eventsChecked = 0;
    for (const { id, coop } of reached) {
      const state = await client.workflow.getHandle(candidacyWorkflowId(coop)).query(stateQuery);
      const rows = await ds.query<Array<{ sequence: number }>>(
        'SELECT sequence FROM candidacy_events WHERE candidacy_id = $1 ORDER BY cycle, sequence',
        [id],
      );
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
    const [{ duplicates }] = await ds.query(
      'SELECT count(*)::int AS duplicates FROM (SELECT 1 FROM candidacy_events GROUP BY candidacy_id, cycle, sequence HAVING count(*) > 1) d',
    );
    const rebuild = await rebuildReadModels(ds, { dryRun: true });
    // Rows stored by the API before a command that may have timed out: never deleted unless refused.
    const dangling = await danglingReferences(ds, ids);
    const [{ referring }] = await ds.query(
      'SELECT count(*)::int AS referring FROM candidacy_events WHERE candidacy_id = ANY($1) AND type = ANY($2)',
      [ids, [...REPORT_EVENTS, ...DOSSIER_EVENTS]],
    );
    await sleep(8000); // let the outbox drain
    const mails = (await (await fetch(`${stack.mailUrl}/api/email`)).json()) as Array<{
      headers: Record<string, string>;
    }>;
    const perKey = new Map<string, number>();
    for (const m of mails)
      perKey.set(
        m.headers['x-qualicoop-notification'] ?? '?',
        (perKey.get(m.headers['x-qualicoop-notification'] ?? '?') ?? 0) + 1,
      );
    const sentTwice = [...perKey.values()].filter((n) => n > 1).length;
    await ds.destroy();
    await connection.close();

    const count = (f: string) => faults.filter((x) => x === f).length;
    check(
      'faults injected: kill -9 of the worker (≥ 5), a Temporal restart, PostgreSQL stopped 30 s',
      count('kill -9 worker') >= 5 && count('temporal restart') === 1 && count('postgres stopped 30 s') === 1,
      faults.join(', '),
    );
    check(
      `all ${N} candidacies reached their label`,
      ids.length === N && outcomeBreaches.length === 0,
      outcomeBreaches.slice(0, 5).join(' | '),
    );
    check(
      'every event stored exactly once and in order',
      duplicates === 0 && orderBreaches.length === 0,
      `${duplicates} duplicated; ${orderBreaches.slice(0, 5).join(' | ')}`,
    );
    check(
      'every read model equals its rebuild from the events',
      rebuild.changed.length === 0,
      `${rebuild.changed.length} differ`,
    );
    check(
      'every report and dossier version an event names exists',
      dangling.length === 0 && referring > 0,
      `${dangling.length} of ${referring} missing: ${dangling
        .slice(0, 3)
        .map((d) => `${d.candidacyId} #${d.sequence} ${d.type} → ${d.reference}`)
        .join(' | ')}`,
    );
    check(
      'no notification e-mailed twice',
      sentTwice === 0 && mails.length > 0,
      `${sentTwice} sent twice of ${mails.length}`,
    );
    check(
      'no 5xx but 503, and every 503 a clear problem document with Retry-After',
      serverErrors.length === 0 && unclear503.length === 0,
      [...serverErrors, ...unclear503].slice(0, 3).join(' | '),
    );
    check('PostgreSQL down answered 503 (never 500)', (statuses.get(503) ?? 0) > 0, 'no 503 seen');

    const figures = {
      candidacies: N,
      reachedLabel: ids.length,
      faultsInjected: faults.length,
      faults: Object.fromEntries([...new Set(faults)].map((f) => [f, count(f)])),
      eventsChecked,
      duplicatedEvents: duplicates,
      readModelsChecked: rebuild.candidacies,
      readModelsDiffering: rebuild.changed.length,
      referencesChecked: referring,
      referencesDangling: dangling.length,
      emails: mails.length,
      emailsSentTwice: sentTwice,
      httpStatuses: Object.fromEntries(statuses),
    };
    console.log(JSON.stringify(figures, null, 2));
    writeFileSync(
      REPORT,
      JSON.stringify(
        { passed: checks.filter((c) => c.ok).length, failed: checks.filter((c) => !c.ok).length, checks, figures },
        null,
        2,
      ),
    );
  } finally {
    await stack.stop();
  }
  for (const c of checks) console.log(`[faults] ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.ok ? '' : ` — ${c.detail}`}`);
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  if (failed) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  writeFileSync(
    REPORT,
    JSON.stringify({ passed: 0, failed: 1, checks: [{ name: 'fault test ran', ok: false, detail: String(e) }] }),
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
});
