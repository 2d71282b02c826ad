/**
 * The domain's schemas (those with an `id`, ADR 11) as OpenAPI components, so that a body can
 * name `#/components/schemas/Dossier` and a generated client gets the same shape the API checks;
 * and the schemas of the API's answers (./responses), which operations name the same way.
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
// Registers the answers' schemas in z.globalRegistry (their `id`s), before the document is built.
import './responses';

type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

export const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });
export const arrayOf = (id: string) => ({ type: 'array' as const, items: schemaRef(id) });

export function withDomainSchemas(doc: OpenAPIObject): OpenAPIObject {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'openapi-3.0',
    io: 'input',
    uri: (id) => schemaRef(id).$ref,
    override: ({ jsonSchema }) => tidy(jsonSchema),
  });
  const components = Object.fromEntries(
    // `$id` is JSON Schema's, not OpenAPI 3.0's: the component's name already says it.
    Object.entries(schemas).map(([id, { $id: _id, ...schema }]) => [id, schema as SchemaObject]),
  );
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ...components } };
  return doc;
}

/**
 * `z.int()` bounds every integer by ±2^53 - 1 and `z.looseObject` allows any other property as
 * `additionalProperties: {}`: said plainly, the document reads better and means the same.
 */
function tidy(schema: Record<string, unknown>): void {
  if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
  if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
  const extra = schema.additionalProperties;
  if (typeof extra === 'object' && extra !== null && Object.keys(extra).length === 0)
    schema.additionalProperties = true;
}
