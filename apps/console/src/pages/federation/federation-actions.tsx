/**
 * What the Fédération does on a candidacy: plan (or move) the visit, give its advice on a filed
 * checkpoint report, answer the cooperative's help requests; and, for the operators, the
 * candidacy's workflow in the Temporal UI. Each answer of the API is shown next to its form.
 */
import { Anchor, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { formatDateFr, parisDateOf } from '@qualicoop/domain';
import { answer, api } from '../../api/client';
import type { CandidacyView } from '../../api/types';
import { useAction } from '../../api/use-action';
import { useFieldErrors } from '../../components/field-errors';
import { ProblemAlert } from '../../components/problem-alert';
import { dateTimeFr } from '../../format';

function VisitPlanning({ c }: { c: CandidacyView }) {
  const members = useQuery({
    queryKey: ['committee-members'],
    queryFn: () => answer<Array<{ id: string; name: string }>>(api.GET('/committee-members')),
  });
  const [visitorId, setVisitorId] = useState<string | null>(c.state.visit?.visitorId ?? null);
  const [visitDate, setVisitDate] = useState(c.state.visit?.date ?? '');
  const form = useRef<HTMLFormElement>(null);
  const { errors, show, clear } = useFieldErrors(form);
  const plan = useAction(c.id, () =>
    answer(
      api.POST('/candidacies/{id}/visit', {
        params: { path: { id: c.id } },
        body: { visitorId: visitorId ?? '', visitDate },
      }),
    ),
  );
  const moving = c.stage === 'visit_scheduled';
  return (
    <form
      ref={form}
      noValidate
      aria-labelledby="visite-titre"
      onSubmit={(e) => {
        e.preventDefault();
        const found: Record<string, string> = {};
        if (!visitorId) found.visitorId = 'Choisissez le membre du comité qui fera la visite.';
        if (!visitDate) found.visitDate = 'Indiquez la date de la visite.';
        show(found);
        if (Object.keys(found).length === 0) plan.mutate(undefined);
      }}
    >
      <Stack gap="sm">
        <h2 id="visite-titre" className="section-title">
          {moving ? 'Déplacer la visite' : 'Planifier la visite'}
        </h2>
        {moving && c.state.visit && (
          <Text>
            La visite de {c.visitor?.name ?? c.state.visit.visitorId} est prévue le {formatDateFr(c.state.visit.date)}.
          </Text>
        )}
        <Group align="flex-start">
          <Select
            data-field="visitorId"
            label="Membre du comité chargé de la visite"
            withAsterisk
            placeholder={members.isPending ? 'Chargement des membres…' : 'Choisir un membre'}
            data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            value={visitorId}
            onChange={(v) => {
              setVisitorId(v);
              clear('visitorId');
            }}
            error={errors.visitorId}
            w={320}
          />
          <TextInput
            data-field="visitDate"
            type="date"
            label="Date de la visite"
            withAsterisk
            min={parisDateOf(new Date().toISOString())}
            value={visitDate}
            onChange={(e) => {
              setVisitDate(e.currentTarget.value);
              clear('visitDate');
            }}
            error={errors.visitDate}
            w={220}
          />
        </Group>
        <ProblemAlert error={members.error} title="La liste des membres du comité n'a pas pu être chargée" />
        <ProblemAlert error={plan.error} title="La visite n'a pas été planifiée" />
        <Button type="submit" loading={plan.isPending} w="fit-content">
          {moving ? 'Déplacer la visite' : 'Planifier la visite'}
        </Button>
      </Stack>
    </form>
  );
}

/** One text and its button, for an advice or an answer; the text is kept if the API refuses it. */
function Reply(props: {
  candidacyId: string;
  label: string;
  button: string;
  failed: string;
  send: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const reply = useAction(props.candidacyId, props.send);
  return (
    <Stack gap="xs" align="flex-start">
      <Textarea
        label={props.label}
        withAsterisk
        autosize
        minRows={2}
        w="100%"
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setEmpty(false);
        }}
        error={empty ? 'Écrivez votre texte avant de l’envoyer.' : undefined}
      />
      <Button
        variant="outline"
        loading={reply.isPending}
        onClick={() => (text.trim() ? reply.mutate(text.trim()) : setEmpty(true))}
      >
        {props.button}
      </Button>
      <ProblemAlert error={reply.error} title={props.failed} />
    </Stack>
  );
}

export function FederationActions({ c }: { c: CandidacyView }) {
  const awaitingAdvice = (c.state.checkpoints ?? []).filter((cp) => cp.reportFiledAt && !cp.advice);
  const unanswered = (c.state.helpRequests ?? []).filter((h) => !h.answer);
  const planning = c.stage === 'visit_to_plan' || (c.stage === 'visit_scheduled' && !c.state.visit?.report);
  return (
    <Stack gap="xl">
      {planning && <VisitPlanning c={c} />}
      {awaitingAdvice.map((cp) => (
        <section key={cp.checkpoint} aria-labelledby={`avis-${cp.checkpoint}`}>
          <h2 id={`avis-${cp.checkpoint}`} className="section-title">
            Avis sur le bilan à {cp.checkpoint} mois
          </h2>
          <Text mb="sm">
            Bilan déposé le {dateTimeFr(cp.reportFiledAt!)} : la coopérative attend l&apos;avis de la Fédération.
          </Text>
          <Reply
            candidacyId={c.id}
            label={`Avis de la Fédération sur le bilan à ${cp.checkpoint} mois`}
            button="Envoyer l'avis"
            failed="L'avis n'a pas été envoyé"
            send={(advice) =>
              answer(
                api.POST('/candidacies/{id}/checkpoints/{checkpoint}/advice', {
                  params: { path: { id: c.id, checkpoint: cp.checkpoint as 6 | 12 } },
                  body: { advice },
                }),
              )
            }
          />
        </section>
      ))}
      {unanswered.length > 0 && (
        <section aria-labelledby="questions">
          <h2 id="questions" className="section-title">
            Questions de la coopérative
          </h2>
          <Stack gap="lg">
            {unanswered.map((h) => (
              <Stack key={h.helpRequestId} gap="xs">
                <Text>
                  Question du {dateTimeFr(h.askedAt)} : {h.question}
                </Text>
                <Reply
                  candidacyId={c.id}
                  label="Réponse de la Fédération"
                  button="Envoyer la réponse"
                  failed="La réponse n'a pas été envoyée"
                  send={(text) =>
                    answer(
                      api.POST('/candidacies/{id}/help-requests/{helpRequestId}/answer', {
                        params: { path: { id: c.id, helpRequestId: h.helpRequestId } },
                        body: { answer: text },
                      }),
                    )
                  }
                />
              </Stack>
            ))}
          </Stack>
        </section>
      )}
      <section aria-labelledby="exploitation">
        <h2 id="exploitation" className="section-title">
          Exploitation
        </h2>
        <Text>
          Identifiant du workflow : <code>{c.workflowId}</code>.{' '}
          {c.workflowUrl ? (
            <Anchor href={c.workflowUrl} target="_blank" rel="noreferrer">
              Ouvrir son historique dans l&apos;interface Temporal (nouvel onglet)
            </Anchor>
          ) : (
            "Aucune interface Temporal n'est configurée pour ce serveur."
          )}
        </Text>
      </section>
    </Stack>
  );
}
