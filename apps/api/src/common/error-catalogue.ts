/**
 * Every error code the API answers with, once: its HTTP status and its French message. The
 * domain's refusals (LIFECYCLE.*) keep the decider's own sentence, which names the case; their
 * status is chosen here. `problem(code)` is the only way the API builds an error.
 */
import { LIFECYCLE_ERROR_CODES, type LifecycleErrorCode } from '@qualicoop/domain';
import { ProblemException, type FieldError } from './problem';

interface Entry {
  status: number;
  /** The French sentence people read (`detail`); a function when it names the case. */
  fr: string | ((p: Record<string, string | number>) => string);
}

const API_ERRORS = {
  'AUTH.UNAUTHENTICATED': { status: 401, fr: 'Authentification requise : jeton absent, invalide ou expiré.' },
  'AUTH.FORBIDDEN': { status: 403, fr: 'Votre rôle ne permet pas cette action.' },
  'AUTH.ISSUER_UNAVAILABLE': {
    status: 503,
    fr: "Le service d'identification ne répond pas : votre jeton ne peut pas être vérifié pour l'instant. Réessayez dans un instant.",
  },
  'REQUEST.VALIDATION_FAILED': { status: 400, fr: 'La requête contient des champs invalides.' },
  'REQUEST.INVALID': { status: 400, fr: 'Requête invalide : paramètres incorrects.' },
  'REQUEST.MALFORMED_JSON': { status: 400, fr: 'Le corps de la requête n’est pas un JSON valide.' },
  'REQUEST.TOO_LARGE': { status: 413, fr: 'Le contenu envoyé dépasse la taille autorisée.' },
  'REQUEST.RATE_LIMITED': { status: 429, fr: 'Trop de requêtes : patientez un instant avant de réessayer.' },
  'REQUEST.URI_TOO_LONG': {
    status: 414,
    fr: (p) => `L’adresse demandée est trop longue : ses paramètres dépassent ${p.max} caractères.`,
  },
  NOT_FOUND: { status: 404, fr: "Cette ressource n'existe pas." },
  'CANDIDACY.NOT_FOUND': { status: 404, fr: "Cette candidature n'existe pas." },
  'CANDIDACY.ALREADY_OPEN': {
    status: 409,
    fr: 'Cette coopérative a déjà une candidature ou un cycle de label en cours.',
  },
  'CANDIDACY.CLOSED': { status: 409, fr: 'Cette candidature est close : aucune action n’est plus possible.' },
  'COMMAND.OUTCOME_UNKNOWN': {
    status: 503,
    fr: "La demande n'a pas pu être confirmée à temps : elle a peut-être été enregistrée. Réessayez dans un instant avec la même clé Idempotency-Key ; rien ne sera fait deux fois.",
  },
  'COOPERATIVE.NOT_FOUND': { status: 404, fr: "Cette coopérative n'existe pas." },
  'COOPERATIVE.ALREADY_EXISTS': { status: 409, fr: 'Une coopérative porte déjà cet identifiant.' },
  'SESSION.NOT_FOUND': { status: 404, fr: "Cette séance du comité n'existe pas." },
  'SESSION.ALREADY_EXISTS': { status: 409, fr: 'Une séance porte déjà cet identifiant.' },
  'DOSSIER.NOT_FOUND': { status: 404, fr: "Aucun dossier n'a encore été enregistré." },
  'DOSSIER.EMPTY': { status: 400, fr: "Enregistrez d'abord un brouillon de dossier." },
  'DOSSIER.INCOMPLETE': {
    status: 400,
    fr: (p) => `Le dossier ne peut pas être déposé : ${p.count} point(s) à compléter.`,
  },
  'RENEWAL.NOT_PREPARABLE': {
    status: 409,
    fr: 'Le dossier de renouvellement se prépare pendant la durée du label, tant que le renouvellement n’a pas été demandé.',
  },
  'DOCUMENT.NOT_FOUND': { status: 404, fr: "Ce document n'existe pas." },
  'DOCUMENT.CONTENT_MISSING': {
    status: 503,
    fr: "Le contenu de ce document n'est pas disponible pour l'instant : l'équipe technique en est avertie. Réessayez plus tard.",
  },
  'DOCUMENT.CANDIDACY_QUOTA_EXCEEDED': {
    status: 413,
    fr: 'Les documents de la candidature dépasseraient 100 Mo au total.',
  },
  // Uploads refused by their bytes: the sentence names the file and what it contains (document-content.ts).
  'DOCUMENT.TYPE_NOT_ALLOWED': { status: 415, fr: (p) => `${p.sentence}` },
  'DOCUMENT.DECLARED_TYPE_MISMATCH': { status: 415, fr: (p) => `${p.sentence}` },
  'DOCUMENT.EMPTY': { status: 415, fr: (p) => `${p.sentence}` },
  'DOCUMENT.CONTENT_MISMATCH': { status: 415, fr: (p) => `${p.sentence}` },
  'DOCUMENT.CONTENT_NOT_ALLOWED': { status: 415, fr: (p) => `${p.sentence}` },
  'DOCUMENT.PDF_INCOMPLETE': { status: 415, fr: (p) => `${p.sentence}` },
  'IDEMPOTENCY.RETRY': { status: 409, fr: 'La requête précédente avec cette clé a échoué ; réessayez.' },
  'IDEMPOTENCY.IN_PROGRESS': { status: 409, fr: 'Une requête avec cette clé est en cours de traitement.' },
  'IDEMPOTENCY.KEY_REUSED': { status: 422, fr: 'Cette clé Idempotency-Key a déjà servi pour une autre requête.' },
  'SERVICE.UNAVAILABLE': {
    status: 503,
    fr: 'Le service est momentanément indisponible (base de données ou moteur de processus injoignable). Réessayez dans un instant : rien n’a été perdu.',
  },
  'SERVICE.READ_TIMED_OUT': {
    status: 503,
    fr: 'Cette demande a pris trop de temps et a été interrompue. Réessayez dans un instant ou affinez les filtres.',
  },
  INTERNAL: { status: 500, fr: 'Une erreur inattendue est survenue ; elle a été journalisée.' },
} as const satisfies Record<string, Entry>;

/**
 * The status of each refusal of the decider: 409 (out of order, already decided, too early or
 * too late), except a malformed command (400) and a caller who may not act on it (403).
 */
const LIFECYCLE_STATUS: Partial<Record<LifecycleErrorCode, number>> = {
  'LIFECYCLE.INVALID_COMMAND': 400,
  'LIFECYCLE.ROLE_NOT_ALLOWED': 403,
  'LIFECYCLE.OTHER_COOPERATIVE': 403,
  'LIFECYCLE.NOT_ASSIGNED_VISITOR': 403,
};

export type ApiErrorCode = keyof typeof API_ERRORS;
export type ErrorCode = ApiErrorCode | LifecycleErrorCode;

/** The whole catalogue, code → status (listed by a test). */
export function errorStatuses(): Record<ErrorCode, number> {
  const api = Object.fromEntries(Object.entries(API_ERRORS).map(([code, e]) => [code, e.status]));
  const lifecycle = Object.fromEntries(LIFECYCLE_ERROR_CODES.map((code) => [code, LIFECYCLE_STATUS[code] ?? 409]));
  return { ...api, ...lifecycle } as Record<ErrorCode, number>;
}

const isLifecycleCode = (code: string): code is LifecycleErrorCode =>
  (LIFECYCLE_ERROR_CODES as readonly string[]).includes(code);

/** The error for an API code, with the catalogue's status and sentence. */
export function problem(
  code: ApiErrorCode,
  options: { params?: Record<string, string | number>; errors?: FieldError[] } = {},
): ProblemException {
  const entry: Entry = API_ERRORS[code];
  const detail = typeof entry.fr === 'function' ? entry.fr(options.params ?? {}) : entry.fr;
  return new ProblemException(entry.status, code, detail, options.errors);
}

/** A definite refusal: the workflow refused the command (or is closed) and recorded nothing. */
export class CommandRefused extends ProblemException {}

/**
 * The decider's refusal of a command, with the decider's own sentence (an unknown code is a 409
 * conflict); or an API code's refusal, with the catalogue's sentence.
 */
export function refusal(code: string, message?: string): CommandRefused {
  if (!isLifecycleCode(code) && code in API_ERRORS) {
    const p = problem(code as ApiErrorCode);
    return new CommandRefused(p.status, p.code, p.detail);
  }
  return new CommandRefused(isLifecycleCode(code) ? (LIFECYCLE_STATUS[code] ?? 409) : 409, code, message ?? code);
}

/** One field-level validation error (400 REQUEST.VALIDATION_FAILED). */
export function invalidField(field: string, message: string, code = 'REQUEST.INVALID_FIELD'): ProblemException {
  return problem('REQUEST.VALIDATION_FAILED', { errors: [{ field, code, message }] });
}
