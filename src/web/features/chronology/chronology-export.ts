// The chronology as a table, for the printable page and the CSV file alike: one set of columns,
// the source of information always among them. The CSV is RFC 4180 with a byte order mark (so
// spreadsheets read it as UTF-8), and no cell can run as a formula when the file is opened.
import type { EntryView } from './chronology.presenter.ts';

interface Column {
  header: string;
  value(entry: EntryView): string;
  /** In the file, where a spreadsheet should sort it (dates as YYYY-MM-DD HH:MM). */
  inFile?(entry: EntryView): string;
  /** Given more room on paper. */
  wide?: boolean;
}

const list = (names: readonly string[]) => names.join('; ');

export const COLUMNS: readonly Column[] = [
  { header: 'Occurred', value: (e) => e.occurred, inFile: (e) => e.occurredSortable },
  { header: 'Recorded at', value: (e) => e.recordedAt, inFile: (e) => e.recordedAtSortable },
  { header: 'Recorded by', value: (e) => e.recordedBy },
  { header: 'Agency', value: (e) => e.agency },
  { header: 'Kind', value: (e) => e.kind },
  { header: 'Summary', value: (e) => e.summary, wide: true },
  { header: 'Source of information', value: (e) => e.source },
  { header: 'People', value: (e) => list(e.people) },
  { header: 'Present', value: (e) => list(e.present) },
  { header: 'Significant', value: (e) => (e.significant ? 'Yes' : 'No') },
  { header: 'Baby seen', value: (e) => e.babySeen },
  { header: 'Corrects', value: (e) => e.corrects?.description ?? '' },
  { header: 'Correction reason', value: (e) => e.correctionReason ?? '' },
  { header: 'Corrected by', value: (e) => list(e.correctedBy.map((c) => c.description)) },
];

/** The rows of the printable table, cell by cell, in the order of the headers. */
export function printRows(entries: readonly EntryView[]): { id: string; significant: boolean; cells: string[] }[] {
  return entries.map((entry) => ({ id: entry.id, significant: entry.significant, cells: COLUMNS.map((column) => column.value(entry)) }));
}

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe, and shows as text. */
function neutralised(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function chronologyCsv(entries: readonly EntryView[]): string {
  const rows = [COLUMNS.map((column) => column.header), ...entries.map((entry) => COLUMNS.map((column) => (column.inFile ?? column.value)(entry)))];
  return `\uFEFF${rows.map((row) => row.map((cell) => quoted(neutralised(cell))).join(',')).join('\r\n')}\r\n`;
}

/** "chronology-baby-hartley-2026-11-22.csv": the case and the day, in letters a file system takes. */
export function csvFileName(caseName: string, today: string): string {
  const slug = caseName.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'case';
  return `chronology-${slug}-${today}.csv`;
}
