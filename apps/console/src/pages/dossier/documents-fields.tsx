/**
 * The letter of commitment and the supporting documents: chosen with the file picker or dropped,
 * uploaded with their progress; the API's refusals (type, size) are shown next to the field.
 */
import { Anchor, Button, FileButton, Group, Input, List, Progress, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dossier } from '@qualicoop/domain';
import { answer, api } from '../../api/client';
import { openDocument, uploadDocument, type StoredDocument } from '../../api/files';
import { ProblemAlert } from '../../components/problem-alert';
import { numberFr } from '../../format';
import { errorIdOf, GroupError, groupOf, type DossierErrors } from './dossier-errors';
import { fieldId } from './field-id';

type Edit = (change: (d: Dossier) => void) => void;

const sizeFr = (bytes: number) =>
  bytes < 1024 * 1024 ? `${numberFr(Math.ceil(bytes / 1024))} Ko` : `${numberFr(Math.round(bytes / 104857.6) / 10)} Mo`;

function Uploader(props: {
  candidacyId: string;
  kind: StoredDocument['kind'];
  label: string;
  /** The dossier's path of the document (the focus and the checklist's links find the button by it). */
  path: string;
  /** What the dossier's rules or the API say of it. */
  error?: string;
  onStored: (d: StoredDocument) => void;
}) {
  const errorId = errorIdOf(props.path);
  const [progress, setProgress] = useState<number | null>(null);
  // The refusal, and which file it refused (several may be dropped at once).
  const [refused, setRefused] = useState<{ file: string; error: unknown } | null>(null);
  const queries = useQueryClient();
  const send = async (files: File[]) => {
    setRefused(null);
    for (const file of files) {
      setProgress(0);
      try {
        const stored = await uploadDocument(props.candidacyId, file, props.kind, setProgress);
        props.onStored(stored);
        await queries.invalidateQueries({ queryKey: ['documents', props.candidacyId] });
      } catch (e) {
        setRefused({ file: file.name, error: e });
      } finally {
        setProgress(null);
      }
    }
  };
  return (
    <Stack gap="xs">
      <Dropzone onDrop={(files) => void send(files)} multiple={props.kind === 'supporting'} activateOnClick={false}>
        <Group justify="space-between" p="sm">
          <Text>Déposez le fichier ici, ou</Text>
          <FileButton
            onChange={(f) => void send(f ? (Array.isArray(f) ? f : [f]) : [])}
            multiple={props.kind === 'supporting'}
          >
            {(button) => (
              <Button
                {...button}
                id={fieldId(props.path)}
                data-field={props.path}
                aria-describedby={props.error ? errorId : undefined}
                loading={progress !== null}
              >
                {props.label}
              </Button>
            )}
          </FileButton>
        </Group>
      </Dropzone>
      {props.error && (
        <Input.Error id={errorId} size="sm">
          {props.error}
        </Input.Error>
      )}
      <Text fz="sm" c="dimmed">
        PDF, Word, Excel, OpenDocument, JPEG ou PNG ; 20 Mo au plus par fichier.
      </Text>
      {progress !== null && <Progress value={progress * 100} aria-label="Envoi du fichier en cours" />}
      <ProblemAlert error={refused?.error} title={`Le fichier « ${refused?.file} » n'a pas été accepté`} />
    </Stack>
  );
}

export function DocumentsFields(props: {
  candidacyId: string;
  dossier: Dossier;
  edit: Edit;
  readOnly: boolean;
  errors?: DossierErrors;
}) {
  const { candidacyId, dossier, edit, readOnly, errors = {} } = props;
  const documents = useQuery({
    queryKey: ['documents', candidacyId],
    queryFn: () =>
      answer<StoredDocument[]>(api.GET('/candidacies/{id}/documents', { params: { path: { id: candidacyId } } })),
  });
  const byId = new Map((documents.data ?? []).map((d) => [d.id, d]));
  const name = (id: string) => {
    const d = byId.get(id);
    return d ? `${d.filename} (${sizeFr(d.sizeBytes)})` : 'document';
  };
  const letter = dossier.letterOfCommitment?.documentId;
  const supporting = dossier.supportingDocuments ?? [];
  const [openError, setOpenError] = useState<unknown>(null);
  const link = (id: string) => (
    <Anchor component="button" type="button" onClick={() => void openDocument(candidacyId, id).catch(setOpenError)}>
      {name(id)}
    </Anchor>
  );
  return (
    <Stack gap="lg">
      <ProblemAlert error={openError} title="Le document n'a pas pu être ouvert" />
      <section aria-labelledby="lettre">
        <h3 id="lettre" className="subsection-title">
          Lettre d&apos;engagement de la direction
        </h3>
        {letter ? (
          <Text mb="xs">Lettre jointe : {link(letter)}</Text>
        ) : (
          <Text mb="xs">Aucune lettre n&apos;est encore jointe.</Text>
        )}
        {!readOnly && (
          <Uploader
            candidacyId={candidacyId}
            kind="letter_of_commitment"
            path="letterOfCommitment"
            error={errors.letterOfCommitment}
            label={letter ? 'Remplacer la lettre' : 'Choisir la lettre signée'}
            onStored={(d) => edit((x) => (x.letterOfCommitment = { documentId: d.id }))}
          />
        )}
      </section>
      <section aria-labelledby="pieces">
        <h3 id="pieces" className="subsection-title">
          Pièces justificatives
        </h3>
        {supporting.length === 0 ? (
          <Text mb="xs">Aucune pièce justificative pour le moment (facultatif).</Text>
        ) : (
          <List mb="xs">
            {supporting.map((s, k) => (
              <List.Item key={s.documentId} {...groupOf(`supportingDocuments[${k}]`, errors)}>
                {link(s.documentId)}
                {!readOnly && (
                  <Button
                    variant="subtle"
                    color="red"
                    c="red.9"
                    size="compact-sm"
                    ml="sm"
                    aria-label={`Retirer ${name(s.documentId)}`}
                    onClick={() => edit((x) => x.supportingDocuments!.splice(k, 1))}
                  >
                    Retirer
                  </Button>
                )}
                <GroupError path={`supportingDocuments[${k}]`} errors={errors} />
              </List.Item>
            ))}
          </List>
        )}
        {!readOnly && (
          <Uploader
            candidacyId={candidacyId}
            kind="supporting"
            path="supportingDocuments"
            label="Choisir des pièces justificatives"
            onStored={(d) =>
              edit((x) => (x.supportingDocuments = [...(x.supportingDocuments ?? []), { documentId: d.id }]))
            }
          />
        )}
      </section>
    </Stack>
  );
}
