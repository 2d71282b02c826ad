/** Where a candidacy stands: its stage as a badge, and its next deadline as a sentence. */
import { Badge, Text } from '@mantine/core';
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
