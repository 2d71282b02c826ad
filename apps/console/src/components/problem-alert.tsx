/** A refusal or an outage, in the API's own French words. */
import { Alert, List } from '@mantine/core';
import { Problem } from '../api/client';

export function ProblemAlert({
  error,
  title = "L'action n'a pas abouti",
  atField,
}: {
  error: unknown;
  title?: string;
  /** Whether the form shows this field's error at the field itself: then it is not repeated here. */
  atField?: (field: string) => boolean;
}) {
  if (!error) return null;
  const problem = error instanceof Problem ? error : undefined;
  // Each field's sentence, unless it only repeats the detail or stands at its field.
  const fields = problem?.errors.filter((e) => e.message !== problem.detail && !atField?.(e.field)) ?? [];
  return (
    <Alert
      color="red"
      // "Not done" would be wrong when the outcome is unknown: it may have been done.
      title={problem?.code === 'COMMAND.OUTCOME_UNKNOWN' ? "La demande n'a pas pu être confirmée" : title}
      role="alert"
    >
      {problem?.detail ?? "Une erreur inattendue s'est produite. Réessayez dans un instant."}
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map((e) => (
            <List.Item key={`${e.field}:${e.code}`}>{e.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
