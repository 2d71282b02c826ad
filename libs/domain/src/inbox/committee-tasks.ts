/**
 * A committee member's tasks: the decisions on closed agendas, in the session where they are
 * taken, and the visits assigned to that member whose report is not filed yet.
 */
import { formatDateFr } from '../calendar/calendar';
import { endOfDay } from '../lifecycle/policy';
import { isClosedStage, type CandidacyState, type Stage } from '../lifecycle/state';
import { command, instantFr, task, type Task } from './task';

const DECISIONS: Partial<Record<Stage, { command: CommitteeDecisionCommand; what: string }>> = {
  under_review: { command: 'RecordCompleteness', what: 'Statuer sur la complétude du dossier' },
  award_decision: { command: 'DecideAward', what: "Décider de l'octroi du label après la visite" },
  mid_term_review: { command: 'DecideMidTerm', what: 'Confirmer ou retirer le label au point à mi-parcours' },
  renewal_requested: { command: 'DecideRenewal', what: 'Statuer sur la demande de renouvellement du label' },
};

/** The stages in which the committee decides, once the agenda is closed (for SQL to narrow). */
export const COMMITTEE_DECISION_STAGES = Object.keys(DECISIONS) as Stage[];

/** The decision the committee has to take now, in which session: once the item's agenda is closed. */
export interface DueDecision {
  command: CommitteeDecisionCommand;
  /** « Statuer sur … », without the cooperative. */
  whatFr: string;
  sessionId: string;
  sessionDate: string;
}

export type CommitteeDecisionCommand =
  'RecordCompleteness' | 'RecordAdmissibility' | 'DecideAward' | 'DecideMidTerm' | 'DecideRenewal';

export function dueDecision(s: CandidacyState): DueDecision | undefined {
  const decision = DECISIONS[s.stage];
  if (isClosedStage(s.stage) || !decision || !s.agenda?.closed) return undefined;
  // Completeness first, then admissibility in the same session (spec §4.1).
  const admissibility =
    s.stage === 'under_review' && s.completeness?.complete && s.completeness.sessionId === s.agenda.sessionId;
  return {
    command: admissibility ? 'RecordAdmissibility' : decision.command,
    whatFr: admissibility ? "Statuer sur l'admissibilité du dossier" : decision.what,
    sessionId: s.agenda.sessionId,
    sessionDate: s.agenda.sessionDate,
  };
}

export function committeeTasks(s: CandidacyState, memberId: string, cooperativeName: string): Task[] {
  if (isClosedStage(s.stage)) return [];
  const due = dueDecision(s);
  if (due) {
    return [
      {
        ...task(
          `${due.whatFr} de ${cooperativeName} (séance du ${instantFr(due.sessionDate, s)})`,
          due.sessionDate,
          command(due.command),
        ),
        sessionId: due.sessionId,
      },
    ];
  }
  if (s.stage === 'visit_scheduled' && s.visit && s.visit.visitorId === memberId && !s.visit.report) {
    return [
      task(
        `Effectuer la visite de ${cooperativeName} le ${formatDateFr(s.visit.date)} puis déposer le compte rendu`,
        endOfDay(s.visit.date, s.policy).dueAt,
        command('FileVisitReport'),
      ),
    ];
  }
  return [];
}
