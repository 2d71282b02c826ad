/** Writes every error as an RFC 9457 problem document; what is not ours is mapped through the catalogue. */
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { problem, type ApiErrorCode } from './error-catalogue';
import { ProblemException, type FieldError } from './problem';

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Non authentifié',
  403: 'Accès refusé',
  404: 'Introuvable',
  409: 'Conflit',
  413: 'Contenu trop volumineux',
  414: 'Adresse trop longue',
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
      .json({
        type: `urn:quali-coop:problem:${problem.code}`,
        title: TITLES[problem.status] ?? 'Erreur',
        instance: req.url,
        ...problem,
      });
  }
}

/** A problem of the catalogue, as the filter writes it. */
type Problem = { status: number; code: string; detail: string; errors?: FieldError[] };

function toProblem(e: unknown): Problem {
  if (e instanceof ProblemException)
    return { status: e.status, code: e.code, detail: e.detail, ...(e.errors ? { errors: e.errors } : {}) };
  return asProblem(classify(e));
}

/** What went wrong outside our own code (the framework, a parser, a connection), as a catalogue code. */
function classify(e: unknown): ApiErrorCode {
  if (e instanceof HttpException) {
    const status = e.getStatus();
    if (status === 429) return 'REQUEST.RATE_LIMITED';
    if (status === 413) return 'REQUEST.TOO_LARGE';
    if (status === 404) return 'NOT_FOUND';
    if (status === 400 && /JSON/i.test(e.message)) return 'REQUEST.MALFORMED_JSON';
    if (status < 500) return 'REQUEST.INVALID';
    return 'INTERNAL';
  }
  const type = (e as { type?: string } | undefined)?.type;
  if (isUnavailable(e)) return 'SERVICE.UNAVAILABLE';
  if (statementTimedOut(e)) return 'SERVICE.READ_TIMED_OUT';
  if (type === 'entity.too.large') return 'REQUEST.TOO_LARGE';
  if (type === 'entity.parse.failed') return 'REQUEST.MALFORMED_JSON';
  return 'INTERNAL';
}

function asProblem(code: ApiErrorCode): Problem {
  const p = problem(code);
  return { status: p.status, code: p.code, detail: p.detail };
}

/** PostgreSQL cancelled a statement that ran past the API's statement timeout. */
function statementTimedOut(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } } | undefined;
  return (err?.driverError?.code ?? err?.code) === '57014';
}

/** The database or Temporal is unreachable: the client did nothing wrong, and may retry. */
function isUnavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string; driverError?: { code?: string }; name?: string };
  const code = err?.driverError?.code ?? err?.code ?? '';
  const message = err?.message ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '08003'].includes(code) ||
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Cannot use a pool after calling end/i.test(
      message,
    ) ||
    err?.name === 'ServiceError' ||
    err?.name === 'TransportError'
  );
}
