/**
 * A schema's complaints as field-level errors a person can read: one per field, in French, the
 * field named by its path (`engagements[0].indicators[1].name`), as the API and the console show them.
 */
import type { z } from 'zod';

export interface FieldIssue {
  field: string;
  code: 'REQUEST.INVALID_FIELD' | 'REQUEST.UNKNOWN_FIELD';
  message: string;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (at, key) => (typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${String(key)}` : String(key)),
    '',
  );
}

const EXPECTED: Record<string, string> = {
  string: 'texte attendu',
  number: 'nombre attendu',
  boolean: 'booléen attendu',
  array: 'liste attendue',
  object: 'objet attendu',
};

/** 10000 → « 10 000 » (French digit groups). */
const frenchNumber = (n: number | bigint) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    const field = fieldPath(issue.path) || '(corps)';
    const invalid = (what: string): FieldIssue[] => [
      { field, code: 'REQUEST.INVALID_FIELD', message: `${field} : ${what}` },
    ];
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => {
          const unknown = fieldPath([...issue.path, key]);
          return { field: unknown, code: 'REQUEST.UNKNOWN_FIELD', message: `Champ inconnu : ${unknown}` };
        });
      case 'invalid_type':
        return invalid(EXPECTED[issue.expected] ?? 'valeur invalide');
      case 'too_big':
        return invalid(
          issue.origin === 'string'
            ? `${frenchNumber(issue.maximum)} caractères au plus`
            : `${frenchNumber(issue.maximum)} éléments au plus`,
        );
      case 'invalid_value':
        return invalid(`valeur attendue parmi ${issue.values.map(String).join(', ')}`);
      default:
        return invalid('valeur invalide');
    }
  });
}
