/**
 * The federation's tasks on a candidacy: a visit to plan, unanswered help requests, checkpoint
 * reports awaiting advice, overdue checkpoints, and a label expiring within six months.
 */
import { addCalendarMonths, parisDateOf } from '../calendar/calendar';
import { isClosedStage, type CandidacyState } from '../lifecycle/state';
import { command, deadlineFr, instantFr, isOverdueAndUnfiled, task, VIEW, type Task } from './task';

/** "Labels expiring soon" in the federation's inbox and KPIs. */
export const LABEL_EXPIRY_HORIZON_MONTHS = 6;

/** The last civil date (Paris) of the "expiring soon" window seen on `now`. */
export function labelExpiryHorizon(now: string): string {
  return addCalendarMonths(parisDateOf(now), LABEL_EXPIRY_HORIZON_MONTHS);
}

/** A federation task and the day from which the inbox lists it. */
export interface ListedTask extends Task {
  /**
   * Listed once the "expiring soon" horizon seen on a day (`labelExpiryHorizon`) reaches this
   * civil date; null: listed whatever the date.
   */
  listedFromHorizon: string | null;
}

/**
 * Every task the federation has or will have on this candidacy in its current state, each with
 * the horizon from which it is listed: what the read model keeps, so that SQL can filter, sort
 * and page the inbox on any day without running the rules again.
 */
export function federationTaskList(s: CandidacyState, cooperativeName: string): ListedTask[] {
  return [
    ...actionTasks(s, cooperativeName).map((t) => ({ ...t, listedFromHorizon: null })),
    ...expiryTasks(s, cooperativeName),
  ];
}

/** The federation's tasks seen on `now`; `cooperativeName` names the cooperative in each sentence. */
export function federationTasks(s: CandidacyState, now: string, cooperativeName: string): Task[] {
  const horizon = labelExpiryHorizon(now);
  return federationTaskList(s, cooperativeName)
    .filter((t) => t.listedFromHorizon === null || t.listedFromHorizon <= horizon)
    .map(({ listedFromHorizon: _, ...t }) => t);
}

/**
 * Whether the federation has to act on this candidacy whatever the date. Only migration 3 uses it
 * (it filled a column that migration 6 replaced with the listed tasks themselves).
 */
export function needsFederation(s: CandidacyState): boolean {
  return actionTasks(s, '').length > 0;
}

function actionTasks(s: CandidacyState, coop: string): Task[] {
  if (isClosedStage(s.stage)) return [];
  const tasks: Task[] = [];
  if (s.stage === 'visit_to_plan') {
    const end = s.implementationDeadline;
    tasks.push(
      task(
        `Planifier la visite de ${coop} et désigner le membre du comité visiteur${end ? ` (fin de la mise en œuvre le ${deadlineFr(end, s)})` : ''}`,
        end?.dueAt ?? null,
        command('ScheduleVisit'),
      ),
    );
  }
  for (const h of s.helpRequests.filter((x) => !x.answeredAt)) {
    tasks.push(
      task(
        `Répondre à la demande d'aide de ${coop} du ${instantFr(h.askedAt, s)} : « ${h.question} »`,
        null,
        command('AnswerHelpRequest', { helpRequestId: h.helpRequestId }),
      ),
    );
  }
  for (const cp of s.checkpoints) {
    if (cp.reportFiledAt && !cp.adviceGivenAt) {
      tasks.push(
        task(
          `Donner un avis sur le bilan du point d'étape à ${cp.checkpoint} mois de ${coop}`,
          null,
          command('AdviseOnCheckpoint', { checkpoint: cp.checkpoint }),
        ),
      );
    } else if (isOverdueAndUnfiled(s, cp)) {
      tasks.push(
        task(
          `Relancer ${coop} : bilan du point d'étape à ${cp.checkpoint} mois en retard (attendu le ${deadlineFr(cp.deadline, s)})`,
          cp.deadline.dueAt,
          VIEW,
        ),
      );
    }
  }
  return tasks;
}

function expiryTasks(s: CandidacyState, coop: string): ListedTask[] {
  if (isClosedStage(s.stage) || !s.label) return [];
  const renewal =
    s.stage === 'renewal_requested'
      ? ' (renouvellement demandé)'
      : s.renewal?.refused
        ? ' (renouvellement refusé)'
        : '';
  return [
    {
      ...task(
        `Label de ${coop} expirant le ${deadlineFr(s.label.expiresOn, s)}${renewal}`,
        s.label.expiresOn.dueAt,
        VIEW,
      ),
      listedFromHorizon: s.label.expiresOn.date,
    },
  ];
}
