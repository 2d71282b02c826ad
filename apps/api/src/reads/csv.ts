/**
 * CSV for French Excel: UTF-8 with a BOM, `;` separator, decimal comma, CRLF; a cell starting like
 * a formula is defused.
 */

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

/** The header and the rows (cells already written by `csvText`/`csvNumber`) as one document. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const lines = [header.map(csvText).join(';'), ...rows.map((r) => r.join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
