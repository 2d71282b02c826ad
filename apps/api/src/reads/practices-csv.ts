/**
 * The practices export as CSV for French Excel: UTF-8 with BOM, `;` separator, decimal comma,
 * CRLF; a cell starting like a formula is defused.
 */
import { INDICATOR_KIND_LABELS_FR, INDICATOR_KINDS, parisDateOf, Stage, STAGE_LABELS_FR } from '@qualicoop/domain';
import type { PracticeRow } from '@qualicoop/persistence';

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

/** A text cell: quoted when needed; a leading = + - @ is defused so Excel never runs it as a formula. */
export function csvText(value: string | null | undefined): string {
  let s = value ?? '';
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A number cell with a decimal comma (French Excel). */
export function csvNumber(value: number | null | undefined): string {
  return value == null ? '' : String(value).replace('.', ',');
}

export function practicesCsv(rows: readonly PracticeRow[]): string {
  const lines = [PRACTICES_CSV_HEADER.map(csvText).join(';')];
  for (const r of rows) {
    lines.push(
      [
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
      ].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
