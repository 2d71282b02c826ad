/**
 * The full happy path on the time-skipping server, through renewal into cycle 2: states,
 * calendar dates, reminders sent exactly once on the right day, and the event store.
 */
import { parisInstant, reminderAt, renewalWindowOpensAt } from '@qualicoop/domain';
import { CandidacyDriver, COMMITTEE, FEDERATION, VISITOR } from '../support/candidacy-driver';
import { Harness, startHarness } from '../support/workflow-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const decision = (sessionId: string) => ({ sessionId, motivation: 'Décision motivée du comité' });

it('runs a candidacy from draft to a renewed label in cycle 2', async () => {
  const d = await CandidacyDriver.open(h, 'coop-test-01');
  await d.submit();
  const session = await d.throughCutoff();
  expect((await d.state()).stage).toBe('under_review');

  // The committee decides on 31 August 2027: +18 months is clamped to 28 February 2029.
  await d.advanceTo(parisInstant('2027-08-31', 10));
  await d.do('RecordCompleteness', { complete: true, ...decision(session) }, COMMITTEE);
  const admitted = await d.do('RecordAdmissibility', { admissible: true, ...decision(session) }, COMMITTEE);
  expect(admitted.state.stage).toBe('implementation');
  expect(admitted.state.admissibleOn).toBe('2027-08-31');
  expect(admitted.state.implementationDeadline?.date).toBe('2029-02-28');
  const [cp6, cp12] = admitted.state.checkpoints;
  expect(cp6?.deadline.date).toBe('2028-02-29'); // leap day, a Tuesday
  expect(cp12?.deadline.date).toBe('2028-08-31');

  // Checkpoint 6: both reminders fire (J-30, J-7), then the report is filed.
  await d.advanceTo(cp6!.deadline.dueAt.replace(/T.*/, 'T00:00:00.000Z'));
  await d.until((s) => s!.remindersSent.includes('reminder:checkpoint-6:7d'), 'the J-7 reminder');
  await d.do('FileProgressReport', { checkpoint: 6, reportId: 'report-6' });
  await d.do('AdviseOnCheckpoint', { checkpoint: 6, advice: 'Poursuivre le plan d’actions.' }, FEDERATION);
  // Checkpoint 12 opens when checkpoint 6 falls due; filed early, its reminders are never sent.
  await d.advanceTo(new Date(Date.parse(cp6!.deadline.dueAt) + 3_600_000).toISOString());
  await d.do('FileProgressReport', { checkpoint: 12, reportId: 'report-12' });
  await d.do('DeclareReadiness', {});
  expect((await d.state()).stage).toBe('visit_to_plan');

  const visitDate = new Date((await d.now()) + 40 * 86_400_000).toISOString().slice(0, 10);
  await d.do('ScheduleVisit', { visitorId: VISITOR.id, visitDate }, FEDERATION);
  await d.advanceTo(parisInstant(visitDate, 18));
  await d.do(
    'FileVisitReport',
    { reportId: 'visit-1', findingsSummary: 'Engagements tenus pour l’essentiel.' },
    VISITOR,
  );
  const awardSession = await d.throughCutoff();
  expect((await d.state()).stage).toBe('award_decision');
  const granted = await d.do('DecideAward', { outcome: 'granted', ...decision(awardSession) }, COMMITTEE);
  expect(granted.state.stage).toBe('labelled');
  const label = granted.state.label!;

  // Mid-term review at +18 months of the label.
  await d.advanceTo(label.midTerm.deadline.dueAt.replace(/T.*/, 'T00:00:00.000Z'));
  await d.do('FileMidTermReport', { reportId: 'mid-term-1' });
  const midTermSession = await d.throughCutoff();
  const confirmed = await d.do('DecideMidTerm', { outcome: 'confirmed', ...decision(midTermSession) }, COMMITTEE);
  expect(confirmed.state.stage).toBe('labelled');

  // Renewal: the window opens 6 months before expiry; the M-6 reminder goes out first.
  await d.until((s) => s!.stage === 'labelled');
  await d.advanceTo(reminderAt(label.expiresOn, { monthsBefore: 6 }, granted.state.policy));
  await d.until((s) => s!.remindersSent.includes('reminder:renewal:6m'), 'the M-6 renewal reminder');
  await d.advanceTo(renewalWindowOpensAt(label, granted.state));
  await d.do('RequestRenewal', { dossierVersion: 2 });
  const renewalSession = await d.throughCutoff();
  await d.do('DecideRenewal', { outcome: 'renewed', ...decision(renewalSession) }, COMMITTEE);

  // Continue-as-new: the same workflow id now runs cycle 2, labelled from the previous expiry.
  const cycle2 = await d.until((s) => s?.cycle === 2 && s.stage === 'labelled', 'cycle 2');
  // The next label runs 36 months from the previous expiry date.
  expect(cycle2.label!.expiresOn.date > label.expiresOn.date).toBe(true);
  expect(Number(cycle2.label!.expiresOn.date.slice(0, 4)) - Number(label.expiresOn.date.slice(0, 4))).toBe(3);

  // Every reminder was sent exactly once, on its computed day; checkpoint 12's never.
  const reminders = await d.reminders();
  const keys = reminders.map((r) => r.key);
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys).toEqual(
    expect.arrayContaining(['reminder:checkpoint-6:30d', 'reminder:checkpoint-6:7d', 'reminder:renewal:6m']),
  );
  expect(keys.filter((k) => k.startsWith('reminder:checkpoint-12'))).toEqual([]);
  const j30 = reminders.find((r) => r.key === 'reminder:checkpoint-6:30d')!;
  // Sent at 09:00 Paris on its working day (a timer fires within milliseconds of its due time).
  expect(j30.at.slice(0, 16)).toBe(reminderAt(cp6!.deadline, { daysBefore: 30 }, granted.state.policy).slice(0, 16));

  // The event store holds cycle 1 in order, then cycle 2 from sequence 1.
  const events = await d.events();
  const cycle1 = events.filter((e) => e.cycle === 1);
  expect(cycle1.map((e) => e.sequence)).toEqual(cycle1.map((_, i) => i + 1));
  expect(cycle1.map((e) => e.type)).toEqual(
    expect.arrayContaining([
      'CandidacyOpened',
      'DossierSubmitted',
      'AdmissibilityRecorded',
      'LabelGranted',
      'MidTermConfirmed',
      'LabelRenewed',
    ]),
  );
  expect(events.filter((e) => e.cycle === 2)[0]).toMatchObject({ sequence: 1, type: 'CycleStarted' });
  console.log(`full cycle 1: ${cycle1.length} domain events`);
});
