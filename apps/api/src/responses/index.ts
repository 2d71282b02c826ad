/**
 * The schemas of the API's answers (ADR 11, amendment): zod schemas with an `id`, so that
 * `withDomainSchemas` makes each a component and an operation names it with `schemaRef('Candidacy')`.
 * Importing this module registers them (meta with an `id` adds a schema to `z.globalRegistry`).
 */
export * from './common.responses';
export * from './candidacy.responses';
export * from './reads.responses';
export * from './register.responses';
