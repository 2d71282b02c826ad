import { inboxCsv } from './inbox-csv';
import { InboxItem, matchesFilter } from './inbox';

const item = (over: Partial<InboxItem> = {}): InboxItem => ({
  candidacyId: 'c-1',
  cooperativeId: 'coop-nord',
  cooperativeName: "Coop'HLM Nord",
  stage: 'visit_to_plan',
  stageLabel: 'visite à planifier',
  what: 'Planifier la visite',
  dueBy: '2027-06-30T21:59:00.000Z', // 30 June 2027, 23:59 in Paris (summer time)
  overdue: false,
  action: '/candidacies/c-1/visit',
  method: 'POST',
  ...over,
});

describe('an inbox filter', () => {
  it('keeps everything when empty', () => {
    expect(matchesFilter(item(), {})).toBe(true);
  });

  it('narrows by stage and by cooperative', () => {
    expect(matchesFilter(item(), { stages: ['visit_to_plan', 'labelled'] })).toBe(true);
    expect(matchesFilter(item(), { stages: ['labelled'] })).toBe(false);
    expect(matchesFilter(item(), { cooperativeId: 'coop-nord' })).toBe(true);
    expect(matchesFilter(item(), { cooperativeId: 'coop-sud' })).toBe(false);
  });

  it('reads "due until" as a whole day in Paris, inclusive, and leaves undated items out', () => {
    expect(matchesFilter(item(), { dueUntil: '2027-06-30' })).toBe(true);
    expect(matchesFilter(item(), { dueUntil: '2027-06-29' })).toBe(false);
    // 22:30 UTC on 30 June is already 1 July in Paris.
    expect(matchesFilter(item({ dueBy: '2027-06-30T22:30:00.000Z' }), { dueUntil: '2027-06-30' })).toBe(false);
    expect(matchesFilter(item({ dueBy: null }), { dueUntil: '2099-12-31' })).toBe(false);
  });

  it('keeps only overdue items, or only the others', () => {
    expect(matchesFilter(item({ overdue: true }), { overdue: true })).toBe(true);
    expect(matchesFilter(item(), { overdue: true })).toBe(false);
    expect(matchesFilter(item(), { overdue: false })).toBe(true);
  });

  it('asks every condition at once', () => {
    expect(matchesFilter(item({ overdue: true }), { overdue: true, cooperativeId: 'coop-sud' })).toBe(false);
  });
});

describe('the inbox as CSV', () => {
  it('gives French Excel one row per item: BOM, semicolons, the Paris date and time, « oui »/« non »', () => {
    const csv = inboxCsv([
      item({ overdue: true }),
      item({ what: 'Répondre ; vite', dueBy: null, cooperativeName: '=HYPERLINK("x")' }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFCoopérative;Coopérative (id);Candidature (id);Étape;À faire;Échéance;Heure (Paris);En retard',
    );
    expect(lines[1]).toBe("Coop'HLM Nord;coop-nord;c-1;visite à planifier;Planifier la visite;2027-06-30;23:59;oui");
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")";coop-nord;c-1;visite à planifier;"Répondre ; vite";;;non`);
    expect(lines[3]).toBe('');
  });
});
