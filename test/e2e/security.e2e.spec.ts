/**
 * Security by default, over real HTTP: no start in production without a way to check tokens, the
 * development key and sign-in only in development mode, per-caller limits on expensive reads,
 * security headers, CORS closed unless configured, long query strings refused, error bodies
 * without internals. Extra API processes run beside the e2e stack, on its database and Temporal.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { signLocalToken } from '@qualicoop/platform';
import { Managed, startProcess, waitForHttp } from '@qualicoop/infra';
import { apiUrl, call } from '../support/http';
import { signToken, SEEDED_USERS } from '../support/tokens';

const REPO = join(__dirname, '..', '..');
const NODE_ARGS = (entry: string) => ['-r', join(REPO, 'infra/register-paths.cjs'), join(REPO, entry)];

/** The environment of an API beside the e2e one, without any identity setting of the test's own. */
function apiEnv(port: number, settings: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: process.env.QC_DATABASE_URL,
    TEMPORAL_ADDRESS: process.env.QC_TEMPORAL_ADDRESS,
    API_PORT: String(port),
    ...settings,
  };
  for (const name of ['QC_MODE', 'QC_JWT_SECRET', 'QC_OIDC_ISSUER', 'QC_OIDC_AUDIENCE'])
    if (!(name in settings)) delete env[name];
  return env;
}

/** Runs a command to its end: exit code and everything it wrote. */
function run(entry: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...NODE_ARGS(entry), ...args], { cwd: REPO, env });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => done({ code, out }));
  });
}

const get = (base: string, path: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });

describe('start-up: no development key outside development', () => {
  it('refuses to start in production mode without an issuer or a key, and says why in French and English', async () => {
    const { code, out } = await run('dist/apps/api/src/main.js', [], apiEnv(13011, { QC_MODE: 'production' }));
    expect(code).toBe(1);
    expect(out).toContain(
      "Refus de démarrer : ni émetteur OpenID Connect (QC_OIDC_ISSUER et QC_OIDC_AUDIENCE) ni clé de signature (QC_JWT_SECRET) n'est configuré",
    );
    expect(out).toContain('Refusing to start: neither an OpenID Connect issuer');
    expect(out).not.toContain('api listening');
  });

  it('refuses a signing key shorter than 32 characters, and an issuer without an audience', async () => {
    const short = await run('dist/apps/api/src/main.js', [], apiEnv(13011, { QC_JWT_SECRET: 'change-me' }));
    expect(short.code).toBe(1);
    expect(short.out).toContain("il faut une clé secrète d'au moins 32 caractères");
    const issuer = await run('dist/apps/api/src/main.js', [], apiEnv(13011, { QC_OIDC_ISSUER: 'https://id.example' }));
    expect(issuer.code).toBe(1);
    expect(issuer.out).toContain('QC_OIDC_AUDIENCE manque');
  });

  it("the token command mints only in development mode, and its tokens are the API's", async () => {
    const refused = await run('dist/apps/api/src/auth/mint-token.cli.js', ['federation'], apiEnv(0, {}));
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('Refus : les jetons de développement ne sont émis qu’en mode développement');
    const minted = await run(
      'dist/apps/api/src/auth/mint-token.cli.js',
      ['federation'],
      apiEnv(0, { QC_MODE: 'development' }),
    );
    expect(minted.code).toBe(0);
    const me = await get(apiUrl(), '/me', minted.out.trim());
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ sub: 'staff-federation', role: 'federation' });
  });
});

describe('an API in production mode with its own key, a CORS origin and small read limits', () => {
  const secret = randomBytes(36).toString('base64url');
  const base = 'http://127.0.0.1:13010';
  const second = 'http://127.0.0.1:13012';
  const apis: Managed[] = [];

  beforeAll(async () => {
    for (const port of [13010, 13012])
      apis.push(
        startProcess(`api-production-${port}`, process.execPath, NODE_ARGS('dist/apps/api/src/main.js'), {
          cwd: REPO,
          env: apiEnv(port, {
            QC_MODE: 'production',
            QC_JWT_SECRET: secret,
            QC_READ_RATE_LIMIT_PER_MINUTE: '3',
            QC_CORS_ORIGINS: 'https://console.coophlm.example',
          }),
        }),
      );
    await Promise.all(
      [base, second].map((url, i) =>
        waitForHttp(`${url}/health`, 60_000).catch((e: Error) => {
          throw new Error(`${e.message}\n${apis[i]!.lastOutput()}`);
        }),
      ),
    );
  });
  afterAll(() => Promise.all(apis.map((api) => api.stop())));

  it('lists nobody on its sign-in page, mints no development token and refuses development tokens', async () => {
    expect(await (await get(base, '/sign-in')).json()).toEqual({ mode: 'none' });
    const minted = await fetch(`${base}/sign-in/development-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'federation' }),
    });
    expect(minted.status).toBe(404);
    const developmentToken = await signToken(SEEDED_USERS.federation!);
    expect((await get(base, '/me', developmentToken)).status).toBe(401);
    const own = await signLocalToken(SEEDED_USERS.federation!, secret);
    expect((await get(base, '/me', own)).status).toBe(200);
  });

  it('answers an expensive read past the per-caller limit with 429, Retry-After and a French problem', async () => {
    // Callers of their own: the counters are shared by every API instance on the database.
    const caller = (role: 'federation' | 'committee') =>
      signLocalToken({ sub: `${role}-${randomBytes(6).toString('hex')}`, role }, secret);
    const federation = await caller('federation');
    for (let i = 0; i < 3; i++) expect((await get(base, '/inbox', federation)).status).toBe(200);
    const refused = await get(base, '/inbox', federation);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({
      status: 429,
      code: 'REQUEST.RATE_LIMITED',
      detail: 'Trop de requêtes : patientez un instant avant de réessayer.',
    });
    // Counted per caller and per kind: another caller, and a cheap read, still go through.
    expect((await get(base, '/inbox', await caller('committee'))).status).toBe(200);
    expect((await get(base, '/me', federation)).status).toBe(200);
  });

  it('counts a caller once, whichever API instance answers', async () => {
    const federation = await signLocalToken(
      { sub: `federation-${randomBytes(6).toString('hex')}`, role: 'federation' },
      secret,
    );
    expect((await get(base, '/kpis', federation)).status).toBe(200);
    expect((await get(second, '/kpis', federation)).status).toBe(200);
    expect((await get(base, '/kpis', federation)).status).toBe(200);
    expect((await get(second, '/kpis', federation)).status).toBe(429);
  });

  it('allows the configured origin, and only it, to call from a browser', async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/candidacies`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight('https://console.coophlm.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.coophlm.example');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('HTTP hardening of the development API', () => {
  it('sends security headers and no X-Powered-By on the API', async () => {
    const res = await get(apiUrl(), '/health');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('serves the console under a strict Content-Security-Policy', async () => {
    const csp = (await get(apiUrl(), '/console/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('states no CORS: a browser on another origin gets no permission', async () => {
    const res = await fetch(`${apiUrl()}/candidacies`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a query string longer than 2,048 characters with 414 and a French problem', async () => {
    const res = await call('GET', `/candidacies?cooperativeId=${'a'.repeat(3000)}`, { as: 'federation' });
    expect(res.status).toBe(414);
    expect(res.body).toMatchObject({ code: 'REQUEST.URI_TOO_LONG' });
    expect(res.body.detail).toMatch(
      /^L’adresse demandée est trop longue : ses paramètres dépassent 2\s048 caractères\.$/,
    );
  });

  it('puts no stack trace, SQL or framework message in an error body', async () => {
    const answers = [
      await call('POST', '/candidacies', { as: 'coop-atlantique', raw: '{"cooperativeId": ' }),
      await call('GET', '/candidacies/not-a-uuid', { as: 'federation' }),
      await call('GET', '/candidacies?limit=-1', { as: 'federation' }),
      await call('GET', '/nowhere', { as: 'federation' }),
    ];
    for (const res of answers) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(Object.keys(res.body).sort()).toEqual(
        expect.arrayContaining(['code', 'detail', 'instance', 'status', 'title', 'type']),
      );
      expect(JSON.stringify(res.body)).not.toMatch(/\bat \w+ \(|node_modules|SELECT |QueryFailedError|Error:/);
    }
  });
});
