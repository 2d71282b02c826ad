/** The timers of each subject, before filtering (see pending-timers.ts for the rules). */
import { formatDateFr } from '../calendar/calendar';
import type { ReminderRecipient } from './domain-events';
import { formatDeadlineFr, reminderAt, type Before, type Deadline } from './policy';
import { overdueDeadline, visitDeadline } from './schedule';
import type { CandidacyState } from './state';
import type { ReminderCandidate, TimerCandidate } from './pending-timers';

function reminder(
  state: CandidacyState,
  key: string,
  group: string,
  subject: Deadline,
  before: Before,
  recipients: ReminderRecipient[],
  whatFr: string,
): ReminderCandidate {
  const label = 'daysBefore' in before ? `J-${before.daysBefore}` : `M-${before.monthsBefore}`;
  const subjectFr = `Rappel : ${whatFr} (${label})`;
  return {
    key,
    group,
    subject,
    dueAt: reminderAt(subject, before, state.policy),
    summaryFr: `Rappel : ${whatFr} (${label})`,
    command: { type: 'SendReminder', key },
    kind: 'reminder',
    recipients,
    subjectFr,
  };
}

export function complementTimers(state: CandidacyState): TimerCandidate[] {
  const c = state.complement;
  if (state.stage !== 'awaiting_complement' || !c || c.answeredAt) return [];
  const id = `complement-${c.round}`;
  const what = `complément d'informations attendu au plus tard le ${formatDeadlineFr(c.deadline, state.policy)}`;
  return [
    {
      key: `deadline:${id}`,
      dueAt: c.deadline.dueAt,
      summaryFr: `Échéance : ${what} (sinon classement sans suite)`,
      command: { type: 'LapseCandidacy' },
      kind: 'deadline',
    },
    ...state.policy.reminders.complementDaysBefore.map((d) =>
      reminder(state, `reminder:${id}:${d}d`, id, c.deadline, { daysBefore: d }, ['coop'], what),
    ),
  ];
}

export function implementationTimers(state: CandidacyState): TimerCandidate[] {
  const end = state.implementationDeadline;
  if (state.stage !== 'implementation' || !end) return [];
  const id = `implementation-${state.extensionsUsed + 1}`;
  const days = state.policy.reminders.visitToPlanDaysBefore;
  return [
    {
      key: `deadline:${id}`,
      dueAt: end.dueAt,
      summaryFr: `Échéance : fin de la période de mise en œuvre le ${formatDeadlineFr(end, state.policy)}`,
      command: { type: 'EndImplementationWindow' },
      kind: 'deadline',
    },
    reminder(
      state,
      `reminder:visit-to-plan-${state.extensionsUsed + 1}:${days}d`,
      id,
      end,
      { daysBefore: days },
      ['coop', 'federation'],
      `visite à planifier, fin de la mise en œuvre le ${formatDeadlineFr(end, state.policy)}`,
    ),
  ];
}

export function checkpointTimers(state: CandidacyState): TimerCandidate[] {
  if (state.stage !== 'implementation') return [];
  return state.checkpoints
    .filter((cp) => !cp.reportFiledAt && !cp.overdue)
    .flatMap((cp) => {
      const id = `checkpoint-${cp.checkpoint}`;
      const what = `bilan du point d'étape à ${cp.checkpoint} mois attendu au plus tard le ${formatDeadlineFr(cp.deadline, state.policy)}`;
      const overdue = overdueDeadline(cp, state);
      return [
        {
          key: `deadline:${id}-overdue`,
          dueAt: overdue.dueAt,
          summaryFr: `Échéance : point d'étape à ${cp.checkpoint} mois en retard (signalement à la Fédération)`,
          command: { type: 'MarkCheckpointOverdue' as const, checkpoint: cp.checkpoint },
          kind: 'deadline' as const,
          // The report is due on its deadline; this timer escalates it after the grace period.
          subjectDue: { dueAt: cp.deadline.dueAt, whatFr: `Échéance : ${what}` },
        },
        ...state.policy.reminders.checkpointDaysBefore.map((d) =>
          reminder(state, `reminder:${id}:${d}d`, id, cp.deadline, { daysBefore: d }, ['coop'], what),
        ),
      ];
    });
}

export function visitTimers(state: CandidacyState): TimerCandidate[] {
  const visit = state.visit;
  const subject = visitDeadline(state);
  if (state.stage !== 'visit_scheduled' || !visit || !subject || visit.report) return [];
  const id = `visit-${visit.round}`;
  const what = `visite Quali'Coop le ${formatDateFr(visit.date)}`;
  return state.policy.reminders.visitDaysBefore.map((d) =>
    reminder(state, `reminder:${id}:${d}d`, id, subject, { daysBefore: d }, ['visitor', 'coop'], what),
  );
}

export function labelTimers(state: CandidacyState): TimerCandidate[] {
  const label = state.label;
  if (!label || !['labelled', 'mid_term_review'].includes(state.stage)) return [];
  const timers: TimerCandidate[] = [
    {
      key: 'deadline:label-expiry',
      dueAt: label.expiresOn.dueAt,
      summaryFr: `Échéance : expiration du label le ${formatDeadlineFr(label.expiresOn, state.policy)}`,
      command: { type: 'ExpireLabel' },
      kind: 'deadline',
    },
  ];
  if (state.stage !== 'labelled') return timers;
  const { reminders } = state.policy;
  const midTerm = label.midTerm;
  if (!midTerm.reportFiledAt) {
    const d = reminders.midTermDaysBefore;
    const what = `bilan à mi-parcours attendu au plus tard le ${formatDeadlineFr(midTerm.deadline, state.policy)}`;
    timers.push(
      reminder(state, `reminder:mid-term:${d}d`, 'mid-term', midTerm.deadline, { daysBefore: d }, ['coop'], what),
    );
  }
  if (!state.renewal) {
    const what = `label valable jusqu'au ${formatDeadlineFr(label.expiresOn, state.policy)}, renouvellement à demander`;
    for (const m of reminders.renewalMonthsBefore) {
      timers.push(
        reminder(state, `reminder:renewal:${m}m`, 'renewal', label.expiresOn, { monthsBefore: m }, ['coop'], what),
      );
    }
  }
  return timers;
}
