/**
 * The Fédération's home: everything due by it, late first then soonest, with the filters it works
 * with (stage, cooperative, due on or before a day, late only). The filters live in the address, so
 * a filtered inbox can be bookmarked; a person can also keep them under a name, and take the
 * filtered list away as CSV.
 */
import { useRef, useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Stage } from '@qualicoop/domain';
import { answer, api } from '../../api/client';
import { downloadFile } from '../../api/files';
import type { InboxItem, Page } from '../../api/types';
import { useMe } from '../../auth/session';
import { useFieldErrors } from '../../components/field-errors';
import { CooperativeSelect, StageSelect } from '../../components/filter-selects';
import { Loading } from '../../components/loading';
import { Pager } from '../../components/pager';
import { ProblemAlert } from '../../components/problem-alert';
import { useUrlFilters } from '../../components/url-filters';
import { capitalised, dueFr } from '../../format';
import { deleteFilter, readSavedFilters, saveFilter, type SavedFilter } from './saved-filters';

const PAGE = 50;
/** The address's words for the filters (French, as people share them) → the API's parameters. */
const FILTERS = ['etape', 'cooperative', 'echeance', 'en-retard'] as const;

function apiQuery(params: URLSearchParams) {
  const stage = params.get('etape') as Stage | null;
  const cooperativeId = params.get('cooperative');
  const dueUntil = params.get('echeance');
  return {
    ...(stage ? { stage } : {}),
    ...(cooperativeId ? { cooperativeId } : {}),
    ...(dueUntil ? { dueUntil } : {}),
    ...(params.get('en-retard') === 'oui' ? { overdue: true } : {}),
  };
}

/** The filters part of the address, in a fixed order (a saved filter is compared by it). */
function filtersOf(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  return kept.toString();
}

export function InboxPage() {
  const { params, offset, set, page } = useUrlFilters();
  const query = apiQuery(params);

  const inbox = useQuery({
    queryKey: ['inbox', query, offset],
    placeholderData: keepPreviousData,
    queryFn: () => answer<Page<InboxItem>>(api.GET('/inbox', { params: { query: { ...query, limit: PAGE, offset } } })),
  });
  const [exportError, setExportError] = useState<unknown>(null);
  const exportCsv = () => {
    setExportError(null);
    const search = new URLSearchParams(query as Record<string, string>).toString();
    downloadFile(`/inbox.csv${search ? `?${search}` : ''}`, 'quali-coop-taches.csv').catch(setExportError);
  };
  const filtered = filtersOf(params) !== '';

  return (
    <Stack gap="lg">
      <Title order={1}>Mes tâches</Title>
      <Text>
        Tout ce qui attend la Fédération : les tâches en retard d&apos;abord, puis de la plus proche à la plus
        lointaine.
      </Text>
      <form aria-label="Filtrer les tâches" onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="md">
          <StageSelect value={params.get('etape')} onChange={(v) => set('etape', v)} />
          <CooperativeSelect value={params.get('cooperative')} onChange={(v) => set('cooperative', v)} />
          <TextInput
            type="date"
            label="À faire au plus tard le"
            value={params.get('echeance') ?? ''}
            onChange={(e) => set('echeance', e.currentTarget.value || null)}
            w={200}
          />
          <Checkbox
            label="En retard seulement"
            checked={params.get('en-retard') === 'oui'}
            onChange={(e) => set('en-retard', e.currentTarget.checked ? 'oui' : null)}
            mb={8}
          />
        </Group>
      </form>
      <SavedFilters current={filtersOf(params)} />
      {inbox.isPending && <Loading what="vos tâches" />}
      <ProblemAlert error={inbox.error} title="Vos tâches n'ont pas pu être chargées" />
      {inbox.data && (
        <>
          <Group justify="space-between" align="center">
            <Text role="status">
              {inbox.data.total === 0
                ? filtered
                  ? 'Aucune tâche ne correspond à ces filtres.'
                  : 'Rien à faire pour le moment.'
                : `${inbox.data.total} tâche${inbox.data.total > 1 ? 's' : ''}.`}
            </Text>
            <Button variant="default" onClick={exportCsv} disabled={inbox.data.total === 0}>
              Télécharger ces tâches (CSV)
            </Button>
          </Group>
          <ProblemAlert error={exportError} title="Le fichier n'a pas pu être téléchargé" />
          {inbox.data.items.length > 0 && <InboxTable items={inbox.data.items} />}
          <Pager offset={offset} total={inbox.data.total} size={PAGE} onPage={page} />
        </>
      )}
    </Stack>
  );
}

function InboxTable({ items }: { items: InboxItem[] }) {
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">À faire</Table.Th>
          <Table.Th scope="col">Coopérative</Table.Th>
          <Table.Th scope="col">Étape</Table.Th>
          <Table.Th scope="col">Échéance</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={`${i.candidacyId}:${i.what}`}>
            <Table.Td>
              <Anchor component={Link} to={`/candidatures/${i.candidacyId}`}>
                {i.what}
              </Anchor>
            </Table.Td>
            <Table.Td>{i.cooperativeName}</Table.Td>
            <Table.Td>{capitalised(i.stageLabel)}</Table.Td>
            <Table.Td>
              {i.dueBy ? dueFr(i.dueBy) : '—'}
              {i.overdue && (
                <Badge color="red.9" ml="xs">
                  En retard
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The filters this person saved, each a link; the current ones saved under a name. */
function SavedFilters({ current }: { current: string }) {
  const me = useMe();
  const [saved, setSaved] = useState<SavedFilter[]>(() => readSavedFilters(me.sub));
  const [name, setName] = useState('');
  const [announce, setAnnounce] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const { errors, show, clear } = useFieldErrors(form);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!current) return show({ filterName: "Choisissez d'abord au moins un filtre : il n'y a rien à enregistrer." });
    if (!trimmed) return show({ filterName: 'Donnez un nom à ce filtre.' });
    setSaved(saveFilter(me.sub, { name: trimmed, query: current }));
    setName('');
    show({});
    setAnnounce(`Le filtre « ${trimmed} » est enregistré.`);
  };
  return (
    <section aria-labelledby="filtres-enregistres">
      <Title order={2} id="filtres-enregistres" size="h4" mb="xs">
        Filtres enregistrés
      </Title>
      {saved.length === 0 ? (
        <Text fz="sm">Aucun filtre enregistré sur ce navigateur.</Text>
      ) : (
        <List spacing={4}>
          {saved.map((f) => (
            <List.Item key={f.name}>
              <Anchor component={Link} to={`/?${f.query}`} fw={f.query === current ? 700 : undefined}>
                {f.name}
              </Anchor>{' '}
              <Button
                variant="subtle"
                size="compact-sm"
                aria-label={`Supprimer le filtre « ${f.name} »`}
                onClick={() => {
                  setSaved(deleteFilter(me.sub, f.name));
                  setAnnounce(`Le filtre « ${f.name} » est supprimé.`);
                }}
              >
                Supprimer
              </Button>
            </List.Item>
          ))}
        </List>
      )}
      <form ref={form} aria-label="Enregistrer les filtres" onSubmit={submit} noValidate>
        <Group align="flex-end" gap="sm" mt="xs">
          <TextInput
            data-field="filterName"
            label="Nom du filtre"
            description="Les filtres choisis ci-dessus, gardés sur ce navigateur."
            value={name}
            maxLength={60}
            onChange={(e) => {
              setName(e.currentTarget.value);
              clear('filterName');
            }}
            error={errors.filterName}
            w={300}
          />
          <Button type="submit" variant="default" mb={errors.filterName ? 24 : 0}>
            Enregistrer ces filtres
          </Button>
        </Group>
      </form>
      <Text role="status" fz="sm" mt={4}>
        {announce}
      </Text>
    </section>
  );
}
