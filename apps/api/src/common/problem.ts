/**
 * One error shape across the API: RFC 9457 problem details, with a stable `code` and a French
 * `detail` for people, and field-level `errors` for validation.
 */
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }
}

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Non authentifié',
  403: 'Accès refusé',
  404: 'Introuvable',
  409: 'Conflit',
  413: 'Contenu trop volumineux',
  415: 'Format non accepté',
  429: 'Trop de requêtes',
  500: 'Erreur interne',
  503: 'Service indisponible',
};

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<{ url: string }>();
    const problem = toProblem(exception);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // Unavailable for a moment (database or Temporal away): tell clients when to come back.
    if (problem.status === 503 && !res.getHeader('Retry-After')) res.setHeader('Retry-After', '5');
    res
      .status(problem.status)
      .type('application/problem+json')
      .json({ type: `urn:quali-coop:problem:${problem.code}`, title: TITLES[problem.status] ?? 'Erreur', instance: req.url, ...problem });
  }
}

function toProblem(e: unknown): { status: number; code: string; detail: string; errors?: FieldError[] } {
  if (e instanceof ProblemException) return { status: e.status, code: e.code, detail: e.detail, ...(e.errors ? { errors: e.errors } : {}) };
  if (e instanceof HttpException) {
    const status = e.getStatus();
    if (status === 429) return { status, code: 'REQUEST.RATE_LIMITED', detail: 'Trop de requêtes : patientez un instant avant de réessayer.' };
    if (status === 413) return { status, code: 'REQUEST.TOO_LARGE', detail: 'Le contenu envoyé dépasse la taille autorisée.' };
    if (status === 404) return { status, code: 'NOT_FOUND', detail: "Cette ressource n'existe pas." };
    if (status === 400 && /JSON/i.test(e.message)) return { status, code: 'REQUEST.MALFORMED_JSON', detail: 'Le corps de la requête n’est pas un JSON valide.' };
    if (status === 400) return { status, code: 'REQUEST.INVALID', detail: 'Requête invalide : paramètres incorrects.' };
    return { status, code: `HTTP.${status}`, detail: e.message };
  }
  const type = (e as { type?: string })?.type;
  if (isUnavailable(e)) return { status: 503, code: 'SERVICE.UNAVAILABLE', detail: 'Le service est momentanément indisponible (base de données ou moteur de processus injoignable). Réessayez dans un instant : rien n’a été perdu.' };
  if (type === 'entity.too.large') return { status: 413, code: 'REQUEST.TOO_LARGE', detail: 'Le contenu envoyé dépasse la taille autorisée.' };
  if (type === 'entity.parse.failed') return { status: 400, code: 'REQUEST.MALFORMED_JSON', detail: 'Le corps de la requête n’est pas un JSON valide.' };
  return { status: 500, code: 'INTERNAL', detail: 'Une erreur inattendue est survenue ; elle a été journalisée.' };
}

/** The database or Temporal is unreachable: the client did nothing wrong, and may retry. */
function isUnavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string; driverError?: { code?: string }; name?: string };
  const code = err?.driverError?.code ?? err?.code ?? '';
  const message = err?.message ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '08003'].includes(code) ||
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Cannot use a pool after calling end/i.test(message) ||
    err?.name === 'ServiceError' ||
    err?.name === 'TransportError'
  );
}
