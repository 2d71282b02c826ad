/**
 * A progress report (checkpoint at 6 or 12 months) or the label's mid-term report (spec §4.2,
 * §4.4): the current value of each indicator of the dossier, the state of each planned action, a
 * comment. What is typed is kept in this browser until the API has it; a value left out, or a
 * field the API refuses, is pointed at, and focus goes to the first one.
 */
import { Button, Fieldset, NativeSelect, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { findEngagement, CURRENT_REFERENTIAL, type Dossier } from '@qualicoop/domain';
import type { ActionStatus, ReportContent } from '../../api/types';
import { useFieldErrors, useProblemFields } from '../../components/field-errors';
import { ProblemAlert } from '../../components/problem-alert';
import { dateFr, numberFr } from '../../format';

export const ACTION_STATUS_FR: Record<ActionStatus, string> = {
  not_started: 'non commencée',
  in_progress: 'en cours',
  done: 'réalisée',
};

interface Line {
  engagementId: string;
  indicatorName: string;
  unit: string;
  hint: string;
}

/** The indicators and actions of a dossier, in its order, as lines of the report. */
function linesOf(dossier: Dossier) {
  const indicators: Line[] = [];
  const actions: string[] = [];
  for (const choice of dossier.engagements ?? []) {
    for (const ind of choice.indicators ?? []) {
      const base = ind.baseline;
      const target = ind.target;
      indicators.push({
        engagementId: choice.engagementId,
        indicatorName: ind.name ?? '',
        unit: base?.unit ?? '',
        hint: [
          base?.value !== undefined
            ? `Valeur de départ : ${numberFr(base.value)} ${base.unit ?? ''}${base.measuredOn ? ` au ${dateFr(base.measuredOn)}` : ''}`
            : '',
          target?.value !== undefined
            ? `cible : ${numberFr(target.value)} ${base?.unit ?? ''}${target.targetDate ? ` au ${dateFr(target.targetDate)}` : ''}`
            : '',
        ]
          .filter(Boolean)
          .join(' ; '),
      });
      for (const a of ind.actionPlan ?? []) if (a.what && !actions.includes(a.what)) actions.push(a.what);
    }
  }
  return { indicators, actions };
}

const keyOf = (l: Pick<Line, 'engagementId' | 'indicatorName'>) => `${l.engagementId}:${l.indicatorName}`;
const MISSING = 'Indiquez la valeur actuelle de cet indicateur.';

/** The form's fields as the API names them: `indicators.0`, `actions.1` (their parts shown there too), `comment`. */
const FIELD = /^(indicators\.\d+|actions\.\d+|comment)(?=\.|$)/;
const fieldOf = (apiPath: string) => FIELD.exec(apiPath)?.[1];

interface Typed {
  values: Record<string, number | undefined>;
  actions: Record<string, ActionStatus>;
  comment: string;
}

function readBackup(key: string): Typed | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Typed) : undefined;
  } catch {
    return undefined;
  }
}

export function ReportForm(props: {
  dossier: Dossier;
  /** Where this browser keeps what is typed until the API has it. */
  backupKey: string;
  submitLabel: string;
  onSubmit: (report: Required<Pick<ReportContent, 'indicators' | 'actions' | 'comment'>>) => Promise<unknown>;
}) {
  const { indicators, actions } = linesOf(props.dossier);
  const [typed, setTyped] = useState<Typed>(
    () => readBackup(props.backupKey) ?? { values: {}, actions: {}, comment: '' },
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useRef<HTMLDivElement>(null);
  const { errors, show, clear } = useFieldErrors(form);
  useProblemFields(error, (found) =>
    show(Object.fromEntries(Object.entries(found).flatMap(([f, m]) => (fieldOf(f) ? [[fieldOf(f)!, m]] : [])))),
  );
  const missing = Object.values(errors).filter((m) => m === MISSING).length;

  useEffect(() => localStorage.setItem(props.backupKey, JSON.stringify(typed)), [props.backupKey, typed]);

  const submit = async () => {
    const left = indicators.flatMap((l, i) => (typed.values[keyOf(l)] === undefined ? [`indicators.${i}`] : []));
    show(Object.fromEntries(left.map((f) => [f, MISSING])));
    if (left.length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit({
        indicators: indicators.map((l) => ({
          engagementId: l.engagementId,
          indicatorName: l.indicatorName,
          value: typed.values[keyOf(l)]!,
        })),
        actions: actions.map((action) => ({ action, status: typed.actions[action] ?? 'not_started' })),
        comment: typed.comment,
      });
      localStorage.removeItem(props.backupKey);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const byEngagement = [...new Set(indicators.map((l) => l.engagementId))];
  return (
    <Stack gap="lg" ref={form}>
      <section aria-labelledby="valeurs">
        <Title order={2} fz="h3" id="valeurs" mb="sm">
          Valeur actuelle des indicateurs
        </Title>
        <Stack gap="md">
          {byEngagement.map((engagementId) => (
            <Fieldset
              key={engagementId}
              legend={`${engagementId} — ${findEngagement(CURRENT_REFERENTIAL, engagementId)?.title ?? ''}`}
            >
              <Stack gap="sm">
                {indicators.map((l, i) =>
                  l.engagementId !== engagementId ? null : (
                    <NumberInput
                      key={keyOf(l)}
                      data-field={`indicators.${i}`}
                      label={`${l.indicatorName}${l.unit ? ` (${l.unit})` : ''}`}
                      description={l.hint}
                      decimalSeparator=","
                      thousandSeparator={'\u00a0'}
                      required
                      error={errors[`indicators.${i}`]}
                      value={typed.values[keyOf(l)] ?? ''}
                      onChange={(v) => {
                        setTyped((t) => ({
                          ...t,
                          values: { ...t.values, [keyOf(l)]: typeof v === 'number' ? v : undefined },
                        }));
                        if (typeof v === 'number') clear(`indicators.${i}`);
                      }}
                    />
                  ),
                )}
              </Stack>
            </Fieldset>
          ))}
        </Stack>
      </section>
      {actions.length > 0 && (
        <section aria-labelledby="actions">
          <Title order={2} fz="h3" id="actions" mb="sm">
            Avancement du plan d&apos;actions
          </Title>
          <Stack gap="sm">
            {actions.map((action, k) => (
              <NativeSelect
                key={action}
                data-field={`actions.${k}`}
                label={`État de l'action « ${action} »`}
                value={typed.actions[action] ?? 'not_started'}
                data={Object.entries(ACTION_STATUS_FR).map(([value, label]) => ({ value, label }))}
                error={errors[`actions.${k}`]}
                onChange={(e) => {
                  const status = e.currentTarget.value as ActionStatus;
                  setTyped((t) => ({ ...t, actions: { ...t.actions, [action]: status } }));
                  clear(`actions.${k}`);
                }}
              />
            ))}
          </Stack>
        </section>
      )}
      <Textarea
        data-field="comment"
        label="Commentaire"
        description="Ce qui a avancé, ce qui a freiné, ce que la coopérative prévoit."
        autosize
        minRows={3}
        value={typed.comment}
        error={errors.comment}
        onChange={(e) => {
          const comment = e.currentTarget.value;
          setTyped((t) => ({ ...t, comment }));
          clear('comment');
        }}
      />
      {missing > 0 && (
        <Text c="red.9" role="alert">
          {missing === 1
            ? 'Une valeur actuelle manque : elle est signalée ci-dessus.'
            : `${missing} valeurs actuelles manquent : elles sont signalées ci-dessus.`}
        </Text>
      )}
      <ProblemAlert error={error} title="Le bilan n'a pas été déposé" atField={(f) => fieldOf(f) !== undefined} />
      <div>
        <Button onClick={() => void submit()} loading={busy}>
          {props.submitLabel}
        </Button>
      </div>
    </Stack>
  );
}

/** A report once filed, read-only. */
export function FiledReportView({ content }: { content: ReportContent }) {
  return (
    <Stack gap="sm">
      <Title order={2} fz="h3">
        Valeurs déclarées
      </Title>
      <ul>
        {(content.indicators ?? []).map((v) => (
          <li key={`${v.engagementId}:${v.indicatorName}`}>
            {v.engagementId} — {v.indicatorName} : {numberFr(v.value)}
          </li>
        ))}
      </ul>
      {(content.actions ?? []).length > 0 && (
        <>
          <Title order={2} fz="h3">
            Plan d&apos;actions
          </Title>
          <ul>
            {(content.actions ?? []).map((a) => (
              <li key={a.action}>
                {a.action} : {ACTION_STATUS_FR[a.status]}
              </li>
            ))}
          </ul>
        </>
      )}
      {content.comment && <Text>Commentaire : {content.comment}</Text>}
    </Stack>
  );
}
