/**
 * A session's agenda, by kind of item (new dossiers, complements answered, visit reports, mid-term
 * reports, renewal requests): each candidacy one click away, with what remains to decide.
 */
import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { AgendaKind } from '@qualicoop/domain';
import { answer, api } from '../../api/client';
import { useMe } from '../../auth/session';
import { MoveSession } from '../federation/session-forms';
import type { SessionAgendaView } from '../../api/types';
import { Loading } from '../../components/loading';
import { ProblemAlert } from '../../components/problem-alert';
import { capitalised, dateTimeFr, dueFr } from '../../format';

const KINDS: Array<{ kind: AgendaKind; title: string }> = [
  { kind: 'dossier', title: 'Nouveaux dossiers de candidature' },
  { kind: 'complement', title: 'Réponses à une demande de complément' },
  { kind: 'visit_report', title: "Comptes rendus de visite (décision d'octroi)" },
  { kind: 'mid_term', title: 'Points à mi-parcours du label' },
  { kind: 'renewal', title: 'Demandes de renouvellement du label' },
];

type Item = SessionAgendaView['items'][number];

function status(item: Item): { label: string; color: string } {
  if (!item.onAgenda) return { label: 'Traité', color: 'gray.8' };
  if (item.agendaClosed) return { label: 'À décider', color: 'red.9' };
  return { label: "En attente de la clôture de l'ordre du jour", color: 'blue.9' };
}

export function AgendaPage() {
  const me = useMe();
  const { sessionId = '' } = useParams();
  const agenda = useQuery({
    queryKey: ['committee-sessions', sessionId, 'agenda'],
    queryFn: () =>
      answer<SessionAgendaView>(api.GET('/committee-sessions/{id}/agenda', { params: { path: { id: sessionId } } })),
  });
  if (agenda.isPending) return <Loading what="l'ordre du jour" />;
  if (agenda.error) return <ProblemAlert error={agenda.error} title="L'ordre du jour n'a pas pu être chargé" />;
  const { session, items } = agenda.data;
  return (
    <Stack gap="xl">
      <Anchor component={Link} to="/seances">
        ← Toutes les séances
      </Anchor>
      <Title order={1}>
        {session ? `Ordre du jour de la séance du ${dateTimeFr(session.sessionDate)}` : 'Ordre du jour de la séance'}
      </Title>
      {session && (
        <Text>
          {session.agendaClosed
            ? `L'ordre du jour a été clos le ${dateTimeFr(session.cutoffAt)} : le comité peut statuer sur chaque dossier inscrit.`
            : `Les dossiers prêts au plus tard le ${dueFr(session.cutoffAt)} sont inscrits à cette séance ; l'ordre du jour sera clos ensuite.`}
        </Text>
      )}
      {me.role === 'federation' && session && !session.agendaClosed && (
        <section aria-labelledby="deplacer">
          <h2 id="deplacer" className="section-title">
            Déplacer la séance
          </h2>
          <MoveSession session={session} />
        </section>
      )}
      {items.length === 0 && <Text>Aucun dossier n&apos;est inscrit à l&apos;ordre du jour de cette séance.</Text>}
      {KINDS.map(({ kind, title }) => {
        const ofKind = items.filter((i) => i.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`rubrique-${kind}`}>
            <h2 id={`rubrique-${kind}`} className="section-title">
              {title} ({ofKind.length})
            </h2>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Coopérative</Table.Th>
                  <Table.Th scope="col">Étape de la candidature</Table.Th>
                  <Table.Th scope="col">Inscrit le</Table.Th>
                  <Table.Th scope="col">Suite</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ofKind.map((i) => {
                  const s = status(i);
                  return (
                    <Table.Tr key={`${i.candidacyId}:${i.cycle}:${i.kind}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/candidatures/${i.candidacyId}`}>
                          {i.cooperativeName}
                        </Anchor>
                        {i.cycle > 1 && <Text fz="sm">Cycle {i.cycle}</Text>}
                      </Table.Td>
                      <Table.Td>{capitalised(i.stageLabel)}</Table.Td>
                      <Table.Td>{i.placedAt ? dateTimeFr(i.placedAt) : '—'}</Table.Td>
                      <Table.Td>
                        <Badge color={s.color} variant="filled" tt="none">
                          {s.label}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </section>
        );
      })}
    </Stack>
  );
}
