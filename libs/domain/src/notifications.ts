/**
 * What people are told, in French: every stage change and every reminder becomes a message to
 * the people concerned. Pure: the event store queues these in its outbox, in the same
 * transaction as the event, and a sender delivers them.
 */
import { formatDeadlineFr, formatInstantFr } from './lifecycle/policy';
import type { CandidacyState } from './lifecycle/state';
import { STAGE_LABELS_FR } from './lifecycle/state';
import type { DomainEvent, ReminderRecipient } from './lifecycle/domain-events';

export interface Notification {
  /** Set when one message stands for several candidacies (a session's agenda): deduplicates it. */
  key?: string;
  kind: string;
  /** 'coop:<id>', 'federation', 'committee', 'committee-session:<sessionId>' or 'visitor:<id>'. */
  recipient: string;
  subject: string;
  body: string;
  /**
   * The committee's message at an agenda's cut-off: the event store appends that session's agenda
   * (every item placed on it) to the body, since one candidacy's event does not know the others.
   */
  withAgendaOf?: string;
}

const SIGNATURE = "\n\n— La Fédération nationale des Coop'HLM, démarche Quali'Coop";

/**
 * The messages an event sends. `cooperativeName` is how people know the cooperative (the register
 * holds it; the state only has its id).
 */
export function notificationsFor(event: DomainEvent, state: CandidacyState, cooperativeName: string): Notification[] {
  const coop = `coop:${state.cooperativeId}`;
  const name = cooperativeName;
  const message = (kind: string, recipient: string, subject: string, body: string, key?: string): Notification => ({
    kind,
    recipient,
    subject: `[Quali'Coop] ${subject}`,
    body: `Bonjour,\n\n${body}${SIGNATURE}`,
    ...(key ? { key } : {}),
  });

  switch (event.type) {
    case 'ReminderSent':
      return event.recipients.map((r) =>
        message('reminder', recipientOf(r, state), event.subjectFr, paragraphs(`${event.subjectFr}.`, dueLine(state))),
      );
    case 'AgendaClosed': {
      const sessionDate = state.agenda?.sessionId === event.sessionId ? state.agenda.sessionDate : undefined;
      const when = sessionDate ? ` du ${formatInstantFr(sessionDate, state.policy)}` : '';
      return [
        {
          ...message(
            'agenda_closed',
            `committee-session:${event.sessionId}`,
            `Ordre du jour de la séance${when} arrêté`,
            `L'ordre du jour de la séance${when} du comité de validation est arrêté. Voici les dossiers sur lesquels le comité aura à statuer :`,
            `session:${event.sessionId}:agenda-closed`,
          ),
          withAgendaOf: event.sessionId,
        },
        message(
          'stage_changed',
          coop,
          'Votre dossier sera examiné par le comité',
          `L'ordre du jour de la séance${when} du comité de validation est arrêté : votre candidature y figure.`,
        ),
      ];
    }
    case 'CheckpointOverdue':
      return [
        message(
          'checkpoint_overdue',
          'federation',
          `Point d'étape à ${event.checkpoint} mois en retard (${name})`,
          `Le bilan du point d'étape à ${event.checkpoint} mois de ${name} n'a pas été déposé (échéance : ${formatDeadlineFr(event.deadline, state.policy)}).`,
        ),
        message(
          'checkpoint_overdue',
          coop,
          `Point d'étape à ${event.checkpoint} mois en retard`,
          `Le bilan d'avancement du point d'étape à ${event.checkpoint} mois était attendu le ${formatDeadlineFr(event.deadline, state.policy)}. Merci de le déposer au plus vite.`,
        ),
      ];
    case 'LabelExpired':
      return [
        message(
          'label_expired',
          'federation',
          `Label Quali'Coop de ${name} expiré`,
          `Le label Quali'Coop de ${name} a expiré le ${formatDeadlineFr(event.expiresOn, state.policy)}.`,
        ),
        message(
          'label_expired',
          coop,
          "Votre label Quali'Coop a expiré",
          `Le label Quali'Coop de votre coopérative, ${name}, a expiré le ${formatDeadlineFr(event.expiresOn, state.policy)}.`,
        ),
      ];
    case 'DraftSaved':
    case 'PlacedOnAgenda':
    case 'HelpRequested':
    case 'HelpRequestAnswered':
    case 'CheckpointAdviceGiven':
    case 'ProgressReportFiled':
    case 'CycleStarted':
      return [];
    default:
      return [
        message(
          'stage_changed',
          coop,
          `Votre candidature : ${STAGE_LABELS_FR[state.stage]}`,
          paragraphs(
            `Votre candidature à la démarche Quali'Coop est désormais : ${STAGE_LABELS_FR[state.stage]} (le ${formatInstantFr(event.at, state.policy)}).`,
            dueLine(state),
          ),
        ),
      ];
  }
}

function recipientOf(r: ReminderRecipient, state: CandidacyState): string {
  if (r === 'coop') return `coop:${state.cooperativeId}`;
  if (r === 'visitor') return `visitor:${state.visit?.visitorId ?? 'unassigned'}`;
  return r;
}

function dueLine(state: CandidacyState): string {
  const deadline = state.implementationDeadline ?? state.complement?.deadline;
  return deadline ? `Échéance en cours : ${formatDeadlineFr(deadline, state.policy)}.` : '';
}

/** Paragraphs of a body, the empty ones left out. */
function paragraphs(...texts: string[]): string {
  return texts.filter((t) => t !== '').join('\n\n');
}

/** The body of the committee's agenda message with the session's items listed, before the signature. */
export function withAgendaItems(body: string, items: ReadonlyArray<{ cooperativeName: string; what: string }>): string {
  const list = items.length
    ? items.map((i) => `- ${i.cooperativeName} : ${i.what}`).join('\n') +
      `\n\n${items.length} dossier${items.length > 1 ? 's' : ''} à l'ordre du jour.`
    : "- Aucun dossier n'est inscrit.";
  const cut = body.endsWith(SIGNATURE) ? body.length - SIGNATURE.length : body.length;
  return `${body.slice(0, cut)}\n\n${list}${body.slice(cut)}`;
}
