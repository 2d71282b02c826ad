/** The error catalogue: every code the API answers with, its status, and a French sentence. */
import { frenchTextProblems, LIFECYCLE_ERROR_CODES } from '@qualicoop/domain';
import { CommandRefused, errorStatuses, invalidField, problem, refusal } from './error-catalogue';

it('lists every code with its HTTP status', () => {
  expect(errorStatuses()).toEqual({
    'AUTH.UNAUTHENTICATED': 401,
    'AUTH.FORBIDDEN': 403,
    'AUTH.ISSUER_UNAVAILABLE': 503,
    'REQUEST.VALIDATION_FAILED': 400,
    'REQUEST.INVALID': 400,
    'REQUEST.MALFORMED_JSON': 400,
    'REQUEST.TOO_LARGE': 413,
    'REQUEST.URI_TOO_LONG': 414,
    'REQUEST.RATE_LIMITED': 429,
    NOT_FOUND: 404,
    'CANDIDACY.NOT_FOUND': 404,
    'CANDIDACY.ALREADY_OPEN': 409,
    'CANDIDACY.CLOSED': 409,
    'COMMAND.OUTCOME_UNKNOWN': 503,
    'COOPERATIVE.NOT_FOUND': 404,
    'COOPERATIVE.ALREADY_EXISTS': 409,
    'SESSION.NOT_FOUND': 404,
    'SESSION.ALREADY_EXISTS': 409,
    'DOSSIER.NOT_FOUND': 404,
    'RENEWAL.NOT_PREPARABLE': 409,
    'DOSSIER.EMPTY': 400,
    'DOSSIER.INCOMPLETE': 400,
    'DOCUMENT.NOT_FOUND': 404,
    'DOCUMENT.CONTENT_MISSING': 503,
    'DOCUMENT.CANDIDACY_QUOTA_EXCEEDED': 413,
    'DOCUMENT.TYPE_NOT_ALLOWED': 415,
    'DOCUMENT.DECLARED_TYPE_MISMATCH': 415,
    'DOCUMENT.EMPTY': 415,
    'DOCUMENT.CONTENT_MISMATCH': 415,
    'DOCUMENT.CONTENT_NOT_ALLOWED': 415,
    'DOCUMENT.PDF_INCOMPLETE': 415,
    'IDEMPOTENCY.RETRY': 409,
    'IDEMPOTENCY.IN_PROGRESS': 409,
    'IDEMPOTENCY.KEY_REUSED': 422,
    'SERVICE.UNAVAILABLE': 503,
    'SERVICE.READ_TIMED_OUT': 503,
    INTERNAL: 500,
    ...Object.fromEntries(LIFECYCLE_ERROR_CODES.map((code) => [code, 409])),
    'LIFECYCLE.INVALID_COMMAND': 400,
    'LIFECYCLE.ROLE_NOT_ALLOWED': 403,
    'LIFECYCLE.OTHER_COOPERATIVE': 403,
    'LIFECYCLE.NOT_ASSIGNED_VISITOR': 403,
  });
});

it('gives each API code one French sentence', () => {
  const codes = Object.keys(errorStatuses()).filter((code) => !code.startsWith('LIFECYCLE.'));
  for (const code of codes) {
    const { status, detail } = problem(code as Parameters<typeof problem>[0], {
      params: { count: 3, max: '2 048', sentence: 'Le fichier « a.pdf » est vide.' },
    });
    expect({ code, status, problems: frenchTextProblems(detail) }).toEqual({
      code,
      status: errorStatuses()[code as keyof ReturnType<typeof errorStatuses>],
      problems: [],
    });
  }
  expect(problem('DOSSIER.INCOMPLETE', { params: { count: 3 } }).detail).toBe(
    'Le dossier ne peut pas être déposé : 3 point(s) à compléter.',
  );
});

it('keeps the decider’s sentence for its refusals, with the status of their kind', () => {
  const refused = refusal(
    'LIFECYCLE.NOT_ASSIGNED_VISITOR',
    'Seul le membre du comité désigné pour la visite peut déposer son compte rendu',
  );
  expect(refused).toBeInstanceOf(CommandRefused);
  expect(refused).toMatchObject({
    status: 403,
    code: 'LIFECYCLE.NOT_ASSIGNED_VISITOR',
    detail: 'Seul le membre du comité désigné pour la visite peut déposer son compte rendu',
  });
  expect(refusal('LIFECYCLE.AGENDA_NOT_CLOSED', "L'ordre du jour n'est pas arrêté")).toMatchObject({ status: 409 });
  expect(refusal('CANDIDACY.CLOSED')).toMatchObject({
    status: 409,
    detail: 'Cette candidature est close : aucune action n’est plus possible.',
  });
});

it('builds a field-level 400', () => {
  expect(invalidField('visitorId', "Ce membre du comité n'existe pas.", 'VISIT.UNKNOWN_VISITOR')).toMatchObject({
    status: 400,
    code: 'REQUEST.VALIDATION_FAILED',
    errors: [{ field: 'visitorId', code: 'VISIT.UNKNOWN_VISITOR', message: "Ce membre du comité n'existe pas." }],
  });
});
