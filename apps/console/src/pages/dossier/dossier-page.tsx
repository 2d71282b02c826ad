/**
 * The dossier editor (spec §3): engagements and their indicators, the involvement statement, the
 * letter and the supporting documents. Saved as a draft as one types; the rules of submission are
 * checked live, with the server's own messages; once filed, the dossier is shown read-only.
 */
import { Alert, Anchor, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  carryIntoRenewal,
  checkDossier,
  CURRENT_REFERENTIAL,
  DOSSIER_RULES,
  parisDateOf,
  renewalPreparable,
  renewalWindowOpensAt,
  type Dossier,
  type ReportedValue,
} from '@qualicoop/domain';
import { answer, api } from '../../api/client';
import { useCandidacy, useFiledReports, useSavedDossier, type SavedDossier } from '../../api/queries';
import type { CandidacyView, FiledReport } from '../../api/types';
import { Loading } from '../../components/loading';
import { ProblemAlert } from '../../components/problem-alert';
import { dueFr } from '../../format';
import { Checklist } from './checklist';
import { SaveStatus } from './save-status';
import { useReached } from './use-reached';
import { shownAt, useDossierErrors } from './dossier-errors';
import { DocumentsFields } from './documents-fields';
import { EngagementsFields } from './engagements-fields';
import { DossierReading } from './dossier-reading';
import { fieldId } from './field-id';
import { forgetBackup, useDossierDraft } from './use-dossier-draft';

export function DossierPage() {
  const { id = '' } = useParams();
  const candidacy = useCandidacy(id);
  const saved = useSavedDossier(id);
  if (candidacy.isPending || saved.isPending) return <Loading what="votre dossier de candidature" />;
  if (candidacy.error || saved.error)
    return <ProblemAlert error={candidacy.error ?? saved.error} title="Le dossier n'a pas pu être chargé" />;
  const stage = candidacy.data.stage;
  const mode = stage === 'draft' ? 'application' : stage === 'awaiting_complement' ? 'complement' : 'read-only';
  return <Editor candidacy={candidacy.data} saved={saved.data} mode={mode} />;
}

/**
 * The renewal dossier (spec §4.4): the one being prepared, or the current dossier carried over
 * with each indicator at its latest reported value; sent with the renewal request. Once sent, it
 * is read beside the dossier the label was granted on.
 */
export function RenewalDossierPage() {
  const { id = '' } = useParams();
  const candidacy = useCandidacy(id);
  const reports = useFiledReports(id);
  const granted = useSavedDossier(id);
  const saved = useQuery({
    queryKey: ['candidacy', id, 'renewal-dossier'],
    queryFn: () => answer<SavedDossier>(api.GET('/candidacies/{id}/renewal-dossier', { params: { path: { id } } })),
  });
  if (candidacy.isPending || saved.isPending || reports.isPending || granted.isPending)
    return <Loading what="votre dossier de renouvellement" />;
  if (candidacy.error || saved.error || reports.error || granted.error)
    return (
      <ProblemAlert
        error={candidacy.error ?? saved.error ?? reports.error ?? granted.error}
        title="Le dossier de renouvellement n'a pas pu être chargé"
      />
    );
  const c = candidacy.data;
  const carried = saved.data.version === c.dossierVersion;
  const dossier = carried ? carryIntoRenewal(saved.data.dossier, reportedValues(reports.data, c.cycle)) : null;
  return (
    <Editor
      candidacy={c}
      saved={dossier ? { ...saved.data, dossier } : saved.data}
      mode={renewalPreparable(c.state) ? 'renewal' : 'read-only'}
      carried={dossier !== null}
      previous={granted.data?.dossier}
    />
  );
}

/** The indicator values of this cycle's progress and mid-term reports, dated by their filing day. */
function reportedValues(reports: FiledReport[], cycle: number): ReportedValue[] {
  return reports
    .filter((r) => r.cycle === cycle && r.kind !== 'visit')
    .flatMap((r) => (r.content.indicators ?? []).map((v) => ({ ...v, measuredOn: parisDateOf(r.filedAt) })));
}

type Mode = 'application' | 'complement' | 'renewal' | 'read-only';

function Editor(props: {
  candidacy: CandidacyView;
  saved: SavedDossier | null;
  mode: Mode;
  carried?: boolean;
  /** Read-only renewal: the dossier of the cycle that ends, shown beside this one. */
  previous?: Dossier;
}) {
  const { candidacy, saved, mode } = props;
  const completing = mode === 'complement';
  const renewing = mode === 'renewal';
  const editable = mode !== 'read-only';
  const target = props.carried !== undefined ? 'renewal' : 'dossier';
  const { dossier, edit, save, saveNow, restoredFromBackup } = useDossierDraft(candidacy.id, saved, {
    editable,
    autosave: !completing,
    target,
    unsaved: props.carried,
  });
  const renewalOpensAt = candidacy.state.label ? renewalWindowOpensAt(candidacy.state.label, candidacy.state) : null;
  const renewalOpen = useReached(renewalOpensAt);
  const breaches = checkDossier(dossier, CURRENT_REFERENTIAL);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const form = useRef<HTMLDivElement>(null);
  const { errors, check } = useDossierErrors(form, breaches, {
    save: save.state === 'failed' ? save.problem : null,
    asked: save.state === 'failed' && save.asked,
    filing: submitError,
  });
  const atField = (path: string) => shownAt(path) !== undefined;
  const queries = useQueryClient();
  const navigate = useNavigate();

  const submit = async () => {
    setSubmitError(null);
    if (!check()) return;
    setSubmitting(true);
    try {
      if (completing) {
        // The completed dossier goes whole with the answer (a new version; the filed one is kept).
        await answer(
          api.POST('/candidacies/{id}/complement', { params: { path: { id: candidacy.id } }, body: dossier }),
        );
        forgetBackup(candidacy.id);
      } else if (renewing) {
        if (save.state !== 'saved' && !(await saveNow())) return;
        await answer(api.POST('/candidacies/{id}/renewal-request', { params: { path: { id: candidacy.id } } }));
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
    <Stack gap="xl" ref={form}>
      <Anchor component={Link} to={`/candidatures/${candidacy.id}`}>
        ← Retour à la candidature
      </Anchor>
      {target === 'renewal' ? (
        <div>
          <Title order={1}>Dossier de renouvellement — cycle {candidacy.cycle + 1}</Title>
          <Text mt="xs">
            Ce dossier reprend celui du cycle en cours : engagements, indicateurs et plans d&apos;actions, chaque
            résultat actuel mis à jour avec la dernière valeur déclarée dans vos bilans. Montrez le maintien des
            résultats du cycle ; vous pouvez améliorer les indicateurs, en ajouter et décrire les moyens mis en œuvre.
          </Text>
        </div>
      ) : (
        <div>
          <Title order={1}>Dossier de candidature</Title>
          <Text mt="xs" hidden={!editable}>
            Choisissez au moins {DOSSIER_RULES.minEngagements} des 12 engagements, dont au moins{' '}
            {DOSSIER_RULES.minPerAxis} par axe ; pour chacun, au moins un indicateur avec son résultat actuel, sa valeur
            cible et son plan d&apos;actions.
          </Text>
        </div>
      )}
      {!editable && (
        <Alert color="blue" title={target === 'renewal' ? 'Renouvellement demandé' : 'Dossier déposé'}>
          {target === 'renewal'
            ? 'Ce dossier accompagne la demande de renouvellement : il est affiché en lecture seule.'
            : 'Ce dossier a été déposé : il est affiché en lecture seule.'}
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
      {save.state === 'failed' && (
        <ProblemAlert error={save.problem} title="Le brouillon n'a pas été enregistré" atField={atField} />
      )}
      {!editable ? (
        <DossierReading dossier={dossier} previous={props.previous} />
      ) : (
        <>
          <section aria-labelledby="engagements">
            <h2 id="engagements" className="section-title">
              Engagements et indicateurs
            </h2>
            <EngagementsFields dossier={dossier} edit={edit} errors={errors} />
          </section>
          <section aria-labelledby="association">
            <h2 id="association" className="section-title">
              Démarche d&apos;association de l&apos;équipe et des coopérateurs
            </h2>
            <Textarea
              id={fieldId('involvementStatement')}
              data-field="involvementStatement"
              error={errors.involvementStatement}
              label="Comment avez-vous informé l'équipe et les coopérateurs de la démarche, et comment les avez-vous consultés ?"
              autosize
              minRows={4}
              value={dossier.involvementStatement ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                edit((d: Dossier) => (d.involvementStatement = value));
              }}
            />
          </section>
        </>
      )}
      <section aria-labelledby="documents">
        <h2 id="documents" className="section-title">
          Documents
        </h2>
        <DocumentsFields
          candidacyId={candidacy.id}
          dossier={dossier}
          edit={edit}
          readOnly={!editable}
          errors={errors}
        />
      </section>
      {editable && (
        <>
          <Checklist breaches={breaches} renewal={renewing} />
          <ProblemAlert
            error={submitError}
            atField={atField}
            title={renewing ? "Le renouvellement n'a pas pu être demandé" : "Le dossier n'a pas pu être déposé"}
          />
          {renewing && !renewalOpen && renewalOpensAt && (
            <Text>
              La demande de renouvellement pourra être envoyée à partir du {dueFr(renewalOpensAt)} ; d&apos;ici là,
              votre dossier est enregistré au fur et à mesure.
            </Text>
          )}
          <Group>
            {!completing && (
              <Button variant="light" onClick={() => void saveNow()} loading={save.state === 'saving'}>
                Enregistrer le brouillon
              </Button>
            )}
            <Button onClick={() => void submit()} loading={submitting} disabled={renewing && !renewalOpen}>
              {completing
                ? 'Envoyer le dossier complété'
                : renewing
                  ? 'Demander le renouvellement'
                  : 'Déposer le dossier'}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
