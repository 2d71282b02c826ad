/**
 * The dossier editor (spec §3): engagements and their indicators, the involvement statement, the
 * letter and the supporting documents. Saved as a draft as one types; the rules of submission are
 * checked live, with the server's own messages; once filed, the dossier is shown read-only.
 */
import { Alert, Anchor, Button, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { checkDossier, CURRENT_REFERENTIAL, DOSSIER_RULES, type Dossier } from '@qualicoop/domain';
import { answer, api, Problem } from '../../api/client';
import type { CandidacyView } from '../../api/types';
import { Loading } from '../../components/loading';
import { useCandidacy } from '../../components/stage';
import { ProblemAlert } from '../../components/problem-alert';
import { dueFr, timeFr } from '../../format';
import { Checklist } from './checklist';
import { DocumentsFields } from './documents-fields';
import { EngagementsFields } from './engagements-fields';
import { fieldId } from './field-id';
import { forgetBackup, useDossierDraft, type SaveState, type SavedDossier } from './use-dossier-draft';

export function DossierPage() {
  const { id = '' } = useParams();
  const candidacy = useCandidacy(id);
  const saved = useQuery({
    queryKey: ['candidacy', id, 'dossier'],
    queryFn: async () => {
      try {
        return await answer<SavedDossier>(api.GET('/candidacies/{id}/dossier', { params: { path: { id } } }));
      } catch (e) {
        if (e instanceof Problem && e.code === 'DOSSIER.NOT_FOUND') return null;
        throw e;
      }
    },
  });
  if (candidacy.isPending || saved.isPending) return <Loading what="votre dossier de candidature" />;
  if (candidacy.error || saved.error)
    return <ProblemAlert error={candidacy.error ?? saved.error} title="Le dossier n'a pas pu être chargé" />;
  return <Editor candidacy={candidacy.data} saved={saved.data} />;
}

function SaveStatus({ save }: { save: SaveState }) {
  const text =
    save.state === 'saving'
      ? 'Enregistrement…'
      : save.state === 'unsaved'
        ? 'Modifications non enregistrées (enregistrement automatique dans quelques secondes)'
        : save.state === 'failed'
          ? "L'enregistrement n'a pas abouti : vos saisies sont conservées dans ce navigateur."
          : save.at
            ? `Enregistré à ${timeFr(save.at)}`
            : save.version
              ? `Version ${save.version} enregistrée`
              : 'Aucun brouillon enregistré pour le moment';
  return (
    <Group gap="xs" role="status" aria-live="polite">
      {save.state === 'saving' && <Loader size="xs" />}
      <Text fz="sm">{text}</Text>
    </Group>
  );
}

function Editor({ candidacy, saved }: { candidacy: CandidacyView; saved: SavedDossier | null }) {
  const completing = candidacy.stage === 'awaiting_complement';
  const editable = candidacy.stage === 'draft' || completing;
  const { dossier, edit, save, saveNow, restoredFromBackup } = useDossierDraft(
    candidacy.id,
    saved,
    editable,
    !completing,
  );
  const breaches = checkDossier(dossier, CURRENT_REFERENTIAL);
  const checklist = useRef<HTMLHeadingElement>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const queries = useQueryClient();
  const navigate = useNavigate();

  const submit = async () => {
    setSubmitError(null);
    if (breaches.length > 0) {
      checklist.current?.focus();
      return;
    }
    setSubmitting(true);
    try {
      if (completing) {
        // The completed dossier goes whole with the answer (a new version; the filed one is kept).
        await answer(
          api.POST('/candidacies/{id}/complement', { params: { path: { id: candidacy.id } }, body: dossier }),
        );
        forgetBackup(candidacy.id);
      } else {
        if (save.state !== 'saved' && !(await saveNow())) return;
        await answer(api.POST('/candidacies/{id}/submission', { params: { path: { id: candidacy.id } } }));
      }
      await queries.invalidateQueries();
      await navigate(`/candidatures/${candidacy.id}`);
    } catch (e) {
      setSubmitError(e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Stack gap="xl">
      <Anchor component={Link} to={`/candidatures/${candidacy.id}`}>
        ← Retour à la candidature
      </Anchor>
      <div>
        <Title order={1}>Dossier de candidature</Title>
        <Text mt="xs">
          Choisissez au moins {DOSSIER_RULES.minEngagements} des 12 engagements, dont au moins{' '}
          {DOSSIER_RULES.minPerAxis} par axe ; pour chacun, au moins un indicateur avec son résultat actuel, sa valeur
          cible et son plan d&apos;actions.
        </Text>
      </div>
      {!editable && (
        <Alert color="blue" title="Dossier déposé">
          Ce dossier a été déposé : il est affiché en lecture seule.
        </Alert>
      )}
      {restoredFromBackup && (
        <Alert color="orange" title="Saisies restaurées">
          Des modifications non enregistrées ont été retrouvées dans ce navigateur et restaurées. Elles seront
          enregistrées automatiquement.
        </Alert>
      )}
      {completing && candidacy.state.complement && (
        <Alert color="orange" title="Demande de complément d'informations">
          Le comité de validation demande : {candidacy.state.complement.missing.join(' ; ')}. Complétez le dossier puis
          envoyez-le avant le {dueFr(candidacy.state.complement.deadline.dueAt)} ; vos saisies sont conservées dans ce
          navigateur jusqu&apos;à l&apos;envoi.
        </Alert>
      )}
      {editable && !completing && <SaveStatus save={save} />}
      {save.state === 'failed' && <ProblemAlert error={save.problem} title="Le brouillon n'a pas été enregistré" />}
      <section aria-labelledby="engagements">
        <h2 id="engagements" className="section-title">
          Engagements et indicateurs
        </h2>
        <EngagementsFields dossier={dossier} edit={edit} readOnly={!editable} />
      </section>
      <section aria-labelledby="association">
        <h2 id="association" className="section-title">
          Démarche d&apos;association de l&apos;équipe et des coopérateurs
        </h2>
        <Textarea
          id={fieldId('involvementStatement')}
          label="Comment avez-vous informé l'équipe et les coopérateurs de la démarche, et comment les avez-vous consultés ?"
          autosize
          minRows={4}
          value={dossier.involvementStatement ?? ''}
          readOnly={!editable}
          onChange={(e) => {
            const value = e.currentTarget.value;
            edit((d: Dossier) => (d.involvementStatement = value));
          }}
        />
      </section>
      <section aria-labelledby="documents">
        <h2 id="documents" className="section-title">
          Documents
        </h2>
        <DocumentsFields candidacyId={candidacy.id} dossier={dossier} edit={edit} readOnly={!editable} />
      </section>
      {editable && (
        <>
          <Checklist ref={checklist} breaches={breaches} />
          <ProblemAlert error={submitError} title="Le dossier n'a pas pu être déposé" />
          <Group>
            {!completing && (
              <Button variant="light" onClick={() => void saveNow()} loading={save.state === 'saving'}>
                Enregistrer le brouillon
              </Button>
            )}
            <Button onClick={() => void submit()} loading={submitting}>
              {completing ? 'Envoyer le dossier complété' : 'Déposer le dossier'}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
