/**
 * The committee's decision on a candidacy, in the session whose agenda holds it: completeness
 * (with what is missing and the deadline the policy gives), admissibility, award, mid-term,
 * renewal — each with its motivation. The form can be kept as a draft on this browser and finished
 * later; it asks for confirmation, since a recorded decision is final; the API's refusals (out of
 * order, already decided, agenda not closed) are shown in French, next to their field when they
 * name one.
 */
import { Button, Group, NumberInput, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import type { DueDecision } from '@qualicoop/domain';
import { answer, api } from '../../api/client';
import type { CandidacyView } from '../../api/types';
import { useAction } from '../../api/use-action';
import { useMe } from '../../auth/session';
import { Confirm } from '../../components/confirm';
import { useFieldErrors, useProblemFields } from '../../components/field-errors';
import { ProblemAlert } from '../../components/problem-alert';
import { dateTimeFr, timeFr } from '../../format';
import { clearDraft, readDraft, writeDraft, type DecisionDraft } from './decision-drafts';
import { questionOf } from './decision-question';

function record(c: CandidacyView, due: DueDecision, d: DecisionDraft) {
  const path = { params: { path: { id: c.id } } };
  const common = { sessionId: due.sessionId, motivation: d.motivation.trim() };
  switch (due.command) {
    case 'RecordCompleteness':
      return api.POST('/candidacies/{id}/decisions/completeness', {
        ...path,
        body: {
          ...common,
          complete: d.outcome === 'complete',
          ...(d.outcome === 'incomplete' ? { missing: missingItems(d) } : {}),
        },
      });
    case 'RecordAdmissibility':
      return api.POST('/candidacies/{id}/decisions/admissibility', {
        ...path,
        body: { ...common, admissible: d.outcome === 'admissible' },
      });
    case 'DecideAward':
      return api.POST('/candidacies/{id}/decisions/award', {
        ...path,
        body: {
          ...common,
          outcome: d.outcome as 'granted' | 'extension' | 'refused',
          ...(d.outcome === 'extension' ? { extensionMonths: d.extensionMonths } : {}),
        },
      });
    case 'DecideMidTerm':
      return api.POST('/candidacies/{id}/decisions/mid-term', {
        ...path,
        body: { ...common, outcome: d.outcome as 'confirmed' | 'withdrawn' },
      });
    case 'DecideRenewal':
      return api.POST('/candidacies/{id}/decisions/renewal', {
        ...path,
        body: { ...common, outcome: d.outcome as 'renewed' | 'refused' },
      });
  }
}

const missingItems = (d: DecisionDraft) =>
  d.missing
    .split('\n')
    .map((m) => m.trim())
    .filter(Boolean);

/** The form's own checks, before anything is sent: one sentence per field, in the form's order. */
function breaches(due: DueDecision, d: DecisionDraft): Array<{ field: string; message: string }> {
  const found: Array<{ field: string; message: string }> = [];
  if (!d.outcome) found.push({ field: 'outcome', message: 'Choisissez la décision du comité.' });
  if (due.command === 'RecordCompleteness' && d.outcome === 'incomplete' && missingItems(d).length === 0)
    found.push({ field: 'missing', message: 'Indiquez au moins un élément manquant.' });
  if (!d.motivation.trim())
    found.push({ field: 'motivation', message: 'La motivation de la décision est obligatoire.' });
  return found;
}

const EMPTY: DecisionDraft = { outcome: '', motivation: '', missing: '', extensionMonths: 6, savedAt: '' };

export function DecisionForm({ c, due }: { c: CandidacyView; due: DueDecision }) {
  const me = useMe();
  const draftKey = { user: me.sub, candidacyId: c.id, command: due.command, sessionId: due.sessionId };
  const [kept] = useState(() => readDraft(draftKey));
  const restored = kept?.savedAt;
  const [draft, setDraft] = useState<DecisionDraft>(kept ?? EMPTY);
  const [savedAt, setSavedAt] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { errors, show, clear } = useFieldErrors(form);
  const decide = useAction(c.id, () => answer(record(c, due, draft)));
  const question = questionOf(c, due);
  const ids = {
    outcome: `decision-${due.command}-outcome`,
    missing: 'decision-missing',
    motivation: 'decision-motivation',
  };

  useProblemFields(decide.error, show);

  const change = (patch: Partial<DecisionDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A field answered loses its error; the others keep theirs until the next attempt.
    clear(...Object.keys(patch));
  };
  const keep = () => {
    const at = new Date().toISOString();
    writeDraft(draftKey, { ...draft, savedAt: at });
    setSavedAt(at);
  };

  return (
    <form
      ref={form}
      noValidate
      aria-labelledby="decision-titre"
      onSubmit={(e) => {
        e.preventDefault();
        const found = breaches(due, draft);
        show(Object.fromEntries(found.map((f) => [f.field, f.message])));
        if (found.length === 0) setConfirming(true);
      }}
    >
      <Stack gap="md">
        <h2 id="decision-titre" className="section-title">
          {due.whatFr}
        </h2>
        <Text>
          Décision prise en séance du comité de validation du {dateTimeFr(due.sessionDate)}.
          {restored && ` Brouillon du ${dateTimeFr(restored)} repris.`}
        </Text>
        <Radio.Group
          data-field="outcome"
          id={ids.outcome}
          label={question.legend}
          withAsterisk
          value={draft.outcome}
          onChange={(outcome) => change({ outcome })}
          error={errors.outcome}
        >
          <Stack gap="xs" mt="xs">
            {question.choices.map((choice) => (
              <Radio key={choice.value} value={choice.value} label={choice.label} description={choice.description} />
            ))}
          </Stack>
        </Radio.Group>
        {due.command === 'RecordCompleteness' && draft.outcome === 'incomplete' && (
          <Textarea
            data-field="missing"
            id={ids.missing}
            label="Éléments manquants"
            description="Un élément par ligne : la coopérative les lira tels quels."
            withAsterisk
            autosize
            minRows={3}
            value={draft.missing}
            onChange={(e) => change({ missing: e.currentTarget.value })}
            error={errors.missing}
          />
        )}
        {due.command === 'DecideAward' && draft.outcome === 'extension' && (
          <NumberInput
            data-field="extensionMonths"
            label="Durée de la prolongation (en mois)"
            min={1}
            max={c.state.policy.extensionMaxMonths}
            allowDecimal={false}
            value={draft.extensionMonths}
            onChange={(v) => change({ extensionMonths: Number(v) || 1 })}
            error={errors.extensionMonths}
            w={260}
          />
        )}
        <Textarea
          data-field="motivation"
          id={ids.motivation}
          label="Motivation de la décision"
          description="Elle figure dans l'historique de la candidature, que la coopérative consulte."
          withAsterisk
          autosize
          minRows={3}
          value={draft.motivation}
          onChange={(e) => change({ motivation: e.currentTarget.value })}
          error={errors.motivation}
        />
        <Group>
          <Button type="submit">Enregistrer la décision</Button>
          <Button variant="default" onClick={keep}>
            Garder comme brouillon
          </Button>
        </Group>
        <Text role="status" fz="sm">
          {savedAt
            ? `Brouillon gardé sur ce navigateur à ${timeFr(savedAt)} : vous pourrez le reprendre plus tard.`
            : ''}
        </Text>
        {!confirming && (
          <ProblemAlert
            error={decide.error}
            title="La décision n'a pas été enregistrée"
            atField={(f) => ['outcome', 'missing', 'extensionMonths', 'motivation'].includes(f)}
          />
        )}
      </Stack>
      <Confirm
        opened={confirming}
        title="Enregistrer cette décision ?"
        confirm="Confirmer la décision"
        busy={decide.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          decide.mutate(undefined, {
            onSuccess: () => {
              clearDraft(draftKey);
              setConfirming(false);
            },
            onError: () => setConfirming(false),
          })
        }
      >
        <Text>
          {question.choices.find((ch) => ch.value === draft.outcome)?.label} — une décision enregistrée ne peut plus
          être modifiée.
        </Text>
      </Confirm>
    </form>
  );
}
