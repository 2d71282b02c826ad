/**
 * The register of cooperatives: every cooperative with its region, contact e-mail and whether it
 * is active (an inactive one is not counted in the engagement rate); a new one registered; one's
 * name, region and contact e-mail changed; one deactivated or reactivated. The API's refusals (an
 * id taken, a field invalid) are shown next to their field.
 */
import { Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
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

/** The register's text fields, each with its error under it (`data-field` for the focus). */
function RegisterFields<K extends string>(props: {
  fields: Array<{ key: K; label: string; description?: string; type?: string }>;
  values: Record<K, string>;
  errors: Record<string, string>;
  onChange: (key: K, value: string) => void;
}) {
  return (
    <>
      {props.fields.map((f) => (
        <TextInput
          key={f.key}
          data-field={f.key}
          label={f.label}
          description={f.description}
          type={f.type ?? 'text'}
          withAsterisk
          value={props.values[f.key]}
          onChange={(e) => props.onChange(f.key, e.currentTarget.value)}
          error={props.errors[f.key]}
        />
      ))}
    </>
  );
}

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
          <RegisterFields
            fields={FIELDS}
            values={values}
            errors={errors}
            onChange={(key, value) => {
              setValues((v) => ({ ...v, [key]: value }));
              clear(key);
            }}
          />
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

type Contact = Pick<Cooperative, 'name' | 'region' | 'email'>;
const CONTACT_FIELDS = FIELDS.filter((f) => f.key !== 'id') as Array<(typeof FIELDS)[number] & { key: keyof Contact }>;

/** A cooperative's name, region and contact e-mail, changed in a dialog. */
function ContactEditor({ c, onSaved }: { c: Cooperative; onSaved: (message: string) => void }) {
  const queries = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [values, setValues] = useState<Contact>({ name: c.name, region: c.region, email: c.email });
  const form = useRef<HTMLFormElement>(null);
  const { errors, show, clear } = useFieldErrors(form);
  const save = useMutation({
    mutationFn: () =>
      answer<Cooperative>(
        api.PATCH('/cooperatives/{cooperativeId}', { params: { path: { cooperativeId: c.id } }, body: values }),
      ),
    onSuccess: async (saved) => {
      await queries.invalidateQueries({ queryKey: ['cooperatives'] });
      setOpened(false);
      onSaved(`Les coordonnées de ${saved.name} sont enregistrées.`);
    },
  });
  useProblemFields(save.error, show);
  const open = () => {
    setValues({ name: c.name, region: c.region, email: c.email });
    save.reset();
    show({});
    setOpened(true);
  };
  return (
    <>
      <Button variant="default" size="xs" onClick={open}>
        Modifier<span className="visually-hidden"> les coordonnées de {c.name}</span>
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Coordonnées de ${c.name}`}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Fermer sans enregistrer' }}
      >
        <form
          ref={form}
          noValidate
          aria-label={`Coordonnées de ${c.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            const found = Object.fromEntries(
              CONTACT_FIELDS.filter((f) => !values[f.key].trim()).map((f) => [f.key, `${f.label} : à renseigner.`]),
            );
            show(found);
            if (Object.keys(found).length === 0) save.mutate();
          }}
        >
          <Stack gap="sm">
            <RegisterFields
              fields={CONTACT_FIELDS}
              values={values}
              errors={errors}
              onChange={(key, value) => {
                setValues((v) => ({ ...v, [key]: value }));
                clear(key);
              }}
            />
            <ProblemAlert
              error={save.error instanceof Problem && save.error.errors.length ? undefined : save.error}
              title="Les coordonnées n'ont pas été enregistrées"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                Annuler
              </Button>
              <Button type="submit" loading={save.isPending}>
                Enregistrer les coordonnées
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
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
  const [saved, setSaved] = useState('');
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
            <Text role="status" mb="sm">
              {saved}
            </Text>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Coopérative</Table.Th>
                  <Table.Th scope="col">Région</Table.Th>
                  <Table.Th scope="col">Courriel de contact</Table.Th>
                  <Table.Th scope="col">Statut</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
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
                      <Group gap="xs" align="flex-start">
                        <ContactEditor c={c} onSaved={setSaved} />
                        <ActiveToggle c={c} />
                      </Group>
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
