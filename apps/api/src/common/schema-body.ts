/**
 * Request bodies checked against a schema declared in the domain (the dossier's, ADR 11): the
 * parsed value or a 400 listing every field at fault, in French.
 */
import { fieldIssues } from '@qualicoop/domain';
import type { z } from 'zod';
import { problem } from './error-catalogue';

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw problem('REQUEST.VALIDATION_FAILED', { errors: fieldIssues(parsed.error) });
  return parsed.data;
}
