/**
 * Every success answer with a body is described (ADR 11, amendment): a client generated from the
 * document knows what it gets back, and schemathesis' `response_schema_conformance` has something
 * to check. A 204 has no body; everything else names a schema, and every `$ref` resolves.
 */
import { generateOpenApi } from './openapi';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };

beforeAll(async () => {
  doc = JSON.parse(await generateOpenApi());
});

const successes = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, op]) =>
      Object.entries(op.responses)
        .filter(([status]) => /^2\d\d$/.test(status))
        .map(([status, response]) => ({ operation: `${method.toUpperCase()} ${path} ${status}`, status, response })),
    ),
  );

/** Every `$ref` anywhere under `value`. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)));
}

it('declares a content schema for every 2xx response but 204', () => {
  const answers = successes().filter((s) => s.status !== '204');
  expect(answers.length).toBeGreaterThan(40);
  const undescribed = answers
    .filter(({ response }) => {
      const media = Object.values(response.content ?? {});
      return media.length === 0 || media.some((m) => !m.schema);
    })
    .map((s) => s.operation);
  expect(undescribed).toEqual([]);
});

it('declares no content for a 204', () => {
  const with204Content = successes()
    .filter((s) => s.status === '204' && s.response.content)
    .map((s) => s.operation);
  expect(with204Content).toEqual([]);
});

it('resolves every $ref of the document to a component', () => {
  const missing = [...new Set(refs(doc))].filter((ref) => {
    const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
    return !name || !doc.components.schemas[name];
  });
  expect(missing).toEqual([]);
});

it('types the answers with the domain: stages, instants, pages', () => {
  const schemas = doc.components.schemas as Record<string, Record<string, unknown>>;
  expect(schemas.Stage).toMatchObject({ type: 'string', enum: expect.arrayContaining(['draft', 'labelled']) });
  expect(schemas.Instant).toMatchObject({ type: 'string', format: 'date-time' });
  expect(schemas.CandidacyPage).toMatchObject({ required: ['items', 'total', 'limit', 'offset'] });
  expect(schemas.CandidacyState).toMatchObject({ type: 'object', additionalProperties: true });
  const list = doc.paths['/candidacies']!.get!.responses['200']!;
  expect(list.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/CandidacyPage' });
  expect(doc.paths['/inbox.csv']!.get!.responses['200']!.content?.['text/csv']?.schema).toMatchObject({
    type: 'string',
  });
});
