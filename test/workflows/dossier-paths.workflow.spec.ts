/**
 * Paths before admissibility: complement answered, lapse at the deadline, not admissible, and
 * out-of-order or wrong-role decisions refused before they enter the history.
 */
import { deadline, DEMO_POLICY, endOfDay, parisDateOf, STANDARD_POLICY } from '@qualicoop/domain';
import { CandidacyDriver, COMMITTEE, reach } from '../support/candidacy-driver';
import { Harness, startHarness } from '../support/workflow-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});
const { decision } = reach;
const dayBefore = (iso: string, days: number) => new Date(Date.parse(iso) - days * 86_400_000).toISOString();

it('incomplete → complement answered: back on the next agenda, the J-3 reminder never sent', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-10');
  const session = await reach.underReview(d);
  const asked = await d.do(
    'RecordCompleteness',
    { complete: false, missing: ['Lettre signée', 'Indicateur C3'], ...decision(session) },
    COMMITTEE,
  );
  expect(asked.state.stage).toBe('awaiting_complement');
  const deadline = asked.state.complement!.deadline;

  // The J-14 reminder goes out; the coop answers before J-3.
  await d.advanceTo(dayBefore(deadline.dueAt, 8));
  await d.until((s) => s!.remindersSent.includes('reminder:complement-1:14d'));
  await d.do('AnswerComplement', { dossierVersion: 2, dossierHash: 'sha-2' });
  const next = await d.throughCutoff();
  expect(next).not.toBe(session);
  await d.advanceTo(dayBefore(deadline.dueAt, -30));
  await d.do('RecordCompleteness', { complete: true, ...decision(next) }, COMMITTEE);
  const admitted = await d.do('RecordAdmissibility', { admissible: true, ...decision(next) }, COMMITTEE);
  expect(admitted.state.stage).toBe('implementation');
  expect((await d.reminders()).map((r) => r.key).filter((k) => k.startsWith('reminder:complement'))).toEqual([
    'reminder:complement-1:14d',
  ]);
});

it('incomplete → lapsed when the complement deadline passes, after both reminders', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-11');
  const session = await reach.underReview(d);
  const asked = await d.do(
    'RecordCompleteness',
    { complete: false, missing: ['Plan d’actions B2'], ...decision(session) },
    COMMITTEE,
  );
  const deadline = asked.state.complement!.deadline;
  await d.advanceTo(new Date(Date.parse(deadline.dueAt) + 60_000).toISOString());
  expect(await d.result()).toMatchObject({ stage: 'lapsed', cycle: 1 });
  const events = await d.events();
  const lapsed = events.find((e) => e.type === 'CandidacyLapsed')!;
  expect(lapsed.data.deadline.date).toBe(deadline.date);
  expect(lapsed.occurred_at.toISOString() >= deadline.dueAt).toBe(true);
  expect((await d.reminders()).map((r) => r.key)).toEqual(['reminder:complement-1:14d', 'reminder:complement-1:3d']);
  // A lapsed candidacy refuses everything; the coop may open a new one.
  const again = await CandidacyDriver.open(h, 'coop-test-11');
  expect((await again.state()).stage).toBe('draft');
});

it('complete but not admissible: closed, with the motivation in the history', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-12');
  const session = await reach.underReview(d);
  await d.do('RecordCompleteness', { complete: true, ...decision(session) }, COMMITTEE);
  await d.do(
    'RecordAdmissibility',
    { admissible: false, sessionId: session, motivation: 'Engagements trop peu étayés' },
    COMMITTEE,
  );
  expect(await d.result()).toMatchObject({ stage: 'not_admissible' });
  const recorded = (await d.events()).find((e) => e.type === 'AdmissibilityRecorded')!;
  expect(recorded.data).toMatchObject({
    admissible: false,
    sessionId: session,
    motivation: 'Engagements trop peu étayés',
    by: COMMITTEE.id,
  });
});

it('refuses out-of-order, repeated and wrong-role decisions before they enter the history', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-13');
  const early = await d.refusal(
    'RecordCompleteness',
    { complete: true, sessionId: 'session-x', motivation: 'x' },
    COMMITTEE,
  );
  expect(early.code).toMatch(/^LIFECYCLE\./);
  const session = await reach.underReview(d);

  const admissibility = await d.refusal('RecordAdmissibility', { admissible: true, ...decision(session) }, COMMITTEE);
  expect(admissibility).toEqual({
    code: 'LIFECYCLE.ADMISSIBILITY_BEFORE_COMPLETENESS',
    message: "La décision d'admissibilité exige une décision de complétude préalable (dossier complet)",
  });
  expect((await d.refusal('RecordCompleteness', { complete: true, ...decision(session) }, d.coop)).code).toBe(
    'LIFECYCLE.ROLE_NOT_ALLOWED',
  );
  await d.do('RecordCompleteness', { complete: true, ...decision(session) }, COMMITTEE);
  expect((await d.refusal('RecordCompleteness', { complete: true, ...decision(session) }, COMMITTEE)).code).toBe(
    'LIFECYCLE.DECISION_ALREADY_RECORDED',
  );
  expect((await d.refusal('DecideAward', { outcome: 'granted', ...decision(session) }, COMMITTEE)).code).toMatch(
    /^LIFECYCLE\./,
  );

  // Refused Updates leave no trace in the workflow history: only the accepted ones are there.
  const history = await h.env.client.workflow.getHandle(d.workflowId).fetchHistory();
  const accepted = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
  const names = accepted.map((e) => e.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest!.input!.name);
  expect(names).toEqual(['SaveDraft', 'SubmitDossier', 'RecordCompleteness']);
});

it('refuses a command from another cooperative', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-14');
  const other = { role: 'coop' as const, id: 'user-intruder', cooperativeId: 'coop-test-15' };
  expect((await d.refusal('SaveDraft', { dossierVersion: 1 }, other)).code).toBe('LIFECYCLE.OTHER_COOPERATIVE');
});

it('reads the Paris date inside the workflow sandbox: admitted at 00:30 Paris, admitted on that day, not the UTC one', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-55');
  const session = await reach.underReview(d);
  // 23:30 UTC is 00:30 the next day in Paris (winter and summer alike).
  const now = new Date(await d.now());
  await d.advanceTo(
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 2, 23, 30)).toISOString(),
  );
  await d.do('RecordCompleteness', { complete: true, ...decision(session) }, COMMITTEE);
  const admitted = await d.do('RecordAdmissibility', { admissible: true, ...decision(session) }, COMMITTEE);
  const at = (await d.events()).find((e) => e.type === 'AdmissibilityRecorded')!.data.at as string;
  expect(parisDateOf(at)).not.toBe(at.slice(0, 10));
  expect(admitted.state.admissibleOn).toBe(parisDateOf(at));
  // The same computations outside the sandbox (plain Node, full time-zone data).
  const window = deadline(at, { months: STANDARD_POLICY.implementationMonths }, STANDARD_POLICY);
  expect(admitted.state.implementationDeadline).toEqual(window);
  expect(window.dueAt).toBe(endOfDay(window.date, STANDARD_POLICY).dueAt);
});

it('dates demo-policy deadlines by their Paris day too', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-56', DEMO_POLICY);
  const session = await reach.underReview(d);
  const now = new Date(await d.now());
  await d.advanceTo(
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 23, 30)).toISOString(),
  );
  await d.do('RecordCompleteness', { complete: true, ...decision(session) }, COMMITTEE);
  const admitted = await d.do('RecordAdmissibility', { admissible: true, ...decision(session) }, COMMITTEE);
  for (const cp of admitted.state.checkpoints) expect(cp.deadline.date).toBe(parisDateOf(cp.deadline.dueAt));
  expect(admitted.state.implementationDeadline!.date).toBe(parisDateOf(admitted.state.implementationDeadline!.dueAt));
});
