/** One candidacy: where it stands, what is due, and its history as a readable timeline. */
import { Anchor, Button, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { STAGE_LABELS_FR, timelineEntry } from '@qualicoop/domain';
import { answer, api } from '../api/client';
import type { HistoryEntry } from '../api/types';
import { useMe } from '../auth/session';
import { CandidacyActions } from './candidacy-actions';
import { CommitteeActions } from './committee/committee-actions';
import { RecordedDecisions } from './committee/recorded-decisions';
import { FederationActions } from './federation/federation-actions';
import { Checkpoints, Label } from './follow-up';
import { Loading } from '../components/loading';
import { ProblemAlert } from '../components/problem-alert';
import { TaskList } from '../components/task-list';
import { dateTimeFr } from '../format';
import { NextDeadline, StageBadge } from '../components/stage';
import { useCandidacy } from '../api/queries';

export function CandidacyPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const candidacy = useCandidacy(id);
  const history = useQuery({
    queryKey: ['candidacy', id, 'history'],
    queryFn: () => answer<HistoryEntry[]>(api.GET('/candidacies/{id}/history', { params: { path: { id } } })),
  });

  if (candidacy.isPending) return <Loading what="la candidature" />;
  if (candidacy.error) return <ProblemAlert error={candidacy.error} title="La candidature n'a pas pu être chargée" />;
  const c = candidacy.data;
  const shown = (history.data ?? []).filter((e) => e.type !== 'ReminderSent' && e.type !== 'DraftSaved');
  return (
    <Stack gap="xl">
      <Anchor component={Link} to="/">
        ← Retour à l&apos;accueil
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>Candidature — cycle {c.cycle}</Title>
        <StageBadge label={STAGE_LABELS_FR[c.stage]} />
      </Group>
      <NextDeadline deadline={c.nextDeadline} />
      <Group>
        <Button component={Link} to={`/candidatures/${c.id}/dossier`}>
          {c.stage === 'draft'
            ? 'Préparer le dossier de candidature'
            : c.stage === 'awaiting_complement'
              ? 'Compléter le dossier de candidature'
              : 'Voir le dossier de candidature'}
        </Button>
      </Group>
      {me.role === 'committee' && <CommitteeActions c={c} memberId={me.sub} />}
      <Checkpoints c={c} coop={me.role === 'coop'} />
      <Label c={c} coop={me.role === 'coop'} />
      {me.role === 'coop' && <CandidacyActions c={c} />}
      {me.role === 'federation' && <FederationActions c={c} />}
      {me.role !== 'coop' && <RecordedDecisions c={c} />}
      <section aria-labelledby="a-faire">
        <Title order={2} fz="h3" id="a-faire" mb="sm">
          À faire
        </Title>
        <TaskList candidacyId={c.id} />
      </section>
      <section aria-labelledby="historique">
        <Title order={2} fz="h3" id="historique" mb="sm">
          Historique
        </Title>
        {history.isPending && <Loading what="l'historique" />}
        <ProblemAlert error={history.error} title="L'historique n'a pas pu être chargé" />
        <Timeline bulletSize={14} lineWidth={2} active={shown.length}>
          {shown.map((e, i) => {
            const entry = timelineEntry(
              e.data,
              c.state.policy,
              shown.slice(0, i).map((earlier) => earlier.data),
            );
            return (
              <Timeline.Item key={`${e.cycle}:${e.sequence}`} title={entry.what}>
                <Text fz="sm" c="dimmed">
                  {entry.who}, le {dateTimeFr(e.occurredAt)}
                </Text>
                {entry.why && (
                  <Text fz="sm" mt={4}>
                    {entry.why}
                  </Text>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      </section>
    </Stack>
  );
}
