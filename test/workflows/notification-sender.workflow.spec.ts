/**
 * The notification sender against a real PostgreSQL and a real SMTP server (MailDev, read back
 * through its REST API): each outbox row becomes exactly one e-mail, to the right addresses, in
 * French; two senders never send the same row; undeliverable rows fail after 5 attempts.
 *
 * The suite uses a database of its own on the workflow tests' server: the other suites leave
 * pending outbox rows behind, which a sender would otherwise deliver here.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { createDataSource, resolveRecipients } from '@qualicoop/persistence';
import { migrate } from '@qualicoop/infra';
// The sender is the worker's: exercised here in-process, against the real database and SMTP server.
// eslint-disable-next-line @nx/enforce-module-boundaries -- an e2e-tagged suite exercising the worker app's sender in-process
import { messageIdFor, NotificationSender, NotificationSenderOptions } from '../../apps/worker/src/notification-sender';

const DATABASE = 'qc_notification_sender_test';

interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  from: Array<{ address: string; name: string }>;
  to: Array<{ address: string }>;
  headers: Record<string, string>;
}

/**
 * MailDev 3 is ESM-only, which Jest's module registry cannot load: the catcher runs in a worker
 * thread (plain Node, this process) from the compiled infra, as the global setup does for PostgreSQL.
 */
async function startCatcherThread(): Promise<{ smtpUrl: string; apiUrl: string; stop(): Promise<void> }> {
  const compiled = join(__dirname, '..', '..', 'dist', 'infra', 'src', 'mail-catcher.js');
  if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run npx tsc -b tsconfig.build.json first`);
  const thread = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     require(workerData.compiled).startMailCatcher({ smtpPort: 0, webPort: 0 }).then((catcher) => {
       parentPort.postMessage({ smtpUrl: catcher.smtpUrl, apiUrl: catcher.apiUrl });
       parentPort.once('message', () => catcher.stop().finally(() => parentPort.close()));
     }, (e) => parentPort.postMessage({ error: String((e && e.stack) || e) }));`,
    { eval: true, workerData: { compiled } },
  );
  const started = await new Promise<{ smtpUrl: string; apiUrl: string; error?: string }>((resolve, reject) => {
    thread.once('message', resolve);
    thread.once('error', reject);
  });
  if (started.error) throw new Error(started.error);
  const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
  return {
    smtpUrl: started.smtpUrl,
    apiUrl: started.apiUrl,
    async stop() {
      thread.postMessage('stop');
      await exited;
    },
  };
}

let admin: DataSource;
let ownUrl: string;
let ds: DataSource;
let catcher: Awaited<ReturnType<typeof startCatcherThread>>;
const logs: string[] = [];

function sender(
  options: NotificationSenderOptions = {},
  dataSource = ds,
  log: (line: string) => void = (line) => logs.push(line),
): NotificationSender {
  return new NotificationSender(dataSource, { smtpUrl: catcher.smtpUrl, retryBaseDelayMs: 0, log, ...options });
}

async function mails(): Promise<CaughtMail[]> {
  const res = await fetch(`${catcher.apiUrl}/email`);
  expect(res.status).toBe(200);
  return (await res.json()) as CaughtMail[];
}

async function insertNotification(n: {
  key: string;
  recipient: string;
  subject?: string;
  body?: string;
  status?: string;
  attempts?: number;
  sentAgo?: string;
}): Promise<void> {
  await ds.query(
    `INSERT INTO notifications (key, candidacy_id, kind, recipient, subject, body, status, attempts, sent_at)
     VALUES ($1, $2, 'stage_changed', $3, $4, $5, $6, $7, CASE WHEN $8::interval IS NULL THEN NULL ELSE now() - $8::interval END)`,
    [
      n.key,
      randomUUID(),
      n.recipient,
      n.subject ?? `[Quali'Coop] Sujet ${n.key}`,
      n.body ?? `Bonjour,\n\nMessage ${n.key}.`,
      n.status ?? 'pending',
      n.attempts ?? 0,
      n.sentAgo ?? null,
    ],
  );
}

async function row(key: string): Promise<{
  status: string;
  attempts: number;
  message_id: string | null;
  sent_at: Date | null;
  last_error: string | null;
}> {
  const [r] = await ds.query(
    'SELECT status, attempts, message_id, sent_at, last_error FROM notifications WHERE key = $1',
    [key],
  );
  return r;
}

beforeAll(async () => {
  const url = process.env.QC_WF_DATABASE_URL;
  if (!url) throw new Error('QC_WF_DATABASE_URL is not set: run workflow tests through jest --selectProjects workflow');
  admin = await createDataSource(url, 'notification-sender-tests').initialize();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const own = new URL(url);
  own.pathname = `/${DATABASE}`;
  ownUrl = own.toString();
  await migrate(ownUrl);
  ds = await createDataSource(ownUrl, 'notification-sender-tests').initialize();
  await ds.query(
    `INSERT INTO cooperatives (id, name, region, email) VALUES ('mail-test-coop', 'Coopérative Mail-Test', 'Bretagne', 'contact@mail-test-coop.example')`,
  );
  const people: Array<[string, string, string | null, string, boolean]> = [
    ['mail-test-alice', 'coop', 'mail-test-coop', 'alice@mail-test-coop.example', true],
    ['mail-test-bob', 'coop', 'mail-test-coop', 'bob@mail-test-coop.example', false],
    ['mail-test-desk', 'coop', 'mail-test-coop', 'Contact@Mail-Test-Coop.example', true], // the cooperative's address again
    ['mail-test-fed-1', 'federation', null, 'federation@mail-test.example', true],
    ['mail-test-fed-2', 'federation', null, 'former@mail-test.example', false],
    ['mail-test-com-1', 'committee', null, 'president@comite-mail-test.example', true],
    ['mail-test-visitor', 'committee', null, 'visiteur@comite-mail-test.example', true],
  ];
  for (const [id, role, cooperativeId, email, active] of people) {
    await ds.query(
      'INSERT INTO people (id, role, cooperative_id, name, email, active) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, role, cooperativeId, `Personne ${id}`, email, active],
    );
  }
  catcher = await startCatcherThread();
});

afterAll(async () => {
  await catcher?.stop();
  await ds?.destroy();
  await admin?.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`).catch(() => undefined);
  await admin?.destroy();
});

beforeEach(async () => {
  await ds.query('DELETE FROM notifications');
  await fetch(`${catcher.apiUrl}/email/all`, { method: 'DELETE' });
  logs.length = 0;
});

test('each notification leaves once, to every address of its recipient, in French, with a stable Message-ID', async () => {
  const candidacy = randomUUID();
  const rows = [
    {
      key: `${candidacy}:1:4:0`,
      recipient: 'coop:mail-test-coop',
      subject: "[Quali'Coop] Votre candidature : dossier déposé",
      body: "Bonjour,\n\nVotre candidature à la démarche Quali'Coop est désormais : dossier déposé (le 12 février 2026).\n\nÉchéance en cours : 30 avril 2026.\n\n— La Fédération nationale des Coop'HLM, démarche Quali'Coop",
      to: ['alice@mail-test-coop.example', 'contact@mail-test-coop.example'],
    },
    {
      key: `${candidacy}:1:9:0`,
      recipient: 'federation',
      subject: "[Quali'Coop] Point d'étape à 6 mois en retard (mail-test-coop)",
      body: "Bonjour,\n\nLe bilan du point d'étape à 6 mois de mail-test-coop n'a pas été déposé (échéance : 3 mars 2027).",
      to: ['federation@mail-test.example'],
    },
    {
      key: 'session:2026-03-mail-test:agenda-closed',
      recipient: 'committee',
      subject: "[Quali'Coop] Ordre du jour de la séance 2026-03 arrêté",
      body: "Bonjour,\n\nL'ordre du jour de la séance 2026-03 du comité de validation est arrêté. Il est consultable dans l'espace du comité.",
      to: ['president@comite-mail-test.example', 'visiteur@comite-mail-test.example'],
    },
    {
      key: `${candidacy}:1:12:0`,
      recipient: 'visitor:mail-test-visitor',
      subject: "[Quali'Coop] Rappel : visite sur site à planifier",
      body: 'Bonjour,\n\nRappel : la visite sur site reste à planifier. Merci de proposer des dates à la coopérative.',
      to: ['visiteur@comite-mail-test.example'],
    },
  ];
  for (const r of rows) await insertNotification(r);

  const s = sender();
  expect(await s.sendBatch()).toBe(4);
  expect(await s.sendBatch()).toBe(0);
  await s.stop();

  const caught = await mails();
  expect(caught).toHaveLength(rows.length);
  for (const r of rows) {
    const matching = caught.filter((m) => m.headers['x-qualicoop-notification'] === r.key);
    expect(matching).toHaveLength(1);
    const mail = matching[0]!;
    expect(mail.headers['message-id']).toBe(messageIdFor(r.key));
    expect(mail.subject).toBe(r.subject);
    expect(mail.text.trimEnd()).toBe(r.body);
    expect(mail.to.map((a) => a.address.toLowerCase()).sort()).toEqual(r.to);
    expect(mail.from).toEqual([{ address: 'qualicoop@federation-coophlm.example', name: "Quali'Coop" }]);
    const stored = await row(r.key);
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, message_id: messageIdFor(r.key), last_error: null });
    expect(stored.sent_at).toBeInstanceOf(Date);
  }
  expect(messageIdFor('session:2026-03-mail-test:agenda-closed')).toBe(
    '<session.2026-03-mail-test.agenda-closed@quali-coop>',
  );
  const sentLogs = logs.map((l) => JSON.parse(l)).filter((l) => l.msg === 'notification sent');
  expect(sentLogs).toHaveLength(4);
  expect(sentLogs[0]).toMatchObject({ level: 'info', component: 'notification-sender', attempt: 1 });
});

test('two senders side by side never send the same row: 30 rows, 30 e-mails', async () => {
  for (let i = 1; i <= 30; i++)
    await insertNotification({ key: `mail-test-parallel:${String(i).padStart(2, '0')}`, recipient: 'federation' });
  const second = await createDataSource(ownUrl, 'notification-sender-tests-2').initialize();
  const sentBy: Array<Set<string>> = [new Set(), new Set()];
  const track = (n: 0 | 1) => (line: string) => {
    const entry = JSON.parse(line);
    if (entry.msg === 'notification sent') sentBy[n]!.add(entry.key);
  };
  const senders = [sender({}, ds, track(0)), sender({}, second, track(1))];
  try {
    let claimed = 0;
    for (;;) {
      const counts = await Promise.all(senders.map((s) => s.sendBatch()));
      if (counts.every((c) => c === 0)) break;
      claimed += counts.reduce((a, b) => a + b, 0);
    }
    expect(claimed).toBe(30);
  } finally {
    for (const s of senders) await s.stop();
    await second.destroy();
  }
  // Both took part, and no row went through both.
  expect(sentBy[0]!.size).toBeGreaterThan(0);
  expect(sentBy[1]!.size).toBeGreaterThan(0);
  expect([...sentBy[0]!].filter((k) => sentBy[1]!.has(k))).toEqual([]);
  expect(sentBy[0]!.size + sentBy[1]!.size).toBe(30);

  const caught = await mails();
  expect(caught).toHaveLength(30);
  expect(new Set(caught.map((m) => m.headers['x-qualicoop-notification'])).size).toBe(30);
  const [{ sent }] = await ds.query(
    `SELECT count(*)::int AS sent FROM notifications WHERE status = 'sent' AND attempts = 1`,
  );
  expect(sent).toBe(30);
});

test('a row stuck in "sending" for more than 5 minutes is taken again; a live claim is left alone', async () => {
  await insertNotification({
    key: 'mail-test-stale',
    recipient: 'federation',
    status: 'sending',
    attempts: 1,
    sentAgo: '6 minutes',
  });
  await insertNotification({
    key: 'mail-test-live',
    recipient: 'federation',
    status: 'sending',
    attempts: 1,
    sentAgo: '1 minute',
  });
  const s = sender();
  expect(await s.sendBatch()).toBe(1);
  await s.stop();
  expect(await row('mail-test-stale')).toMatchObject({
    status: 'sent',
    attempts: 2,
    message_id: messageIdFor('mail-test-stale'),
  });
  expect(await row('mail-test-live')).toMatchObject({ status: 'sending', attempts: 1, message_id: null });
  expect((await mails()).map((m) => m.headers['x-qualicoop-notification'])).toEqual(['mail-test-stale']);
});

test('the database lost just after the SMTP server accepted: the mark waits for it, and nothing leaves twice', async () => {
  // The outage is the database refusing the mark (a trigger, while a row says so): the message
  // has left, PostgreSQL comes back 3 s later.
  await ds.query('CREATE TABLE mail_test_outage (since timestamptz)');
  await ds.query(`CREATE FUNCTION mail_test_refuse_marks() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status = 'sent' AND EXISTS (SELECT 1 FROM mail_test_outage) THEN
        RAISE EXCEPTION 'the database is away (test outage)';
      END IF;
      RETURN NEW;
    END $$`);
  await ds.query(
    'CREATE TRIGGER mail_test_refuse_marks BEFORE UPDATE ON notifications FOR EACH ROW EXECUTE FUNCTION mail_test_refuse_marks()',
  );
  try {
    await insertNotification({ key: 'mail-test-outage', recipient: 'federation' });
    await ds.query('INSERT INTO mail_test_outage VALUES (now())');
    const back = new Promise<void>((resolve) =>
      setTimeout(() => void ds.query('DELETE FROM mail_test_outage').then(() => resolve()), 3000),
    );
    const s = sender();
    expect(await s.sendBatch()).toBe(1); // returns once the mark is made
    await back;
    expect(await s.sendBatch()).toBe(0);
    await s.stop();
    expect(await row('mail-test-outage')).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await mails()).map((m) => m.headers['x-qualicoop-notification'])).toEqual(['mail-test-outage']);
    const waited = logs.map((l) => JSON.parse(l)).filter((l) => l.key === 'mail-test-outage');
    expect(waited.map((l) => l.msg)).toEqual([
      'notification sent, marking it waits for the database',
      'notification sent',
    ]);
  } finally {
    await ds.query('DROP TRIGGER mail_test_refuse_marks ON notifications');
    await ds.query('DROP FUNCTION mail_test_refuse_marks()');
    await ds.query('DROP TABLE mail_test_outage');
  }
});

test('a recipient without any address is retried after a delay, then failed after 5 attempts, without throwing', async () => {
  const keys = ['mail-test-nobody', 'mail-test-unknown-coop', 'mail-test-bad-recipient'];
  await insertNotification({ key: keys[0]!, recipient: 'visitor:mail-test-nobody' });
  await insertNotification({ key: keys[1]!, recipient: 'coop:mail-test-unknown-coop' });
  await insertNotification({ key: keys[2]!, recipient: 'everyone' });

  // With the production backoff, a failed row waits (1 minute) before its next attempt.
  const patient = sender({ retryBaseDelayMs: 60_000 });
  expect(await patient.sendBatch()).toBe(3);
  expect(await patient.sendBatch()).toBe(0);
  await patient.stop();
  for (const key of keys) expect(await row(key)).toMatchObject({ status: 'pending', attempts: 1 });

  const eager = sender({ retryBaseDelayMs: 0 });
  for (let attempt = 2; attempt <= 5; attempt++) {
    await expect(eager.sendBatch()).resolves.toBe(3);
    for (const key of keys) expect((await row(key)).status).toBe(attempt < 5 ? 'pending' : 'failed');
  }
  expect(await eager.sendBatch()).toBe(0);
  await eager.stop();
  for (const key of keys) {
    const stored = await row(key);
    expect(stored).toMatchObject({ status: 'failed', attempts: 5, message_id: null });
    expect(stored.last_error).toContain('no e-mail address');
  }
  expect(await mails()).toEqual([]);
  expect(logs.map((l) => JSON.parse(l)).filter((l) => l.level === 'error')).toHaveLength(3);
});

test('when the SMTP server is unreachable, one attempt counts and the rest of the batch is given back', async () => {
  for (const key of ['mail-test-down-1', 'mail-test-down-2', 'mail-test-down-3'])
    await insertNotification({ key, recipient: 'federation' });
  const down = sender({ smtpUrl: 'smtp://127.0.0.1:9' });
  expect(await down.sendBatch()).toBe(3);
  await down.stop();
  expect(await row('mail-test-down-1')).toMatchObject({ status: 'pending', attempts: 1 });
  expect((await row('mail-test-down-1')).last_error).toMatch(/ESOCKET|ECONNECTION|ECONNREFUSED/);
  for (const key of ['mail-test-down-2', 'mail-test-down-3'])
    expect(await row(key)).toMatchObject({ status: 'pending', attempts: 0 });

  // Once the server is back, everything leaves.
  const up = sender();
  expect(await up.sendBatch()).toBe(3);
  await up.stop();
  expect(await mails()).toHaveLength(3);
});

test('start() polls the outbox until stop(), which waits for the batch in progress', async () => {
  const s = sender({ pollIntervalMs: 50 });
  s.start();
  await insertNotification({ key: 'mail-test-polled', recipient: 'coop:mail-test-coop' });
  const deadline = Date.now() + 10_000;
  while ((await row('mail-test-polled')).status !== 'sent' && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  await s.stop();
  expect((await row('mail-test-polled')).status).toBe('sent');
  const messages = logs.map((l) => JSON.parse(l).msg);
  expect(messages[0]).toBe('notification sender started');
  expect(messages[messages.length - 1]).toBe('notification sender stopped');
  // Stopped: nothing more is taken.
  await insertNotification({ key: 'mail-test-after-stop', recipient: 'coop:mail-test-coop' });
  await new Promise((r) => setTimeout(r, 200));
  expect((await row('mail-test-after-stop')).status).toBe('pending');
});

test("a session's agenda message goes to its members, or to the whole committee when it lists none", async () => {
  await ds.query(
    `INSERT INTO committee_sessions (id, calendar, session_date, cutoff_at, members) VALUES
       ('mail-test-with-members', 'standard', '2027-03-09T09:00:00Z', '2027-02-16T22:59:59Z', '{mail-test-visitor,mail-test-fed-1}'),
       ('mail-test-no-members', 'standard', '2027-06-08T08:00:00Z', '2027-05-18T21:59:59Z', '{}')`,
  );
  // A federation person listed by mistake is not a committee member: not addressed.
  expect(await resolveRecipients(ds, 'committee-session:mail-test-with-members')).toEqual([
    'visiteur@comite-mail-test.example',
  ]);
  for (const session of ['mail-test-no-members', 'unknown-session']) {
    expect(await resolveRecipients(ds, `committee-session:${session}`)).toEqual([
      'president@comite-mail-test.example',
      'visiteur@comite-mail-test.example',
    ]);
  }

  await insertNotification({
    key: 'session:mail-test-with-members:agenda-closed',
    recipient: 'committee-session:mail-test-with-members',
  });
  const s = sender();
  expect(await s.sendBatch()).toBe(1);
  await s.stop();
  const [mail] = await mails();
  expect(mail!.to.map((a) => a.address)).toEqual(['visiteur@comite-mail-test.example']);
});
