/**
 * Every candidacy, soonest deadline first, with the filters the Fédération works with: stage,
 * cooperative, overdue checkpoints, labels expiring within 6 months, closed ones on request. The
 * filters live in the address, so a filtered list can be bookmarked and shared.
 */
import { Anchor, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Stage } from '@qualicoop/domain';
import { answer, api } from '../../api/client';
import type { CandidacyListItem, Page } from '../../api/types';
import { CooperativeSelect, StageSelect } from '../../components/filter-selects';
import { Loading } from '../../components/loading';
import { Pager } from '../../components/pager';
import { ProblemAlert } from '../../components/problem-alert';
import { useUrlFilters } from '../../components/url-filters';
import { capitalised, dateFr, dueFr } from '../../format';

const PAGE = 25;

export function CandidaciesListPage() {
  const { params, offset, set, page } = useUrlFilters();
  const stage = params.get('etape') as Stage | null;
  const cooperativeId = params.get('cooperative');
  const overdue = params.get('en-retard') === 'oui';
  const expiring = params.get('label-expirant') === 'oui';
  const closed = params.get('closes') === 'oui';

  const list = useQuery({
    queryKey: ['candidacies', { stage, cooperativeId, overdue, expiring, closed, offset }],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answer<Page<CandidacyListItem>>(
        api.GET('/candidacies', {
          params: {
            query: {
              ...(stage ? { stage } : {}),
              ...(cooperativeId ? { cooperativeId } : {}),
              ...(overdue ? { overdue: true } : {}),
              ...(expiring ? { labelExpiringWithinMonths: 6 } : {}),
              ...(closed ? {} : { closed: false }),
              limit: PAGE,
              offset,
            },
          },
        }),
      ),
  });

  return (
    <Stack gap="lg">
      <Title order={1}>Candidatures</Title>
      <form aria-label="Filtrer les candidatures" onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="md">
          <StageSelect value={stage} onChange={(v) => set('etape', v)} />
          <CooperativeSelect value={cooperativeId} onChange={(v) => set('cooperative', v)} />
          <Stack gap={6}>
            <Checkbox
              label="Points d'étape en retard"
              checked={overdue}
              onChange={(e) => set('en-retard', e.currentTarget.checked ? 'oui' : null)}
            />
            <Checkbox
              label="Label expirant dans les 6 mois"
              checked={expiring}
              onChange={(e) => set('label-expirant', e.currentTarget.checked ? 'oui' : null)}
            />
            <Checkbox
              label="Inclure les candidatures closes"
              checked={closed}
              onChange={(e) => set('closes', e.currentTarget.checked ? 'oui' : null)}
            />
          </Stack>
        </Group>
      </form>
      {list.isPending && <Loading what="les candidatures" />}
      <ProblemAlert error={list.error} title="Les candidatures n'ont pas pu être chargées" />
      {list.data && (
        <>
          <Text role="status">
            {list.data.total === 0
              ? 'Aucune candidature ne correspond à ces filtres.'
              : `${list.data.total} candidature${list.data.total > 1 ? 's' : ''}, de l'échéance la plus proche à la plus lointaine.`}
          </Text>
          {list.data.items.length > 0 && (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Coopérative</Table.Th>
                  <Table.Th scope="col">Étape</Table.Th>
                  <Table.Th scope="col">Prochaine échéance</Table.Th>
                  <Table.Th scope="col">Label</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/candidatures/${c.id}`}>
                        {c.cooperativeName}
                      </Anchor>
                      {c.cycle > 1 && <Text fz="sm">Cycle {c.cycle}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {capitalised(c.stageLabel)}
                      <Text fz="sm">depuis le {dateFr(c.stageSince)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {c.nextDeadline ? (
                        <>
                          {dueFr(c.nextDeadline.at)}
                          {c.nextDeadline.what && <Text fz="sm">{c.nextDeadline.what}</Text>}
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{c.labelExpiresOn ? `jusqu'au ${dateFr(c.labelExpiresOn)}` : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Pager offset={offset} total={list.data.total} size={PAGE} onPage={page} />
        </>
      )}
    </Stack>
  );
}
