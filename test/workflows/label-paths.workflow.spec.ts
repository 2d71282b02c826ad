/**
 * Paths from admissibility to the end of a label: the 18-month window running out, overdue
 * checkpoints, extension, refusal, mid-term withdrawal, renewal refused, expiry, renunciation.
 */
import { reminderAt } from '@qualicoop/domain';
import { CandidacyDriver, COMMITTEE, FEDERATION, reach, VISITOR } from '../support/candidacy-driver';
import { Harness, startHarness } from '../support/workflow-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});
const { decision } = reach;
const after = (iso: string, ms = 60_000) => new Date(Date.parse(iso) + ms).toISOString();

it('the 18-month window runs out: overdue checkpoints escalated, visit to plan at the deadline', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-20');
  const s = await reach.implementation(d);
  const end = s.implementationDeadline!;
  await d.advanceTo(after(end.dueAt));
  const state = await d.until((x) => x!.stage === 'visit_to_plan', 'visit to plan');
  expect(state.checkpoints.map((c) => c.overdue)).toEqual([true, true]);
  const types = (await d.events()).map((e) => e.type);
  expect(types.filter((t) => t === 'CheckpointOverdue')).toHaveLength(2);
  expect(types).toContain('ImplementationWindowEnded');
  const keys = (await d.reminders()).map((r) => r.key);
  expect(keys).toEqual(
    expect.arrayContaining([
      'reminder:checkpoint-6:30d',
      'reminder:checkpoint-6:7d',
      'reminder:checkpoint-12:30d',
      'reminder:checkpoint-12:7d',
      'reminder:visit-to-plan-1:60d',
    ]),
  );
  expect(new Set(keys).size).toBe(keys.length);
  // Escalation reaches the federation through the notification outbox, once per checkpoint.
  const escalations = await h.ds.query(
    `SELECT recipient FROM notifications WHERE candidacy_id = $1 AND kind = 'checkpoint_overdue' AND recipient = 'federation'`,
    [d.candidacyId],
  );
  expect(escalations).toHaveLength(2);
});

it('visit reminders go to the visitor and the coop 14 days and 1 day before', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-21');
  const s = await reach.visitScheduled(d);
  await d.advanceTo(`${s.visit!.date}T06:00:00.000Z`);
  await d.until((x) => x!.remindersSent.includes('reminder:visit-1:1d'));
  const reminders = await d.reminders();
  expect(reminders.map((r) => r.key)).toEqual(['reminder:visit-1:14d', 'reminder:visit-1:1d']);
  const visitorMails = await h.ds.query(
    `SELECT recipient FROM notifications WHERE candidacy_id = $1 AND kind = 'reminder' ORDER BY created_at`,
    [d.candidacyId],
  );
  expect(visitorMails.map((n: { recipient: string }) => n.recipient)).toEqual([
    `visitor:${VISITOR.id}`,
    `coop:coop-test-21`,
    `visitor:${VISITOR.id}`,
    `coop:coop-test-21`,
  ]);
});

it('extension: back to implementation with a new deadline, once only', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-22');
  const session = await reach.awardDecision(d);
  expect(
    (await d.refusal('DecideAward', { outcome: 'extension', extensionMonths: 7, ...decision(session) }, COMMITTEE))
      .code,
  ).toBe('LIFECYCLE.EXTENSION_TOO_LONG');
  const extended = await d.do(
    'DecideAward',
    { outcome: 'extension', extensionMonths: 6, ...decision(session) },
    COMMITTEE,
  );
  expect(extended.state.stage).toBe('implementation');
  expect(extended.state.extensionsUsed).toBe(1);
  await d.do('DeclareReadiness', {});
  const visitDate = new Date((await d.now()) + 20 * 86_400_000).toISOString().slice(0, 10);
  await d.do('ScheduleVisit', { visitorId: VISITOR.id, visitDate }, FEDERATION);
  await d.advanceTo(`${visitDate}T16:00:00.000Z`);
  await d.do('FileVisitReport', { reportId: 'visit-2', findingsSummary: 'Progrès nets.' }, VISITOR);
  const second = await d.throughCutoff();
  expect(
    (await d.refusal('DecideAward', { outcome: 'extension', extensionMonths: 3, ...decision(second) }, COMMITTEE)).code,
  ).toBe('LIFECYCLE.EXTENSION_ALREADY_USED');
  expect((await d.do('DecideAward', { outcome: 'granted', ...decision(second) }, COMMITTEE)).state.stage).toBe(
    'labelled',
  );
});

it('award refused: not awarded, closed', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-23');
  const session = await reach.awardDecision(d);
  await d.do('DecideAward', { outcome: 'refused', sessionId: session, motivation: 'Moyens insuffisants' }, COMMITTEE);
  expect(await d.result()).toMatchObject({ stage: 'not_awarded' });
});

it('mid-term review withdraws the label', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-24');
  const s = await reach.labelled(d);
  await d.advanceTo(reminderAt(s.label!.midTerm.deadline, { daysBefore: 30 }, s.policy));
  await d.until((x) => x!.remindersSent.includes('reminder:mid-term:30d'));
  await d.do('FileMidTermReport', { reportId: 'mid-term' });
  const session = await d.throughCutoff();
  await d.do(
    'DecideMidTerm',
    { outcome: 'withdrawn', sessionId: session, motivation: 'Engagements abandonnés' },
    COMMITTEE,
  );
  expect(await d.result()).toMatchObject({ stage: 'label_withdrawn' });
});

it('renewal refused: the label still ends at its expiry date', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-25');
  const s = await reach.labelled(d);
  await d.advanceTo(after(reminderAt(s.label!.expiresOn, { monthsBefore: 3 }, s.policy), 86_400_000));
  await d.do('RequestRenewal', { dossierVersion: 3 });
  const session = await d.throughCutoff();
  const refused = await d.do(
    'DecideRenewal',
    { outcome: 'refused', sessionId: session, motivation: 'Résultats non maintenus' },
    COMMITTEE,
  );
  expect(refused.state.stage).toBe('labelled');
  await d.advanceTo(after(s.label!.expiresOn.dueAt));
  expect(await d.result()).toMatchObject({ stage: 'expired' });
});

it('expiry without renewal: each renewal reminder once, then expired and both notified', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-26');
  const s = await reach.labelled(d);
  await d.advanceTo(after(s.label!.expiresOn.dueAt));
  expect(await d.result()).toMatchObject({ stage: 'expired', cycle: 1 });
  const keys = (await d.reminders()).map((r) => r.key).filter((k) => k.startsWith('reminder:renewal'));
  expect(keys).toEqual(['reminder:renewal:6m', 'reminder:renewal:3m', 'reminder:renewal:1m']);
  const expired = await h.ds.query(
    `SELECT recipient FROM notifications WHERE candidacy_id = $1 AND kind = 'label_expired' ORDER BY recipient`,
    [d.candidacyId],
  );
  expect(expired.map((n: { recipient: string }) => n.recipient)).toEqual(['coop:coop-test-26', 'federation']);
});

it('renunciation of a held label closes the cycle', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-27');
  await reach.labelled(d);
  expect((await d.refusal('Withdraw', { reason: 'x' })).code).toBe('LIFECYCLE.WITHDRAW_AFTER_AWARD');
  await d.do('RenounceLabel', { reason: 'Fusion avec une autre coopérative' });
  expect(await d.result()).toMatchObject({ stage: 'renounced' });
});

describe('withdrawal from each stage before the award', () => {
  const stages: Array<[string, (d: CandidacyDriver) => Promise<unknown>]> = [
    ['draft', () => Promise.resolve(undefined)],
    ['on_agenda', (d) => d.submit()],
    ['under_review', (d) => reach.underReview(d)],
    [
      'awaiting_complement',
      async (d) => {
        const session = await reach.underReview(d);
        await d.do('RecordCompleteness', { complete: false, missing: ['Annexe'], ...decision(session) }, COMMITTEE);
      },
    ],
    ['implementation', (d) => reach.implementation(d)],
    [
      'visit_to_plan',
      async (d) => {
        await reach.implementation(d);
        await d.do('DeclareReadiness', {});
      },
    ],
    ['visit_scheduled', (d) => reach.visitScheduled(d)],
    ['award_decision', (d) => reach.awardDecision(d)],
  ];
  it.each(stages.map(([stage, go], i) => [stage, go, i]))('withdraws from %s', async (stage, go, i) => {
    const d = await CandidacyDriver.open(h, `coop-test-${30 + i}`);
    await go(d);
    expect((await d.state()).stage).toBe(stage);
    await d.do('Withdraw', { reason: 'La coopérative suspend sa démarche' });
    expect(await d.result()).toMatchObject({ stage: 'withdrawn' });
    expect((await d.events()).at(-1)?.type).toBe('CandidacyWithdrawn');
  });
});
