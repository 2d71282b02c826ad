import { notificationsFor, withAgendaItems } from './notifications';
import { SESSION_SEPT, submitted, SYSTEM } from './lifecycle/lifecycle.helpers.spec';

describe("the committee's agenda message", () => {
  const story = submitted();
  story.run({ type: 'PlaceOnAgenda', ...SESSION_SEPT }, SYSTEM, '2026-08-01T10:00:00.000Z');
  const [closed] = story.run({ type: 'CloseAgenda', sessionId: SESSION_SEPT.sessionId }, SYSTEM, SESSION_SEPT.cutoffAt);
  const [committee, coop] = notificationsFor(closed!, story.s, 'Coop Atlantique');

  it("goes once per session to that session's members, with the date in French", () => {
    expect(committee).toMatchObject({
      key: 'session:session-2026-09:agenda-closed',
      kind: 'agenda_closed',
      recipient: 'committee-session:session-2026-09',
      subject: "[Quali'Coop] Ordre du jour de la séance du 31 août 2026 arrêté",
      withAgendaOf: 'session-2026-09',
    });
    expect(coop).toMatchObject({
      recipient: 'coop:coop-1',
      subject: "[Quali'Coop] Votre dossier sera examiné par le comité",
    });
    expect(coop!.body).toContain('séance du 31 août 2026');
  });

  it('lists the items of the agenda before the signature', () => {
    const body = withAgendaItems(committee!.body, [
      { cooperativeName: 'Coop Atlantique', what: 'dossier de candidature (complétude et admissibilité)' },
      { cooperativeName: 'Coop Provence', what: 'demande de renouvellement du label' },
    ]);
    expect(body).toBe(
      "Bonjour,\n\nL'ordre du jour de la séance du 31 août 2026 du comité de validation est arrêté. " +
        'Voici les dossiers sur lesquels le comité aura à statuer :\n\n' +
        '- Coop Atlantique : dossier de candidature (complétude et admissibilité)\n' +
        '- Coop Provence : demande de renouvellement du label\n\n' +
        "2 dossiers à l'ordre du jour.\n\n— La Fédération nationale des Coop'HLM, démarche Quali'Coop",
    );
    expect(withAgendaItems(committee!.body, [])).toContain("- Aucun dossier n'est inscrit.\n\n— La Fédération");
  });
});
