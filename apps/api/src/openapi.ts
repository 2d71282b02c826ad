/** The OpenAPI 3 document, served at /openapi.json and committed as docs/openapi.json. */
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@qualicoop/platform';
import { AppModule } from './app.module';
import { withDomainSchemas } from './schema-components';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle("Quali'Coop API")
      .setDescription(
        "Candidatures au label Quali'Coop de la Fédération nationale des Coop'HLM. Every error is an RFC 9457 problem " +
          '(`application/problem+json`) with a stable `code` and a French `detail`; validation errors list `errors[]` ' +
          '(field, code, message). Bearer JWTs carry the role (coop, federation, committee).',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
    { operationIdFactory },
  );
  return withDomainSchemas(withIdempotencyKey(doc));
}

/** The actions were served by one controller before they were split by actor: their ids stay as clients know them. */
const ACTION_CONTROLLERS = new Set([
  'CooperativeActionsController',
  'FederationActionsController',
  'CommitteeActionsController',
]);
function operationIdFactory(controller: string, method: string): string {
  return `${ACTION_CONTROLLERS.has(controller) ? 'ActionsController' : controller}_${method}`;
}

const WRITES = ['post', 'put', 'patch'] as const;

/**
 * The IdempotencyInterceptor honours an optional `Idempotency-Key` on every write: documented here,
 * once, for each write operation (a client generated from the document may send it, never must).
 */
function withIdempotencyKey(doc: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(doc.paths)) {
    for (const method of WRITES) {
      const operation = item[method];
      if (!operation) continue;
      operation.parameters = [
        ...(operation.parameters ?? []),
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'A retried request with the same key (1 to 200 of A-Z a-z 0-9 . _ : -) returns the first result and decides nothing twice.',
          schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,200}$' },
        },
      ];
    }
  }
  return doc;
}

export const OPENAPI_FILE = join(REPO_ROOT, 'docs', 'openapi.json');

/** Builds the document without connecting to anything (Nest preview mode). */
export async function generateOpenApi(): Promise<string> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  const doc = buildOpenApi(app);
  await app.close();
  return `${JSON.stringify(doc, null, 2)}\n`;
}

if (require.main === module) {
  generateOpenApi().then(
    (text) => {
      writeFileSync(OPENAPI_FILE, text);
      console.log(`wrote ${OPENAPI_FILE}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
