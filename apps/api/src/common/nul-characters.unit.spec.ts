import { nulCharacterAt } from './nul-characters.middleware';

it('names the first field holding a NUL character, which PostgreSQL cannot store', () => {
  expect(nulCharacterAt({ engagements: [{ engagementId: 'A1' }, { name: 'a\u0000b' }] })).toBe('engagements[1].name');
  expect(nulCharacterAt({ ['k\u0000']: 1 })).toBe('k\u0000');
  expect(nulCharacterAt({ stage: ['draft'], comment: 'é\t\n' })).toBeNull();
  expect(nulCharacterAt(undefined)).toBeNull();
});
