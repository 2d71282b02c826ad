/** Dates and numbers as French readers write them: « 2 juin 2027 », « 1 234,5 », Paris time. */
import { formatDateFr, parisDateOf } from '@qualicoop/domain';

/** An instant or a civil date → « 2 juin 2027 » (the Paris day). */
export function dateFr(value: string | null | undefined): string {
  if (!value) return '—';
  return formatDateFr(value.length === 10 ? value : parisDateOf(value));
}

const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/** « 14 h 32 », Paris time. */
export function timeFr(instant: Date | string): string {
  const [h, m] = TIME.format(typeof instant === 'string' ? new Date(instant) : instant).split(':');
  return `${Number(h)} h ${m}`;
}

/** « 2 juin 2027 à 14 h 32 ». */
export function dateTimeFr(instant: string): string {
  return `${dateFr(instant)} à ${timeFr(instant)}`;
}

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
/** 1234.5 → « 1 234,5 ». */
export function numberFr(n: number): string {
  return NUMBER.format(n).replace(/\u202f/g, '\u00a0');
}

/**
 * When something is due, as people say it. A deadline on a day falls due at the midnight that ends
 * it: « 2 juin 2027 », not the 3rd at 0 h 00. Any other instant (demo time) keeps its time of day.
 */
export function dueFr(instant: string): string {
  if (timeFr(instant) === '0 h 00') return dateFr(new Date(Date.parse(instant) - 1).toISOString());
  return dateTimeFr(instant);
}

/** A label written to be read inside a sentence (« en examen par le comité »), standing alone: capital first letter. */
export function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** 0.625 → « 62,5 % » (a non-breaking space before the sign, as French writes it). */
export function percentFr(rate: number): string {
  return `${numberFr(Math.round(rate * 1000) / 10)}\u00a0%`;
}

const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH_SHORT = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** '2026-12' → « décembre 2026 », or « déc. 2026 » where room is short (a chart's axis). */
export function monthFr(month: string, short = false): string {
  return (short ? MONTH_SHORT : MONTH).format(new Date(`${month}-01T00:00:00Z`));
}
