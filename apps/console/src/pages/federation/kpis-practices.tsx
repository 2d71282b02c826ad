/** The practices the dossiers choose, with the CSV export of every cooperative's indicators. */
import { useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Button, Group, Stack, Text } from '@mantine/core';
import { downloadFile } from '../../api/files';
import type { EngagementPopularity } from '../../api/types';
import { ProblemAlert } from '../../components/problem-alert';
import { numberFr } from '../../format';
import { CHART, CHART_HEIGHT, DataTable, Indicator } from './kpis-indicator';

const dossiersFr = (n: number) =>
  n === 0
    ? 'les dossiers déposés (aucun pour le moment)'
    : n === 1
      ? 'le dossier déposé'
      : `les ${numberFr(n)} dossiers déposés`;

export function Practices({ practices }: { practices: EngagementPopularity }) {
  const [exportError, setExportError] = useState<unknown>(null);
  return (
    <Indicator
      id="kpi-pratiques"
      title="Pratiques des coopératives"
      summary={`Les engagements choisis dans ${dossiersFr(practices.dossiers)}, du plus choisi au moins choisi, avec les indicateurs les plus utilisés pour chacun.`}
      chart={
        <BarChart
          {...CHART}
          h={CHART_HEIGHT}
          data={practices.engagements.map((e) => ({ engagement: e.engagementId, count: e.count }))}
          dataKey="engagement"
          series={[{ name: 'count', label: 'Dossiers', color: 'teal.9' }]}
          yAxisProps={{ allowDecimals: false }}
          valueFormatter={numberFr}
        />
      }
    >
      <Stack gap="xs">
        <DataTable
          caption="Engagements choisis et indicateurs utilisés"
          head={['Engagement', 'Dossiers', 'Indicateurs les plus utilisés']}
          rows={practices.engagements.map((e) => ({
            key: e.engagementId,
            cells: [
              `${e.engagementId} — ${e.title}`,
              numberFr(e.count),
              e.indicators
                .slice(0, 3)
                .map((i) => `${i.name} (${numberFr(i.count)})`)
                .join(' ; ') || '—',
            ],
          }))}
        />
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setExportError(null);
              downloadFile('/kpis/practices.csv', 'quali-coop-pratiques.csv').catch(setExportError);
            }}
          >
            Télécharger les pratiques (CSV)
          </Button>
        </Group>
        <Text fz="sm">
          Une ligne par coopérative, engagement et indicateur : valeur initiale, valeur cible et dernière valeur
          atteinte.
        </Text>
        <ProblemAlert error={exportError} title="Le fichier n'a pas pu être téléchargé" />
      </Stack>
    </Indicator>
  );
}
