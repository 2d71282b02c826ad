import { nextCycleLabel, renewalPreparable } from './schedule';
import {
  admitted,
  AWARDED_AT,
  awaitingAward,
  COMMITTEE,
  COOP,
  FEDERATION,
  labelled,
  SESSION_AWARD,
  Story,
  SYSTEM,
  VISITOR,
} from './lifecycle.helpers.spec';

const award = { sessionId: SESSION_AWARD.sessionId, motivation: 'Motivé' };
const MID = {
  sessionId: 'session-2029-06',
  sessionDate: '2029-06-12T08:00:00.000Z',
  cutoffAt: '2029-05-21T22:00:00.000Z',
};
const RENEWAL = {
  sessionId: 'session-2030-09',
  sessionDate: '2030-09-10T08:00:00.000Z',
  cutoffAt: '2030-08-19T22:00:00.000Z',
};

function midTermUnderReview(): Story {
  const story = labelled();
  story.run({ type: 'FileMidTermReport', reportId: 'mt' }, COOP, '2029-05-01T08:00:00.000Z');
  story.run({ type: 'PlaceOnAgenda', ...MID }, SYSTEM, '2029-05-01T08:00:01.000Z');
  return story;
}

function renewalUnderReview(): Story {
  const story = labelled();
  story.run({ type: 'RequestRenewal', dossierVersion: 7 }, COOP, '2030-07-01T08:00:00.000Z');
  story.run({ type: 'PlaceOnAgenda', ...RENEWAL }, SYSTEM, '2030-07-01T08:00:01.000Z');
  story.run({ type: 'CloseAgenda', sessionId: RENEWAL.sessionId }, SYSTEM, RENEWAL.cutoffAt);
  return story;
}

describe('award, label, mid-term review, renewal', () => {
  it('refuses an award before the visit report, or before the agenda closes', () => {
    expect(admitted().refusal({ type: 'DecideAward', outcome: 'granted', ...award }, COMMITTEE, AWARDED_AT)).toBe(
      'LIFECYCLE.AWARD_BEFORE_VISIT_REPORT',
    );
    const story = admitted();
    story.run({ type: 'DeclareReadiness' }, COOP, '2027-09-01T08:00:00.000Z');
    story.run(
      { type: 'ScheduleVisit', visitorId: VISITOR.id, visitDate: '2027-10-05' },
      FEDERATION,
      '2027-09-02T08:00:00.000Z',
    );
    story.run({ type: 'FileVisitReport', reportId: 'vr', findingsSummary: 's' }, VISITOR, '2027-10-06T08:00:00.000Z');
    expect(story.refusal({ type: 'DecideAward', outcome: 'granted', ...award }, COMMITTEE, AWARDED_AT)).toBe(
      'LIFECYCLE.NOT_ON_AGENDA',
    );
    story.run({ type: 'PlaceOnAgenda', ...SESSION_AWARD }, SYSTEM, '2027-10-06T09:00:00.000Z');
    expect(story.s).toMatchObject({ stage: 'visit_done', agenda: { kind: 'visit_report' } });
    expect(story.refusal({ type: 'DecideAward', outcome: 'granted', ...award }, COMMITTEE, AWARDED_AT)).toBe(
      'LIFECYCLE.AGENDA_NOT_CLOSED',
    );
    story.run({ type: 'CloseAgenda', sessionId: SESSION_AWARD.sessionId }, SYSTEM, SESSION_AWARD.cutoffAt);
    expect(story.s.stage).toBe('award_decision');
  });

  it('grants the label for 36 months from the decision, mid-term at 18 months, working days', () => {
    const story = labelled();
    expect(story.s.stage).toBe('labelled');
    expect(story.s.label).toEqual({
      grantedAt: AWARDED_AT,
      startsOn: '2027-12-14',
      expiresOn: { date: '2030-12-16', dueAt: '2030-12-16T23:00:00.000Z' }, // 14 Dec 2030 is a Saturday
      midTerm: { deadline: { date: '2029-06-14', dueAt: '2029-06-14T22:00:00.000Z' } },
    });
    expect(story.s.award).toMatchObject({ outcome: 'granted', sessionId: award.sessionId, by: COMMITTEE.id });
    expect(story.refusal({ type: 'DecideAward', outcome: 'refused', ...award }, COMMITTEE, AWARDED_AT)).toBe(
      'LIFECYCLE.DECISION_ALREADY_RECORDED',
    );
    expect(story.refusal({ type: 'Withdraw', reason: 'x' }, COOP, AWARDED_AT)).toBe('LIFECYCLE.WITHDRAW_AFTER_AWARD');
  });

  it('refuses the label: not awarded, closed', () => {
    const story = awaitingAward();
    story.run({ type: 'DecideAward', outcome: 'refused', ...award }, COMMITTEE, AWARDED_AT);
    expect(story.s).toMatchObject({ stage: 'not_awarded', closedAt: AWARDED_AT });
  });

  it('grants one extension of at most 6 months, back to implementation', () => {
    const story = awaitingAward();
    expect(
      story.refusal({ type: 'DecideAward', outcome: 'extension', extensionMonths: 7, ...award }, COMMITTEE, AWARDED_AT),
    ).toBe('LIFECYCLE.EXTENSION_TOO_LONG');
    expect(story.refusal({ type: 'DecideAward', outcome: 'extension', ...award }, COMMITTEE, AWARDED_AT)).toBe(
      'LIFECYCLE.EXTENSION_TOO_LONG',
    );
    story.run({ type: 'DecideAward', outcome: 'extension', extensionMonths: 6, ...award }, COMMITTEE, AWARDED_AT);
    expect(story.s).toMatchObject({
      stage: 'implementation',
      extensionsUsed: 1,
      implementationDeadline: { date: '2028-06-14' },
    });
    expect(story.s.visit).toBeUndefined();
    expect(story.s.agenda).toBeUndefined();
    // A second round, decided in another session: a second extension is refused.
    const next = {
      sessionId: 'session-2028-09',
      sessionDate: '2028-09-12T08:00:00.000Z',
      cutoffAt: '2028-08-21T22:00:00.000Z',
    };
    story.run({ type: 'EndImplementationWindow' }, SYSTEM, '2028-06-14T22:00:00.000Z');
    story.run(
      { type: 'ScheduleVisit', visitorId: VISITOR.id, visitDate: '2028-07-04' },
      FEDERATION,
      '2028-06-15T08:00:00.000Z',
    );
    expect(story.s.visit?.round).toBe(2);
    story.run({ type: 'FileVisitReport', reportId: 'vr2', findingsSummary: 's' }, VISITOR, '2028-07-05T08:00:00.000Z');
    story.run({ type: 'PlaceOnAgenda', ...next }, SYSTEM, '2028-07-05T09:00:00.000Z');
    story.run({ type: 'CloseAgenda', sessionId: next.sessionId }, SYSTEM, next.cutoffAt);
    const again = { sessionId: next.sessionId, motivation: 'encore' };
    expect(
      story.refusal(
        { type: 'DecideAward', outcome: 'extension', extensionMonths: 3, ...again },
        COMMITTEE,
        next.sessionDate,
      ),
    ).toBe('LIFECYCLE.EXTENSION_ALREADY_USED');
    story.run({ type: 'DecideAward', outcome: 'granted', ...again }, COMMITTEE, next.sessionDate);
    expect(story.s.stage).toBe('labelled');
  });

  it('mid-term review: report → agenda (stage kept) → confirmed, or withdrawn', () => {
    expect(
      labelled().refusal(
        { type: 'DecideMidTerm', outcome: 'confirmed', sessionId: MID.sessionId, motivation: 'm' },
        COMMITTEE,
        MID.sessionDate,
      ),
    ).toBe('LIFECYCLE.MID_TERM_DECISION_BEFORE_REPORT');
    const story = midTermUnderReview();
    expect(story.s).toMatchObject({ stage: 'mid_term_review', agenda: { kind: 'mid_term', closed: false } });
    expect(story.refusal({ type: 'FileMidTermReport', reportId: 'again' }, COOP, '2029-05-02T08:00:00.000Z')).toBe(
      'LIFECYCLE.MID_TERM_REPORT_ALREADY_FILED',
    );
    story.run({ type: 'CloseAgenda', sessionId: MID.sessionId }, SYSTEM, MID.cutoffAt);
    expect(story.s.stage).toBe('mid_term_review');
    const decision = { sessionId: MID.sessionId, motivation: 'Engagements maintenus' };
    story.run({ type: 'DecideMidTerm', outcome: 'confirmed', ...decision }, COMMITTEE, MID.sessionDate);
    expect(story.s).toMatchObject({ stage: 'labelled', label: { midTerm: { decided: 'confirmed', reportId: 'mt' } } });
    expect(
      story.refusal({ type: 'DecideMidTerm', outcome: 'withdrawn', ...decision }, COMMITTEE, MID.sessionDate),
    ).toBe('LIFECYCLE.DECISION_ALREADY_RECORDED');

    const withdrawn = midTermUnderReview();
    withdrawn.run({ type: 'CloseAgenda', sessionId: MID.sessionId }, SYSTEM, MID.cutoffAt);
    withdrawn.run({ type: 'DecideMidTerm', outcome: 'withdrawn', ...decision }, COMMITTEE, MID.sessionDate);
    expect(withdrawn.s.stage).toBe('label_withdrawn');
  });

  it('opens renewal 6 months before expiry; renewed → next cycle from the previous expiry date', () => {
    const early = labelled();
    // Expiry 16 Dec 2030 → window opens 16 June 2030.
    expect(early.refusal({ type: 'RequestRenewal', dossierVersion: 7 }, COOP, '2030-06-15T12:00:00.000Z')).toBe(
      'LIFECYCLE.RENEWAL_WINDOW_NOT_OPEN',
    );
    expect(() => early.run({ type: 'RequestRenewal', dossierVersion: 7 }, COOP, '2030-06-15T12:00:00.000Z')).toThrow(
      '16 juin 2030',
    );
    // After expiry (its timer not yet run, e.g. after an outage) it is too late.
    expect(early.refusal({ type: 'RequestRenewal', dossierVersion: 7 }, COOP, '2033-01-01T00:00:00.000Z')).toBe(
      'LIFECYCLE.DEADLINE_PASSED',
    );
    const story = renewalUnderReview();
    expect(story.s).toMatchObject({
      stage: 'renewal_requested',
      agenda: { kind: 'renewal', closed: true },
      renewal: { dossierVersion: 7 },
    });
    story.run(
      { type: 'DecideRenewal', outcome: 'renewed', sessionId: RENEWAL.sessionId, motivation: 'Résultats maintenus' },
      COMMITTEE,
      RENEWAL.sessionDate,
    );
    expect(story.s.stage).toBe('renewed');
    expect(nextCycleLabel(story.s)).toEqual({
      grantedAt: RENEWAL.sessionDate,
      startsOn: '2030-12-16',
      expiresOn: { date: '2033-12-16', dueAt: '2033-12-16T23:00:00.000Z' },
      midTerm: { deadline: { date: '2032-06-16', dueAt: '2032-06-16T22:00:00.000Z' } },
    });
    expect(story.refusal({ type: 'ExpireLabel' }, SYSTEM, '2031-01-01T00:00:00.000Z')).toBe(
      'LIFECYCLE.CANDIDACY_CLOSED',
    );
    expect(story.refusal({ type: 'StartCycle', cycle: 3 }, SYSTEM, RENEWAL.sessionDate)).toBe('LIFECYCLE.WRONG_CYCLE');
    story.run({ type: 'StartCycle', cycle: 2 }, SYSTEM, RENEWAL.sessionDate);
    expect(story.s).toMatchObject({
      cycle: 2,
      stage: 'labelled',
      sequence: 1,
      remindersSent: [],
      label: { startsOn: '2030-12-16' },
      dossierVersion: 7,
    });
  });

  it('opens a renewed cycle directly with its carried label', () => {
    const previous = renewalUnderReview();
    previous.run(
      { type: 'DecideRenewal', outcome: 'renewed', sessionId: RENEWAL.sessionId, motivation: 'ok' },
      COMMITTEE,
      RENEWAL.sessionDate,
    );
    const label = nextCycleLabel(previous.s);
    const story = new Story();
    story.run(
      {
        type: 'OpenCandidacy',
        candidacyId: 'cand-1',
        cooperativeId: 'coop-1',
        cycle: 2,
        policy: previous.s.policy,
        label,
      },
      SYSTEM,
      RENEWAL.sessionDate,
    );
    expect(story.s).toMatchObject({ stage: 'labelled', cycle: 2, label });
  });

  it('renewal refused → labelled until its expiry date, no second request', () => {
    const story = renewalUnderReview();
    story.run(
      { type: 'DecideRenewal', outcome: 'refused', sessionId: RENEWAL.sessionId, motivation: 'Résultats en recul' },
      COMMITTEE,
      RENEWAL.sessionDate,
    );
    expect(story.s).toMatchObject({ stage: 'labelled', renewal: { refused: true } });
    expect(story.s.agenda).toBeUndefined();
    expect(story.refusal({ type: 'RequestRenewal', dossierVersion: 8 }, COOP, '2030-10-01T08:00:00.000Z')).toBe(
      'LIFECYCLE.RENEWAL_ALREADY_REFUSED',
    );
    expect(
      story.refusal(
        { type: 'DecideRenewal', outcome: 'renewed', sessionId: RENEWAL.sessionId, motivation: 'x' },
        COMMITTEE,
        RENEWAL.sessionDate,
      ),
    ).toBe('LIFECYCLE.DECISION_ALREADY_RECORDED');
    expect(story.refusal({ type: 'ExpireLabel' }, SYSTEM, '2030-12-16T22:59:59.000Z')).toBe(
      'LIFECYCLE.DEADLINE_NOT_REACHED',
    );
    story.run({ type: 'ExpireLabel' }, SYSTEM, '2030-12-16T23:00:00.000Z');
    expect(story.s).toMatchObject({ stage: 'expired', closedAt: '2030-12-16T23:00:00.000Z' });
  });

  it('the expiry waits while a renewal request awaits the committee', () => {
    const story = renewalUnderReview();
    expect(story.refusal({ type: 'ExpireLabel' }, SYSTEM, '2031-01-01T00:00:00.000Z')).toBe(
      'LIFECYCLE.NOT_ALLOWED_IN_STAGE',
    );
  });

  it('withdraws before the award; renounces a label', () => {
    const early = admitted();
    expect(early.refusal({ type: 'RenounceLabel', reason: 'x' }, COOP, '2027-01-01T00:00:00.000Z')).toBe(
      'LIFECYCLE.NOT_ALLOWED_IN_STAGE',
    );
    expect(early.refusal({ type: 'Withdraw', reason: 'x' }, FEDERATION, '2027-01-01T00:00:00.000Z')).toBe(
      'LIFECYCLE.ROLE_NOT_ALLOWED',
    );
    early.run({ type: 'Withdraw', reason: 'Changement de direction' }, COOP, '2027-01-01T00:00:00.000Z');
    expect(early.s.stage).toBe('withdrawn');
    const story = midTermUnderReview();
    story.run({ type: 'RenounceLabel', reason: 'Fusion' }, COOP, '2029-05-03T00:00:00.000Z');
    expect(story.s).toMatchObject({ stage: 'renounced' });
    expect(story.s.agenda).toBeUndefined();
  });
});

describe('preparing the renewal dossier', () => {
  it('is open while the label runs, and closed once renewal is asked for or refused', () => {
    expect(renewalPreparable({ stage: 'labelled' })).toBe(true);
    expect(renewalPreparable({ stage: 'mid_term_review' })).toBe(true);
    expect(renewalPreparable({ stage: 'renewal_requested' })).toBe(false);
    expect(renewalPreparable({ stage: 'implementation' })).toBe(false);
    expect(renewalPreparable({ stage: 'expired' })).toBe(false);
    const refused = { requestedAt: '2029-01-01T00:00:00.000Z', dossierVersion: 3, refused: true };
    expect(renewalPreparable({ stage: 'labelled', renewal: refused })).toBe(false);
  });
});
