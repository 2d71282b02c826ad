/**
 * PostgreSQL stores no NUL character (U+0000), in `text` or in `jsonb`: a body or a query string
 * holding one would fail in the database (a 500, which schemathesis found once success bodies had
 * schemas and it reached real candidacies). Refused up front, as a 400 naming the field.
 */
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { problem } from './error-catalogue';

/** The path of the first string (or key) holding a NUL character, or null. */
export function nulCharacterAt(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    const found = nulCharacterAt(item, at);
    if (found) return found;
  }
  return null;
}

@Injectable()
export class NulCharacters implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const field = nulCharacterAt(req.query) ?? nulCharacterAt(req.body);
    if (field) {
      throw problem('REQUEST.VALIDATION_FAILED', {
        errors: [{ field, code: 'REQUEST.INVALID_FIELD', message: 'Le caractère nul (U+0000) n’est pas accepté.' }],
      });
    }
    next();
  }
}
