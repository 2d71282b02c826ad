import { fieldSentence } from './field-errors';

describe("the API's field-level refusals, as a person reads them under the field", () => {
  it('drops the field name the API writes for programs, and ends the sentence', () => {
    expect(fieldSentence({ field: 'email', code: 'isEmail', message: 'email : adresse invalide' })).toBe(
      'Adresse invalide.',
    );
    expect(
      fieldSentence({ field: 'findings.Z9', code: 'x', message: 'findings.Z9 : engagement inconnu de ce dossier' }),
    ).toBe('Engagement inconnu de ce dossier.');
  });

  it('keeps a sentence that already stands alone', () => {
    expect(fieldSentence({ field: 'name', code: 'x', message: 'Le nom est obligatoire.' })).toBe(
      'Le nom est obligatoire.',
    );
  });
});
