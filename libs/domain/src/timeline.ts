/**
 * A candidacy's history as people read it: for each event, who acted, what happened and, for a
 * decision, why (the committee's motivation). Whole French sentences with the glossary's words
 * (spec §7); the console's timeline shows them, in order, with the date.
 */
import { formatDateFr } from './calendar/calendar';
import type { DomainEvent } from './lifecycle/domain-events';
import { formatDeadlineFr, parisTimeOf, type Policy } from './lifecycle/policy';
import { AGENDA_KIND_LABELS_FR } from './lifecycle/state';

export interface TimelineEntry {
  /** Who acted, e.g. « Le comité de validation ». */
  who: string;
  /** What happened, as a sentence. */
  what: string;
  /** Why, when a decision says it: the motivation, the reason, what is missing. */
  why?: string;
}

const COOP = 'La coopérative';
const COMMITTEE = 'Le comité de validation';
const FEDERATION = 'La Fédération';
const SYSTEM = "Quali'Coop (automatique)";

const checkpointFr = (months: number) => `point d'étape à ${months} mois`;

/**
 * `earlier`: the events before this one, when the sentence depends on them (a placement on an
 * agenda the candidacy was already on means the Fédération moved that session).
 */
export function timelineEntry(e: DomainEvent, policy: Policy, earlier: readonly DomainEvent[] = []): TimelineEntry {
  const due = (d: Parameters<typeof formatDeadlineFr>[0]) => formatDeadlineFr(d, policy);
  switch (e.type) {
    case 'CandidacyOpened':
      return { who: COOP, what: `La candidature (cycle ${e.cycle}) est ouverte.` };
    case 'CycleStarted':
      return { who: SYSTEM, what: `Le cycle ${e.cycle} commence avec le label renouvelé.` };
    case 'DraftSaved':
      return {
        who: COOP,
        what: `Le brouillon du dossier de candidature est enregistré (version ${e.dossierVersion}).`,
      };
    case 'DossierSubmitted':
      return { who: COOP, what: `Le dossier de candidature est déposé (version ${e.dossierVersion}).` };
    case 'PlacedOnAgenda':
      if (earlier.some((p) => p.type === 'PlacedOnAgenda' && p.sessionId === e.sessionId && p.kind === e.kind))
        return {
          who: FEDERATION,
          what: `La séance du comité est déplacée au ${formatDateFr(parisTimeOf(policy).dateOf(e.sessionDate))} ; l'ordre du jour reste le même.`,
        };
      return {
        who: SYSTEM,
        what: `Inscrit à l'ordre du jour de la séance du comité du ${formatDateFr(parisTimeOf(policy).dateOf(e.sessionDate))} : ${AGENDA_KIND_LABELS_FR[e.kind]}.`,
      };
    case 'AgendaClosed':
      return { who: SYSTEM, what: "L'ordre du jour de la séance du comité est clos." };
    case 'CompletenessRecorded':
      return e.complete
        ? { who: COMMITTEE, what: 'Le dossier est jugé complet.', why: e.motivation }
        : {
            who: COMMITTEE,
            what: 'Le dossier est jugé incomplet.',
            why: `Éléments manquants : ${e.missing.join(' ; ')}.`,
          };
    case 'ComplementRequested':
      return {
        who: COMMITTEE,
        what: `Une demande de complément d'informations est adressée à la coopérative, à fournir avant le ${due(e.deadline)}.`,
        why: `Éléments manquants : ${e.missing.join(' ; ')}.`,
      };
    case 'ComplementAnswered':
      return {
        who: COOP,
        what: `La coopérative répond à la demande de complément (version ${e.dossierVersion} du dossier).`,
      };
    case 'AdmissibilityRecorded':
      return e.admissible
        ? {
            who: COMMITTEE,
            what: e.implementationDeadline
              ? `La coopérative est déclarée candidat admissible : la période de mise en œuvre court jusqu'au ${due(e.implementationDeadline)}.`
              : 'La coopérative est déclarée candidat admissible.',
            why: e.motivation,
          }
        : { who: COMMITTEE, what: "La candidature n'est pas admissible.", why: e.motivation };
    case 'CandidacyLapsed':
      return { who: SYSTEM, what: "La candidature est classée sans suite : le complément n'a pas été fourni à temps." };
    case 'ProgressReportFiled':
      return {
        who: COOP,
        what: `Le bilan d'avancement du ${checkpointFr(e.checkpoint)} est déposé${e.late ? ' (en retard)' : ''}.`,
      };
    case 'CheckpointAdviceGiven':
      return {
        who: FEDERATION,
        what: `La Fédération donne son avis sur le ${checkpointFr(e.checkpoint)}.`,
        why: e.advice,
      };
    case 'CheckpointOverdue':
      return {
        who: SYSTEM,
        what: `Le bilan d'avancement du ${checkpointFr(e.checkpoint)} n'a pas été déposé à temps.`,
      };
    case 'HelpRequested':
      return { who: COOP, what: 'La coopérative demande un accompagnement à la Fédération.', why: e.question };
    case 'HelpRequestAnswered':
      return { who: FEDERATION, what: "La Fédération répond à la demande d'accompagnement.", why: e.answer };
    case 'ReadinessDeclared':
      return { who: COOP, what: 'La coopérative se déclare disponible pour la visite.' };
    case 'ImplementationWindowEnded':
      return { who: SYSTEM, what: 'La période de mise en œuvre de 18 mois est terminée : la visite est à planifier.' };
    case 'VisitScheduled':
      return { who: FEDERATION, what: `La visite est planifiée le ${formatDateFr(e.visitDate)}.` };
    case 'VisitReportFiled':
      return { who: COMMITTEE, what: 'Le compte rendu de visite est déposé.', why: e.findingsSummary };
    case 'LabelGranted':
      return {
        who: COMMITTEE,
        what: `Le label Quali'Coop est octroyé, jusqu'au ${due(e.label.expiresOn)}.`,
        why: e.motivation,
      };
    case 'ExtensionGranted':
      return {
        who: COMMITTEE,
        what: `Une prolongation de ${e.months} mois est accordée, jusqu'au ${due(e.implementationDeadline)}.`,
        why: e.motivation,
      };
    case 'LabelRefused':
      return { who: COMMITTEE, what: "Le label n'est pas octroyé.", why: e.motivation };
    case 'MidTermReportFiled':
      return { who: COOP, what: "Le bilan du point d'étape à mi-parcours est déposé." };
    case 'MidTermConfirmed':
      return { who: COMMITTEE, what: 'Le label est confirmé à mi-parcours.', why: e.motivation };
    case 'LabelWithdrawn':
      return { who: COMMITTEE, what: 'Le label est retiré.', why: e.motivation };
    case 'RenewalRequested':
      return { who: COOP, what: 'La coopérative demande le renouvellement du label.' };
    case 'LabelRenewed':
      return {
        who: COMMITTEE,
        what: `Le label est renouvelé pour le cycle ${e.nextCycle}, jusqu'au ${due(e.nextLabel.expiresOn)}.`,
        why: e.motivation,
      };
    case 'RenewalRefused':
      return { who: COMMITTEE, what: "Le renouvellement du label n'est pas accordé.", why: e.motivation };
    case 'LabelExpired':
      return { who: SYSTEM, what: `Le label a expiré le ${due(e.expiresOn)}.` };
    case 'CandidacyWithdrawn':
      return { who: COOP, what: 'La coopérative retire sa candidature.', why: e.reason };
    case 'LabelRenounced':
      return { who: COOP, what: 'La coopérative renonce au label.', why: e.reason };
    case 'ReminderSent':
      return { who: SYSTEM, what: `Un rappel est envoyé : « ${e.subjectFr} ».` };
  }
}
