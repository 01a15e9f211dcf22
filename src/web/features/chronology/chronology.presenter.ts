// Turns chronology entries into what the pages, the printable page and the CSV file show: dates in
// words, kinds and sources as labels, people by name, and each correction linked both ways.
import type { ChronologyFilters, ListedEntry } from '../../../domain/chronology/filter-entries.ts';
import { EVIDENCE_SOURCES } from '../../../domain/catalogue/evidence-sources.ts';
import type { LivedExperience } from '../../../domain/chronology/lived-experience.ts';
import { PLAN_CHECK_OUTCOME_LABELS } from '../../../domain/plan/plan-checks.ts';
import { REFERRAL_SOURCES } from '../../../domain/chronology/referral-source.ts';
import { dateTimeBothWays, formatDate, formatDateTime } from '../../views/london-time.ts';
import { kindLabel } from './entry-kinds.ts';
import { livedExperienceRows } from './lived-experience.presenter.ts';

export interface EntryLink {
  id: string;
  /** "Home visit on 3 March 2026, recorded by Claire Dobson on 4 March 2026 at 9:00am". */
  description: string;
}

export interface EntryView {
  id: string;
  occurred: string;
  /** YYYY-MM-DD, with HH:MM (UK time) when a time was given: for spreadsheets. */
  occurredSortable: string;
  recordedAt: string;
  recordedAtSortable: string;
  recordedBy: string;
  agency: string;
  kind: string;
  summary: string;
  /** The summary cut at a word to fit a row of the list (the whole of it when short). */
  summaryShort: string;
  source: string;
  people: string[];
  present: string[];
  harmed: string[];
  harmedBy: string[];
  significant: boolean;
  babySeen: string;
  /** What a contact recorded about the baby's lived experience: as stored, and each answer in words. */
  lived: LivedExperience | undefined;
  livedExperience: { label: string; text: string }[];
  /** A contact's answers to the plan's check items, in words. */
  planChecks: { text: string; outcome: string; note: string }[];
  corrects: EntryLink | null;
  correctionReason: string | null;
  correctedBy: (EntryLink & { reason: string })[];
  /** What people say is wrong in it, oldest first: shown beside it wherever it is shown. */
  disputes: DisputeView[];
  /** Received in a transfer: "Received from Southby Health Visiting on 24 November 2026". Left out for an entry recorded here. */
  receivedFrom?: string;
  /** A referral: who referred, as the census codes it ("3A Health services: GP"), or "Not recorded". Left out for any other kind. */
  referralSource?: string;
}

/** What a row of the list shows of an entry: its page shows the rest. */
export interface EntryRow {
  id: string;
  occurred: string;
  agency: string;
  kind: string;
  /** The summary cut at a word to fit a row of the list (the whole of it when short). */
  summaryShort: string;
  source: string;
  significant: boolean;
  /** Another entry corrects it. */
  corrected: boolean;
  /** It corrects another entry. */
  correction: boolean;
  disputed: boolean;
  /** A referral: who referred, as the census codes it, or "Not recorded". Left out for any other kind. */
  referralSource?: string;
}

export interface DisputeView {
  disputedBy: string;
  text: string;
  /** "Disputed by the mother, Jo Smith, recorded by Claire Dobson (Health visiting) on 4 March 2026 at 9:00am". */
  line: string;
}

export function occurredInWords(occurredAt: string): string {
  return occurredAt.length === 10 ? formatDate(occurredAt) : formatDateTime(occurredAt);
}

/** When it happened in words and as a spreadsheet sorts it: occurredInWords and sortableDateTime, reading the clock once. */
function occurredBothWays(occurredAt: string): { words: string; sortable: string } {
  return occurredAt.length === 10 ? { words: formatDate(occurredAt), sortable: occurredAt } : dateTimeBothWays(occurredAt);
}

/** Long enough for two or three lines of the list; the entry's own page shows it all. */
const SHORT_SUMMARY = 160;

/** The text cut at the last space before the limit, with an ellipsis; the text itself when it fits. */
export function shortened(text: string, limit = SHORT_SUMMARY): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

function referralSourceInWords(entry: ListedEntry): { referralSource?: string } {
  if (entry.kind !== 'referral') return {};
  return { referralSource: entry.referralSource ? `${entry.referralSource} ${REFERRAL_SOURCES[entry.referralSource]}` : 'Not recorded' };
}

/** The rows of the list: only what a row shows, so a page of a long chronology presents no more than it writes. */
export function presentRows(entries: readonly ListedEntry[]): EntryRow[] {
  return entries.map((entry) => ({
    id: entry.id,
    occurred: occurredInWords(entry.occurredAt),
    agency: entry.agency,
    kind: kindLabel(entry.kind),
    summaryShort: shortened(entry.summary),
    source: EVIDENCE_SOURCES[entry.source].label,
    significant: entry.significant,
    corrected: entry.correctedBy.length > 0,
    correction: entry.corrects !== undefined,
    disputed: (entry.disputes ?? []).length > 0,
    ...referralSourceInWords(entry),
  }));
}

function describe(entry: ListedEntry): string {
  return `${kindLabel(entry.kind)} on ${occurredInWords(entry.occurredAt)}, recorded by ${entry.recordedBy} on ${formatDateTime(entry.recordedAt)}`;
}

/** Presents entries; `all` (every entry of the case) names what each correction points to. */
export function presentEntries(entries: readonly ListedEntry[], all: readonly ListedEntry[], people: readonly { id: string; name: string }[]): EntryView[] {
  const byId = new Map(all.map((entry) => [entry.id, entry]));
  const names = new Map(people.map((person) => [person.id, person.name]));
  const named = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? 'Someone not in the record');
  return entries.map((entry) => {
    const corrected = entry.corrects === undefined ? undefined : byId.get(entry.corrects);
    const occurred = occurredBothWays(entry.occurredAt);
    const recorded = dateTimeBothWays(entry.recordedAt);
    return {
      id: entry.id,
      occurred: occurred.words,
      occurredSortable: occurred.sortable,
      recordedAt: recorded.words,
      recordedAtSortable: recorded.sortable,
      recordedBy: entry.recordedBy,
      agency: entry.agency,
      kind: kindLabel(entry.kind),
      summary: entry.summary,
      summaryShort: shortened(entry.summary),
      source: EVIDENCE_SOURCES[entry.source].label,
      people: named(entry.personIds),
      present: named(entry.presentIds),
      harmed: named(entry.victimIds),
      harmedBy: named(entry.perpetratorIds),
      significant: entry.significant,
      babySeen: entry.babySeen === null ? 'Not recorded' : entry.babySeen ? 'Yes' : 'No',
      lived: entry.livedExperience,
      livedExperience: livedExperienceRows(entry.livedExperience),
      planChecks: (entry.planChecks ?? []).map((check) => ({ text: check.text, outcome: PLAN_CHECK_OUTCOME_LABELS[check.outcome], note: check.note })),
      corrects: corrected ? { id: corrected.id, description: describe(corrected) } : null,
      correctionReason: entry.correctionReason ?? null,
      correctedBy: entry.correctedBy.flatMap((id) => {
        const correction = byId.get(id);
        return correction ? [{ id, description: describe(correction), reason: correction.correctionReason ?? '' }] : [];
      }),
      ...referralSourceInWords(entry),
      ...(entry.receivedFrom ? { receivedFrom: `Received from ${entry.receivedFrom.area} on ${formatDate(entry.receivedFrom.receivedOn)}` } : {}),
      disputes: (entry.disputes ?? []).map((d) => ({
        disputedBy: d.disputedBy,
        text: d.text,
        line: `Disputed by ${d.disputedBy}, recorded by ${d.recordedBy} (${d.agency}) on ${formatDateTime(d.recordedAt)}`,
      })),
    };
  });
}

/** The choices of the filter form: the agencies and kinds that appear in the chronology (each once), and everyone in the record. */
export function filterChoices(chronology: { agencies: readonly string[]; kinds: readonly string[] }, people: readonly { id: string; name: string }[]) {
  const agencies = [...chronology.agencies].sort((a, b) => a.localeCompare(b));
  const kinds = chronology.kinds.map((kind) => ({ value: kind, text: kindLabel(kind) })).sort((a, b) => a.text.localeCompare(b.text));
  return {
    agencyItems: [{ value: '', text: 'All agencies' }, ...agencies.map((agency) => ({ value: agency, text: agency }))],
    kindItems: [{ value: '', text: 'All kinds' }, ...kinds],
    personItems: [{ value: '', text: 'Everyone' }, ...people.map((person) => ({ value: person.id, text: person.name }))],
  };
}

/** The filters in words, for the printed copy: "Agency: Northfield Police", "From 1 March 2026". */
export function describeFilters(filters: ChronologyFilters, people: readonly { id: string; name: string }[]): string[] {
  return [
    ...(filters.agency ? [`Agency: ${filters.agency}`] : []),
    ...(filters.kind ? [`Kind: ${kindLabel(filters.kind)}`] : []),
    ...(filters.personId ? [`Person: ${people.find((person) => person.id === filters.personId)?.name ?? 'someone not in the record'}`] : []),
    ...(filters.from ? [`From ${formatDate(filters.from)}`] : []),
    ...(filters.to ? [`To ${formatDate(filters.to)}`] : []),
    ...(filters.significantOnly ? ['Significant entries only'] : []),
  ];
}
