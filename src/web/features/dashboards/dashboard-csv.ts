// A dashboard's list of cases as a CSV file (issue 16): one row a case the viewer may open, quoted
// where a cell needs it, and a cell a spreadsheet would run as a formula (starting =, +, -, @, a tab
// or a return) made text by a leading apostrophe.
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
