/**
 * The indicators of the démarche's progress: the engagement rate, the candidacies by stage and the
 * time they spend there.
 */
import { BarChart, LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { Kpis } from '../../api/types';
import { capitalised, monthFr, numberFr, percentFr } from '../../format';
import { CHART, CHART_HEIGHT, DataTable, Indicator } from './kpis-indicator';

export function Engagement({ kpis }: { kpis: Kpis }) {
  const { engagementRate: now, engagementHistory: history } = kpis;
  const target = Math.round(now.target * 100);
  return (
    <Indicator
      id="kpi-engagement"
      title="Taux d'engagement"
      summary={`${percentFr(now.rate)} des coopératives actives sont engagées dans la démarche (${numberFr(now.engaged)} sur ${numberFr(now.activeCooperatives)}) ; l'objectif est de ${target} % en trois ans.`}
      chart={
        <LineChart
          {...CHART}
          h={CHART_HEIGHT}
          data={history.map((h) => ({ month: monthFr(h.month, true), rate: Math.round(h.rate * 1000) / 10 }))}
          dataKey="month"
          series={[{ name: 'rate', label: "Taux d'engagement", color: 'blue.8' }]}
          referenceLines={[{ y: target, label: `Objectif ${target} %`, color: 'red.9' }]}
          yAxisProps={{ domain: [0, 100] }}
          valueFormatter={(v) => `${numberFr(v)} %`}
        />
      }
    >
      <DataTable
        caption="Taux d'engagement à la fin de chaque mois"
        head={['Mois', 'Coopératives actives', 'Engagées', 'Taux']}
        rows={[...history].reverse().map((h) => ({
          key: h.month,
          cells: [
            capitalised(monthFr(h.month)),
            numberFr(h.activeCooperatives),
            numberFr(h.engaged),
            percentFr(h.rate),
          ],
        }))}
      />
    </Indicator>
  );
}

export function Funnel({ kpis }: { kpis: Kpis }) {
  const open = kpis.funnel.filter((f) => !f.closed);
  const closed = kpis.funnel.filter((f) => f.closed);
  const total = open.reduce((n, f) => n + f.count, 0);
  return (
    <Indicator
      id="kpi-etapes"
      title="Candidatures par étape"
      summary={`${numberFr(total)} candidature${total > 1 ? 's' : ''} en cours, de la préparation du dossier au renouvellement du label ; ${closedFr(closed.reduce((n, f) => n + f.count, 0))}.`}
      chart={
        <BarChart
          {...CHART}
          h={Math.max(CHART_HEIGHT, open.length * 26)}
          orientation="vertical"
          data={open.map((f) => ({ stage: capitalised(f.stageLabel), count: f.count }))}
          dataKey="stage"
          series={[{ name: 'count', label: 'Candidatures', color: 'blue.8' }]}
          yAxisProps={{ width: 220 }}
          xAxisProps={{ allowDecimals: false }}
          valueFormatter={numberFr}
        />
      }
    >
      <DataTable
        caption="Candidatures par étape"
        head={['Étape', 'Candidatures']}
        rows={kpis.funnel.map((f) => ({
          key: f.stage,
          cells: [`${capitalised(f.stageLabel)}${f.closed ? ' (close)' : ''}`, numberFr(f.count)],
        }))}
      />
    </Indicator>
  );
}

const closedFr = (n: number) =>
  n === 0 ? 'aucune candidature close' : `${numberFr(n)} candidature${n > 1 ? 's closes' : ' close'}`;

export function TimeInStage({ kpis }: { kpis: Kpis }) {
  const timed = kpis.funnel.filter((f) => f.medianDaysInStage !== null);
  return (
    <Indicator
      id="kpi-duree"
      title="Temps passé dans l'étape"
      summary="Pour chaque étape, la durée médiane depuis laquelle les candidatures qui s'y trouvent y sont, en jours."
      chart={
        timed.length > 0 && (
          <BarChart
            {...CHART}
            h={Math.min(CHART_HEIGHT, 80 + timed.length * 32)}
            orientation="vertical"
            data={timed.map((f) => ({ stage: capitalised(f.stageLabel), days: f.medianDaysInStage }))}
            dataKey="stage"
            series={[{ name: 'days', label: 'Jours (médiane)', color: 'teal.9' }]}
            yAxisProps={{ width: 220 }}
            valueFormatter={numberFr}
          />
        )
      }
    >
      {timed.length === 0 ? (
        <Text>Aucune candidature en cours.</Text>
      ) : (
        <DataTable
          caption="Durée médiane dans l'étape actuelle"
          head={['Étape', 'Candidatures', 'Jours (médiane)']}
          rows={timed.map((f) => ({
            key: f.stage,
            cells: [capitalised(f.stageLabel), numberFr(f.count), numberFr(f.medianDaysInStage ?? 0)],
          }))}
        />
      )}
    </Indicator>
  );
}
