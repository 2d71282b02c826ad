/** A cooperative's tasks: what it can do now on its candidacy, and the next deadline otherwise. */
import { formatDateFr } from '../calendar/calendar';
import { searchableDates } from '../lifecycle/pending-timers';
import { endOfDay } from '../lifecycle/policy';
import { renewalWindowOpensAt } from '../lifecycle/schedule';
import { isClosedStage, STAGE_LABELS_FR, type CandidacyState } from '../lifecycle/state';
import { command, deadlineFr, instantFr, task, type Task } from './task';

const reached = (instant: string, now: string) => Date.parse(instant) <= Date.parse(now);

export function coopTasks(s: CandidacyState, now: string): Task[] {
  const tasks = stageTasks(s, now);
  // Waiting for a committee decision, a visit done…: the next deadline says what comes next.
  if (tasks.length === 0 && !isClosedStage(s.stage)) tasks.push(waiting(s));
  for (const h of s.helpRequests.filter((x) => !x.answeredAt)) {
    tasks.push(
      task(`Demande d'aide envoyée le ${instantFr(h.askedAt, s)} : en attente de la réponse de la Fédération`, null),
    );
  }
  return tasks;
}

function stageTasks(s: CandidacyState, now: string): Task[] {
  switch (s.stage) {
    case 'draft':
      return [
        task(
          'Déposer le dossier de candidature (une fois le brouillon complet enregistré)',
          null,
          command('SubmitDossier'),
        ),
      ];
    case 'submitted':
    case 'on_agenda':
      return [
        task(
          s.agenda
            ? `Dossier inscrit à l'ordre du jour de la séance du comité du ${instantFr(s.agenda.sessionDate, s)} : rien à faire d'ici là`
            : "Dossier déposé : inscription à l'ordre du jour de la prochaine séance du comité",
          s.agenda?.sessionDate ?? null,
        ),
      ];
    case 'awaiting_complement':
      return s.complement ? [complementTask(s, s.complement)] : [];
    case 'implementation':
      return implementationTasks(s, now);
    case 'visit_to_plan':
      return [task('La Fédération planifie la visite du comité : vous serez informés de sa date', null)];
    case 'visit_scheduled':
      return s.visit && !s.visit.report
        ? [
            task(
              `Recevoir la visite du comité le ${formatDateFr(s.visit.date)}`,
              endOfDay(s.visit.date, s.policy).dueAt,
            ),
          ]
        : [];
    case 'labelled':
      return labelTasks(s, now);
    default:
      return [];
  }
}

function complementTask(s: CandidacyState, c: NonNullable<CandidacyState['complement']>): Task {
  const missing = c.missing.length ? ` (éléments manquants : ${c.missing.join(', ')})` : '';
  return task(
    `Répondre à la demande de complément avant le ${deadlineFr(c.deadline, s)}${missing}, sinon la candidature sera classée sans suite`,
    c.deadline.dueAt,
    command('AnswerComplement'),
  );
}

function implementationTasks(s: CandidacyState, now: string): Task[] {
  const tasks = s.checkpoints
    .filter((cp) => !cp.reportFiledAt)
    .map((cp) => {
      const open = reached(cp.opensAt, now);
      // Unlike `isOverdueAndUnfiled` (flagged after the grace days), the coop is late from the deadline on.
      const late = cp.overdue || reached(cp.deadline.dueAt, now);
      const due = deadlineFr(cp.deadline, s);
      const what = open
        ? `Déposer le bilan du point d'étape à ${cp.checkpoint} mois ${late ? `(en retard : attendu le ${due})` : `au plus tard le ${due}`}`
        : `Bilan du point d'étape à ${cp.checkpoint} mois à déposer entre le ${instantFr(cp.opensAt, s)} et le ${due}`;
      return task(what, cp.deadline.dueAt, open ? command('FileProgressReport', { checkpoint: cp.checkpoint }) : null);
    });
  if (s.implementationDeadline) {
    tasks.push(
      task(
        `Déclarer la coopérative prête pour la visite (au plus tard, fin de la mise en œuvre le ${deadlineFr(s.implementationDeadline, s)})`,
        s.implementationDeadline.dueAt,
        command('DeclareReadiness'),
      ),
    );
  }
  return tasks;
}

function labelTasks(s: CandidacyState, now: string): Task[] {
  if (!s.label) return [];
  const { midTerm, expiresOn } = s.label;
  const tasks: Task[] = [];
  if (!midTerm.reportFiledAt && !midTerm.decided) {
    tasks.push(
      task(
        `Déposer le bilan à mi-parcours du label au plus tard le ${deadlineFr(midTerm.deadline, s)}`,
        midTerm.deadline.dueAt,
        command('FileMidTermReport'),
      ),
    );
  }
  const windowOpens = renewalWindowOpensAt(s.label, s);
  if (!s.renewal) {
    const canRenew = reached(windowOpens, now);
    tasks.push(
      task(
        canRenew
          ? `Demander le renouvellement du label avant son expiration le ${deadlineFr(expiresOn, s)}`
          : `Label valable jusqu'au ${deadlineFr(expiresOn, s)} : renouvellement à demander à partir du ${instantFr(windowOpens, s)}`,
        expiresOn.dueAt,
        canRenew ? command('RequestRenewal') : null,
      ),
    );
  } else if (s.renewal.refused) {
    tasks.push(task(`Renouvellement refusé : le label prend fin le ${deadlineFr(expiresOn, s)}`, expiresOn.dueAt));
  }
  return tasks;
}

function waiting(s: CandidacyState): Task {
  if (s.agenda)
    return task(
      `En attente de la décision du comité (séance du ${instantFr(s.agenda.sessionDate, s)})`,
      s.agenda.sessionDate,
    );
  const { nextDeadline, nextDeadlineLabel } = searchableDates(s);
  const stage = `Étape en cours : ${STAGE_LABELS_FR[s.stage]}`;
  return task(nextDeadlineLabel ? `${stage} — ${nextDeadlineLabel}` : stage, nextDeadline ?? null);
}
