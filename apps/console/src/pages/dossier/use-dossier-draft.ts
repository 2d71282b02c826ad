/**
 * The dossier being written: loaded from the last saved version, kept in this browser as it is
 * typed (so a reload or an error loses nothing), saved as a draft a few seconds after the last
 * change and on demand.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dossier } from '@qualicoop/domain';
import { answer, api, Problem } from '../../api/client';
import type { SavedDossier } from '../../api/queries';

interface Backup {
  basedOn: number | null;
  content: Dossier;
}

const AUTOSAVE_MS = 3000;
/** The application dossier (saved as drafts of the candidacy) or the renewal dossier prepared during the label. */
export type DossierTarget = 'dossier' | 'renewal';
const backupKey = (candidacyId: string, target: DossierTarget) => `qc.${target}.${candidacyId}`;
/** Once the server has what was typed, this browser's copy goes. */
export const forgetBackup = (candidacyId: string, target: DossierTarget = 'dossier') =>
  localStorage.removeItem(backupKey(candidacyId, target));

function readBackup(candidacyId: string, target: DossierTarget): Backup | undefined {
  try {
    const raw = localStorage.getItem(backupKey(candidacyId, target));
    return raw ? (JSON.parse(raw) as Backup) : undefined;
  } catch {
    return undefined;
  }
}

export type SaveState =
  | { state: 'saved'; at: Date | null; version: number | null }
  | { state: 'unsaved' }
  | { state: 'saving' }
  /** `asked`: the person asked for this save (a click, a filing), rather than the autosave. */
  | { state: 'failed'; problem: Problem; asked: boolean };

/**
 * `editable`: the form can be changed (a draft, a dossier being completed, a renewal dossier);
 * `autosave`: drafts are saved on the server as one types (a completed dossier is sent whole,
 * with the answer); `target`: which dossier the drafts are saved as.
 */
export function useDossierDraft(
  candidacyId: string,
  saved: SavedDossier | null,
  opts: {
    editable: boolean;
    autosave?: boolean;
    target?: DossierTarget;
    /** The server does not have `saved` as given yet (a renewal dossier carried over): save it. */
    unsaved?: boolean;
  },
) {
  const { editable, autosave = editable, target = 'dossier' } = opts;
  // Read once, when the editor opens: what this browser kept that the server does not have.
  const [start] = useState(() => {
    const backup = editable ? readBackup(candidacyId, target) : undefined;
    const restored = backup !== undefined && JSON.stringify(backup.content) !== JSON.stringify(saved?.dossier ?? {});
    return { restored, content: restored ? backup.content : structuredClone(saved?.dossier ?? {}) };
  });
  const restoredFromBackup = start.restored;
  const [dossier, setDossier] = useState<Dossier>(start.content);
  const [save, setSave] = useState<SaveState>(
    restoredFromBackup || opts.unsaved
      ? { state: 'unsaved' }
      : { state: 'saved', at: null, version: saved?.version ?? null },
  );
  const latest = useRef(dossier);
  latest.current = dossier;

  /** Applies a change to a copy of the dossier (the form's only way to write). */
  const edit = useCallback((change: (d: Dossier) => void) => {
    setDossier((current) => {
      const next = structuredClone(current);
      change(next);
      return next;
    });
    setSave({ state: 'unsaved' });
  }, []);

  // What is typed is kept in this browser until the server has it.
  useEffect(() => {
    if (save.state === 'saved') return;
    const backup: Backup = { basedOn: saved?.version ?? null, content: dossier };
    localStorage.setItem(backupKey(candidacyId, target), JSON.stringify(backup));
  }, [candidacyId, target, dossier, save.state, saved?.version]);

  /** Saves what is typed now; `auto`: the autosave, not the person, asks for it. */
  const saveNow = useCallback(
    async ({ auto = false } = {}): Promise<boolean> => {
      const content = latest.current;
      setSave({ state: 'saving' });
      try {
        const request = { params: { path: { id: candidacyId } }, body: content };
        const result = await answer<{ dossierVersion: number }>(
          target === 'renewal'
            ? api.PUT('/candidacies/{id}/renewal-dossier', request)
            : api.PUT('/candidacies/{id}/dossier', request),
        );
        if (latest.current === content) forgetBackup(candidacyId, target);
        setSave(
          latest.current === content
            ? { state: 'saved', at: new Date(), version: result.dossierVersion }
            : { state: 'unsaved' },
        );
        return true;
      } catch (e) {
        const problem = e instanceof Problem ? e : new Problem(0, 'UNKNOWN', String(e));
        setSave({ state: 'failed', problem, asked: !auto });
        return false;
      }
    },
    [candidacyId, target],
  );

  // Saves a few seconds after the last change.
  useEffect(() => {
    if (!autosave || save.state !== 'unsaved') return;
    const timer = setTimeout(() => void saveNow({ auto: true }), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [dossier, autosave, save.state, saveNow]);

  return { dossier, edit, save, saveNow, restoredFromBackup };
}
