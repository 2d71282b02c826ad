import { admitted, COMMITTEE, COOP, FEDERATION, OTHER_COOP, SYSTEM, VISITOR } from './lifecycle.helpers.spec';

describe('implementation window, checkpoints and visit', () => {
  it('files a checkpoint report once, when open; the federation advises on it once', () => {
    const story = admitted();
    expect(
      story.refusal({ type: 'FileProgressReport', checkpoint: 12, reportId: 'r12' }, COOP, '2027-01-10T10:00:00.000Z'),
    ).toBe('LIFECYCLE.CHECKPOINT_NOT_OPEN');
    expect(
      story.refusal({ type: 'FileProgressReport', checkpoint: 9, reportId: 'r9' }, COOP, '2027-01-10T10:00:00.000Z'),
    ).toBe('LIFECYCLE.UNKNOWN_CHECKPOINT');
    expect(
      story.refusal(
        { type: 'AdviseOnCheckpoint', checkpoint: 6, advice: 'ok' },
        FEDERATION,
        '2027-01-10T10:00:00.000Z',
      ),
    ).toBe('LIFECYCLE.ADVICE_BEFORE_REPORT');
    const [filed] = story.run(
      { type: 'FileProgressReport', checkpoint: 6, reportId: 'r6' },
      COOP,
      '2027-02-20T10:00:00.000Z',
    );
    expect(filed).toMatchObject({ type: 'ProgressReportFiled', checkpoint: 6, late: false });
    expect(
      story.refusal({ type: 'FileProgressReport', checkpoint: 6, reportId: 'r6b' }, COOP, '2027-02-21T10:00:00.000Z'),
    ).toBe('LIFECYCLE.CHECKPOINT_ALREADY_FILED');
    expect(
      story.refusal({ type: 'AdviseOnCheckpoint', checkpoint: 6, advice: 'ok' }, COOP, '2027-02-21T10:00:00.000Z'),
    ).toBe('LIFECYCLE.ROLE_NOT_ALLOWED');
    story.run(
      { type: 'AdviseOnCheckpoint', checkpoint: 6, advice: 'Continuez' },
      FEDERATION,
      '2027-02-22T10:00:00.000Z',
    );
    expect(
      story.refusal(
        { type: 'AdviseOnCheckpoint', checkpoint: 6, advice: 'encore' },
        FEDERATION,
        '2027-02-23T10:00:00.000Z',
      ),
    ).toBe('LIFECYCLE.DECISION_ALREADY_RECORDED');
    // Checkpoint 12 opens when checkpoint 6 falls due (end of 1 March 2027).
    story.run({ type: 'FileProgressReport', checkpoint: 12, reportId: 'r12' }, COOP, '2027-03-01T23:00:00.000Z');
    expect(story.s.checkpoints.map((c) => [c.checkpoint, c.reportId, c.advice])).toEqual([
      [6, 'r6', 'Continuez'],
      [12, 'r12', undefined],
    ]);
  });

  it('flags a missing report overdue 14 days after its deadline; a late report is still accepted', () => {
    const story = admitted();
    // 1 March 2027 + 14 days = Monday 15 March → due at the end of that day.
    expect(story.refusal({ type: 'MarkCheckpointOverdue', checkpoint: 6 }, SYSTEM, '2027-03-15T12:00:00.000Z')).toBe(
      'LIFECYCLE.DEADLINE_NOT_REACHED',
    );
    const [overdue] = story.run({ type: 'MarkCheckpointOverdue', checkpoint: 6 }, SYSTEM, '2027-03-15T23:00:00.000Z');
    expect(overdue).toMatchObject({ type: 'CheckpointOverdue', checkpoint: 6, deadline: { date: '2027-03-01' } });
    expect(story.refusal({ type: 'MarkCheckpointOverdue', checkpoint: 6 }, SYSTEM, '2027-03-16T12:00:00.000Z')).toBe(
      'LIFECYCLE.DECISION_ALREADY_RECORDED',
    );
    const [late] = story.run(
      { type: 'FileProgressReport', checkpoint: 6, reportId: 'r6' },
      COOP,
      '2027-03-20T10:00:00.000Z',
    );
    expect(late).toMatchObject({ late: true });
    expect(story.s.stage).toBe('implementation');
  });

  it('answers help requests once; ids are unique', () => {
    const story = admitted();
    story.run(
      { type: 'RequestHelp', helpRequestId: 'h1', question: 'Quel indicateur ?' },
      COOP,
      '2026-10-01T10:00:00.000Z',
    );
    expect(
      story.refusal({ type: 'RequestHelp', helpRequestId: 'h1', question: 'encore' }, COOP, '2026-10-01T10:00:00.000Z'),
    ).toBe('LIFECYCLE.DUPLICATE_HELP_REQUEST');
    expect(
      story.refusal(
        { type: 'AnswerHelpRequest', helpRequestId: 'nope', answer: 'a' },
        FEDERATION,
        '2026-10-02T10:00:00.000Z',
      ),
    ).toBe('LIFECYCLE.UNKNOWN_HELP_REQUEST');
    story.run(
      { type: 'AnswerHelpRequest', helpRequestId: 'h1', answer: 'Le taux de vacance' },
      FEDERATION,
      '2026-10-02T10:00:00.000Z',
    );
    expect(
      story.refusal(
        { type: 'AnswerHelpRequest', helpRequestId: 'h1', answer: 'a' },
        FEDERATION,
        '2026-10-03T10:00:00.000Z',
      ),
    ).toBe('LIFECYCLE.HELP_REQUEST_ALREADY_ANSWERED');
    expect(story.s.helpRequests).toEqual([
      {
        helpRequestId: 'h1',
        question: 'Quel indicateur ?',
        askedAt: '2026-10-01T10:00:00.000Z',
        answer: 'Le taux de vacance',
        answeredAt: '2026-10-02T10:00:00.000Z',
      },
    ]);
  });

  it('a coop acts only on its own candidacy', () => {
    const story = admitted();
    expect(story.refusal({ type: 'DeclareReadiness' }, OTHER_COOP, '2027-01-01T10:00:00.000Z')).toBe(
      'LIFECYCLE.OTHER_COOPERATIVE',
    );
    expect(
      story.refusal({ type: 'DeclareReadiness' }, { ...COOP, cooperativeId: undefined }, '2027-01-01T10:00:00.000Z'),
    ).toBe('LIFECYCLE.OTHER_COOPERATIVE');
  });

  it('ends the window at its deadline, not before', () => {
    const story = admitted();
    expect(story.refusal({ type: 'EndImplementationWindow' }, SYSTEM, '2028-02-29T12:00:00.000Z')).toBe(
      'LIFECYCLE.DEADLINE_NOT_REACHED',
    );
    expect(story.refusal({ type: 'EndImplementationWindow' }, COOP, '2028-03-01T00:00:00.000Z')).toBe(
      'LIFECYCLE.ROLE_NOT_ALLOWED',
    );
    story.run({ type: 'EndImplementationWindow' }, SYSTEM, '2028-02-29T23:00:00.000Z');
    expect(story.s.stage).toBe('visit_to_plan');
    expect(story.s.readinessDeclaredAt).toBeUndefined();
  });

  it('ready early → visit to plan → scheduled (movable) → report by the assigned visitor after the visit', () => {
    const story = admitted();
    story.run({ type: 'DeclareReadiness' }, COOP, '2027-09-01T08:00:00.000Z');
    expect(story.s).toMatchObject({ stage: 'visit_to_plan', readinessDeclaredAt: '2027-09-01T08:00:00.000Z' });
    expect(story.refusal({ type: 'DeclareReadiness' }, COOP, '2027-09-01T08:00:00.000Z')).toBe(
      'LIFECYCLE.NOT_ALLOWED_IN_STAGE',
    );
    expect(
      story.refusal(
        { type: 'ScheduleVisit', visitorId: VISITOR.id, visitDate: '2027-08-31' },
        FEDERATION,
        '2027-09-02T08:00:00.000Z',
      ),
    ).toBe('LIFECYCLE.VISIT_DATE_IN_PAST');
    expect(
      story.refusal(
        { type: 'ScheduleVisit', visitorId: VISITOR.id, visitDate: '2027-02-30' },
        FEDERATION,
        '2027-09-02T08:00:00.000Z',
      ),
    ).toBe('LIFECYCLE.INVALID_COMMAND');
    expect(
      story.refusal(
        { type: 'ScheduleVisit', visitorId: VISITOR.id, visitDate: '2027-10-01' },
        COOP,
        '2027-09-02T08:00:00.000Z',
      ),
    ).toBe('LIFECYCLE.ROLE_NOT_ALLOWED');
    story.run(
      { type: 'ScheduleVisit', visitorId: 'm-first', visitDate: '2027-10-01' },
      FEDERATION,
      '2027-09-02T08:00:00.000Z',
    );
    story.run(
      { type: 'ScheduleVisit', visitorId: VISITOR.id, visitDate: '2027-10-05' },
      FEDERATION,
      '2027-09-03T08:00:00.000Z',
    );
    expect(story.s).toMatchObject({
      stage: 'visit_scheduled',
      visit: { round: 2, visitorId: VISITOR.id, date: '2027-10-05' },
    });
    const report = { type: 'FileVisitReport' as const, reportId: 'vr', findingsSummary: 'Engagements tenus' };
    expect(story.refusal(report, COMMITTEE, '2027-10-06T08:00:00.000Z')).toBe('LIFECYCLE.NOT_ASSIGNED_VISITOR');
    expect(story.refusal(report, VISITOR, '2027-10-04T08:00:00.000Z')).toBe('LIFECYCLE.VISIT_NOT_YET_HELD');
    expect(story.refusal(report, FEDERATION, '2027-10-06T08:00:00.000Z')).toBe('LIFECYCLE.ROLE_NOT_ALLOWED');
    story.run({ ...report, findings: { A1: 'on_track' } }, VISITOR, '2027-10-05T16:00:00.000Z');
    expect(story.s).toMatchObject({
      stage: 'visit_done',
      visit: { report: { reportId: 'vr', findings: { A1: 'on_track' } } },
    });
    expect(story.refusal(report, VISITOR, '2027-10-06T08:00:00.000Z')).toBe('LIFECYCLE.DECISION_ALREADY_RECORDED');
    expect(
      story.refusal({ type: 'FileProgressReport', checkpoint: 6, reportId: 'r' }, COOP, '2027-10-06T08:00:00.000Z'),
    ).toBe('LIFECYCLE.NOT_ALLOWED_IN_STAGE');
  });
});
