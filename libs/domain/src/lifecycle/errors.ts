/**
 * Every refusal of the decider: a stable machine code (the API maps codes to HTTP statuses in
 * one place) and a French message for people.
 */
import type { CommandType, Role } from './commands';
import { STAGE_LABELS_FR, type Stage } from './state';

export const LIFECYCLE_ERROR_CODES = [
  'LIFECYCLE.NO_CANDIDACY',
  'LIFECYCLE.DEADLINE_PASSED',
  'LIFECYCLE.ALREADY_OPENED',
  'LIFECYCLE.CANDIDACY_CLOSED',
  'LIFECYCLE.NOT_ALLOWED_IN_STAGE',
  'LIFECYCLE.ROLE_NOT_ALLOWED',
  'LIFECYCLE.OTHER_COOPERATIVE',
  'LIFECYCLE.NOT_ASSIGNED_VISITOR',
  'LIFECYCLE.INVALID_COMMAND',
  'LIFECYCLE.MOTIVATION_REQUIRED',
  'LIFECYCLE.MISSING_ITEMS_REQUIRED',
  'LIFECYCLE.STALE_DOSSIER_VERSION',
  'LIFECYCLE.NOT_ON_AGENDA',
  'LIFECYCLE.AGENDA_NOT_CLOSED',
  'LIFECYCLE.AGENDA_ALREADY_CLOSED',
  'LIFECYCLE.AGENDA_CUTOFF_PASSED',
  'LIFECYCLE.WRONG_SESSION',
  'LIFECYCLE.DECISION_ALREADY_RECORDED',
  'LIFECYCLE.ADMISSIBILITY_BEFORE_COMPLETENESS',
  'LIFECYCLE.AWARD_BEFORE_VISIT_REPORT',
  'LIFECYCLE.MID_TERM_DECISION_BEFORE_REPORT',
  'LIFECYCLE.MID_TERM_REPORT_ALREADY_FILED',
  'LIFECYCLE.EXTENSION_ALREADY_USED',
  'LIFECYCLE.EXTENSION_TOO_LONG',
  'LIFECYCLE.RENEWAL_WINDOW_NOT_OPEN',
  'LIFECYCLE.RENEWAL_ALREADY_REFUSED',
  'LIFECYCLE.WITHDRAW_AFTER_AWARD',
  'LIFECYCLE.UNKNOWN_CHECKPOINT',
  'LIFECYCLE.CHECKPOINT_NOT_OPEN',
  'LIFECYCLE.CHECKPOINT_ALREADY_FILED',
  'LIFECYCLE.ADVICE_BEFORE_REPORT',
  'LIFECYCLE.VISIT_DATE_IN_PAST',
  'LIFECYCLE.VISIT_NOT_YET_HELD',
  'LIFECYCLE.DUPLICATE_HELP_REQUEST',
  'LIFECYCLE.UNKNOWN_HELP_REQUEST',
  'LIFECYCLE.HELP_REQUEST_ALREADY_ANSWERED',
  'LIFECYCLE.DEADLINE_NOT_REACHED',
  'LIFECYCLE.UNKNOWN_REMINDER',
  'LIFECYCLE.REMINDER_ALREADY_SENT',
  'LIFECYCLE.REMINDER_NOT_DUE',
  'LIFECYCLE.WRONG_CYCLE',
] as const;
export type LifecycleErrorCode = (typeof LIFECYCLE_ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: LifecycleErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const COMMAND_LABELS_FR: Record<CommandType, string> = {
  OpenCandidacy: 'ouvrir une candidature',
  StartCycle: 'démarrer un nouveau cycle',
  SaveDraft: 'enregistrer le brouillon du dossier',
  SubmitDossier: 'déposer le dossier',
  PlaceOnAgenda: "inscrire à l'ordre du jour du comité",
  CloseAgenda: "clore l'ordre du jour",
  RecordCompleteness: 'statuer sur la complétude',
  RecordAdmissibility: "statuer sur l'admissibilité",
  AnswerComplement: 'répondre à la demande de complément',
  LapseCandidacy: 'classer la candidature sans suite',
  FileProgressReport: "déposer un bilan d'avancement",
  AdviseOnCheckpoint: "donner un avis sur un point d'étape",
  MarkCheckpointOverdue: "signaler un point d'étape en retard",
  RequestHelp: "demander l'aide de la Fédération",
  AnswerHelpRequest: "répondre à une demande d'aide",
  DeclareReadiness: 'se déclarer prête pour la visite',
  EndImplementationWindow: 'clore la période de mise en œuvre',
  ScheduleVisit: 'planifier la visite',
  FileVisitReport: 'déposer le compte rendu de visite',
  DecideAward: "statuer sur l'octroi du label",
  FileMidTermReport: 'déposer le bilan à mi-parcours',
  DecideMidTerm: 'statuer sur le point à mi-parcours',
  RequestRenewal: 'demander le renouvellement',
  DecideRenewal: 'statuer sur le renouvellement',
  ExpireLabel: "constater l'expiration du label",
  Withdraw: 'retirer la candidature',
  RenounceLabel: 'renoncer au label',
  SendReminder: 'envoyer un rappel',
};

/** "Réservé à …": who may act, with the preposition (à la, au). */
const ROLE_LABELS_FR: Record<Role, string> = {
  coop: 'à la coopérative',
  federation: 'à la Fédération',
  committee: 'au comité de validation',
  system: 'à la plateforme',
};

const fail = (code: LifecycleErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, message, details);

export const errors = {
  noCandidacy: (type: CommandType) =>
    fail('LIFECYCLE.NO_CANDIDACY', `Impossible de ${COMMAND_LABELS_FR[type]} : aucune candidature n'est ouverte`, {
      type,
    }),
  alreadyOpened: () => fail('LIFECYCLE.ALREADY_OPENED', 'Une candidature est déjà ouverte pour ce cycle'),
  closed: (type: CommandType, stage: Stage) =>
    fail(
      'LIFECYCLE.CANDIDACY_CLOSED',
      `Impossible de ${COMMAND_LABELS_FR[type]} : la candidature est close (${STAGE_LABELS_FR[stage]})`,
      { type, stage },
    ),
  notAllowedInStage: (type: CommandType, stage: Stage) =>
    fail(
      'LIFECYCLE.NOT_ALLOWED_IN_STAGE',
      `Impossible de ${COMMAND_LABELS_FR[type]} au stade « ${STAGE_LABELS_FR[stage]} »`,
      { type, stage },
    ),
  roleNotAllowed: (type: CommandType, allowed: readonly Role[]) =>
    fail(
      'LIFECYCLE.ROLE_NOT_ALLOWED',
      `Action réservée ${allowed.map((r) => ROLE_LABELS_FR[r]).join(' ou ')} : ${COMMAND_LABELS_FR[type]}`,
      { type, allowed },
    ),
  otherCooperative: () =>
    fail('LIFECYCLE.OTHER_COOPERATIVE', 'Une coopérative ne peut agir que sur sa propre candidature'),
  notAssignedVisitor: () =>
    fail(
      'LIFECYCLE.NOT_ASSIGNED_VISITOR',
      'Seul le membre du comité désigné comme visiteur peut déposer le compte rendu de visite',
    ),
  invalid: (message: string, details?: Record<string, unknown>) => fail('LIFECYCLE.INVALID_COMMAND', message, details),
  motivationRequired: () => fail('LIFECYCLE.MOTIVATION_REQUIRED', 'Toute décision du comité doit être motivée'),
  missingItemsRequired: () =>
    fail('LIFECYCLE.MISSING_ITEMS_REQUIRED', 'Un dossier incomplet exige la liste des éléments manquants'),
  staleDossierVersion: (given: number, known: number) =>
    fail(
      'LIFECYCLE.STALE_DOSSIER_VERSION',
      `La version ${given} du dossier est antérieure à la version connue (${known})`,
      { given, known },
    ),
  notOnAgenda: () => fail('LIFECYCLE.NOT_ON_AGENDA', "La candidature n'est inscrite à l'ordre du jour d'aucune séance"),
  agendaNotClosed: () =>
    fail('LIFECYCLE.AGENDA_NOT_CLOSED', "Le comité ne peut statuer avant la clôture de l'ordre du jour de la séance"),
  agendaAlreadyClosed: () => fail('LIFECYCLE.AGENDA_ALREADY_CLOSED', "L'ordre du jour de cette séance est déjà clos"),
  agendaCutoffPassed: (cutoffAt: string) =>
    fail(
      'LIFECYCLE.AGENDA_CUTOFF_PASSED',
      "La date limite d'inscription à l'ordre du jour de cette séance est passée",
      { cutoffAt },
    ),
  wrongSession: (expected: string, given: string) =>
    fail('LIFECYCLE.WRONG_SESSION', `La candidature est inscrite à la séance ${expected}, pas à la séance ${given}`, {
      expected,
      given,
    }),
  /** `sentence`: the whole French sentence, which names what was already decided or done. */
  alreadyDecided: (sentence: string) => fail('LIFECYCLE.DECISION_ALREADY_RECORDED', sentence),
  admissibilityBeforeCompleteness: () =>
    fail(
      'LIFECYCLE.ADMISSIBILITY_BEFORE_COMPLETENESS',
      "La décision d'admissibilité exige une décision de complétude préalable (dossier complet)",
    ),
  awardBeforeVisitReport: () =>
    fail('LIFECYCLE.AWARD_BEFORE_VISIT_REPORT', "La décision d'octroi exige le compte rendu de visite préalable"),
  midTermDecisionBeforeReport: () =>
    fail(
      'LIFECYCLE.MID_TERM_DECISION_BEFORE_REPORT',
      'La décision à mi-parcours exige le bilan à mi-parcours de la coopérative',
    ),
  midTermReportAlreadyFiled: () =>
    fail('LIFECYCLE.MID_TERM_REPORT_ALREADY_FILED', 'Le bilan à mi-parcours a déjà été déposé'),
  extensionAlreadyUsed: (allowed: number) =>
    fail('LIFECYCLE.EXTENSION_ALREADY_USED', `Le nombre de prolongations autorisées (${allowed}) est atteint`, {
      allowed,
    }),
  extensionTooLong: (max: number) =>
    fail('LIFECYCLE.EXTENSION_TOO_LONG', `Une prolongation doit durer de 1 à ${max} mois`, { max }),
  renewalWindowNotOpen: (opensOn: string) =>
    fail('LIFECYCLE.RENEWAL_WINDOW_NOT_OPEN', `Le renouvellement ne peut être demandé qu'à partir du ${opensOn}`, {
      opensOn,
    }),
  renewalAlreadyRefused: () =>
    fail(
      'LIFECYCLE.RENEWAL_ALREADY_REFUSED',
      "Le renouvellement a été refusé : le label prendra fin à sa date d'expiration",
    ),
  withdrawAfterAward: () =>
    fail(
      'LIFECYCLE.WITHDRAW_AFTER_AWARD',
      'Le label a été octroyé : la coopérative peut y renoncer, mais non retirer sa candidature',
    ),
  unknownCheckpoint: (checkpoint: number) =>
    fail('LIFECYCLE.UNKNOWN_CHECKPOINT', `Il n'y a pas de point d'étape à ${checkpoint} mois`, { checkpoint }),
  checkpointNotOpen: (checkpoint: number, opensOn: string) =>
    fail(
      'LIFECYCLE.CHECKPOINT_NOT_OPEN',
      `Le point d'étape à ${checkpoint} mois n'est ouvert qu'à partir du ${opensOn}`,
      { checkpoint, opensOn },
    ),
  checkpointAlreadyFiled: (checkpoint: number) =>
    fail('LIFECYCLE.CHECKPOINT_ALREADY_FILED', `Le bilan du point d'étape à ${checkpoint} mois a déjà été déposé`, {
      checkpoint,
    }),
  adviceBeforeReport: (checkpoint: number) =>
    fail(
      'LIFECYCLE.ADVICE_BEFORE_REPORT',
      `L'avis sur le point d'étape à ${checkpoint} mois exige le bilan de la coopérative`,
      { checkpoint },
    ),
  visitDateInPast: (visitDate: string) =>
    fail('LIFECYCLE.VISIT_DATE_IN_PAST', `La date de visite (${visitDate}) est déjà passée`, { visitDate }),
  visitNotYetHeld: (visitDate: string) =>
    fail('LIFECYCLE.VISIT_NOT_YET_HELD', `Le compte rendu ne peut être déposé avant la visite du ${visitDate}`, {
      visitDate,
    }),
  duplicateHelpRequest: (id: string) =>
    fail('LIFECYCLE.DUPLICATE_HELP_REQUEST', "Cette demande d'aide existe déjà", { helpRequestId: id }),
  unknownHelpRequest: (id: string) =>
    fail('LIFECYCLE.UNKNOWN_HELP_REQUEST', "Demande d'aide inconnue", { helpRequestId: id }),
  helpRequestAlreadyAnswered: (id: string) =>
    fail('LIFECYCLE.HELP_REQUEST_ALREADY_ANSWERED', "Cette demande d'aide a déjà reçu une réponse", {
      helpRequestId: id,
    }),
  /** A coop action that comes after its deadline, before the deadline's timer has run (e.g. after an outage). */
  deadlinePassed: (whatFr: string, dateFr: string) =>
    fail('LIFECYCLE.DEADLINE_PASSED', `Le délai pour ${whatFr} a expiré le ${dateFr}`, { dateFr }),
  deadlineNotReached: (dueAt: string) =>
    fail('LIFECYCLE.DEADLINE_NOT_REACHED', "L'échéance n'est pas encore atteinte", { dueAt }),
  unknownReminder: (key: string) => fail('LIFECYCLE.UNKNOWN_REMINDER', `Aucun rappel « ${key} » n'est prévu`, { key }),
  reminderAlreadySent: (key: string) =>
    fail('LIFECYCLE.REMINDER_ALREADY_SENT', `Le rappel « ${key} » a déjà été envoyé`, { key }),
  reminderNotDue: (key: string, dueAt: string) =>
    fail('LIFECYCLE.REMINDER_NOT_DUE', `Le rappel « ${key} » n'est pas encore dû`, { key, dueAt }),
  wrongCycle: (expected: number, given: number) =>
    fail('LIFECYCLE.WRONG_CYCLE', `Le cycle suivant est le cycle ${expected}, pas le cycle ${given}`, {
      expected,
      given,
    }),
};
