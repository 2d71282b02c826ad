/**
 * HTTP hardening (OWASP API8, security misconfiguration): security headers on every answer
 * (helmet), a strict Content-Security-Policy for the console, no `X-Powered-By`, and CORS only
 * when an operator names the origins allowed (`QC_CORS_ORIGINS`, comma-separated): by default the
 * API answers its own origin only, which is where the console is served.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** The console's policy: its own scripts only; styles inline too (Mantine sets style attributes). */
export function consoleContentSecurityPolicy(env: NodeJS.ProcessEnv = process.env): Record<string, string[]> {
  // The console talks to the OpenID issuer directly (discovery, token endpoint).
  const issuer = env.QC_OIDC_ISSUER ? [new URL(env.QC_OIDC_ISSUER).origin] : [];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...issuer],
    'frame-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", ...issuer],
    'frame-ancestors': ["'none'"],
  };
}

export function hardenHttp(app: NestExpressApplication, env: NodeJS.ProcessEnv = process.env): void {
  app.disable('x-powered-by');
  const forConsole = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: consoleContentSecurityPolicy(env) },
  });
  // JSON answers, documents and the OpenAPI pages: helmet's defaults (CSP `default-src 'self'`,
  // nosniff, frame-ancestors 'self', no referrer…); HTTPS is the reverse proxy's to enforce.
  const forApi = helmet({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } } });
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path === '/console' || req.path.startsWith('/console/') ? forConsole : forApi)(req, res, next),
  );
  const origins = (env.QC_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length)
    app.enableCors({
      origin: origins,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: ['Location', 'Retry-After', 'X-Request-Id'],
      maxAge: 600,
    });
}
