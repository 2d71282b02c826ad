/** The indicators of what is due: late checkpoint reports, labels expiring soon, the committee's workload. */
import { BarChart } from '@mantine/charts';
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Kpis } from '../../api/types';
import { dateFr, dueFr, numberFr } from '../../format';
import { CHART, CHART_HEIGHT, DataTable, Indicator } from './kpis-indicator';

export function OverdueCheckpoints({ kpis }: { kpis: Kpis }) {
  const { count, items } = kpis.overdueCheckpoints;
  return (
    <Indicator
      id="kpi-retards"
      title="Points d'étape en retard"
      summary={
        count === 0
          ? "Aucun bilan de point d'étape n'est en retard."
          : `${numberFr(count)} bilan${count > 1 ? 's' : ''} de point d'étape attendu${count > 1 ? 's' : ''} après l'échéance${count > items.length ? ` ; les ${items.length} plus anciens ci-dessous` : ''}.`
      }
    >
      {items.length > 0 && (
        <>
          <DataTable
            caption="Bilans de point d'étape en retard, du plus ancien au plus récent"
            head={['Coopérative', "Point d'étape", 'Attendu le']}
            rows={items.map((i) => ({
              key: `${i.candidacyId}:${i.checkpoint}`,
              cells: [
                <Anchor key="coop" component={Link} to={`/candidatures/${i.candidacyId}`}>
                  {i.cooperativeName}
                </Anchor>,
                `À ${i.checkpoint} mois`,
                dueFr(i.dueAt),
              ],
            }))}
          />
          <Anchor component={Link} to="/candidatures?en-retard=oui" mt="xs" display="inline-block">
            Toutes les candidatures en retard
          </Anchor>
        </>
      )}
    </Indicator>
  );
}

const renewalsFr = (n: number) =>
  n === 0
    ? "aucun renouvellement n'est encore demandé"
    : `${numberFr(n)} renouvellement${n > 1 ? 's sont demandés' : ' est demandé'}`;

export function ExpiringLabels({ kpis }: { kpis: Kpis }) {
  const { count, items } = kpis.labelsExpiringWithin6Months;
  return (
    <Indicator
      id="kpi-labels"
      title="Labels expirant dans les 6 mois"
      summary={
        count === 0
          ? "Aucun label n'expire dans les 6 mois."
          : `${numberFr(count)} label${count > 1 ? 's' : ''} expire${count > 1 ? 'nt' : ''} dans les 6 mois ; ${renewalsFr(items.filter((i) => i.renewalRequested).length)}${count > items.length ? ` parmi les ${items.length} premiers` : ''}.`
      }
    >
      {items.length > 0 && (
        <>
          <DataTable
            caption="Labels expirant dans les 6 mois, du plus proche au plus lointain"
            head={['Coopérative', 'Expire le', 'Renouvellement demandé']}
            rows={items.map((i) => ({
              key: i.candidacyId,
              cells: [
                <Anchor key="coop" component={Link} to={`/candidatures/${i.candidacyId}`}>
                  {i.cooperativeName}
                </Anchor>,
                dateFr(i.labelExpiresOn),
                i.renewalRequested ? 'Oui' : 'Non',
              ],
            }))}
          />
          <Anchor component={Link} to="/candidatures?label-expirant=oui" mt="xs" display="inline-block">
            Toutes les candidatures dont le label expire bientôt
          </Anchor>
        </>
      )}
    </Indicator>
  );
}

export function CommitteeWorkload({ kpis }: { kpis: Kpis }) {
  const sessions = kpis.committeeWorkload;
  return (
    <Indicator
      id="kpi-comite"
      title="Charge du comité par séance"
      summary="Le nombre de dossiers inscrits à l'ordre du jour de chaque séance : les séances à venir et celles qui ont eu des dossiers."
      chart={
        sessions.length > 0 && (
          <BarChart
            {...CHART}
            h={CHART_HEIGHT}
            data={sessions.map((s) => ({ session: dateFr(s.sessionDate), items: s.items }))}
            dataKey="session"
            series={[{ name: 'items', label: 'Dossiers', color: 'blue.8' }]}
            yAxisProps={{ allowDecimals: false }}
            valueFormatter={numberFr}
          />
        )
      }
    >
      {sessions.length === 0 ? (
        <Text>Aucune séance à venir.</Text>
      ) : (
        <DataTable
          caption="Dossiers à l'ordre du jour de chaque séance"
          head={['Séance', 'Dossiers']}
          rows={sessions.map((s) => ({
            key: s.sessionId,
            cells: [
              <Anchor key="session" component={Link} to={`/seances/${encodeURIComponent(s.sessionId)}`}>
                {dueFr(s.sessionDate)}
              </Anchor>,
              numberFr(s.items),
            ],
          }))}
        />
      )}
    </Indicator>
  );
}
