/**
 * The Fédération's indicators (spec §5), as its council reads them: the engagement rate against
 * the 80 % goal over time, candidacies by stage and the time they spend there, late checkpoint
 * reports, labels expiring within six months, the committee's workload per session, and the
 * practices the dossiers choose. Every chart has its data table beside it: the table is what a
 * screen reader reads (the chart is hidden from it) and what a person copies.
 */
import '@mantine/charts/styles.css';
import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { answer, api } from '../../api/client';
import type { EngagementPopularity, Kpis } from '../../api/types';
import { Loading } from '../../components/loading';
import { ProblemAlert } from '../../components/problem-alert';
import { dueFr } from '../../format';
import { CommitteeWorkload, ExpiringLabels, OverdueCheckpoints } from './kpis-deadlines';
import { Practices } from './kpis-practices';
import { Engagement, Funnel, TimeInStage } from './kpis-progress';

export function KpisPage() {
  const kpis = useQuery({ queryKey: ['kpis'], queryFn: () => answer<Kpis>(api.GET('/kpis')) });
  const practices = useQuery({
    queryKey: ['kpis', 'practices'],
    queryFn: () => answer<EngagementPopularity>(api.GET('/kpis/practices')),
  });
  return (
    <Stack gap="xl">
      <Title order={1}>Indicateurs de la démarche</Title>
      {kpis.isPending && <Loading what="les indicateurs" />}
      <ProblemAlert error={kpis.error} title="Les indicateurs n'ont pas pu être chargés" />
      {kpis.data && (
        <>
          <Text>Chiffres au {dueFr(kpis.data.asOf)}.</Text>
          <Engagement kpis={kpis.data} />
          <Funnel kpis={kpis.data} />
          <TimeInStage kpis={kpis.data} />
          <OverdueCheckpoints kpis={kpis.data} />
          <ExpiringLabels kpis={kpis.data} />
          <CommitteeWorkload kpis={kpis.data} />
        </>
      )}
      {practices.isPending && <Loading what="les pratiques" />}
      <ProblemAlert error={practices.error} title="Les pratiques n'ont pas pu être chargées" />
      {practices.data && <Practices practices={practices.data} />}
    </Stack>
  );
}
