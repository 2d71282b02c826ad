/**
 * One error shape across the API: RFC 9457 problem details, with a stable `code` and a French
 * `detail` for people, and field-level `errors` for validation. Built through the error catalogue
 * (error-catalogue.ts), written by the ProblemFilter (problem.filter.ts).
 */

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
