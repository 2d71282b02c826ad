/** The reads of one candidacy that several pages share, each cached once under its key. */
import { useQuery } from '@tanstack/react-query';
import { answer, api, Problem } from './client';
import type { CandidacyView, FiledReport } from './types';
import type { Dossier } from '@qualicoop/domain';

/** A saved dossier version, as `GET /candidacies/{id}/dossier` (or `/renewal-dossier`) answers. */
export interface SavedDossier {
  version: number;
  sha256: string;
  savedAt: string;
  dossier: Dossier;
}

export function useCandidacy(id: string) {
  return useQuery({
    queryKey: ['candidacy', id],
    queryFn: () => answer<CandidacyView>(api.GET('/candidacies/{id}', { params: { path: { id } } })),
  });
}

/** The current dossier, or null before the first draft. */
export function useSavedDossier(id: string) {
  return useQuery({
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
}

export function useFiledReports(id: string) {
  return useQuery({
    queryKey: ['candidacy', id, 'reports'],
    queryFn: () => answer<FiledReport[]>(api.GET('/candidacies/{id}/reports', { params: { path: { id } } })),
  });
}
