/** One indicator of an engagement: what it measures, why, where it stands, where it aims, and the plan. */
import { Button, Fieldset, Grid, Group, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { INDICATOR_KIND_LABELS_FR, INDICATOR_KINDS, type Dossier, type Indicator } from '@qualicoop/domain';
import type { ChangeEvent } from 'react';
import { fieldId } from './field-id';

type Edit = (change: (d: Dossier) => void) => void;

const numberOrUndefined = (v: string | number) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function IndicatorFields(props: {
  indicator: Indicator;
  path: string;
  label: string;
  edit: Edit;
  at: (d: Dossier) => Indicator;
  onRemove?: () => void;
}) {
  const { indicator: ind, path, label, edit, at } = props;
  const set = (change: (i: Indicator) => void) => edit((d) => change(at(d)));
  // The event is read now: the change itself runs later, inside React's state update.
  const onText =
    (apply: (i: Indicator, value: string) => unknown) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = e.currentTarget.value;
      set((i) => void apply(i, value));
    };
  const id = (f: string) => fieldId(`${path}.${f}`);
  const plan = ind.actionPlan ?? [];
  return (
    <Fieldset legend={label}>
      <Stack gap="sm">
        <TextInput
          id={id('name')}
          label="Nom de l'indicateur"
          value={ind.name ?? ''}
          onChange={onText((i, v) => (i.name = v))}
        />
        <NativeSelect
          id={id('kind')}
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
          id={id('rationale')}
          label="En quoi cet indicateur illustre-t-il la Raison d'être ?"
          autosize
          minRows={2}
          value={ind.rationale ?? ''}
          onChange={onText((i, v) => (i.rationale = v))}
        />
        <Fieldset legend="Résultat actuel">
          <Group grow align="flex-start">
            <NumberInput
              id={id('baseline.value')}
              label="Valeur"
              decimalSeparator=","
              thousandSeparator=" "
              value={ind.baseline?.value ?? ''}
              onChange={(v) => set((i) => (i.baseline = { ...i.baseline, value: numberOrUndefined(v) }))}
            />
            <TextInput
              id={id('baseline.unit')}
              label="Unité"
              placeholder="%, logements, jours…"
              value={ind.baseline?.unit ?? ''}
              onChange={onText((i, v) => (i.baseline = { ...i.baseline, unit: v }))}
            />
            <TextInput
              id={id('baseline.measuredOn')}
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
              id={id('target.value')}
              label="Valeur"
              decimalSeparator=","
              thousandSeparator=" "
              value={ind.target?.value ?? ''}
              onChange={(v) => set((i) => (i.target = { ...i.target, value: numberOrUndefined(v) }))}
            />
            <TextInput
              id={id('target.targetDate')}
              type="date"
              label="Date d'atteinte"
              value={ind.target?.targetDate ?? ''}
              onChange={onText((i, v) => (i.target = { ...i.target, targetDate: v }))}
            />
          </Group>
        </Fieldset>
        <Fieldset legend="Plan d'actions" id={id('actionPlan')} tabIndex={-1}>
          <Stack gap="xs">
            {plan.map((a, k) => (
              <Grid key={k} align="flex-end" id={id(`actionPlan[${k}]`)} tabIndex={-1}>
                <Grid.Col span={{ base: 12, sm: 5 }}>
                  <TextInput
                    label={`Action ${k + 1} : quoi`}
                    value={a.what ?? ''}
                    onChange={onText((i, v) => (i.actionPlan![k]!.what = v))}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 3 }}>
                  <TextInput label="Qui" value={a.who ?? ''} onChange={onText((i, v) => (i.actionPlan![k]!.who = v))} />
                </Grid.Col>
                <Grid.Col span={{ base: 8, sm: 3 }}>
                  <TextInput
                    type="date"
                    label="Pour quand"
                    value={a.byWhen ?? ''}
                    onChange={onText((i, v) => (i.actionPlan![k]!.byWhen = v))}
                  />
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
            ))}
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
