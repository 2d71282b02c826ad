// Nest's own ArgumentsHost over (request, response), as its tests build one.
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { ProblemFilter } from './problem.filter';

/** What the filter writes for an error: status, headers and body, as the client would read them. */
function answer(error: unknown) {
  const written: { status?: number; headers: Record<string, string>; body?: Record<string, unknown> } = { headers: {} };
  const res = {
    getHeader: (name: string) => written.headers[name.toLowerCase()],
    setHeader: (name: string, value: string) => (written.headers[name.toLowerCase()] = value),
    status(code: number) {
      written.status = code;
      return this;
    },
    type() {
      return this;
    },
    json(body: Record<string, unknown>) {
      written.body = body;
      return this;
    },
  };
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  new ProblemFilter().catch(error, new ExecutionContextHost([{ url: '/inbox' }, res]));
  return written;
}

describe('errors from outside our code, as problem documents', () => {
  it('a statement past the SQL timeout is a 503 with Retry-After, without the SQL', () => {
    const cancelled = Object.assign(new Error('canceling statement due to statement timeout'), {
      name: 'QueryFailedError',
      query: 'SELECT * FROM candidacy_view',
      driverError: { code: '57014' },
    });
    const { status, headers, body } = answer(cancelled);
    expect(status).toBe(503);
    expect(headers['retry-after']).toBe('5');
    expect(body).toMatchObject({ code: 'SERVICE.READ_TIMED_OUT', title: 'Service indisponible' });
    expect(JSON.stringify(body)).not.toMatch(/SELECT|QueryFailedError|canceling/);
  });

  it('an unexpected error is a 500 that says it was logged, and nothing of the error itself', () => {
    const { status, body } = answer(new TypeError("Cannot read properties of undefined (reading 'stage')"));
    expect(status).toBe(500);
    expect(body).toEqual({
      type: 'urn:quali-coop:problem:INTERNAL',
      title: 'Erreur interne',
      instance: '/inbox',
      status: 500,
      code: 'INTERNAL',
      detail: 'Une erreur inattendue est survenue ; elle a été journalisée.',
    });
  });
});
