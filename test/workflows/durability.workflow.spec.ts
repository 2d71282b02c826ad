/**
 * Durability: a worker restart loses nothing and re-sends no reminder; a moved committee session
 * carries the candidacies on its agenda; the demo policy runs a whole cycle in minutes.
 */
import { defaultSessionsAfter, DEMO_POLICY, parisDateOf } from '@qualicoop/domain';
import { CandidacyDriver, COMMITTEE, FEDERATION, reach, VISITOR } from '../support/candidacy-driver';
import { Harness, startHarness } from '../support/workflow-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ cache: false });
});
afterAll(async () => {
  await h?.stop();
});
const { decision } = reach;
const after = (iso: string, ms = 60_000) => new Date(Date.parse(iso) + ms).toISOString();

it('sends each reminder once across worker restarts (histories replayed by fresh workers)', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-40');
  const s = await reach.implementation(d);
  const [cp6] = s.checkpoints;
  await h.restartWorker();
  await d.advanceTo(after(cp6!.deadline.dueAt, -10 * 86_400_000)); // past J-30, before J-7
  await d.until((x) => x!.remindersSent.includes('reminder:checkpoint-6:30d'));
  await h.restartWorker();
  await d.advanceTo(after(cp6!.deadline.dueAt, -3_600_000)); // past J-7
  await d.until((x) => x!.remindersSent.includes('reminder:checkpoint-6:7d'));
  await h.restartWorker();
  await d.do('FileProgressReport', { checkpoint: 6, reportId: 'r6' });
  const keys = (await d.reminders()).map((r) => r.key);
  expect(keys).toEqual(['reminder:checkpoint-6:30d', 'reminder:checkpoint-6:7d']);
  const events = await d.events();
  expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
});

it('a committee session moved by staff carries the candidacies on its open agenda', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-41');
  const placed = await d.submit();
  const old = placed.agenda!;
  const moved = {
    sessionId: old.sessionId,
    sessionDate: after(old.sessionDate, 14 * 86_400_000),
    cutoffAt: after(old.cutoffAt, 14 * 86_400_000),
  };
  await h.env.client.workflow.getHandle(d.workflowId).signal('sessionMoved', moved);
  await d.until((x) => x!.agenda?.cutoffAt === moved.cutoffAt, 'the agenda moved');
  await d.advanceTo(after(old.cutoffAt));
  expect((await d.state()).stage).toBe('on_agenda');
  await d.advanceTo(after(moved.cutoffAt));
  await d.until((x) => x!.stage === 'under_review', 'the moved cut-off');
});

it('runs a whole cycle, renewal included, under the demo policy in under 15 minutes of workflow time', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-42', DEMO_POLICY);
  const started = await d.now();
  const s1 = await d.submit();
  // The first demo session whose cut-off is after the submission, as the workflow recorded it
  // (not the clock read before submitting: a demo cut-off passes every 30 s).
  const submittedAt = (await d.events()).find((e) => e.type === 'DossierSubmitted')!.data.at as string;
  expect(s1.agenda?.sessionId).toBe(defaultSessionsAfter(submittedAt, DEMO_POLICY, 1)[0]?.sessionId);
  const session = await d.throughCutoff();
  await d.do('RecordCompleteness', { complete: true, ...decision(session) }, COMMITTEE);
  const admitted = await d.do('RecordAdmissibility', { admissible: true, ...decision(session) }, COMMITTEE);
  await d.advanceTo(after(admitted.state.implementationDeadline!.dueAt, 1000));
  await d.until((x) => x!.stage === 'visit_to_plan');
  const today = parisDateOf(new Date(await d.now()).toISOString()); // the visit is dated in Paris
  await d.do('ScheduleVisit', { visitorId: VISITOR.id, visitDate: today }, FEDERATION);
  await d.do('FileVisitReport', { reportId: 'demo-visit', findingsSummary: 'Démonstration' }, VISITOR);
  const award = await d.throughCutoff();
  const granted = await d.do('DecideAward', { outcome: 'granted', ...decision(award) }, COMMITTEE);
  await d.advanceTo(after(granted.state.label!.expiresOn.dueAt, -5 * DEMO_POLICY.demoMonthMs!));
  await d.do('RequestRenewal', { dossierVersion: 2 });
  const renewal = await d.throughCutoff();
  await d.do('DecideRenewal', { outcome: 'renewed', ...decision(renewal) }, COMMITTEE);
  await d.until((x) => x?.cycle === 2, 'cycle 2');
  const minutes = ((await d.now()) - started) / 60_000;
  console.log(`demo policy: open → renewed in ${minutes.toFixed(1)} minutes of workflow time`);
  expect(minutes).toBeLessThan(15);
});
