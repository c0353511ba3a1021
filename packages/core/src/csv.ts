/** One value of a CSV cell: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | null | undefined;

/**
 * One CSV line (RFC 4180, ending in CRLF): a cell is quoted when it holds a quote, a comma or a line break, quotes are
 * doubled, and a cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return) is prefixed with `'`, so a name like `=HYPERLINK(…)` stays text when the file is opened.
 *
 * @example
 * csvLine(['Ada', 'ada@example.com', 3]); // 'Ada,ada@example.com,3\r\n'
 */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
