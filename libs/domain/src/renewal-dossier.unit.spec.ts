import { carryIntoRenewal } from './renewal-dossier';
import { sampleDossier } from './sample-dossier';

describe('the dossier carried into a renewal', () => {
  it('keeps every engagement and plan, with each indicator at its latest reported value', () => {
    const dossier = sampleDossier('letter');
    const carried = carryIntoRenewal(dossier, [
      { engagementId: 'A1', indicatorName: 'Indicateur de suivi A1', value: 48, measuredOn: '2027-06-30' },
      { engagementId: 'A1', indicatorName: 'Indicateur de suivi A1', value: 55, measuredOn: '2029-01-15' },
      { engagementId: 'B1', indicatorName: 'Indicateur de suivi B1', value: 51, measuredOn: '2027-12-31' },
      { engagementId: 'C3', indicatorName: 'Un indicateur abandonné', value: 1, measuredOn: '2029-01-15' },
    ]);
    expect(carried.engagements![0]!.indicators![0]!.baseline).toEqual({
      value: 55,
      unit: '%',
      measuredOn: '2029-01-15',
    });
    expect(carried.engagements![3]!.indicators![0]!.baseline).toEqual({
      value: 51,
      unit: '%',
      measuredOn: '2027-12-31',
    });
    expect(carried.engagements![6]).toEqual(dossier.engagements[6]); // C3: nothing reported under its name
    expect(carried.engagements!.map((e) => e.engagementId)).toEqual(dossier.engagements.map((e) => e.engagementId));
    expect(dossier.engagements[0]!.indicators[0]!.baseline.value).toBe(40); // the cycle's dossier is untouched
  });
});
