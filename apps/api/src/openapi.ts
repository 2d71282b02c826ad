/** The OpenAPI 3 document, served at /openapi.json and committed as docs/openapi.json. */
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@qualicoop/platform';
import { AppModule } from './app.module';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
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
  );
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
