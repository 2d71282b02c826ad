/**
 * The visitor's report: for each engagement of the dossier, on track / partly / not met, and the
 * observations of the visit. Only the member the Fédération assigned files it, once.
 */
import { Anchor, Button, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CURRENT_REFERENTIAL, findEngagement, formatDateFr, type VisitFinding } from '@qualicoop/domain';
import { answer, api } from '../../api/client';
import { useCandidacy, useSavedDossier } from '../../api/queries';
import { useAction } from '../../api/use-action';
import { useMe } from '../../auth/session';
import { Loading } from '../../components/loading';
import { useFieldErrors, useProblemFields } from '../../components/field-errors';
import { ProblemAlert } from '../../components/problem-alert';

const FINDINGS: Array<{ value: VisitFinding; label: string }> = [
  { value: 'on_track', label: 'En bonne voie' },
  { value: 'partly', label: 'Partiellement atteint' },
  { value: 'not_met', label: 'Non atteint' },
];

export function VisitReportPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const candidacy = useCandidacy(id);
  const dossier = useSavedDossier(id);
  const [findings, setFindings] = useState<Record<string, VisitFinding>>({});
  const [summary, setSummary] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const { errors, show, clear } = useFieldErrors(form);
  const file = useAction(id, () =>
    answer(
      api.POST('/candidacies/{id}/visit-report', {
        params: { path: { id } },
        body: { findingsSummary: summary.trim(), findings },
      }),
    ),
  );

  useProblemFields(file.error, show);

  if (candidacy.isPending || dossier.isPending) return <Loading what="la visite" />;
  if (candidacy.error) return <ProblemAlert error={candidacy.error} title="La candidature n'a pas pu être chargée" />;
  const c = candidacy.data;
  const visit = c.state.visit;
  const back = (
    <Anchor component={Link} to={`/candidatures/${id}`}>
      ← Retour à la candidature
    </Anchor>
  );
  if (!visit || visit.visitorId !== me.sub || visit.report || c.stage !== 'visit_scheduled')
    return (
      <Stack gap="md">
        {back}
        <Title order={1}>Compte rendu de visite</Title>
        <Text>
          {visit?.report
            ? 'Le compte rendu de cette visite a été déposé.'
            : 'Aucune visite de cette candidature ne vous est confiée pour le moment : le compte rendu ne peut pas être déposé.'}
        </Text>
      </Stack>
    );
  const engagements = dossier.data?.dossier.engagements ?? [];
  const referential = CURRENT_REFERENTIAL;

  return (
    <Stack gap="lg">
      {back}
      <Title order={1}>Compte rendu de visite</Title>
      <Text>
        Visite du {formatDateFr(visit.date)}. Pour chaque engagement du dossier, indiquez où en est la coopérative, puis
        vos observations : le comité de validation décidera de l&apos;octroi du label au vu de ce compte rendu.
      </Text>
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const found: Record<string, string> = {};
          for (const en of engagements)
            if (!findings[en.engagementId]) found[`findings.${en.engagementId}`] = 'Indiquez où en est cet engagement.';
          if (!summary.trim()) found.findingsSummary = 'Les observations de la visite sont obligatoires.';
          show(found);
          if (Object.keys(found).length === 0)
            file.mutate(undefined, { onSuccess: () => void navigate(`/candidatures/${id}`) });
        }}
      >
        <Stack gap="md">
          {engagements.map((en) => {
            const field = `findings.${en.engagementId}`;
            const title = findEngagement(referential, en.engagementId)?.title ?? en.engagementId;
            return (
              <Radio.Group
                key={en.engagementId}
                data-field={field}
                label={`Engagement ${en.engagementId} — ${title}`}
                withAsterisk
                value={findings[en.engagementId] ?? ''}
                onChange={(v) => {
                  setFindings((f) => ({ ...f, [en.engagementId]: v as VisitFinding }));
                  clear(field);
                }}
                error={errors[field]}
              >
                <Stack gap={4} mt="xs">
                  {FINDINGS.map((f) => (
                    <Radio key={f.value} value={f.value} label={f.label} />
                  ))}
                </Stack>
              </Radio.Group>
            );
          })}
          <Textarea
            data-field="findingsSummary"
            label="Observations de la visite"
            withAsterisk
            autosize
            minRows={4}
            value={summary}
            onChange={(e) => {
              setSummary(e.currentTarget.value);
              clear('findingsSummary');
            }}
            error={errors.findingsSummary}
          />
          <ProblemAlert
            error={file.error}
            title="Le compte rendu n'a pas été déposé"
            atField={(f) => f === 'findingsSummary' || engagements.some((en) => f === `findings.${en.engagementId}`)}
          />
          <Button type="submit" loading={file.isPending} w="fit-content">
            Déposer le compte rendu de visite
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
