/**
 * The Fédération's hand on the committee calendar: add a session (its agenda closes 21 days before,
 * the calendar's rule), or move one — the candidacies on its still-open agenda follow it. Dates and
 * times are Paris time, as the committee meets.
 */
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { parisDateOf, parisInstant } from '@qualicoop/domain';
import { answer, api } from '../../api/client';
import type { SessionView } from '../../api/types';
import { useFieldErrors, useProblemFields } from '../../components/field-errors';
import { ProblemAlert } from '../../components/problem-alert';
import { dateTimeFr } from '../../format';

/** « 2027-06-08 » and « 10:00 », Paris time → the instant. */
const instantOf = (date: string, time: string) => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return parisInstant(date, h, m);
};

const parisHourOf = (instant: string) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(
    new Date(instant),
  );

/** The API's errors shown at the date field rather than in the refusal's alert. */
const AT_DATE = (field: string) => field === 'sessionDate' || field === 'cutoffAt';

/** A date and a time of day, checked before anything is sent. */
function useWhen(initial: { date: string; time: string }) {
  const [when, setWhen] = useState(initial);
  const form = useRef<HTMLFormElement>(null);
  const fieldErrors = useFieldErrors(form);
  const check = () => {
    const found: Record<string, string> = {};
    if (!when.date) found.sessionDate = 'Indiquez la date de la séance.';
    else if (Date.parse(instantOf(when.date, when.time)) <= Date.now())
      found.sessionDate = 'La séance doit être à venir.';
    fieldErrors.show(found);
    return Object.keys(found).length === 0;
  };
  return { when, setWhen, form, check, ...fieldErrors };
}

function WhenFields(props: ReturnType<typeof useWhen> & { idPrefix: string }) {
  const { when, setWhen, errors, clear } = props;
  return (
    <Group align="flex-start">
      <TextInput
        data-field="sessionDate"
        id={`${props.idPrefix}-date`}
        type="date"
        label="Date de la séance"
        withAsterisk
        value={when.date}
        onChange={(e) => {
          const date = e.currentTarget.value;
          setWhen((w) => ({ ...w, date }));
          clear('sessionDate');
        }}
        error={errors.sessionDate ?? errors.cutoffAt}
        w={200}
      />
      <TextInput
        id={`${props.idPrefix}-heure`}
        type="time"
        label="Heure (heure de Paris)"
        value={when.time}
        onChange={(e) => {
          const time = e.currentTarget.value;
          setWhen((w) => ({ ...w, time }));
        }}
        w={180}
      />
    </Group>
  );
}

export function AddSession() {
  const queries = useQueryClient();
  const w = useWhen({ date: '', time: '10:00' });
  const [added, setAdded] = useState<string>();
  const add = useMutation({
    mutationFn: () => {
      const sessionDate = instantOf(w.when.date, w.when.time);
      return answer<SessionView>(
        api.POST('/committee-sessions', {
          body: { id: `seance-${w.when.date}-${w.when.time.replace(':', 'h')}`, sessionDate },
        }),
      );
    },
    onSuccess: (s) => {
      setAdded(
        `La séance du ${dateTimeFr(s.sessionDate)} est ajoutée ; son ordre du jour sera clos le ${dateTimeFr(s.cutoffAt)}.`,
      );
      void queries.invalidateQueries({ queryKey: ['committee-sessions'] });
    },
  });
  useProblemFields(add.error, w.show);
  return (
    <form
      ref={w.form}
      noValidate
      aria-labelledby="ajouter-seance"
      onSubmit={(e) => {
        e.preventDefault();
        setAdded(undefined);
        if (w.check()) add.mutate();
      }}
    >
      <Stack gap="sm">
        <h2 id="ajouter-seance" className="section-title">
          Ajouter une séance
        </h2>
        <Text>L&apos;ordre du jour d&apos;une séance est clos 21 jours avant, au début de ce jour-là.</Text>
        <WhenFields {...w} idPrefix="nouvelle-seance" />
        <ProblemAlert error={add.error} title="La séance n'a pas été ajoutée" atField={AT_DATE} />
        <Text role="status">{added ?? ''}</Text>
        <Button type="submit" loading={add.isPending} w="fit-content">
          Ajouter la séance
        </Button>
      </Stack>
    </form>
  );
}

export function MoveSession({ session }: { session: Pick<SessionView, 'id' | 'sessionDate'> }) {
  const queries = useQueryClient();
  const w = useWhen({ date: parisDateOf(session.sessionDate), time: parisHourOf(session.sessionDate) });
  const [moved, setMoved] = useState<string>();
  const move = useMutation({
    mutationFn: () =>
      answer<SessionView & { candidaciesMoved: number }>(
        api.PATCH('/committee-sessions/{sessionId}', {
          params: { path: { sessionId: session.id } },
          body: { sessionDate: instantOf(w.when.date, w.when.time) },
        }),
      ),
    onSuccess: (s) => {
      setMoved(
        `La séance est déplacée au ${dateTimeFr(s.sessionDate)} ; ${
          s.candidaciesMoved === 0
            ? 'aucune candidature ne figurait à son ordre du jour.'
            : `${s.candidaciesMoved} candidature${s.candidaciesMoved > 1 ? 's' : ''} de son ordre du jour la suive${s.candidaciesMoved > 1 ? 'nt' : ''}.`
        }`,
      );
      void queries.invalidateQueries({ queryKey: ['committee-sessions'] });
    },
  });
  useProblemFields(move.error, w.show);
  return (
    <form
      ref={w.form}
      noValidate
      aria-label={`Déplacer la séance du ${dateTimeFr(session.sessionDate)}`}
      onSubmit={(e) => {
        e.preventDefault();
        setMoved(undefined);
        if (w.check()) move.mutate();
      }}
    >
      <Stack gap="xs">
        <WhenFields {...w} idPrefix={`deplacer-${session.id}`} />
        <ProblemAlert error={move.error} title="La séance n'a pas été déplacée" atField={AT_DATE} />
        <Text role="status">{moved ?? ''}</Text>
        <Button type="submit" variant="default" loading={move.isPending} w="fit-content">
          Déplacer la séance
        </Button>
      </Stack>
    </form>
  );
}
