/**
 * The Fédération's indicators (spec §5), as its council reads them: the engagement rate against
 * the 80 % goal over time, candidacies by stage and the time they spend there, late checkpoint
 * reports, labels expiring within six months, the committee's workload per session, and the
 * practices the dossiers choose. Every chart has its data table beside it: the table is what a
 * screen reader reads (the chart is hidden from it) and what a person copies.
 */
import '@mantine/charts/styles.css';
import { useState, type ReactNode } from 'react';
import { BarChart, LineChart } from '@mantine/charts';
import { Anchor, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { answer, api } from '../../api/client';
import { downloadFile } from '../../api/files';
import type { EngagementPopularity, Kpis } from '../../api/types';
import { Loading } from '../../components/loading';
import { ProblemAlert } from '../../components/problem-alert';
import { capitalised, dateFr, dueFr, monthFr, numberFr, percentFr } from '../../format';

const CHART_HEIGHT = 280;
/**
 * Every chart: drawn for the eye only (its table beside it is what a screen reader reads and the
 * keyboard reaches), no tooltip, axis text dark enough to read.
 */
const CHART = { accessibilityLayer: false, withTooltip: false, textColor: 'gray.8' } as const;

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

/** A titled section: what it says in one sentence, then the chart and its table side by side. */
function Indicator(props: { id: string; title: string; summary: ReactNode; chart?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id}>
      <Title order={2} id={props.id} mb="xs">
        {props.title}
      </Title>
      <Text mb="sm">{props.summary}</Text>
      {props.chart ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          {/* The table beside it says the same to a screen reader. */}
          <div aria-hidden="true">{props.chart}</div>
          <div>{props.children}</div>
        </SimpleGrid>
      ) : (
        props.children
      )}
    </section>
  );
}

function DataTable(props: { caption: string; head: string[]; rows: Array<{ key: string; cells: ReactNode[] }> }) {
  return (
    // A long table scrolls within the height of its chart; the keyboard reaches it too.
    <Table.ScrollContainer
      type="native"
      minWidth={320}
      maxHeight={CHART_HEIGHT + 40}
      tabIndex={0}
      role="group"
      aria-label={`${props.caption} (tableau défilant)`}
    >
      <Table striped withTableBorder stickyHeader captionSide="top">
        <Table.Caption>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {props.head.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((r) => (
            <Table.Tr key={r.key}>
              {r.cells.map((c, i) => (
                <Table.Td key={i}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Engagement({ kpis }: { kpis: Kpis }) {
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

function Funnel({ kpis }: { kpis: Kpis }) {
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

function TimeInStage({ kpis }: { kpis: Kpis }) {
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

function OverdueCheckpoints({ kpis }: { kpis: Kpis }) {
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

function ExpiringLabels({ kpis }: { kpis: Kpis }) {
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

function CommitteeWorkload({ kpis }: { kpis: Kpis }) {
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

const dossiersFr = (n: number) =>
  n === 0
    ? 'les dossiers déposés (aucun pour le moment)'
    : n === 1
      ? 'le dossier déposé'
      : `les ${numberFr(n)} dossiers déposés`;

function Practices({ practices }: { practices: EngagementPopularity }) {
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
