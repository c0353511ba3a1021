import { csvLine, type CsvValue } from '@seatkit/core';

/**
 * The CSV text of a table, built in the browser with core's `csvLine` (the one the server's member export uses):
 * RFC 4180, CRLF line ends, a cell quoted when it holds a quote, a comma or a line break, its quotes doubled, and a
 * cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) prefixed
 * with `'`, so an exported name or email like `=HYPERLINK(…)` stays text (CSV injection). The header row first.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map(csvLine).join('');
}

/** Hands `csv` to the browser as a download named `fileName` (with a BOM, so spreadsheets read it as UTF-8). */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled (revoking at once can cancel the download in some browsers).
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
