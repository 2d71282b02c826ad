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

/** `cooperativeName` names the cooperative in each sentence. */
export function federationTasks(s: CandidacyState, now: string, cooperativeName: string): Task[] {
  return [...actionTasks(s, cooperativeName), ...expiryTasks(s, now, cooperativeName)];
}

/**
 * Whether the federation has to act on this candidacy whatever the date (everything but labels
 * expiring): kept as a column of the read model so that SQL finds these candidacies at once.
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

function expiryTasks(s: CandidacyState, now: string, coop: string): Task[] {
  if (isClosedStage(s.stage) || !s.label || s.label.expiresOn.date > labelExpiryHorizon(now)) return [];
  const renewal =
    s.stage === 'renewal_requested'
      ? ' (renouvellement demandé)'
      : s.renewal?.refused
        ? ' (renouvellement refusé)'
        : '';
  return [
    task(`Label de ${coop} expirant le ${deadlineFr(s.label.expiresOn, s)}${renewal}`, s.label.expiresOn.dueAt, VIEW),
  ];
}
