/**
 * CSV as spreadsheet programs read it: a byte-order mark (so Excel takes the file as UTF-8 and Chinese text
 * survives), CRLF line ends and RFC 4180 quoting. A text cell that starts like a formula (= + - @, tab, CR) is
 * prefixed with a single quote so a spreadsheet shows it instead of running it — exports carry text others
 * typed (memos, receipt numbers). Numbers are written as they are: they cannot carry a formula, and a
 * negative amount must stay a number.
 */
export type CsvValue = string | number | null;

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV lines, each ending in CRLF (a file written in parts joins them as they are). */
export function csvLines(rows: CsvValue[][]): string {
  return rows.map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return `\uFEFF${csvLines([header, ...rows])}`;
}
