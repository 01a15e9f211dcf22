// Tables leaving the service as CSV files (RFC 4180): a byte order mark so spreadsheets read UTF-8,
// CRLF line ends, a cell quoted when it holds a comma, a quote or a line break, and no cell a
// spreadsheet would run as a formula: one starting with = + - @ (or a tab or carriage return, which
// some spreadsheets skip before looking) gets a leading apostrophe and shows as text.

/** A cell as text, never a formula. */
export function neutralisedCell(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quotedCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The file: each row a line, the first row the headers. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map((cell) => quotedCell(neutralisedCell(cell))).join(',')).join('\r\n')}\r\n`;
}
