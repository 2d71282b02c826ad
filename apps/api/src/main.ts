/** The API process: NestJS over Express, OpenAPI at /docs and /openapi.json, graceful shutdown. */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import { loadConfig, StartupRefusal, tokenTrust } from '@qualicoop/platform';
import { AppModule } from './app.module';
import { hardenHttp } from './common/http-hardening';
import { buildOpenApi } from './openapi';

export async function createApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: ['error', 'warn', 'log'],
  });
  hardenHttp(app);
  app.useBodyParser('json', { limit: '1mb' });
  // The console's files go compressed (the API's own answers are small and stay as they are).
  app.use('/console', compression());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, buildOpenApi(app), { jsonDocumentUrl: 'openapi.json' });
  return app;
}

async function main(): Promise<void> {
  tokenTrust(); // refuses a production start without an issuer or a key, before anything else
  const app = await createApp();
  const { apiPort } = loadConfig();
  await app.listen(apiPort, '127.0.0.1');
  // Graceful shutdown (Nest's hooks close HTTP, Temporal and the pool); never hang past 10 s.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => setTimeout(() => process.exit(0), 10_000).unref());
  }
  console.log(JSON.stringify({ level: 'info', msg: 'api listening', port: apiPort }));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof StartupRefusal ? e.message : e);
    process.exit(1);
  });
}
