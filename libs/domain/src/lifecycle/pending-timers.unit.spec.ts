import type { Command } from './commands';
import { decide } from './decide';
import { DEMO_POLICY } from './policy';
import type { CandidacyState } from './state';
import { pendingTimers, searchableDates } from './pending-timers';
import {
  admitted,
  AWARDED_AT,
  awaitingAward,
  COMMITTEE,
  COOP,
  FEDERATION,
  labelled,
  opened,
  SESSION_AWARD,
  SESSION_JUNE,
  SESSION_SEPT,
  Story,
  submitted,
  SYSTEM,
  underReview,
  VISITOR,
} from './lifecycle.helpers.spec';

const timersOf = (s: CandidacyState) => Object.fromEntries(pendingTimers(s).map((t) => [t.key, t.dueAt]));

/** The workflow's loop relies on this: a pending timer's command is accepted once due. */
function expectAllFireable(story: Story): void {
  const s = story.s;
  for (const timer of pendingTimers(s)) {
    const now = Date.parse(timer.dueAt) > Date.parse(s.updatedAt) ? timer.dueAt : s.updatedAt;
    expect(() => decide(timer.command, s, { now, actor: SYSTEM })).not.toThrow();
  }
}

describe('pending timers', () => {
  it('closes the agenda at its cut-off', () => {
    const story = submitted();
    expect(pendingTimers(story.s)).toEqual([]);
    story.run({ type: 'PlaceOnAgenda', ...SESSION_SEPT }, SYSTEM, '2026-08-01T10:00:00.000Z');
    expect(pendingTimers(story.s)).toEqual([
      expect.objectContaining({
        key: 'deadline:agenda-dossier-session-2026-09',
        dueAt: SESSION_SEPT.cutoffAt,
        command: { type: 'CloseAgenda', sessionId: SESSION_SEPT.sessionId },
        kind: 'deadline',
      }),
    ]);
    expectAllFireable(story);
  });

  it('reminds of a complement 14 and 3 days before its deadline, lapses at its end, stops once answered', () => {
    const story = underReview(SESSION_JUNE, '2026-03-02T10:00:01.000Z');
    story.run(
      {
        type: 'RecordCompleteness',
        complete: false,
        missing: ['lettre'],
        sessionId: SESSION_JUNE.sessionId,
        motivation: 'm',
      },
      COMMITTEE,
      SESSION_JUNE.sessionDate,
    );
    expect(timersOf(story.s)).toEqual({
      'reminder:complement-1:14d': '2026-07-27T07:00:00.000Z', // Monday 27 July, 09:00 Paris
      'reminder:complement-1:3d': '2026-08-07T07:00:00.000Z',
      'deadline:complement-1': '2026-08-10T22:00:00.000Z',
    });
    expect(pendingTimers(story.s)[0]).toMatchObject({
      recipients: ['coop'],
      command: { type: 'SendReminder', key: 'reminder:complement-1:14d' },
    });
    expectAllFireable(story);
    story.run({ type: 'AnswerComplement', dossierVersion: 3, dossierHash: 'h' }, COOP, '2026-07-01T10:00:00.000Z');
    expect(pendingTimers(story.s)).toEqual([]);
  });

  it('implementation: checkpoints (30 and 7 days before, overdue at +14) and the visit to plan', () => {
    const story = admitted();
    expect(timersOf(story.s)).toEqual({
      'reminder:checkpoint-6:30d': '2027-01-29T08:00:00.000Z', // 30 Jan 2027 is a Saturday → Friday
      'reminder:checkpoint-6:7d': '2027-02-22T08:00:00.000Z',
      'deadline:checkpoint-6-overdue': '2027-03-15T23:00:00.000Z',
      'reminder:checkpoint-12:30d': '2027-07-30T07:00:00.000Z', // 1 Aug 2027 is a Sunday → Friday
      'reminder:checkpoint-12:7d': '2027-08-24T07:00:00.000Z',
      'deadline:checkpoint-12-overdue': '2027-09-14T22:00:00.000Z',
      'reminder:visit-to-plan-1:60d': '2027-12-31T08:00:00.000Z',
      'deadline:implementation-1': '2028-02-29T23:00:00.000Z',
    });
    const summary = pendingTimers(story.s).find((t) => t.key === 'reminder:checkpoint-6:30d')?.summaryFr;
    expect(summary).toBe("Rappel : bilan du point d'étape à 6 mois attendu au plus tard le 1er mars 2027 (J-30)");
    expectAllFireable(story);
    story.run({ type: 'FileProgressReport', checkpoint: 6, reportId: 'r6' }, COOP, '2027-02-01T10:00:00.000Z');
    expect(Object.keys(timersOf(story.s)).filter((k) => k.includes('checkpoint-6'))).toEqual([]);
  });

  it('gives as next deadline the next thing due (the checkpoint report), not its overdue escalation', () => {
    const story = admitted();
    const cp6 = story.s.checkpoints.find((c) => c.checkpoint === 6)!;
    expect(cp6.deadline.dueAt).toBe('2027-03-01T23:00:00.000Z');
    expect(searchableDates(story.s)).toEqual({
      nextDeadline: cp6.deadline.dueAt,
      nextDeadlineLabel: "Échéance : bilan du point d'étape à 6 mois attendu au plus tard le 1er mars 2027",
    });
    // The workflow's search attribute for runs recorded before v4 (patch next-deadline-is-due-date).
    expect(searchableDates(story.s, 'timer').nextDeadline).toBe('2027-03-15T23:00:00.000Z');
    story.run({ type: 'FileProgressReport', checkpoint: 6, reportId: 'r6' }, COOP, '2027-02-01T10:00:00.000Z');
    expect(searchableDates(story.s).nextDeadline).toBe(
      story.s.checkpoints.find((c) => c.checkpoint === 12)!.deadline.dueAt,
    );
  });

  it('sends a reminder once, only when due, and only a pending one', () => {
    const story = admitted();
    const key = 'reminder:checkpoint-6:30d';
    expect(story.refusal({ type: 'SendReminder', key }, SYSTEM, '2027-01-29T07:59:59.000Z')).toBe(
      'LIFECYCLE.REMINDER_NOT_DUE',
    );
    expect(story.refusal({ type: 'SendReminder', key: 'reminder:nope' }, SYSTEM, '2027-01-29T08:00:00.000Z')).toBe(
      'LIFECYCLE.UNKNOWN_REMINDER',
    );
    expect(story.refusal({ type: 'SendReminder', key }, COOP, '2027-01-29T08:00:00.000Z')).toBe(
      'LIFECYCLE.ROLE_NOT_ALLOWED',
    );
    const [sent] = story.run({ type: 'SendReminder', key }, SYSTEM, '2027-01-29T08:00:00.000Z');
    expect(sent).toMatchObject({
      type: 'ReminderSent',
      key,
      recipients: ['coop'],
      subjectFr: expect.stringContaining('1er mars 2027'),
    });
    expect(story.s.remindersSent).toEqual([key]);
    expect(timersOf(story.s)[key]).toBeUndefined();
    expect(story.refusal({ type: 'SendReminder', key }, SYSTEM, '2027-01-29T08:00:01.000Z')).toBe(
      'LIFECYCLE.REMINDER_ALREADY_SENT',
    );
  });

  it('skips stale reminders: only the latest past one of a subject, none once its deadline is past', () => {
    const story = admitted();
    story.run({ type: 'DeclareReadiness' }, COOP, '2027-09-01T08:00:00.000Z');
    expect(pendingTimers(story.s)).toEqual([]); // visit to plan: the federation acts on ReadinessDeclared
    // Scheduled on 4 Oct at 10:00 for 5 Oct: the J-14 and J-1 (4 Oct 09:00) reminders are both past.
    story.run(
      { type: 'ScheduleVisit', visitorId: VISITOR.id, visitDate: '2027-10-05' },
      FEDERATION,
      '2027-10-04T08:00:00.000Z',
    );
    expect(pendingTimers(story.s)).toEqual([
      expect.objectContaining({
        key: 'reminder:visit-1:1d',
        dueAt: '2027-10-04T07:00:00.000Z',
        recipients: ['visitor', 'coop'],
      }),
    ]);
    expectAllFireable(story);
    // Moved to 20 Oct: a new round; J-14 (6 Oct) is ahead.
    story.run(
      { type: 'ScheduleVisit', visitorId: VISITOR.id, visitDate: '2027-10-20' },
      FEDERATION,
      '2027-10-04T09:00:00.000Z',
    );
    expect(timersOf(story.s)).toEqual({
      'reminder:visit-2:14d': '2027-10-06T07:00:00.000Z',
      'reminder:visit-2:1d': '2027-10-19T07:00:00.000Z',
    });
    story.run({ type: 'FileVisitReport', reportId: 'vr', findingsSummary: 's' }, VISITOR, '2027-10-20T15:00:00.000Z');
    expect(pendingTimers(story.s)).toEqual([]); // visit_done: the workflow places it on an agenda
  });

  it('after an extension, the new window has its own keys; a reminder already past is sent at once', () => {
    const story = awaitingAward();
    story.run(
      {
        type: 'DecideAward',
        outcome: 'extension',
        extensionMonths: 1,
        sessionId: SESSION_AWARD.sessionId,
        motivation: 'm',
      },
      COMMITTEE,
      AWARDED_AT,
    );
    expect(timersOf(story.s)).toEqual({
      'reminder:visit-to-plan-2:60d': '2027-11-15T08:00:00.000Z',
      'deadline:implementation-2': '2028-01-14T23:00:00.000Z',
      // This story never filed its checkpoint reports nor fired their timers: back in
      // implementation, they are flagged overdue at once.
      'deadline:checkpoint-6-overdue': '2027-03-15T23:00:00.000Z',
      'deadline:checkpoint-12-overdue': '2027-09-14T22:00:00.000Z',
    });
    expectAllFireable(story);
  });

  it('labelled: expiry, mid-term reminder, renewal reminders until a renewal is requested', () => {
    const story = labelled();
    expect(timersOf(story.s)).toEqual({
      'reminder:mid-term:30d': '2029-05-15T07:00:00.000Z',
      'reminder:renewal:6m': '2030-06-14T07:00:00.000Z', // 16 June 2030 is a Sunday → Friday 14
      'reminder:renewal:3m': '2030-09-16T07:00:00.000Z',
      'reminder:renewal:1m': '2030-11-15T08:00:00.000Z', // 16 Nov 2030 is a Saturday
      'deadline:label-expiry': '2030-12-16T23:00:00.000Z',
    });
    expect(searchableDates(story.s)).toEqual({
      nextDeadline: '2030-12-16T23:00:00.000Z',
      nextDeadlineLabel: 'Échéance : expiration du label le 16 décembre 2030',
      labelExpiry: '2030-12-16T23:00:00.000Z',
      labelExpiresOn: '2030-12-16',
    });
    expectAllFireable(story);
    story.run({ type: 'RequestRenewal', dossierVersion: 9 }, COOP, '2030-07-01T08:00:00.000Z');
    expect(pendingTimers(story.s)).toEqual([]); // expiry suspended, waiting for an agenda
  });

  it('a closed candidacy has no timers', () => {
    const story = opened();
    story.run({ type: 'Withdraw', reason: '' }, COOP, '2026-03-02T00:00:00.000Z');
    expect(pendingTimers(story.s)).toEqual([]);
  });

  it('demo scale: months of 10 s, days of 1/30 of that, no rolling', () => {
    const story = new Story(DEMO_POLICY);
    const t0 = Date.parse('2026-03-01T09:00:00.000Z');
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    const run = (command: Command, actor = COOP, ms = 0) => story.run(command, actor, at(ms));
    run({ type: 'OpenCandidacy', candidacyId: 'd', cooperativeId: 'coop-1', cycle: 1, policy: DEMO_POLICY });
    run({ type: 'SubmitDossier', dossierVersion: 1, dossierHash: 'h' });
    run({ type: 'PlaceOnAgenda', sessionId: 's1', sessionDate: at(3_000), cutoffAt: at(1_000) }, SYSTEM);
    run({ type: 'CloseAgenda', sessionId: 's1' }, SYSTEM, 1_000);
    const decision = { sessionId: 's1', motivation: 'm' };
    run({ type: 'RecordCompleteness', complete: true, ...decision }, COMMITTEE, 3_000);
    run({ type: 'RecordAdmissibility', admissible: true, ...decision }, COMMITTEE, 3_000);
    expect(story.s.implementationDeadline?.dueAt).toBe(at(3_000 + 180_000));
    expect(timersOf(story.s)['reminder:checkpoint-6:30d']).toBe(at(3_000 + 60_000 - 10_000));
    expect(timersOf(story.s)['deadline:checkpoint-6-overdue']).toBe(at(3_000 + 60_000 + 14_000 / 3));
    expectAllFireable(story);
  });
});
