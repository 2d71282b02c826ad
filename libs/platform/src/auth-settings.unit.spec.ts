import { StartupRefusal, tokenTrust } from './auth-settings';
import { DEVELOPMENT_KEY } from './tokens';

const SECRET = 'x'.repeat(48);

describe('whom the API trusts for tokens, decided at start-up', () => {
  it('refuses to start in production without an issuer or a key, in French then English', () => {
    for (const env of [{}, { QC_MODE: 'production' }]) {
      expect(() => tokenTrust(env)).toThrow(StartupRefusal);
      expect(() => tokenTrust(env)).toThrow(/^Refus de démarrer : .*\nRefusing to start: /s);
    }
  });

  it('accepts the development key only in explicit development mode', () => {
    expect(tokenTrust({ QC_MODE: 'development' })).toEqual({ kind: 'key', key: DEVELOPMENT_KEY, development: true });
    expect(() => tokenTrust({ QC_MODE: 'production', QC_JWT_SECRET: DEVELOPMENT_KEY })).toThrow(StartupRefusal);
    expect(() => tokenTrust({ QC_MODE: 'dev' })).toThrow(/QC_MODE/);
  });

  it('takes an explicit key of at least 32 characters, without the development sign-in in production', () => {
    expect(tokenTrust({ QC_JWT_SECRET: SECRET })).toEqual({ kind: 'key', key: SECRET, development: false });
    expect(() => tokenTrust({ QC_JWT_SECRET: 'short' })).toThrow(/32/);
  });

  it('trusts an OpenID issuer only with the audience of its tokens', () => {
    expect(() => tokenTrust({ QC_OIDC_ISSUER: 'https://id.example' })).toThrow(/QC_OIDC_AUDIENCE/);
    expect(tokenTrust({ QC_OIDC_ISSUER: 'https://id.example', QC_OIDC_AUDIENCE: 'quali-coop-api' })).toMatchObject({
      kind: 'issuer',
      issuer: 'https://id.example',
      audience: 'quali-coop-api',
    });
  });
});
