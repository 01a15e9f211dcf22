// The chronology leaving the service: the CSV file and the printed copy. The CSV is RFC 4180 with a
// byte order mark (so spreadsheets read it as UTF-8), and no cell can run as a formula when the file
// is opened. Its columns, in order: Occurred (YYYY-MM-DD, with HH:MM UK time when a time was given),
// Recorded at, Recorded by, Agency, Kind, Summary, Source of information, People, Present,
// Significant, Baby seen, then the baby's lived experience as a contact recorded it (each empty for
// any other entry: Awake or asleep; How the baby and the carers were with each other; How the baby was
// dressed; The baby's demeanour; Where the baby was kept or put down; What older brothers and sisters
// said), then Corrects, Correction reason and Corrected by. The printed copy fits A4 portrait: five
// columns (when, agency and kind, what happened with everything else the entry records, source,
// significant), with the protective marking at the head and foot of every sheet (app.css).
import { csvText } from '../../../domain/reports/csv.ts';
import { LIVED_EXPERIENCE_FIELDS } from '../../../domain/chronology/lived-experience.ts';
import type { EntryView } from './chronology.presenter.ts';
import { LIVED_EXPERIENCE_LABELS, livedExperienceText } from './lived-experience.presenter.ts';

/** The protective marking of every copy that leaves the service (Government Security Classifications). */
export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';

interface Column {
  header: string;
  /** As the file holds it: dates as a spreadsheet sorts them (YYYY-MM-DD HH:MM). */
  value(entry: EntryView): string;
}

const list = (names: readonly string[]) => names.join('; ');

export const COLUMNS: readonly Column[] = [
  { header: 'Occurred', value: (e) => e.occurredSortable },
  { header: 'Recorded at', value: (e) => e.recordedAtSortable },
  { header: 'Recorded by', value: (e) => e.recordedBy },
  { header: 'Agency', value: (e) => e.agency },
  { header: 'Kind', value: (e) => e.kind },
  { header: 'Summary', value: (e) => e.summary },
  { header: 'Source of information', value: (e) => e.source },
  { header: 'People', value: (e) => list(e.people) },
  { header: 'Present', value: (e) => list(e.present) },
  { header: 'Significant', value: (e) => (e.significant ? 'Yes' : 'No') },
  { header: 'Baby seen', value: (e) => e.babySeen },
  ...LIVED_EXPERIENCE_FIELDS.map((field): Column => ({ header: LIVED_EXPERIENCE_LABELS[field], value: (e) => livedExperienceText(e.lived, field) })),
  { header: 'Corrects', value: (e) => e.corrects?.description ?? '' },
  { header: 'Correction reason', value: (e) => e.correctionReason ?? '' },
  { header: 'Corrected by', value: (e) => list(e.correctedBy.map((c) => c.description)) },
  { header: 'Disputes', value: (e) => e.disputes.map((d) => `${d.line}: ${d.text}`).join('\n') },
];

export interface PrintRow {
  id: string;
  significant: boolean;
  occurred: string;
  agency: string;
  kind: string;
  summary: string;
  source: string;
  /** Everything else the entry records, each with what it is: shown under the summary. */
  details: { label: string; text: string }[];
}

/** The rows of the printed copy: the entry's main facts in columns, the rest under its summary. */
export function printRows(entries: readonly EntryView[]): PrintRow[] {
  return entries.map((e) => ({
    id: e.id,
    significant: e.significant,
    occurred: e.occurred,
    agency: e.agency,
    kind: e.kind,
    summary: e.summary,
    source: e.source,
    details: [
      ...(e.people.length ? [{ label: 'About', text: e.people.join(', ') }] : []),
      ...(e.present.length ? [{ label: 'Present', text: e.present.join(', ') }] : []),
      ...(e.harmed.length ? [{ label: 'Harmed', text: e.harmed.join(', ') }] : []),
      ...(e.harmedBy.length ? [{ label: 'Caused the harm', text: e.harmedBy.join(', ') }] : []),
      ...(e.babySeen === 'Not recorded' ? [] : [{ label: 'Baby seen', text: e.babySeen }]),
      ...(e.referralSource ? [{ label: 'Who referred (census)', text: e.referralSource }] : []),
      ...e.livedExperience,
      ...e.planChecks.map((check) => ({ label: `Plan check, ${check.text}`, text: check.note ? `${check.outcome}: ${check.note}` : check.outcome })),
      { label: 'Recorded', text: `${e.recordedAt} by ${e.recordedBy}` },
      ...(e.receivedFrom ? [{ label: 'Transferred', text: e.receivedFrom }] : []),
      ...(e.corrects ? [{ label: 'Corrects', text: `${e.corrects.description}. Why: ${e.correctionReason ?? ''}` }] : []),
      ...e.correctedBy.map((c) => ({ label: 'Corrected by', text: `${c.description}. Why: ${c.reason}` })),
      ...e.disputes.map((d) => ({ label: 'Disputed', text: `${d.text} (${d.line})` })),
    ],
  }));
}

export function chronologyCsv(entries: readonly EntryView[]): string {
  return csvText([COLUMNS.map((column) => column.header), ...entries.map((entry) => COLUMNS.map((column) => column.value(entry)))]);
}

/** "chronology-baby-hartley-2026-11-22.csv": the case and the day, in letters a file system takes. */
export function csvFileName(caseName: string, today: string): string {
  const slug = caseName.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'case';
  return `chronology-${slug}-${today}.csv`;
}
