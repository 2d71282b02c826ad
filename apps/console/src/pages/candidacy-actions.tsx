/**
 * What the cooperative can do on its candidacy besides its dossier: ask the Fédération for help,
 * declare itself ready for the visit, withdraw the candidacy or renounce the label. Each decisive
 * action asks for confirmation and says what it ends; the API's refusals are shown in French, at
 * the field they name when they name one.
 */
import { Alert, Button, List, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { formatDateFr, LABEL_STAGES, PRE_AWARD_STAGES } from '@qualicoop/domain';
import { answer, api } from '../api/client';
import type { CandidacyView } from '../api/types';
import { useAction } from '../api/use-action';
import { Confirm } from '../components/confirm';
import { useFieldErrors, useProblemFields } from '../components/field-errors';
import { ProblemAlert } from '../components/problem-alert';
import { dateTimeFr, dueFr } from '../format';

function HelpRequests({ c }: { c: CandidacyView }) {
  const [question, setQuestion] = useState('');
  const form = useRef<HTMLDivElement>(null);
  const { errors, show, clear } = useFieldErrors(form);
  const ask = useAction(c.id, (q: string) =>
    answer(api.POST('/candidacies/{id}/help-requests', { params: { path: { id: c.id } }, body: { question: q } })),
  );
  useProblemFields(ask.error, show);
  const requests = c.state.helpRequests ?? [];
  return (
    <section aria-labelledby="accompagnement">
      <h2 id="accompagnement" className="section-title">
        Accompagnement de la Fédération
      </h2>
      {requests.length > 0 && (
        <List spacing="sm" mb="md">
          {requests.map((h) => (
            <List.Item key={h.helpRequestId}>
              <Text fw={600}>
                Votre question du {dateTimeFr(h.askedAt)} : {h.question}
              </Text>
              <Text>
                {h.answer ? `Réponse de la Fédération : ${h.answer}` : 'En attente de réponse de la Fédération.'}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Stack gap="xs" align="flex-start" ref={form}>
        <Textarea
          data-field="question"
          label="Votre question"
          description="La Fédération vous répond ici et par courriel."
          autosize
          minRows={2}
          w="100%"
          value={question}
          error={errors.question}
          onChange={(e) => {
            setQuestion(e.currentTarget.value);
            clear('question');
          }}
        />
        <Button
          variant="outline"
          loading={ask.isPending}
          onClick={() => ask.mutate(question, { onSuccess: () => setQuestion('') })}
        >
          Envoyer la demande
        </Button>
        <ProblemAlert error={ask.error} title="La demande n'a pas été envoyée" atField={(f) => f === 'question'} />
      </Stack>
    </section>
  );
}

function Ending({ c }: { c: CandidacyView }) {
  const withdrawing = PRE_AWARD_STAGES.includes(c.stage);
  const renouncing = LABEL_STAGES.includes(c.stage);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const form = useRef<HTMLDivElement>(null);
  const { errors, show, clear } = useFieldErrors(form);
  const end = useAction(c.id, (why: string) =>
    withdrawing
      ? answer(api.POST('/candidacies/{id}/withdrawal', { params: { path: { id: c.id } }, body: { reason: why } }))
      : answer(api.POST('/candidacies/{id}/renunciation', { params: { path: { id: c.id } }, body: { reason: why } })),
  );
  useProblemFields(end.error, show);
  if (!withdrawing && !renouncing) return null;
  const label = withdrawing ? 'Retirer la candidature' : 'Renoncer au label';
  return (
    <section aria-labelledby="fin">
      <h2 id="fin" className="section-title">
        {withdrawing ? 'Retrait de la candidature' : 'Renonciation au label'}
      </h2>
      <Button variant="outline" color="red" c="red.9" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Confirm
        opened={open}
        title={`${label} ?`}
        confirm={withdrawing ? 'Confirmer le retrait' : 'Confirmer la renonciation'}
        busy={end.isPending}
        disabled={reason.trim().length === 0}
        onClose={() => setOpen(false)}
        onConfirm={() => end.mutate(reason, { onSuccess: () => setOpen(false) })}
      >
        <Text>
          {withdrawing
            ? "Le retrait met fin à cette candidature : le comité de validation ne l'examinera pas et aucune échéance ne courra plus. Votre coopérative pourra ouvrir une nouvelle candidature plus tard."
            : "La renonciation met fin au label Quali'Coop de votre coopérative dès maintenant : il ne pourra plus être mis en avant, ni renouvelé."}
        </Text>
        <Stack gap="md" ref={form}>
          <Textarea
            data-field="reason"
            label={withdrawing ? 'Pourquoi retirez-vous la candidature ?' : 'Pourquoi renoncez-vous au label ?'}
            description="La Fédération en sera informée."
            autosize
            minRows={2}
            value={reason}
            error={errors.reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              clear('reason');
            }}
            data-autofocus
          />
          <ProblemAlert error={end.error} title="La demande n'a pas abouti" atField={(f) => f === 'reason'} />
        </Stack>
      </Confirm>
    </section>
  );
}

function Readiness({ c }: { c: CandidacyView }) {
  const [open, setOpen] = useState(false);
  const declare = useAction(c.id, () =>
    answer(api.POST('/candidacies/{id}/readiness', { params: { path: { id: c.id } } })),
  );
  if (c.state.visit)
    return (
      <Alert color="blue" title="Visite du comité de validation">
        {c.visitor
          ? `La visite de ${c.visitor.name}, membre du comité de validation, est prévue le ${formatDateFr(c.state.visit.date)}.`
          : `La visite d'un membre du comité est prévue le ${formatDateFr(c.state.visit.date)}.`}
        {c.state.visit.report ? ' Le compte rendu de visite a été déposé.' : ''}
      </Alert>
    );
  if (c.stage !== 'implementation') return null;
  return (
    <section aria-labelledby="visite">
      <h2 id="visite" className="section-title">
        Visite du comité
      </h2>
      <Text mb="sm">
        {c.state.implementationDeadline
          ? `La période de mise en œuvre court jusqu'au ${dueFr(c.state.implementationDeadline.dueAt)}. Si la coopérative est prête avant, elle peut le déclarer.`
          : 'Si la coopérative est prête pour la visite avant la fin de la période de mise en œuvre, elle peut le déclarer.'}
      </Text>
      <Button variant="outline" onClick={() => setOpen(true)}>
        Déclarer la coopérative prête pour la visite
      </Button>
      <Confirm
        opened={open}
        title="Déclarer la coopérative prête pour la visite ?"
        confirm="Confirmer"
        busy={declare.isPending}
        onClose={() => setOpen(false)}
        onConfirm={() => declare.mutate(undefined, { onSuccess: () => setOpen(false) })}
      >
        <Text>
          La période de mise en œuvre prendra fin aujourd&apos;hui et la Fédération planifiera la visite d&apos;un
          membre du comité de validation.
        </Text>
        <ProblemAlert error={declare.error} title="La déclaration n'a pas abouti" />
      </Confirm>
    </section>
  );
}

function Complement({ c }: { c: CandidacyView }) {
  const request = c.state.complement;
  if (c.stage !== 'awaiting_complement' || !request) return null;
  return (
    <Alert color="orange" title="Le comité de validation demande un complément d'informations">
      <Text>Éléments manquants :</Text>
      <List mb="sm">
        {request.missing.map((m) => (
          <List.Item key={m}>{m}</List.Item>
        ))}
      </List>
      <Text mb="sm">À fournir au plus tard le {dueFr(request.deadline.dueAt)}.</Text>
      <Button component={Link} to={`/candidatures/${c.id}/dossier`}>
        Répondre à la demande de complément
      </Button>
    </Alert>
  );
}

/** The cooperative's actions on its candidacy (nothing for the Fédération or the committee here). */
export function CandidacyActions({ c }: { c: CandidacyView }) {
  if (c.closed) return null;
  return (
    <Stack gap="xl">
      <Complement c={c} />
      <Readiness c={c} />
      <HelpRequests c={c} />
      <Ending c={c} />
    </Stack>
  );
}
