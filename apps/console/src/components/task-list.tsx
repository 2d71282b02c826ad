/** What the signed-in person has to do (the API's inbox), optionally for one candidacy. */
import { Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { answer, api } from '../api/client';
import type { InboxItem, Page } from '../api/types';
import { dueFr } from '../format';
import { Loading } from './loading';
import { ProblemAlert } from './problem-alert';

/** The caller's inbox, or one candidacy's part of it (which the API reads alone). */
function useInbox(candidacyId?: string) {
  return useQuery({
    queryKey: ['inbox', { candidacyId }],
    queryFn: () =>
      answer<Page<InboxItem>>(
        api.GET('/inbox', { params: { query: { limit: 200, ...(candidacyId ? { candidacyId } : {}) } } }),
      ),
  });
}

/**
 * Each task's sentence names its cooperative where that matters (the Fédération's, the committee's)
 * and, in the list of all tasks, leads to its candidacy.
 */
export function TaskList({ candidacyId }: { candidacyId?: string }) {
  const inbox = useInbox(candidacyId);
  if (inbox.isPending) return <Loading what="vos tâches" />;
  if (inbox.error) return <ProblemAlert error={inbox.error} title="Vos tâches n'ont pas pu être chargées" />;
  const { items } = inbox.data;
  if (items.length === 0) return <Text>Rien à faire pour le moment.</Text>;
  return (
    <List spacing="xs">
      {items.map((i) => (
        <List.Item key={`${i.candidacyId}:${i.what}`}>
          {candidacyId ? (
            i.what
          ) : (
            <Anchor component={Link} to={`/candidatures/${i.candidacyId}`}>
              {i.what}
            </Anchor>
          )}
          {i.dueBy && <> — au plus tard le {dueFr(i.dueBy)}</>}
        </List.Item>
      ))}
    </List>
  );
}
