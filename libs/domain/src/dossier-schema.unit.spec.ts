import { DossierSchema, IndicatorSchema } from './dossier-schema';
import { fieldIssues, fieldPath } from './schema-errors';
import { sampleDossier } from './sample-dossier';

const issuesOf = (body: unknown) => {
  const parsed = DossierSchema.safeParse(body);
  return parsed.success ? [] : fieldIssues(parsed.error);
};

describe('the dossier schema (the shape of a draft)', () => {
  it('accepts a complete dossier and an empty draft alike: completeness is checked at submission', () => {
    expect(issuesOf(sampleDossier())).toEqual([]);
    expect(issuesOf({})).toEqual([]);
    expect(
      issuesOf({
        engagements: [{ engagementId: 'A1', indicators: [{ name: 'Taux de réponse' }] }],
        letterOfCommitment: null,
      }),
    ).toEqual([]);
  });

  it('names every field at fault by its path, in French', () => {
    const issues = issuesOf({
      engagements: [
        {
          engagementId: 7,
          indicators: [{ kind: 'sportif', baseline: { value: '40', unit: '%', measuredOn: '2026-06-30' } }],
        },
      ],
      involvementStatement: ['une', 'liste'],
    });
    expect(issues).toEqual([
      {
        field: 'engagements[0].engagementId',
        code: 'REQUEST.INVALID_FIELD',
        message: 'engagements[0].engagementId : texte attendu',
      },
      {
        field: 'engagements[0].indicators[0].kind',
        code: 'REQUEST.INVALID_FIELD',
        message:
          'engagements[0].indicators[0].kind : valeur attendue parmi metier, economique, gouvernance, ressources_humaines, autre',
      },
      {
        field: 'engagements[0].indicators[0].baseline.value',
        code: 'REQUEST.INVALID_FIELD',
        message: 'engagements[0].indicators[0].baseline.value : nombre attendu',
      },
      { field: 'involvementStatement', code: 'REQUEST.INVALID_FIELD', message: 'involvementStatement : texte attendu' },
    ]);
  });

  it('refuses a field it does not know, wherever it is', () => {
    expect(issuesOf({ colour: 'bleu', engagements: [{ engagementId: 'A1', note: 'x' }] })).toEqual([
      { field: 'engagements[0].note', code: 'REQUEST.UNKNOWN_FIELD', message: 'Champ inconnu : engagements[0].note' },
      { field: 'colour', code: 'REQUEST.UNKNOWN_FIELD', message: 'Champ inconnu : colour' },
    ]);
  });

  it('bounds texts and lists, saying the limit with French digit groups', () => {
    const issues = issuesOf({
      involvementStatement: 'x'.repeat(10_001),
      supportingDocuments: Array.from({ length: 201 }, (_, i) => ({ documentId: `d${i}` })),
    });
    expect(issues.map((i) => i.message)).toEqual([
      'involvementStatement : 10 000 caractères au plus',
      'supportingDocuments : 200 éléments au plus',
    ]);
  });

  it('says when the body is not an object at all', () => {
    expect(issuesOf('un dossier')).toEqual([
      { field: '(corps)', code: 'REQUEST.INVALID_FIELD', message: '(corps) : objet attendu' },
    ]);
  });

  it('lets a form check one part on its own (an indicator being typed)', () => {
    expect(
      IndicatorSchema.safeParse({ name: 'Délai de réponse', target: { value: 10, targetDate: '2028-06-30' } }).success,
    ).toBe(true);
    expect(IndicatorSchema.safeParse({ target: { value: 'dix' } }).success).toBe(false);
  });

  it('writes paths as a reader expects them', () => {
    expect(fieldPath(['engagements', 0, 'indicators', 12, 'actionPlan', 3, 'who'])).toBe(
      'engagements[0].indicators[12].actionPlan[3].who',
    );
  });
});
