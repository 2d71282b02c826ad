/**
 * The register of cooperatives: every cooperative with its region, contact e-mail and whether it
 * is active (an inactive one is not counted in the engagement rate); a new one registered; one
 * deactivated or reactivated. The API's refusals (an id taken, a field invalid) are shown next to
 * their field.
 */
import { Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { answer, api, Problem } from '../../api/client';
import { useFieldErrors, useProblemFields } from '../../components/field-errors';
import { Loading } from '../../components/loading';
import { ProblemAlert } from '../../components/problem-alert';

interface Cooperative {
  id: string;
  name: string;
  region: string;
  email: string;
  active: boolean;
}

const EMPTY = { id: '', name: '', region: '', email: '' };
const FIELDS: Array<{ key: keyof typeof EMPTY; label: string; description?: string; type?: string }> = [
  { key: 'name', label: 'Nom de la coopérative' },
  { key: 'region', label: 'Région' },
  {
    key: 'email',
    label: 'Courriel de contact',
    description: 'Les rappels et les décisions y sont envoyés.',
    type: 'email',
  },
  {
    key: 'id',
    label: 'Identifiant',
    description: 'Court et définitif, en minuscules et tirets : par exemple coop-bretagne.',
  },
];

function Registration() {
  const queries = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [added, setAdded] = useState<string>();
  const form = useRef<HTMLFormElement>(null);
  const { errors, show, clear } = useFieldErrors(form);
  const register = useMutation({
    mutationFn: () => answer<Cooperative>(api.POST('/cooperatives', { body: values })),
    onSuccess: (c) => {
      setAdded(c.name);
      setValues(EMPTY);
      void queries.invalidateQueries({ queryKey: ['cooperatives'] });
    },
  });
  useProblemFields(register.error, show);
  return (
    <form
      ref={form}
      noValidate
      aria-labelledby="inscrire"
      onSubmit={(e) => {
        e.preventDefault();
        setAdded(undefined);
        const found = Object.fromEntries(
          FIELDS.filter((f) => !values[f.key].trim()).map((f) => [f.key, `${f.label} : à renseigner.`]),
        );
        show(found);
        if (Object.keys(found).length === 0) register.mutate();
      }}
    >
      <Stack gap="sm">
        <h2 id="inscrire" className="section-title">
          Inscrire une coopérative
        </h2>
        <Group align="flex-start" grow>
          {FIELDS.map((f) => (
            <TextInput
              key={f.key}
              data-field={f.key}
              label={f.label}
              description={f.description}
              type={f.type ?? 'text'}
              withAsterisk
              value={values[f.key]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setValues((v) => ({ ...v, [f.key]: value }));
                clear(f.key);
              }}
              error={errors[f.key]}
            />
          ))}
        </Group>
        <ProblemAlert
          error={register.error instanceof Problem && register.error.errors.length ? undefined : register.error}
          title="La coopérative n'a pas été inscrite"
        />
        <Text role="status">{added ? `${added} est inscrite au registre.` : ''}</Text>
        <Button type="submit" loading={register.isPending} w="fit-content">
          Inscrire la coopérative
        </Button>
      </Stack>
    </form>
  );
}

function ActiveToggle({ c }: { c: Cooperative }) {
  const queries = useQueryClient();
  const toggle = useMutation({
    mutationFn: () =>
      answer(
        api.PATCH('/cooperatives/{cooperativeId}', {
          params: { path: { cooperativeId: c.id } },
          body: { active: !c.active },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['cooperatives'] }),
  });
  return (
    <Stack gap={4} align="flex-start">
      <Button variant="default" size="xs" loading={toggle.isPending} onClick={() => toggle.mutate()}>
        {c.active ? 'Désactiver' : 'Réactiver'}
        <span className="visually-hidden"> {c.name}</span>
      </Button>
      <ProblemAlert error={toggle.error} title="Le registre n'a pas été modifié" />
    </Stack>
  );
}

export function RegisterPage() {
  const cooperatives = useQuery({
    queryKey: ['cooperatives'],
    queryFn: () => answer<Cooperative[]>(api.GET('/cooperatives')),
  });
  return (
    <Stack gap="xl">
      <Title order={1}>Registre des coopératives</Title>
      <Registration />
      <section aria-labelledby="registre">
        <h2 id="registre" className="section-title">
          Coopératives inscrites
        </h2>
        {cooperatives.isPending && <Loading what="le registre" />}
        <ProblemAlert error={cooperatives.error} title="Le registre n'a pas pu être chargé" />
        {cooperatives.data && (
          <>
            <Text mb="sm">
              {cooperatives.data.filter((c) => c.active).length} coopératives actives sur {cooperatives.data.length}.
              Une coopérative inactive n&apos;est pas comptée dans le taux d&apos;engagement.
            </Text>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Coopérative</Table.Th>
                  <Table.Th scope="col">Région</Table.Th>
                  <Table.Th scope="col">Courriel de contact</Table.Th>
                  <Table.Th scope="col">Statut</Table.Th>
                  <Table.Th scope="col">Action</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cooperatives.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      {c.name}
                      <Text fz="sm">{c.id}</Text>
                    </Table.Td>
                    <Table.Td>{c.region}</Table.Td>
                    <Table.Td>{c.email}</Table.Td>
                    <Table.Td>
                      <Badge color={c.active ? '#1b5e20' : 'gray.8'} variant="filled" tt="none">
                        {c.active ? 'Active' : 'Inactive'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <ActiveToggle c={c} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </section>
    </Stack>
  );
}
