/**
 * The cooperative's home: its candidacy (or the way to open one), where it stands, what it has to
 * do now and by when.
 */
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { answer, api } from '../api/client';
import type { CandidacyListItem, CandidacyView, Page } from '../api/types';
import { useMe } from '../auth/session';
import { Loading } from '../components/loading';
import { ProblemAlert } from '../components/problem-alert';
import { TaskList } from '../components/task-list';
import { NextDeadline, StageBadge } from '../components/stage';

export function CoopHomePage() {
  const me = useMe();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['candidacies', 'open'],
    queryFn: () => answer<Page<CandidacyListItem>>(api.GET('/candidacies', { params: { query: {} } })),
  });
  const open = useMutation({
    mutationFn: () =>
      answer<CandidacyView>(api.POST('/candidacies', { body: { cooperativeId: me.cooperativeId ?? '' } })),
    onSuccess: async (candidacy) => {
      await queries.invalidateQueries({ queryKey: ['candidacies'] });
      await navigate(`/candidatures/${candidacy.id}`);
    },
  });

  return (
    <Stack gap="xl">
      <Title order={1}>Ma candidature</Title>
      {list.isPending && <Loading what="vos candidatures" />}
      <ProblemAlert error={list.error} title="Vos candidatures n'ont pas pu être chargées" />
      {list.data && list.data.items.length === 0 && (
        <Card withBorder padding="lg">
          <Stack gap="sm" align="flex-start">
            <Title order={2} fz="h3">
              Engager votre coopérative dans la démarche Quali&apos;Coop
            </Title>
            <Text>
              Ouvrir une candidature vous permet de préparer votre dossier de candidature : au moins 8 des 12
              engagements du référentiel, avec leurs indicateurs, leurs valeurs cibles et leur plan d&apos;actions. Vous
              pourrez l&apos;enregistrer et y revenir autant que nécessaire avant de le déposer.
            </Text>
            <Button onClick={() => open.mutate()} loading={open.isPending}>
              Ouvrir une candidature
            </Button>
            <ProblemAlert error={open.error} title="La candidature n'a pas pu être ouverte" />
          </Stack>
        </Card>
      )}
      {list.data?.items.map((c) => (
        <Card key={c.id} withBorder padding="lg" component="section" aria-labelledby={`c-${c.id}`}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} fz="h3" id={`c-${c.id}`}>
                Candidature — cycle {c.cycle}
              </Title>
              <StageBadge label={c.stageLabel} />
            </Group>
            <NextDeadline deadline={c.nextDeadline} />
            <Title order={3} fz="h4">
              À faire
            </Title>
            <TaskList candidacyId={c.id} />
            <Group>
              {c.stage === 'draft' && (
                <Button component={Link} to={`/candidatures/${c.id}/dossier`}>
                  Préparer le dossier de candidature
                </Button>
              )}
              <Button component={Link} to={`/candidatures/${c.id}`} variant="light">
                Voir la candidature et son historique
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
