import { checkDossier, Dossier } from './dossier';
import { REFERENTIAL_2021 } from './referential';
import { sampleDossier } from './sample-dossier';

const codes = (d: Dossier) => checkDossier(d, REFERENTIAL_2021).map((b) => `${b.field}:${b.code}`);

describe('dossier rules (spec §3)', () => {
  it('accepts a complete dossier', () => {
    expect(checkDossier(sampleDossier(), REFERENTIAL_2021)).toEqual([]);
  });

  it('requires at least 8 of the 12 engagements', () => {
    const dossier = sampleDossier();
    dossier.engagements = dossier.engagements.slice(0, 7);
    expect(codes(dossier)).toContain('engagements:DOSSIER.TOO_FEW_ENGAGEMENTS');
  });

  it('requires at least 2 engagements in each axis, naming the axis', () => {
    const dossier = sampleDossier();
    dossier.engagements = dossier.engagements.filter((e) => e.engagementId !== 'B2');
    const [breach] = checkDossier(dossier, REFERENTIAL_2021).filter((b) => b.field === 'engagements.axis.B');
    expect(breach?.code).toBe('DOSSIER.TOO_FEW_ENGAGEMENTS_IN_AXIS');
    expect(breach?.message).toContain("l'axe B");
  });

  it('counts a duplicated engagement once and reports it', () => {
    const dossier = sampleDossier();
    dossier.engagements[7] = { ...dossier.engagements[0]! };
    expect(codes(dossier)).toEqual(
      expect.arrayContaining([
        'engagements[7].engagementId:DOSSIER.DUPLICATE_ENGAGEMENT',
        'engagements:DOSSIER.TOO_FEW_ENGAGEMENTS',
      ]),
    );
  });

  it('rejects an engagement outside the referential', () => {
    const dossier = sampleDossier();
    dossier.engagements[0]!.engagementId = 'Z9';
    expect(codes(dossier)).toContain('engagements[0].engagementId:DOSSIER.UNKNOWN_ENGAGEMENT');
  });

  it('requires at least one indicator per chosen engagement', () => {
    const dossier = sampleDossier();
    dossier.engagements[2]!.indicators = [];
    expect(codes(dossier)).toEqual(['engagements[2].indicators:DOSSIER.INDICATOR_REQUIRED']);
  });

  it('reports each missing indicator field at its own path', () => {
    const dossier = sampleDossier();
    const indicator = dossier.engagements[1]!.indicators[0]!;
    indicator.name = ' ';
    indicator.target = { value: Number.NaN, targetDate: '30/06/2028' };
    indicator.actionPlan = [{ what: 'Former les équipes', who: '', byWhen: '2027-01-01' }];
    expect(codes(dossier)).toEqual([
      'engagements[1].indicators[0].name:DOSSIER.INDICATOR_FIELD_REQUIRED',
      'engagements[1].indicators[0].target.value:DOSSIER.INDICATOR_FIELD_REQUIRED',
      'engagements[1].indicators[0].target.targetDate:DOSSIER.INDICATOR_FIELD_REQUIRED',
      'engagements[1].indicators[0].actionPlan[0]:DOSSIER.INDICATOR_FIELD_REQUIRED',
    ]);
  });

  it('requires an action plan', () => {
    const dossier = sampleDossier();
    dossier.engagements[3]!.indicators[0]!.actionPlan = [];
    expect(codes(dossier)).toEqual(['engagements[3].indicators[0].actionPlan:DOSSIER.INDICATOR_FIELD_REQUIRED']);
  });

  it('requires the team and coopérateurs involvement statement and the letter of commitment', () => {
    const dossier = sampleDossier(null);
    dossier.involvementStatement = '';
    const breaches = checkDossier(dossier, REFERENTIAL_2021);
    expect(breaches.map((b) => b.field)).toEqual(['involvementStatement', 'letterOfCommitment']);
    expect(breaches[1]?.message).toBe("La lettre d'engagement signée par la direction est obligatoire.");
  });
});
