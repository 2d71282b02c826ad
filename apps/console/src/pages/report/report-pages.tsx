/**
 * The cooperative's reports: the progress report of a checkpoint (6 and 12 months, with the
 * Fédération's advice once given) and the label's mid-term report. Each says when it is due and
 * which reminders the cooperative will receive; once filed, it is shown as sent.
 */
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CandidacyState } from '@qualicoop/domain';
import { answer, api } from '../../api/client';
import { useCandidacy, useFiledReports, useSavedDossier } from '../../api/queries';
import type { CandidacyView, FiledReport } from '../../api/types';
import { Loading } from '../../components/loading';
import { ProblemAlert } from '../../components/problem-alert';
import { dateTimeFr, dueFr } from '../../format';
import { FiledReportView, ReportForm } from './report-form';

/** Loads what a report page needs: the candidacy, its dossier and the reports filed so far. */
function WithReportData(props: {
  what: string;
  children: (
    c: CandidacyView,
    dossier: NonNullable<ReturnType<typeof useSavedDossier>['data']>,
    reports: FiledReport[],
  ) => ReactNode;
}) {
  const { id = '' } = useParams();
  const candidacy = useCandidacy(id);
  const dossier = useSavedDossier(id);
  const reports = useFiledReports(id);
  if (candidacy.isPending || dossier.isPending || reports.isPending) return <Loading what={props.what} />;
  if (candidacy.error || dossier.error || reports.error)
    return (
      <ProblemAlert error={candidacy.error ?? dossier.error ?? reports.error} title="Le bilan n'a pas pu être chargé" />
    );
  if (!dossier.data)
    return (
      <Alert color="blue" title="Pas encore de dossier">
        Cette candidature n&apos;a pas encore de dossier : les bilans viennent après l&apos;admissibilité.
      </Alert>
    );
  return (
    <Stack gap="xl">
      <Anchor component={Link} to={`/candidatures/${candidacy.data.id}`}>
        ← Retour à la candidature
      </Anchor>
      {props.children(candidacy.data, dossier.data, reports.data)}
    </Stack>
  );
}

/** After filing: every read of the candidacy is refreshed and the person goes back to it. */
function useFiled(candidacyId: string) {
  const queries = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    await queries.invalidateQueries();
    await navigate(`/candidatures/${candidacyId}`);
  };
}

const days = (n: number[]) =>
  n.length === 1 ? `${n[0]} jours` : `${n.slice(0, -1).join(' jours, ')} jours et ${n[n.length - 1]} jours`;

function Filed({ report }: { report: FiledReport }) {
  return (
    <>
      <Alert color="green" title="Bilan déposé">
        Déposé le {dateTimeFr(report.filedAt)}
        {report.late ? ", après l'échéance" : ''}.
      </Alert>
      <FiledReportView content={report.content} />
    </>
  );
}

export function CheckpointReportPage() {
  const { checkpoint = '' } = useParams();
  const months = Number(checkpoint);
  return (
    <WithReportData what="le point d'étape">
      {(c, dossier, reports) => {
        const cp = c.state.checkpoints?.find((p) => p.checkpoint === months);
        const filed = reports.find((r) => r.kind === 'progress' && r.cycle === c.cycle && r.checkpoint === months);
        return (
          <>
            <Title order={1}>Point d&apos;étape à {months} mois — bilan d&apos;avancement</Title>
            {!cp ? (
              <Alert color="red" title="Point d'étape introuvable">
                Cette candidature n&apos;a pas de point d&apos;étape à {months} mois.
              </Alert>
            ) : (
              <CheckpointBody c={c} cp={cp} filed={filed} dossier={dossier.dossier} />
            )}
          </>
        );
      }}
    </WithReportData>
  );
}

type Checkpoint = NonNullable<CandidacyState['checkpoints']>[number];

function CheckpointBody(props: {
  c: CandidacyView;
  cp: Checkpoint;
  filed: FiledReport | undefined;
  dossier: Parameters<typeof ReportForm>[0]['dossier'];
}) {
  const { c, cp, filed } = props;
  const { policy } = c.state;
  const done = useFiled(c.id);
  const opened = Date.now() >= Date.parse(cp.opensAt);
  return (
    <>
      <Text>
        Le bilan est à déposer au plus tard le <strong>{dueFr(cp.deadline.dueAt)}</strong>. Vous recevrez un rappel par
        courriel {days(policy.reminders.checkpointDaysBefore)} avant cette date ; sans bilan{' '}
        {policy.checkpointOverdueDays} jours après, le point d&apos;étape est signalé en retard à la Fédération.
      </Text>
      {filed ? (
        <>
          <Filed report={filed} />
          <section aria-labelledby="avis">
            <Title order={2} fz="h3" id="avis" mb="xs">
              Avis de la Fédération
            </Title>
            <Text>
              {cp.advice
                ? `${cp.advice}${cp.adviceGivenAt ? ` (le ${dateTimeFr(cp.adviceGivenAt)})` : ''}`
                : "La Fédération n'a pas encore donné son avis sur ce bilan ; vous en serez informés par courriel."}
            </Text>
          </section>
        </>
      ) : c.stage !== 'implementation' ? (
        <Alert color="blue" title="Bilan non déposé">
          La période de mise en œuvre est terminée : ce bilan ne peut plus être déposé.
        </Alert>
      ) : !opened ? (
        <Alert color="blue" title="Pas encore ouvert">
          Ce bilan pourra être déposé à partir du {dueFr(cp.opensAt)}.
        </Alert>
      ) : (
        <ReportForm
          dossier={props.dossier}
          backupKey={`qc.report.${c.id}.${c.cycle}.${cp.checkpoint}`}
          submitLabel="Déposer le bilan d'avancement"
          onSubmit={async (report) => {
            await answer(
              api.POST('/candidacies/{id}/checkpoints/{checkpoint}/report', {
                params: { path: { id: c.id, checkpoint: cp.checkpoint as 6 | 12 } },
                body: report,
              }),
            );
            await done();
          }}
        />
      )}
    </>
  );
}

export function MidTermReportPage() {
  return (
    <WithReportData what="le bilan à mi-parcours">
      {(c, dossier, reports) => {
        const label = c.state.label;
        const filed = reports.find((r) => r.kind === 'mid_term' && r.cycle === c.cycle);
        return (
          <>
            <Title order={1}>Bilan à mi-parcours du label</Title>
            {!label ? (
              <Alert color="blue" title="Pas de label en cours">
                Le bilan à mi-parcours concerne une coopérative labellisée.
              </Alert>
            ) : (
              <MidTermBody c={c} filed={filed} dossier={dossier.dossier} />
            )}
          </>
        );
      }}
    </WithReportData>
  );
}

function MidTermBody(props: {
  c: CandidacyView;
  filed: FiledReport | undefined;
  dossier: Parameters<typeof ReportForm>[0]['dossier'];
}) {
  const { c, filed } = props;
  const midTerm = c.state.label!.midTerm;
  const done = useFiled(c.id);
  return (
    <>
      <Text>
        À mi-parcours du label, la coopérative déclare la valeur de ses indicateurs ; le comité de validation confirme
        le label ou le retire. Le bilan est à déposer au plus tard le <strong>{dueFr(midTerm.deadline.dueAt)}</strong>{' '}
        (rappel par courriel {c.state.policy.reminders.midTermDaysBefore} jours avant).
      </Text>
      {filed ? (
        <>
          <Filed report={filed} />
          <Text>
            {midTerm.decided === 'confirmed'
              ? 'Le comité de validation a confirmé le label.'
              : midTerm.decided === 'withdrawn'
                ? 'Le comité de validation a retiré le label.'
                : c.state.agenda
                  ? `Le comité de validation examinera ce bilan lors de sa séance du ${dueFr(c.state.agenda.sessionDate)}.`
                  : 'Le comité de validation examinera ce bilan lors de sa prochaine séance.'}
          </Text>
        </>
      ) : c.stage !== 'labelled' ? (
        <Alert color="blue" title="Bilan non déposé">
          Le bilan à mi-parcours ne peut être déposé que pendant la durée du label.
        </Alert>
      ) : (
        <ReportForm
          dossier={props.dossier}
          backupKey={`qc.report.${c.id}.${c.cycle}.mid-term`}
          submitLabel="Déposer le bilan à mi-parcours"
          onSubmit={async (report) => {
            await answer(
              api.POST('/candidacies/{id}/mid-term-report', { params: { path: { id: c.id } }, body: report }),
            );
            await done();
          }}
        />
      )}
    </>
  );
}
