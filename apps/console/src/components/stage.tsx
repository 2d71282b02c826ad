/** Where a candidacy stands: its stage as a badge, and its next deadline as a sentence. */
import { Badge, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { answer, api } from '../api/client';
import type { CandidacyView } from '../api/types';
import { dueFr } from '../format';

export function StageBadge({ label }: { label: string }) {
  return (
    <Badge size="lg" variant="filled" color="blue.9" tt="none">
      {label}
    </Badge>
  );
}

export function NextDeadline({ deadline }: { deadline: { at: string; what: string | null } | null }) {
  return (
    <Text>
      {deadline ? (
        <>
          Prochaine échéance : <strong>{dueFr(deadline.at)}</strong>
          {deadline.what ? ` — ${deadline.what}` : ''}
        </>
      ) : (
        "Aucune échéance n'est fixée pour le moment."
      )}
    </Text>
  );
}

/** One candidacy's read model (shared by its pages, so each reads it once). */
export function useCandidacy(id: string) {
  return useQuery({
    queryKey: ['candidacy', id],
    queryFn: () => answer<CandidacyView>(api.GET('/candidacies/{id}', { params: { path: { id } } })),
  });
}
