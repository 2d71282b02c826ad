/** One indicator of an engagement: what it measures, why, where it stands, where it aims, and the plan. */
import { Button, Fieldset, Grid, Group, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { INDICATOR_KIND_LABELS_FR, INDICATOR_KINDS, type Dossier, type Indicator } from '@qualicoop/domain';
import type { ChangeEvent } from 'react';
import { GroupError, groupOf, type DossierErrors } from './dossier-errors';
import { fieldId } from './field-id';

type Edit = (change: (d: Dossier) => void) => void;

const numberOrUndefined = (v: string | number) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function IndicatorFields(props: {
  indicator: Indicator;
  path: string;
  label: string;
  edit: Edit;
  errors: DossierErrors;
  at: (d: Dossier) => Indicator;
  onRemove?: () => void;
}) {
  const { indicator: ind, path, label, edit, errors, at } = props;
  const set = (change: (i: Indicator) => void) => edit((d) => change(at(d)));
  // The event is read now: the change itself runs later, inside React's state update.
  const onText =
    (apply: (i: Indicator, value: string) => unknown) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = e.currentTarget.value;
      set((i) => void apply(i, value));
    };
  // Each field: its id (the checklist's links), its path (the focus) and its error.
  const field = (f: string) => ({
    id: fieldId(`${path}.${f}`),
    'data-field': `${path}.${f}`,
    error: errors[`${path}.${f}`],
  });
  const plan = ind.actionPlan ?? [];
  return (
    <Fieldset legend={label}>
      <Stack gap="sm">
        <TextInput
          {...field('name')}
          label="Nom de l'indicateur"
          value={ind.name ?? ''}
          onChange={onText((i, v) => (i.name = v))}
        />
        <NativeSelect
          {...field('kind')}
          label="Type d'indicateur"
          value={ind.kind ?? ''}
          data={[
            { value: '', label: '— choisir —' },
            ...INDICATOR_KINDS.map((k) => ({ value: k, label: INDICATOR_KIND_LABELS_FR[k] })),
          ]}
          onChange={(e) => {
            const value = INDICATOR_KINDS.find((k) => k === e.currentTarget.value);
            set((i) => void (value ? (i.kind = value) : delete i.kind));
          }}
        />
        <Textarea
          {...field('rationale')}
          label="En quoi cet indicateur illustre-t-il la Raison d'être ?"
          autosize
          minRows={2}
          value={ind.rationale ?? ''}
          onChange={onText((i, v) => (i.rationale = v))}
        />
        <Fieldset legend="Résultat actuel">
          <Group grow align="flex-start">
            <NumberInput
              {...field('baseline.value')}
              label="Valeur"
              decimalSeparator=","
              thousandSeparator=" "
              value={ind.baseline?.value ?? ''}
              onChange={(v) => set((i) => (i.baseline = { ...i.baseline, value: numberOrUndefined(v) }))}
            />
            <TextInput
              {...field('baseline.unit')}
              label="Unité"
              placeholder="%, logements, jours…"
              value={ind.baseline?.unit ?? ''}
              onChange={onText((i, v) => (i.baseline = { ...i.baseline, unit: v }))}
            />
            <TextInput
              {...field('baseline.measuredOn')}
              type="date"
              label="Date de mesure"
              value={ind.baseline?.measuredOn ?? ''}
              onChange={onText((i, v) => (i.baseline = { ...i.baseline, measuredOn: v }))}
            />
          </Group>
        </Fieldset>
        <Fieldset legend="Valeur cible">
          <Group grow align="flex-start">
            <NumberInput
              {...field('target.value')}
              label="Valeur"
              decimalSeparator=","
              thousandSeparator=" "
              value={ind.target?.value ?? ''}
              onChange={(v) => set((i) => (i.target = { ...i.target, value: numberOrUndefined(v) }))}
            />
            <TextInput
              {...field('target.targetDate')}
              type="date"
              label="Date d'atteinte"
              value={ind.target?.targetDate ?? ''}
              onChange={onText((i, v) => (i.target = { ...i.target, targetDate: v }))}
            />
          </Group>
        </Fieldset>
        <Fieldset legend="Plan d'actions" {...groupOf(`${path}.actionPlan`, errors)}>
          <GroupError path={`${path}.actionPlan`} errors={errors} />
          <Stack gap="xs">
            {plan.map((a, k) => {
              const row = `${path}.actionPlan[${k}]`;
              // A line the rule finds incomplete: its blank fields marked, its sentence said once, under it.
              const input = (f: 'what' | 'who' | 'byWhen') => ({
                'data-field': `${row}.${f}`,
                value: a[f] ?? '',
                error: errors[`${row}.${f}`] ?? (errors[row] !== undefined && !a[f]?.trim()),
                onChange: onText((i, v) => (i.actionPlan![k]![f] = v)),
              });
              return (
                <div key={k} role="group" aria-label={`Action ${k + 1}`} {...groupOf(row, errors)}>
                  <Grid align="flex-end">
                    <Grid.Col span={{ base: 12, sm: 5 }}>
                      <TextInput label={`Action ${k + 1} : quoi`} {...input('what')} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 3 }}>
                      <TextInput label="Qui" {...input('who')} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 8, sm: 3 }}>
                      <TextInput type="date" label="Pour quand" {...input('byWhen')} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 4, sm: 1 }}>
                      <Button
                        variant="subtle"
                        color="red"
                        c="red.9"
                        aria-label={`Retirer l'action ${k + 1}`}
                        onClick={() => set((i) => i.actionPlan!.splice(k, 1))}
                      >
                        Retirer
                      </Button>
                    </Grid.Col>
                  </Grid>
                  <GroupError path={row} errors={errors} />
                </div>
              );
            })}
            <Button
              variant="light"
              onClick={() => set((i) => (i.actionPlan = [...(i.actionPlan ?? []), {}]))}
              style={{ alignSelf: 'flex-start' }}
            >
              Ajouter une action
            </Button>
          </Stack>
        </Fieldset>
        {props.onRemove && (
          <Button variant="subtle" color="red" c="red.9" onClick={props.onRemove} style={{ alignSelf: 'flex-start' }}>
            Retirer cet indicateur
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}
