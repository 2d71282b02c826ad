import { readFileSync } from 'node:fs';
import { generateOpenApi, OPENAPI_FILE } from './openapi';

describe('docs/openapi.json', () => {
  it('is in sync with the code (regenerate with `npm run openapi`)', async () => {
    const current = await generateOpenApi();
    expect(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'))).toEqual(JSON.parse(current));
  });

  it('documents security, the Idempotency-Key header and problem responses', async () => {
    const doc = JSON.parse(await generateOpenApi());
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const award = doc.paths['/candidacies/{id}/decisions/award'].post;
    expect(award.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    expect(award.responses['409']).toBeDefined();
    expect(award.requestBody.content['application/json'].schema.$ref).toContain('AwardDto');
  });
});
