/**
 * Structural check of a dossier body (types, unknown fields). A draft may be incomplete — the
 * completeness rules of spec §3 run at submission, in the domain — but it must be well-formed.
 */
import type { FieldError } from '../common/problem';

type Shape = 'string' | 'number' | { object: Record<string, Shape>; optional?: string[] } | { array: Shape };

const DOC: Shape = { object: { documentId: 'string', sha256: 'string' }, optional: ['sha256'] };
const DOSSIER: Shape = {
  object: {
    involvementStatement: 'string',
    engagements: {
      array: {
        object: {
          engagementId: 'string',
          indicators: {
            array: {
              object: {
                name: 'string',
                kind: 'string',
                rationale: 'string',
                baseline: { object: { value: 'number', unit: 'string', measuredOn: 'string' } },
                target: { object: { value: 'number', targetDate: 'string' } },
                actionPlan: { array: { object: { what: 'string', who: 'string', byWhen: 'string' } } },
              },
              optional: ['name', 'kind', 'rationale', 'baseline', 'target', 'actionPlan'],
            },
          },
        },
        optional: ['indicators'],
      },
    },
    letterOfCommitment: DOC,
    supportingDocuments: { array: DOC },
  },
  optional: ['involvementStatement', 'engagements', 'letterOfCommitment', 'supportingDocuments'],
};

export function checkDossierShape(body: unknown): FieldError[] {
  const errors: FieldError[] = [];
  walk(body, DOSSIER, '', errors);
  return errors;
}

function walk(value: unknown, shape: Shape, path: string, errors: FieldError[]): void {
  const at = path || '(body)';
  const fail = (message: string) => errors.push({ field: at, code: 'REQUEST.INVALID_FIELD', message });
  if (shape === 'string') {
    if (typeof value !== 'string') fail(`${at} : texte attendu`);
    else if (value.length > 10_000) fail(`${at} : 10 000 caractères au plus`);
    return;
  }
  if (shape === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${at} : nombre attendu`);
    return;
  }
  if ('array' in shape) {
    if (!Array.isArray(value)) {
      fail(`${at} : liste attendue`);
      return;
    }
    if (value.length > 200) {
      fail(`${at} : 200 éléments au plus`);
      return;
    }
    value.forEach((item, i) => walk(item, shape.array, `${path}[${i}]`, errors));
    return;
  }
  if (value === null && path === 'letterOfCommitment') return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(`${at} : objet attendu`);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(key in shape.object)) errors.push({ field: path ? `${path}.${key}` : key, code: 'REQUEST.UNKNOWN_FIELD', message: `Champ inconnu : ${key}` });
  }
  for (const [key, sub] of Object.entries(shape.object)) {
    const child = path ? `${path}.${key}` : key;
    if (record[key] === undefined) {
      if (!shape.optional?.includes(key)) errors.push({ field: child, code: 'REQUEST.FIELD_REQUIRED', message: `Champ obligatoire : ${key}` });
      continue;
    }
    walk(record[key], sub, child, errors);
  }
}
