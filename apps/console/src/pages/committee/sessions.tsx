/**
 * The committee calendar: the coming sessions (soonest first) and the past ones (latest first),
 * each with the cut-off of its agenda and a link to the agenda.
 */
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { answer, api } from '../../api/client';
import { useMe } from '../../auth/session';
import { AddSession } from '../federation/session-forms';
import type { SessionView } from '../../api/types';
import { Loading } from '../../components/loading';
import { ProblemAlert } from '../../components/problem-alert';
import { dateFr, dateTimeFr, dueFr } from '../../format';

export function useSessions() {
  return useQuery({
    queryKey: ['committee-sessions'],
    queryFn: () => answer<SessionView[]>(api.GET('/committee-sessions')),
  });
}

export function SessionsPage() {
  const me = useMe();
  const sessions = useSessions();
  if (sessions.isPending) return <Loading what="le calendrier du comité" />;
  if (sessions.error) return <ProblemAlert error={sessions.error} title="Le calendrier n'a pas pu être chargé" />;
  const now = Date.now();
  const coming = sessions.data.filter((s) => Date.parse(s.sessionDate) >= now);
  const past = sessions.data.filter((s) => Date.parse(s.sessionDate) < now).reverse();
  return (
    <Stack gap="xl">
      <Title order={1}>Séances du comité de validation</Title>
      <Text>
        Le comité de validation se réunit chaque trimestre. Un dossier est inscrit à l&apos;ordre du jour d&apos;une
        séance s&apos;il est prêt avant la date limite d&apos;inscription ; l&apos;ordre du jour est alors clos et le
        comité peut statuer.
      </Text>
      {me.role === 'federation' && <AddSession />}
      <SessionTable id="a-venir" title="Séances à venir" sessions={coming} empty="Aucune séance n'est prévue." />
      <SessionTable id="passees" title="Séances passées" sessions={past} empty="Aucune séance passée." />
    </Stack>
  );
}

function SessionTable(props: { id: string; title: string; sessions: SessionView[]; empty: string }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id} className="section-title">
        {props.title}
      </h2>
      {props.sessions.length === 0 ? (
        <Text>{props.empty}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Séance</Table.Th>
              <Table.Th scope="col">Date limite d&apos;inscription</Table.Th>
              <Table.Th scope="col">Ordre du jour</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{dateTimeFr(s.sessionDate)}</Table.Td>
                <Table.Td>{dueFr(s.cutoffAt)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/seances/${encodeURIComponent(s.id)}`}>
                    {s.agendaClosed ? 'Ordre du jour clos' : 'Ordre du jour en cours'}
                    <span className="visually-hidden"> de la séance du {dateFr(s.sessionDate)}</span>
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
