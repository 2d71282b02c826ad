/** Every refusal people can get, rendered once: each reads as one French sentence. */
import { DomainError, errors, LIFECYCLE_ERROR_CODES } from './errors';
import { frenchTextProblems } from '../french-text';
import { admitted, COMMITTEE, SESSION_SEPT } from './lifecycle.helpers.spec';

/** One rendering of each refusal, with the kind of values the decider passes. */
const SAMPLES: { [K in keyof typeof errors]: () => DomainError } = {
  noCandidacy: () => errors.noCandidacy('SubmitDossier'),
  alreadyOpened: () => errors.alreadyOpened(),
  closed: () => errors.closed('FileProgressReport', 'withdrawn'),
  notAllowedInStage: () => errors.notAllowedInStage('DeclareReadiness', 'draft'),
  roleNotAllowed: () => errors.roleNotAllowed('ScheduleVisit', ['federation']),
  otherCooperative: () => errors.otherCooperative(),
  notAssignedVisitor: () => errors.notAssignedVisitor(),
  invalid: () => errors.invalid('La version du dossier doit être un entier positif', { field: 'dossierVersion' }),
  motivationRequired: () => errors.motivationRequired(),
  missingItemsRequired: () => errors.missingItemsRequired(),
  staleDossierVersion: () => errors.staleDossierVersion(2, 3),
  notOnAgenda: () => errors.notOnAgenda(),
  agendaNotClosed: () => errors.agendaNotClosed(),
  agendaAlreadyClosed: () => errors.agendaAlreadyClosed(),
  agendaCutoffPassed: () => errors.agendaCutoffPassed('2027-02-15T23:00:00.000Z'),
  wrongSession: () => errors.wrongSession('session-2027-03', 'session-2027-06'),
  alreadyDecided: () => errors.alreadyDecided("La décision d'octroi a déjà été rendue : elle est définitive"),
  admissibilityBeforeCompleteness: () => errors.admissibilityBeforeCompleteness(),
  awardBeforeVisitReport: () => errors.awardBeforeVisitReport(),
  midTermDecisionBeforeReport: () => errors.midTermDecisionBeforeReport(),
  midTermReportAlreadyFiled: () => errors.midTermReportAlreadyFiled(),
  extensionAlreadyUsed: () => errors.extensionAlreadyUsed(1),
  extensionTooLong: () => errors.extensionTooLong(6),
  renewalWindowNotOpen: () => errors.renewalWindowNotOpen('16 juin 2030'),
  renewalAlreadyRefused: () => errors.renewalAlreadyRefused(),
  withdrawAfterAward: () => errors.withdrawAfterAward(),
  unknownCheckpoint: () => errors.unknownCheckpoint(9),
  checkpointNotOpen: () => errors.checkpointNotOpen(6, '1er février 2027'),
  checkpointAlreadyFiled: () => errors.checkpointAlreadyFiled(6),
  adviceBeforeReport: () => errors.adviceBeforeReport(12),
  visitDateInPast: () => errors.visitDateInPast('5 octobre 2027'),
  visitNotYetHeld: () => errors.visitNotYetHeld('5 octobre 2027'),
  duplicateHelpRequest: () => errors.duplicateHelpRequest('h-1'),
  unknownHelpRequest: () => errors.unknownHelpRequest('h-1'),
  helpRequestAlreadyAnswered: () => errors.helpRequestAlreadyAnswered('h-1'),
  deadlinePassed: () => errors.deadlinePassed('répondre à la demande de complément', '2 juin 2027'),
  deadlineNotReached: () => errors.deadlineNotReached('2027-06-03T22:00:00.000Z'),
  unknownReminder: () => errors.unknownReminder('reminder:checkpoint-6:30d'),
  reminderAlreadySent: () => errors.reminderAlreadySent('reminder:checkpoint-6:30d'),
  reminderNotDue: () => errors.reminderNotDue('reminder:checkpoint-6:30d', '2027-05-03T07:00:00.000Z'),
  wrongCycle: () => errors.wrongCycle(2, 3),
};

describe('refusals, as people read them', () => {
  const rendered = Object.values(SAMPLES).map((make) => make());

  it('covers every error code', () => {
    expect(new Set(rendered.map((e) => e.code))).toEqual(new Set(LIFECYCLE_ERROR_CODES));
  });

  it.each(rendered.map((e) => [e.code, e.message]))('%s reads as one French sentence: %s', (_code, message) => {
    expect(frenchTextProblems(message)).toEqual([]);
  });

  it('says a repeated decision is final once, without repeating itself', () => {
    const story = admitted();
    const decision = { sessionId: SESSION_SEPT.sessionId, motivation: 'Dossier solide' };
    let message = '';
    try {
      story.run({ type: 'RecordAdmissibility', admissible: true, ...decision }, COMMITTEE, '2026-08-31T11:00:00.000Z');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe("La décision d'admissibilité a déjà été rendue : elle est définitive");
  });

  it('names who may act, with the right preposition', () => {
    expect(errors.roleNotAllowed('RecordCompleteness', ['committee']).message).toBe(
      'Action réservée au comité de validation : statuer sur la complétude',
    );
    expect(errors.roleNotAllowed('ScheduleVisit', ['federation']).message).toBe(
      'Action réservée à la Fédération : planifier la visite',
    );
  });
});
