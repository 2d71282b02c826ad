import { MiddlewareConsumer, Module, NestModule, ValidationError, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { REPO_ROOT, tokenTrust } from '@qualicoop/platform';
import { AuthGuard, TOKEN_TRUST } from './auth/auth.guard';
import { MeController, SignInController } from './auth/sign-in.controller';
import { CandidaciesModule } from './candidacies/candidacies.module';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { QueryStringLimit, RateLimitGuard, rateLimits } from './common/limits';
import { InfrastructureModule } from './common/infrastructure.module';
import { problem } from './common/error-catalogue';
import { ProblemFilter } from './common/problem.filter';
import { NulCharacters } from './common/nul-characters.middleware';
import { fieldMessage } from './common/validation-messages';
import { RequestLogMiddleware } from './common/request-log.middleware';
import { ServerTimingMiddleware } from './common/server-timing';
import { DocumentsController } from './documents/documents.controller';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { RequestMetricsMiddleware } from './metrics/request-metrics.middleware';
import { ReadsModule } from './reads/reads.module';
import { RegisterController } from './register/register.controller';

/** class-validator errors, nested ones included, as field-level problems (`indicators.0.value`). */
function fieldErrors(e: ValidationError, prefix = ''): Array<{ field: string; code: string; message: string }> {
  const field = prefix ? `${prefix}.${e.property}` : e.property;
  return [
    ...Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      code: rule === 'whitelistValidation' ? 'REQUEST.UNKNOWN_FIELD' : 'REQUEST.INVALID_FIELD',
      message: rule === 'whitelistValidation' ? `Champ inconnu : ${field}` : fieldMessage(rule, field, message),
    })),
    ...(e.children ?? []).flatMap((c) => fieldErrors(c, field)),
  ];
}

const validation = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => problem('REQUEST.VALIDATION_FAILED', { errors: errors.flatMap((e) => fieldErrors(e)) }),
});

/** The web console (built by `npm start`/`npm test` into dist/console), a single-page app under /console. */
const consoleApp = ServeStaticModule.forRoot({
  rootPath: join(REPO_ROOT, 'dist', 'console'),
  serveRoot: '/console',
  serveStaticOptions: {
    index: 'index.html',
    // Built files carry a hash in their name: cached for good; the page itself is checked each time.
    setHeaders: (res: ServerResponse, path: string) =>
      res.setHeader(
        'Cache-Control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  },
});

@Module({
  imports: [InfrastructureModule, CandidaciesModule, ReadsModule, rateLimits, consoleApp],
  controllers: [
    HealthController,
    MetricsController,
    DocumentsController,
    RegisterController,
    SignInController,
    MeController,
  ],
  providers: [
    { provide: TOKEN_TRUST, useFactory: () => tokenTrust() },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_PIPE, useValue: validation },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(RequestMetricsMiddleware, ServerTimingMiddleware, RequestLogMiddleware, QueryStringLimit, NulCharacters)
      .forRoutes('*');
  }
}
