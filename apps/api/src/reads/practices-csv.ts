/** The practices export as CSV for French Excel (see `csv.ts`). */
import { INDICATOR_KIND_LABELS_FR, INDICATOR_KINDS, parisDateOf, Stage, STAGE_LABELS_FR } from '@qualicoop/domain';
import type { PracticeRow } from '@qualicoop/persistence';
import { csvDocument, csvNumber, csvText } from './csv';

function kindFr(kind: string): string {
  const known = INDICATOR_KINDS.find((k) => k === kind);
  return known ? INDICATOR_KIND_LABELS_FR[known] : kind;
}

export const PRACTICES_CSV_HEADER = [
  'Coopérative (id)',
  'Coopérative',
  'Candidature (id)',
  'Cycle',
  'Étape',
  'Engagement (id)',
  'Engagement',
  'Indicateur',
  "Type d'indicateur",
  'Résultat initial',
  'Unité',
  'Date de mesure',
  'Valeur cible',
  'Date cible',
  'Dernière valeur atteinte',
  'Date du dernier bilan',
];

export function practicesCsv(rows: readonly PracticeRow[]): string {
  return csvDocument(
    PRACTICES_CSV_HEADER,
    rows.map((r) => [
      csvText(r.cooperativeId),
      csvText(r.cooperativeName),
      csvText(r.candidacyId),
      csvNumber(r.cycle),
      csvText(STAGE_LABELS_FR[r.stage as Stage] ?? r.stage),
      csvText(r.engagementId),
      csvText(r.engagementTitle),
      csvText(r.indicatorName),
      csvText(kindFr(r.kind)),
      csvNumber(r.baselineValue),
      csvText(r.baselineUnit),
      csvText(r.baselineDate),
      csvNumber(r.targetValue),
      csvText(r.targetDate),
      csvNumber(r.achievedValue),
      csvText(r.achievedAt ? parisDateOf(r.achievedAt) : null),
    ]),
  );
}
