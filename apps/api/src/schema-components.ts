/**
 * The domain's schemas (those with an `id`, ADR 11) as OpenAPI components, so that a body can
 * name `#/components/schemas/Dossier` and a generated client gets the same shape the API checks.
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';

type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

export const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });

export function withDomainSchemas(doc: OpenAPIObject): OpenAPIObject {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'openapi-3.0',
    io: 'input',
    uri: (id) => schemaRef(id).$ref,
  });
  const components = Object.fromEntries(
    // `$id` is JSON Schema's, not OpenAPI 3.0's: the component's name already says it.
    Object.entries(schemas).map(([id, { $id: _id, ...schema }]) => [id, schema as SchemaObject]),
  );
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ...components } };
  return doc;
}
