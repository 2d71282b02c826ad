import { frenchTextProblems } from './french-text';

describe('frenchTextProblems: a text assembled from parts reads as French', () => {
  it('finds what assembling messages broke before', () => {
    const doubled =
      "La décision La décision d'admissibilité a déjà été rendue : elle est définitive a déjà été rendue ; les décisions du comité sont définitives";
    expect(frenchTextProblems(doubled)).toEqual(expect.arrayContaining(['said twice: « La décision »']));
    expect(frenchTextProblems("[Quali'Coop] Quali'Coop : bilan attendu")).toEqual(["said twice: « Quali'Coop »"]);
    expect(frenchTextProblems('Le délai a expiré le undefined')).toEqual([
      'technical value shown to people: undefined',
    ]);
    expect(frenchTextProblems('Échéance : 2027-06-16T22:00:00.000Z')).toEqual([
      'technical value shown to people: 2027-06-16T22:00',
    ]);
    expect(frenchTextProblems('Échéance en cours : .')).toEqual(
      expect.arrayContaining(['two punctuation marks in a row']),
    );
    expect(frenchTextProblems('Visite ( ) prévue')).toEqual(
      expect.arrayContaining(['an empty parenthesis or quotation']),
    );
    expect(frenchTextProblems('Éléments manquants: lettre')).toEqual([
      'no space before a colon, semicolon, exclamation or question mark (French typography)',
    ]);
    expect(frenchTextProblems('Le dossier  est déposé')).toEqual(['two spaces in a row']);
    expect(frenchTextProblems('Le dossier est déposé ,')).toEqual(
      expect.arrayContaining(['a space before a comma, a period or a closing parenthesis']),
    );
    expect(frenchTextProblems('')).toEqual(['empty text']);
  });

  it('accepts the messages people get', () => {
    for (const text of [
      "La décision d'admissibilité a déjà été rendue : elle est définitive",
      "Rappel : bilan du point d'étape à 6 mois attendu au plus tard le 2 juin 2027 (J-30)",
      "Bonjour,\n\nLe label Quali'Coop de Coop Atlantique a expiré le 16 décembre 2030.\n\n— La Fédération nationale des Coop'HLM, démarche Quali'Coop",
      'Le dossier a été déposé le 2 décembre 2026 à 19 h 04 min 12 s.',
      "Répondre à la demande d'aide de Coop Provence du 3 mars 2027 : « Comment mesurer l’indicateur C3 ? »",
    ]) {
      expect([text, frenchTextProblems(text)]).toEqual([text, []]);
    }
  });
});
