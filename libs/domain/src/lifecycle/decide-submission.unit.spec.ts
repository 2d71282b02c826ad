import {
  ADMITTED_AT,
  COMMITTEE,
  COOP,
  opened,
  SESSION_JUNE,
  SESSION_SEPT,
  submitted,
  SYSTEM,
  underReview,
} from './lifecycle.helpers.spec';

const sept = { sessionId: SESSION_SEPT.sessionId, motivation: 'Vu en séance' };

describe('submission and committee review', () => {
  it('opens a candidacy as a draft, saves and submits the dossier', () => {
    const story = opened();
    expect(story.s).toMatchObject({ stage: 'draft', cycle: 1, sequence: 1, cooperativeId: 'coop-1' });
    story.run({ type: 'SaveDraft', dossierVersion: 3 }, COOP, '2026-03-01T10:00:00.000Z');
    const [event] = story.run(
      { type: 'SubmitDossier', dossierVersion: 3, dossierHash: 'h3' },
      COOP,
      '2026-03-02T10:00:00.000Z',
    );
    expect(event).toMatchObject({
      type: 'DossierSubmitted',
      at: '2026-03-02T10:00:00.000Z',
      by: COOP.id,
      dossierVersion: 3,
    });
    expect(story.s).toMatchObject({ stage: 'submitted', dossierVersion: 3, dossierHash: 'h3', sequence: 3 });
  });

  it('refuses an older dossier version, a second opening, a submission without hash', () => {
    const story = opened();
    story.run({ type: 'SaveDraft', dossierVersion: 3 }, COOP, '2026-03-01T10:00:00.000Z');
    expect(story.refusal({ type: 'SaveDraft', dossierVersion: 2 }, COOP, '2026-03-01T11:00:00.000Z')).toBe(
      'LIFECYCLE.STALE_DOSSIER_VERSION',
    );
    expect(
      story.refusal({ type: 'SubmitDossier', dossierVersion: 3, dossierHash: ' ' }, COOP, '2026-03-01T11:00:00.000Z'),
    ).toBe('LIFECYCLE.INVALID_COMMAND');
    const again = {
      type: 'OpenCandidacy' as const,
      candidacyId: 'c',
      cooperativeId: 'coop-1',
      cycle: 1,
      policy: story.s.policy,
    };
    expect(story.refusal(again, COOP, '2026-03-01T11:00:00.000Z')).toBe('LIFECYCLE.ALREADY_OPENED');
  });

  it('places a submitted dossier on the agenda of a session whose cut-off has not passed, then closes it', () => {
    const story = submitted();
    expect(story.refusal({ type: 'PlaceOnAgenda', ...SESSION_JUNE }, SYSTEM, '2026-05-19T00:00:00.000Z')).toBe(
      'LIFECYCLE.AGENDA_CUTOFF_PASSED',
    );
    story.run({ type: 'PlaceOnAgenda', ...SESSION_JUNE }, SYSTEM, '2026-03-02T10:00:01.000Z');
    expect(story.s).toMatchObject({
      stage: 'on_agenda',
      agenda: { kind: 'dossier', sessionId: SESSION_JUNE.sessionId, closed: false },
    });
    expect(
      story.refusal({ type: 'CloseAgenda', sessionId: SESSION_JUNE.sessionId }, SYSTEM, '2026-05-18T21:59:59.000Z'),
    ).toBe('LIFECYCLE.DEADLINE_NOT_REACHED');
    expect(story.refusal({ type: 'CloseAgenda', sessionId: 'other' }, SYSTEM, SESSION_JUNE.cutoffAt)).toBe(
      'LIFECYCLE.WRONG_SESSION',
    );
    story.run({ type: 'CloseAgenda', sessionId: SESSION_JUNE.sessionId }, SYSTEM, SESSION_JUNE.cutoffAt);
    expect(story.s).toMatchObject({ stage: 'under_review', agenda: { closed: true } });
  });

  it('refuses a committee decision before the agenda is closed', () => {
    const story = submitted();
    story.run({ type: 'PlaceOnAgenda', ...SESSION_SEPT }, SYSTEM, '2026-08-01T10:00:00.000Z');
    expect(
      story.refusal({ type: 'RecordCompleteness', complete: true, ...sept }, COMMITTEE, '2026-08-05T10:00:00.000Z'),
    ).toBe('LIFECYCLE.AGENDA_NOT_CLOSED');
  });

  it('refuses a decision in another session, without motivation, or by a coop', () => {
    const story = underReview();
    const other = { sessionId: 'session-2026-12', motivation: 'x' };
    expect(story.refusal({ type: 'RecordCompleteness', complete: true, ...other }, COMMITTEE, ADMITTED_AT)).toBe(
      'LIFECYCLE.WRONG_SESSION',
    );
    expect(
      story.refusal({ type: 'RecordCompleteness', complete: true, ...sept, motivation: '' }, COMMITTEE, ADMITTED_AT),
    ).toBe('LIFECYCLE.MOTIVATION_REQUIRED');
    expect(story.refusal({ type: 'RecordCompleteness', complete: true, ...sept }, COOP, ADMITTED_AT)).toBe(
      'LIFECYCLE.ROLE_NOT_ALLOWED',
    );
  });

  it('refuses admissibility before completeness, and a repeated decision', () => {
    const story = underReview();
    expect(story.refusal({ type: 'RecordAdmissibility', admissible: true, ...sept }, COMMITTEE, ADMITTED_AT)).toBe(
      'LIFECYCLE.ADMISSIBILITY_BEFORE_COMPLETENESS',
    );
    story.run({ type: 'RecordCompleteness', complete: true, ...sept }, COMMITTEE, ADMITTED_AT);
    expect(story.s.stage).toBe('under_review');
    expect(
      story.refusal({ type: 'RecordCompleteness', complete: false, missing: ['x'], ...sept }, COMMITTEE, ADMITTED_AT),
    ).toBe('LIFECYCLE.DECISION_ALREADY_RECORDED');
    story.run({ type: 'RecordAdmissibility', admissible: false, ...sept }, COMMITTEE, ADMITTED_AT);
    expect(story.s).toMatchObject({
      stage: 'not_admissible',
      closedAt: ADMITTED_AT,
      admissibility: { outcome: 'not_admissible', sessionId: sept.sessionId, by: COMMITTEE.id },
    });
    expect(story.refusal({ type: 'RecordAdmissibility', admissible: true, ...sept }, COMMITTEE, ADMITTED_AT)).toBe(
      'LIFECYCLE.CANDIDACY_CLOSED',
    );
    expect(story.refusal({ type: 'RequestHelp', helpRequestId: 'h', question: 'q' }, COOP, ADMITTED_AT)).toBe(
      'LIFECYCLE.CANDIDACY_CLOSED',
    );
  });

  it('admissible on 2026-08-31 → implementation until 2028-02-29, checkpoints rolled to working days', () => {
    const story = underReview();
    story.run({ type: 'RecordCompleteness', complete: true, ...sept }, COMMITTEE, ADMITTED_AT);
    story.run({ type: 'RecordAdmissibility', admissible: true, ...sept }, COMMITTEE, ADMITTED_AT);
    expect(story.s.stage).toBe('implementation');
    expect(story.s.agenda).toBeUndefined();
    expect(story.refusal({ type: 'RecordAdmissibility', admissible: true, ...sept }, COMMITTEE, ADMITTED_AT)).toBe(
      'LIFECYCLE.DECISION_ALREADY_RECORDED',
    );
    expect(story.refusal({ type: 'RecordCompleteness', complete: true, ...sept }, COMMITTEE, ADMITTED_AT)).toBe(
      'LIFECYCLE.DECISION_ALREADY_RECORDED',
    );
    expect(story.s.admissibleOn).toBe('2026-08-31');
    expect(story.s.implementationDeadline).toEqual({ date: '2028-02-29', dueAt: '2028-02-29T23:00:00.000Z' });
    expect(story.s.checkpoints.map((c) => [c.checkpoint, c.deadline.date])).toEqual([
      [6, '2027-03-01'], // 28 Feb 2027 is a Sunday
      [12, '2027-08-31'],
    ]);
  });

  it('incomplete → a complement request due 60 days later, answered → submitted again as a complement', () => {
    const story = underReview(SESSION_JUNE, '2026-03-02T10:00:01.000Z');
    const june = { sessionId: SESSION_JUNE.sessionId, motivation: 'Il manque la lettre' };
    expect(
      story.refusal(
        { type: 'RecordCompleteness', complete: false, missing: [], ...june },
        COMMITTEE,
        SESSION_JUNE.sessionDate,
      ),
    ).toBe('LIFECYCLE.MISSING_ITEMS_REQUIRED');
    const events = story.run(
      { type: 'RecordCompleteness', complete: false, missing: ['lettre'], ...june },
      COMMITTEE,
      SESSION_JUNE.sessionDate,
    );
    expect(events.map((e) => e.type)).toEqual(['CompletenessRecorded', 'ComplementRequested']);
    // 9 June + 60 days = Saturday 8 August 2026 → Monday 10 August.
    expect(story.s).toMatchObject({
      stage: 'awaiting_complement',
      complement: { round: 1, missing: ['lettre'], deadline: { date: '2026-08-10' } },
    });
    expect(
      story.refusal({ type: 'RecordAdmissibility', admissible: true, ...june }, COMMITTEE, SESSION_JUNE.sessionDate),
    ).toBe('LIFECYCLE.ADMISSIBILITY_BEFORE_COMPLETENESS');
    expect(story.refusal({ type: 'LapseCandidacy' }, SYSTEM, '2026-08-10T12:00:00.000Z')).toBe(
      'LIFECYCLE.DEADLINE_NOT_REACHED',
    );
    story.run({ type: 'AnswerComplement', dossierVersion: 3, dossierHash: 'h3' }, COOP, '2026-07-01T10:00:00.000Z');
    expect(story.s).toMatchObject({
      stage: 'submitted',
      dossierVersion: 3,
      complement: { answeredAt: '2026-07-01T10:00:00.000Z' },
    });
    story.run({ type: 'PlaceOnAgenda', ...SESSION_SEPT }, SYSTEM, '2026-07-01T10:00:01.000Z');
    expect(story.s.agenda?.kind).toBe('complement');
  });

  it('lapses at the end of the complement deadline', () => {
    const story = underReview(SESSION_JUNE, '2026-03-02T10:00:01.000Z');
    const june = { sessionId: SESSION_JUNE.sessionId, motivation: 'Incomplet' };
    story.run(
      { type: 'RecordCompleteness', complete: false, missing: ['lettre'], ...june },
      COMMITTEE,
      SESSION_JUNE.sessionDate,
    );
    // An answer that arrives after the deadline, before its timer ran (an outage), is refused.
    expect(
      story.refusal(
        { type: 'AnswerComplement', dossierVersion: 3, dossierHash: 'h3' },
        COOP,
        '2026-12-01T10:00:00.000Z',
      ),
    ).toBe('LIFECYCLE.DEADLINE_PASSED');
    const [lapsed] = story.run({ type: 'LapseCandidacy' }, SYSTEM, '2026-08-10T22:00:00.000Z');
    expect(lapsed).toMatchObject({ type: 'CandidacyLapsed', round: 1 });
    expect(story.s.stage).toBe('lapsed');
  });

  it('refuses a command in the wrong stage, with the French stage name', () => {
    const story = opened();
    expect(story.refusal({ type: 'DeclareReadiness' }, COOP, '2026-03-02T10:00:00.000Z')).toBe(
      'LIFECYCLE.NOT_ALLOWED_IN_STAGE',
    );
    expect(() => story.run({ type: 'DeclareReadiness' }, COOP, '2026-03-02T10:00:00.000Z')).toThrow(
      'au stade « brouillon »',
    );
    expect(story.refusal({ type: 'PlaceOnAgenda', ...SESSION_JUNE }, SYSTEM, '2026-03-02T10:00:00.000Z')).toBe(
      'LIFECYCLE.NOT_ALLOWED_IN_STAGE',
    );
    expect(
      story.refusal(
        { type: 'AnswerComplement', dossierVersion: 1, dossierHash: 'h' },
        COOP,
        '2026-03-02T10:00:00.000Z',
      ),
    ).toBe('LIFECYCLE.NOT_ALLOWED_IN_STAGE');
    expect(story.refusal({ type: 'LapseCandidacy' }, SYSTEM, '2026-03-02T10:00:00.000Z')).toBe(
      'LIFECYCLE.NOT_ALLOWED_IN_STAGE',
    );
  });
});
