import { STANDARD_POLICY } from './lifecycle/policy';
import type { DomainEvent } from './lifecycle/domain-events';
import { timelineEntry } from './timeline';

const placed = (sessionDate: string): DomainEvent =>
  ({
    type: 'PlacedOnAgenda',
    at: '2027-01-05T10:00:00.000Z',
    by: 'system',
    kind: 'dossier',
    sessionId: 'session-2027-03',
    sessionDate,
    cutoffAt: '2027-02-16T23:00:00.000Z',
  }) as unknown as DomainEvent;

describe('the timeline of a candidacy', () => {
  it('names the session by its Paris date, and says when the Fédération moved it', () => {
    const first = placed('2027-03-08T23:30:00.000Z'); // already 9 March in Paris
    expect(timelineEntry(first, STANDARD_POLICY).what).toBe(
      "Inscrit à l'ordre du jour de la séance du comité du 9 mars 2027 : dossier de candidature (complétude et admissibilité).",
    );
    const moved = placed('2027-03-16T09:00:00.000Z');
    expect(timelineEntry(moved, STANDARD_POLICY, [first])).toEqual({
      who: 'La Fédération',
      what: "La séance du comité est déplacée au 16 mars 2027 ; l'ordre du jour reste le même.",
    });
  });
});
