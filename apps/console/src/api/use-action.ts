/** A write on one candidacy, through TanStack Query's mutations. */
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** A write on the candidacy; on success every read of it is refreshed. */
export function useAction<T>(candidacyId: string, call: (input: T) => Promise<unknown>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () =>
      queries.invalidateQueries({
        predicate: (q) =>
          q.queryKey.includes(candidacyId) ||
          ['inbox', 'candidacies', 'committee-sessions'].includes(String(q.queryKey[0])),
      }),
  });
}
