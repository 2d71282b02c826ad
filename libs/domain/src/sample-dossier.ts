/**
 * A complete, valid dossier: used to seed the demo cooperatives and by tests as a baseline
 * that each test breaks in one place.
 */
import { CompleteDossier } from './dossier';

const ENGAGEMENTS = ['A1', 'A2', 'A4', 'B1', 'B2', 'C1', 'C3', 'C5'];

function choice(engagementId: string): CompleteDossier['engagements'][number] {
  return {
    engagementId,
    indicators: [
      {
        name: `Indicateur de suivi ${engagementId}`,
        kind: 'metier',
        rationale: "Mesure concrète de la contribution de la coopérative à la Raison d'être.",
        baseline: { value: 40, unit: '%', measuredOn: '2026-06-30' },
        target: { value: 60, targetDate: '2028-06-30' },
        actionPlan: [
          { what: 'Mettre en place un comité de suivi trimestriel', who: 'Direction générale', byWhen: '2027-03-31' },
        ],
      },
    ],
  };
}

export function sampleDossier(letterDocumentId: string | null = 'letter-of-commitment'): CompleteDossier {
  return {
    engagements: ENGAGEMENTS.map(choice),
    involvementStatement:
      "Présentation de la démarche en réunion plénière du personnel, puis consultation des coopérateurs lors de l'assemblée générale et par questionnaire en ligne.",
    letterOfCommitment: letterDocumentId ? { documentId: letterDocumentId } : null,
    supportingDocuments: [],
  };
}
