/** An inbox as CSV for French Excel (see `csv.ts`): the same items, in the same order, as the list. */
import { parisDateOf, parisOffsetMs } from '@qualicoop/domain';
import { csvDocument, csvText } from './csv';
import type { InboxItem } from './inbox';

export const INBOX_CSV_HEADER = [
  'Coopérative',
  'Coopérative (id)',
  'Candidature (id)',
  'Étape',
  'À faire',
  'Échéance',
  'Heure (Paris)',
  'En retard',
];

/** The Paris wall-clock time of an instant as Excel reads it: '14:30'. */
function parisClock(instant: string): string {
  const ms = Date.parse(instant);
  return new Date(ms + parisOffsetMs(ms)).toISOString().slice(11, 16);
}

export function inboxCsv(items: readonly InboxItem[]): string {
  return csvDocument(
    INBOX_CSV_HEADER,
    items.map((i) => [
      csvText(i.cooperativeName),
      csvText(i.cooperativeId),
      csvText(i.candidacyId),
      csvText(i.stageLabel),
      csvText(i.what),
      csvText(i.dueBy ? parisDateOf(i.dueBy) : null),
      csvText(i.dueBy ? parisClock(i.dueBy) : null),
      csvText(i.overdue ? 'oui' : 'non'),
    ]),
  );
}
