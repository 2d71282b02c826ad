/** The inbox's rules, given a candidacy's story and a date: what each actor has to do, and by when. */
import { frenchTextProblems } from '../french-text';
import {
  admitted,
  COMMITTEE,
  COOP,
  FEDERATION,
  labelled,
  opened,
  SESSION_SEPT,
  SYSTEM,
  underReview,
  VISITOR,
} from '../lifecycle/lifecycle.helpers.spec';
import { committeeTasks, dueDecision } from './committee-tasks';
import { coopTasks } from './coop-tasks';
import { federationTaskList, federationTasks, labelExpiryHorizon, needsFederation } from './federation-tasks';
import { overdueCheckpoints } from './task';

const COOP_NAME = 'Coop Atlantique';

describe("the cooperative's tasks", () => {
  it('given a draft, then it is asked to submit its dossier, with no date', () => {
    expect(coopTasks(opened().s, '2026-03-02T00:00:00.000Z')).toEqual([
      {
        whatFr: 'Déposer le dossier de candidature (une fois le brouillon complet enregistré)',
        dueAt: null,
        action: { kind: 'command', command: 'SubmitDossier' },
      },
    ]);
  });

  it('given an admitted candidacy: the 6-month report can be filed, the 12-month one is announced until it opens', () => {
    const s = admitted().s;
    const [cp6, cp12, readiness] = coopTasks(s, '2026-09-01T00:00:00.000Z');
    expect(cp6).toMatchObject({
      dueAt: s.checkpoints[0]!.deadline.dueAt,
      action: { command: 'FileProgressReport', checkpoint: 6 },
    });
    expect(cp12).toEqual({
      whatFr: "Bilan du point d'étape à 12 mois à déposer entre le 2 mars 2027 et le 31 août 2027",
      dueAt: s.checkpoints[1]!.deadline.dueAt,
      action: null,
    });
    expect(readiness).toMatchObject({
      dueAt: s.implementationDeadline!.dueAt,
      action: { command: 'DeclareReadiness' },
    });
  });

  it('when the checkpoint is open, then it files the report; when past its due date, then it is late', () => {
    const s = admitted().s;
    expect(coopTasks(s, '2027-02-01T00:00:00.000Z')[0]).toEqual({
      whatFr: "Déposer le bilan du point d'étape à 6 mois au plus tard le 1er mars 2027",
      dueAt: '2027-03-01T23:00:00.000Z',
      action: { kind: 'command', command: 'FileProgressReport', checkpoint: 6 },
    });
    expect(coopTasks(s, '2027-03-05T00:00:00.000Z')[0]!.whatFr).toBe(
      "Déposer le bilan du point d'étape à 6 mois (en retard : attendu le 1er mars 2027)",
    );
  });

  it('given a label, then the renewal is announced, and can be requested once its window opens', () => {
    const s = labelled().s;
    const before = coopTasks(s, '2028-01-01T00:00:00.000Z').find((t) => t.dueAt === s.label!.expiresOn.dueAt)!;
    expect(before).toMatchObject({ action: null });
    expect(before.whatFr).toMatch(/^Label valable jusqu'au 16 décembre 2030 : renouvellement à demander à partir du /);
    const open = coopTasks(s, '2030-07-01T00:00:00.000Z').find((t) => t.dueAt === s.label!.expiresOn.dueAt)!;
    expect(open).toEqual({
      whatFr: 'Demander le renouvellement du label avant son expiration le 16 décembre 2030',
      dueAt: s.label!.expiresOn.dueAt,
      action: { kind: 'command', command: 'RequestRenewal' },
    });
  });

  it('given a dossier waiting for the committee, then it is told to wait, dated by the session', () => {
    const s = underReview().s;
    expect(coopTasks(s, '2026-08-20T00:00:00.000Z')).toEqual([
      {
        whatFr: 'En attente de la décision du comité (séance du 31 août 2026)',
        dueAt: SESSION_SEPT.sessionDate,
        action: null,
      },
    ]);
  });
});

describe("the federation's tasks", () => {
  it('given a help request, then it answers it, naming the cooperative and the question; once answered, nothing', () => {
    const story = admitted();
    story.run(
      { type: 'RequestHelp', helpRequestId: 'h-1', question: 'Comment mesurer C3 ?' },
      COOP,
      '2026-10-01T08:00:00.000Z',
    );
    expect(needsFederation(story.s)).toBe(true);
    expect(federationTasks(story.s, '2026-10-02T00:00:00.000Z', COOP_NAME)).toEqual([
      {
        whatFr: "Répondre à la demande d'aide de Coop Atlantique du 1er octobre 2026 : « Comment mesurer C3 ? »",
        dueAt: null,
        action: { kind: 'command', command: 'AnswerHelpRequest', helpRequestId: 'h-1' },
      },
    ]);
    story.run(
      { type: 'AnswerHelpRequest', helpRequestId: 'h-1', answer: 'Voir le guide.' },
      FEDERATION,
      '2026-10-03T08:00:00.000Z',
    );
    expect(needsFederation(story.s)).toBe(false);
  });

  it('when a checkpoint report is overdue, then it follows it up at the due date; once filed, it advises on it', () => {
    const story = admitted();
    story.run({ type: 'MarkCheckpointOverdue', checkpoint: 6 }, SYSTEM, '2027-03-16T00:00:00.000Z');
    expect(overdueCheckpoints(story.s)).toEqual([{ checkpoint: 6, deadline: story.s.checkpoints[0]!.deadline }]);
    expect(federationTasks(story.s, '2027-03-16T00:00:00.000Z', COOP_NAME)).toEqual([
      {
        whatFr: "Relancer Coop Atlantique : bilan du point d'étape à 6 mois en retard (attendu le 1er mars 2027)",
        dueAt: '2027-03-01T23:00:00.000Z',
        action: { kind: 'view' },
      },
    ]);
    story.run({ type: 'FileProgressReport', checkpoint: 6, reportId: 'r6' }, COOP, '2027-03-17T00:00:00.000Z');
    expect(overdueCheckpoints(story.s)).toEqual([]);
    expect(federationTasks(story.s, '2027-03-17T00:00:00.000Z', COOP_NAME)).toEqual([
      {
        whatFr: "Donner un avis sur le bilan du point d'étape à 6 mois de Coop Atlantique",
        dueAt: null,
        action: { kind: 'command', command: 'AdviseOnCheckpoint', checkpoint: 6 },
      },
    ]);
  });

  it('given a label, then it appears only within six months of its expiry (a date rule the read model keeps as a date)', () => {
    const s = labelled().s;
    expect(labelExpiryHorizon('2030-06-16T12:00:00.000Z')).toBe('2030-12-16');
    expect(federationTasks(s, '2030-06-15T12:00:00.000Z', COOP_NAME)).toEqual([]);
    expect(federationTasks(s, '2030-06-16T12:00:00.000Z', COOP_NAME)).toEqual([
      {
        whatFr: 'Label de Coop Atlantique expirant le 16 décembre 2030',
        dueAt: s.label!.expiresOn.dueAt,
        action: { kind: 'view' },
      },
    ]);
    expect(needsFederation(s)).toBe(false);
    expect(federationTaskList(s, COOP_NAME)).toEqual([
      expect.objectContaining({
        whatFr: 'Label de Coop Atlantique expirant le 16 décembre 2030',
        listedFromHorizon: '2030-12-16',
      }),
    ]);
  });

  it('given tasks due whatever the date, then the listed tasks carry no horizon and are the tasks of any day', () => {
    const story = labelled();
    const s = {
      ...story.s,
      helpRequests: [{ helpRequestId: 'h1', question: 'Quels indicateurs ?', askedAt: '2030-01-02T09:00:00.000Z' }],
    };
    const listed = federationTaskList(s, COOP_NAME);
    expect(listed.map((t) => t.listedFromHorizon)).toEqual([null, '2030-12-16']);
    expect(federationTasks(s, '2028-01-01T00:00:00.000Z', COOP_NAME)).toEqual([
      { whatFr: listed[0]!.whatFr, dueAt: null, action: listed[0]!.action },
    ]);
  });
});

describe("a committee member's tasks", () => {
  it('given a closed agenda, then completeness comes first, then admissibility in the same session', () => {
    const story = underReview();
    const [completeness] = committeeTasks(story.s, COMMITTEE.id, COOP_NAME);
    expect(completeness).toEqual({
      whatFr: 'Statuer sur la complétude du dossier de Coop Atlantique (séance du 31 août 2026)',
      dueAt: SESSION_SEPT.sessionDate,
      action: { kind: 'command', command: 'RecordCompleteness' },
      sessionId: SESSION_SEPT.sessionId,
    });
    story.run(
      { type: 'RecordCompleteness', complete: true, sessionId: SESSION_SEPT.sessionId, motivation: 'Complet' },
      COMMITTEE,
      '2026-08-31T10:00:00.000Z',
    );
    expect(committeeTasks(story.s, COMMITTEE.id, COOP_NAME)[0]).toMatchObject({
      action: { command: 'RecordAdmissibility' },
      sessionId: SESSION_SEPT.sessionId,
    });
  });

  it("the decision due, for the console's form: none before the agenda closes, none once decided", () => {
    const story = admitted();
    expect(dueDecision(story.s)).toBeUndefined(); // in implementation: nothing to decide
    const review = underReview();
    expect(dueDecision(review.s)).toEqual({
      command: 'RecordCompleteness',
      whatFr: 'Statuer sur la complétude du dossier',
      sessionId: SESSION_SEPT.sessionId,
      sessionDate: SESSION_SEPT.sessionDate,
    });
    const open = { ...review.s, agenda: { ...review.s.agenda!, closed: false } };
    expect(dueDecision(open)).toBeUndefined();
  });

  it('given a visit, then only the assigned visitor has it', () => {
    const story = admitted();
    story.run({ type: 'DeclareReadiness' }, COOP, '2027-09-01T08:00:00.000Z');
    story.run(
      { type: 'ScheduleVisit', visitorId: VISITOR.id, visitDate: '2027-10-05' },
      FEDERATION,
      '2027-09-02T08:00:00.000Z',
    );
    expect(committeeTasks(story.s, VISITOR.id, COOP_NAME)).toEqual([
      {
        whatFr: 'Effectuer la visite de Coop Atlantique le 5 octobre 2027 puis déposer le compte rendu',
        dueAt: '2027-10-05T22:00:00.000Z',
        action: { kind: 'command', command: 'FileVisitReport' },
      },
    ]);
    expect(committeeTasks(story.s, COMMITTEE.id, COOP_NAME)).toEqual([]);
  });
});

it('every task reads as French', () => {
  const stories = [opened(), underReview(), admitted(), labelled()];
  const texts = stories.flatMap((story) => [
    ...coopTasks(story.s, '2027-02-01T00:00:00.000Z'),
    ...federationTasks(story.s, '2030-07-01T00:00:00.000Z', COOP_NAME),
    ...committeeTasks(story.s, COMMITTEE.id, COOP_NAME),
  ]);
  expect(texts.length).toBeGreaterThan(5);
  for (const t of texts)
    expect({ text: t.whatFr, problems: frenchTextProblems(t.whatFr) }).toEqual({ text: t.whatFr, problems: [] });
});
