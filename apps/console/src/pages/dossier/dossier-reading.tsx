/**
 * A filed dossier as a document to read (the committee's, the Fédération's, and the cooperative's
 * once it is submitted): by axis, each engagement with its indicators — kind, why it illustrates
 * the Raison d'être, the result today, the target and its date — and its action plan; then the
 * involvement statement. The documents follow it (`DocumentsFields`, read-only), each opened in
 * the browser. A renewal dossier is read beside the dossier of the cycle that ends: each
 * indicator with where it stood and aimed then, engagements new to this cycle marked, and those
 * not carried over named.
 */
import { List, Stack, Table, Text } from '@mantine/core';
import {
  CURRENT_REFERENTIAL,
  findEngagement,
  formatDateFr,
  INDICATOR_KIND_LABELS_FR,
  type Dossier,
} from '@qualicoop/domain';
import { capitalised, numberFr } from '../../format';

type Engagement = NonNullable<Dossier['engagements']>[number];
type Indicator = NonNullable<Engagement['indicators']>[number];

const valueFr = (value: number | undefined, unit?: string) =>
  value === undefined ? '—' : `${numberFr(value)}${unit ? ` ${unit}` : ''}`;
const onFr = (date: string | undefined) => (date ? ` au ${formatDateFr(date)}` : '');

/** Where an indicator stood and aimed in the previous cycle's dossier. */
function PreviousCell({ previous }: { previous: Indicator | undefined }) {
  if (!previous) return <>Nouvel indicateur</>;
  return (
    <>
      {valueFr(previous.baseline?.value, previous.baseline?.unit)}
      {onFr(previous.baseline?.measuredOn)} ; cible {valueFr(previous.target?.value, previous.baseline?.unit)}
      {previous.target?.targetDate ? ` d'ici le ${formatDateFr(previous.target.targetDate)}` : ''}
    </>
  );
}

function IndicatorTable({ indicators, previous }: { indicators: Indicator[]; previous?: Engagement | null }) {
  const before = (name: string | undefined) => previous?.indicators?.find((p) => p.name === name);
  return (
    <Table withTableBorder striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Indicateur</Table.Th>
          <Table.Th scope="col">Résultat actuel</Table.Th>
          <Table.Th scope="col">Cible</Table.Th>
          {previous !== undefined && <Table.Th scope="col">Au cycle précédent</Table.Th>}
          <Table.Th scope="col">Plan d&apos;actions</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {indicators.map((ind, i) => (
          <Table.Tr key={`${ind.name ?? ''}:${i}`}>
            <Table.Td>
              <Text fw={600}>{ind.name ?? 'Indicateur sans nom'}</Text>
              {ind.kind && <Text fz="sm">Indicateur {INDICATOR_KIND_LABELS_FR[ind.kind]}</Text>}
              {ind.rationale && <Text fz="sm">{ind.rationale}</Text>}
            </Table.Td>
            <Table.Td>
              {valueFr(ind.baseline?.value, ind.baseline?.unit)}
              {onFr(ind.baseline?.measuredOn)}
            </Table.Td>
            <Table.Td>
              {valueFr(ind.target?.value, ind.baseline?.unit)}
              {ind.target?.targetDate ? ` d'ici le ${formatDateFr(ind.target.targetDate)}` : ''}
            </Table.Td>
            {previous !== undefined && (
              <Table.Td>
                <PreviousCell previous={before(ind.name)} />
              </Table.Td>
            )}
            <Table.Td>
              {(ind.actionPlan ?? []).length === 0 ? (
                '—'
              ) : (
                <List size="sm" spacing={4}>
                  {(ind.actionPlan ?? []).map((a, k) => (
                    <List.Item key={k}>
                      {a.what ?? 'Action'}
                      {a.who ? ` — ${a.who}` : ''}
                      {a.byWhen ? `, pour le ${formatDateFr(a.byWhen)}` : ''}
                    </List.Item>
                  ))}
                </List>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * `previous`: the dossier of the cycle that ends, for a renewal dossier; each indicator is then
 * shown beside the one of the same name in the same engagement.
 */
export function DossierReading({ dossier, previous }: { dossier: Dossier; previous?: Dossier }) {
  const chosen = dossier.engagements ?? [];
  const before = (id: string) =>
    previous ? ((previous.engagements ?? []).find((p) => p.engagementId === id) ?? null) : undefined;
  const dropped = (previous?.engagements ?? []).filter((p) => !chosen.some((c) => c.engagementId === p.engagementId));
  return (
    <Stack gap="xl">
      {CURRENT_REFERENTIAL.axes.map((axis) => {
        const ofAxis = chosen.filter((e) => findEngagement(CURRENT_REFERENTIAL, e.engagementId)?.axis === axis.id);
        if (ofAxis.length === 0) return null;
        return (
          <section key={axis.id} aria-labelledby={`axe-${axis.id}`}>
            <h2 id={`axe-${axis.id}`} className="section-title">
              Axe {axis.id} — {capitalised(axis.title)}
            </h2>
            <Stack gap="lg">
              {ofAxis.map((e) => (
                <section key={e.engagementId} aria-labelledby={`engagement-${e.engagementId}`}>
                  <h3 id={`engagement-${e.engagementId}`} className="subsection-title">
                    Engagement {e.engagementId} — {findEngagement(CURRENT_REFERENTIAL, e.engagementId)?.title}
                    {before(e.engagementId) === null && ' (nouvel engagement)'}
                  </h3>
                  {(e.indicators ?? []).length === 0 ? (
                    <Text>Aucun indicateur.</Text>
                  ) : (
                    <IndicatorTable indicators={e.indicators ?? []} previous={before(e.engagementId)} />
                  )}
                </section>
              ))}
            </Stack>
          </section>
        );
      })}
      {dropped.length > 0 && (
        <Text>
          Engagement{dropped.length > 1 ? 's' : ''} du cycle précédent non repris :{' '}
          {dropped
            .map((d) => `${d.engagementId} — ${findEngagement(CURRENT_REFERENTIAL, d.engagementId)?.title ?? ''}`)
            .join(' ; ')}
          .
        </Text>
      )}
      <section aria-labelledby="demarche">
        <h2 id="demarche" className="section-title">
          Démarche d&apos;association de l&apos;équipe et des coopérateurs
        </h2>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{dossier.involvementStatement || '—'}</Text>
      </section>
    </Stack>
  );
}
