// What makes a new chronology entry acceptable, whoever sends it (a page, an agency's feed, a FHIR
// import): a known kind, a real day that is not in the future, a summary, a source, people who are
// in the record, and factors from the catalogue said of the right subject. Each problem has a path
// so a batch or an API caller can be told exactly which part is wrong.
import { eventKindById, factorById } from '../catalogue/catalogue.ts';
import { isEvidenceSource } from '../catalogue/evidence-sources.ts';
import { EARLIEST_YEAR, isRealIsoDate, isServiceDate } from '../shared/calendar-date.ts';
import { isReferralSourceCode } from './referral-source.ts';

export interface NewEntry {
  kind: string;
  /** YYYY-MM-DD, or an ISO date-time with its offset. */
  occurredAt: string;
  summary: string;
  source: string;
  personIds?: readonly string[];
  presentIds?: readonly string[];
  victimIds?: readonly string[];
  perpetratorIds?: readonly string[];
  indicates?: readonly { factorId: string; personId?: string }[];
  substance?: 'alcohol' | 'drugs';
  gestationWeeks?: number;
  /** A referral only: the census's referral source code (referral-source.ts). */
  referralSource?: string;
  correctionReason?: string;
}

export type EntryProblemCode =
  | 'unknown-kind'
  | 'occurred-at-invalid'
  | 'occurred-in-future'
  | 'summary-needed'
  | 'unknown-source'
  | 'unknown-person'
  | 'unknown-factor'
  | 'derived-factor'
  | 'person-not-expected'
  | 'gestation-invalid'
  | 'unknown-referral-source'
  | 'referral-source-not-referral'
  | 'correction-reason-needed'
  | 'birth-not-recorded'
  | 'birth-date-differs';

export interface EntryProblem {
  code: EntryProblemCode;
  /** JSON pointer into the entry: `/occurredAt`, `/personIds/2`, `/indicates/0/factorId`. */
  path: string;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The day an entry happened on, or null when `occurredAt` is not a real date or date-time. */
export function dayOfOccurrence(occurredAt: string): string | null {
  if (isRealIsoDate(occurredAt)) return occurredAt;
  const match = DATE_TIME.exec(occurredAt);
  if (!match || !isRealIsoDate(match[1]!) || Number.isNaN(Date.parse(occurredAt))) return null;
  // The day as written by the sender (their local day), not shifted to UTC.
  return match[1]!;
}

export interface EntryContext {
  /** YYYY-MM-DD in the service's time zone. */
  today: string;
  /** Everyone in the record. */
  personIds: ReadonlySet<string>;
  /** Whether the entry corrects another (then a reason is needed). */
  isCorrection: boolean;
  /** The record as it is, when the caller knows it: a Birth entry must agree with it (birthEntryProblem). */
  record?: BirthOnRecord;
}

/** What the record says of the birth. */
export interface BirthOnRecord {
  status: 'unborn' | 'born';
  dateOfBirth: string | null;
}

/**
 * A Birth entry must not make a second truth beside the record's (docs/domain.md, "Recording the birth"):
 * on an unborn baby's record the birth is recorded on its own page, which makes the record the baby's
 * and writes the Birth entry itself; on a born baby's record a Birth entry (another agency's account
 * of it) must be on the date of birth the record holds, which is corrected on its own page.
 */
export function birthEntryProblem(entry: Pick<NewEntry, 'kind' | 'occurredAt'>, record: BirthOnRecord): EntryProblem | null {
  if (entry.kind !== 'birth') return null;
  if (record.status === 'unborn') return { code: 'birth-not-recorded', path: '/kind' };
  const day = dayOfOccurrence(entry.occurredAt);
  if (day !== null && record.dateOfBirth !== null && day !== record.dateOfBirth) return { code: 'birth-date-differs', path: '/occurredAt' };
  return null;
}

export function checkNewEntry(entry: NewEntry, context: EntryContext): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (eventKindById(entry.kind) === undefined) problems.push({ code: 'unknown-kind', path: '/kind' });
  const day = dayOfOccurrence(entry.occurredAt);
  if (day === null || !isServiceDate(day)) problems.push({ code: 'occurred-at-invalid', path: '/occurredAt' });
  else if (day > context.today) problems.push({ code: 'occurred-in-future', path: '/occurredAt' });
  if (entry.summary.trim() === '') problems.push({ code: 'summary-needed', path: '/summary' });
  if (!isEvidenceSource(entry.source)) problems.push({ code: 'unknown-source', path: '/source' });
  for (const field of ['personIds', 'presentIds', 'victimIds', 'perpetratorIds'] as const) {
    (entry[field] ?? []).forEach((id, index) => {
      if (!context.personIds.has(id)) problems.push({ code: 'unknown-person', path: `/${field}/${String(index)}` });
    });
  }
  (entry.indicates ?? []).forEach((item, index) => {
    const factor = factorById(item.factorId);
    if (factor === undefined) problems.push({ code: 'unknown-factor', path: `/indicates/${String(index)}/factorId` });
    else if (factor.derived) problems.push({ code: 'derived-factor', path: `/indicates/${String(index)}/factorId` });
    else if (item.personId !== undefined && factor.subject !== 'adult') problems.push({ code: 'person-not-expected', path: `/indicates/${String(index)}/personId` });
    if (item.personId !== undefined && !context.personIds.has(item.personId)) problems.push({ code: 'unknown-person', path: `/indicates/${String(index)}/personId` });
  });
  if (entry.gestationWeeks !== undefined && !(Number.isInteger(entry.gestationWeeks) && entry.gestationWeeks >= 4 && entry.gestationWeeks <= 44)) {
    problems.push({ code: 'gestation-invalid', path: '/gestationWeeks' });
  }
  if (entry.referralSource !== undefined) {
    if (!isReferralSourceCode(entry.referralSource)) problems.push({ code: 'unknown-referral-source', path: '/referralSource' });
    else if (entry.kind !== 'referral') problems.push({ code: 'referral-source-not-referral', path: '/referralSource' });
  }
  if (context.isCorrection && (entry.correctionReason ?? '').trim() === '') problems.push({ code: 'correction-reason-needed', path: '/correctionReason' });
  const birth = context.record ? birthEntryProblem(entry, context.record) : null;
  if (birth) problems.push(birth);
  return problems;
}

/** Plain words for each problem, for pages and API messages alike. */
export const ENTRY_PROBLEM_MESSAGES: Readonly<Record<EntryProblemCode, string>> = {
  'unknown-kind': 'Choose what kind of entry this is from the list',
  'occurred-at-invalid': `Enter when it happened as a real date in ${String(EARLIEST_YEAR)} or later, for example 2026-11-03, or a date and time with its offset`,
  'occurred-in-future': 'When it happened must be today or in the past',
  'summary-needed': 'Enter a summary of what happened',
  'unknown-source': 'Choose where the information comes from',
  'unknown-person': 'Choose people who are in this record',
  'unknown-factor': 'Choose factors from the catalogue',
  'derived-factor': 'That factor is filled from the record and cannot be given by an entry',
  'person-not-expected': 'Only a factor about an adult can name a person',
  'gestation-invalid': 'Weeks of pregnancy at booking must be a whole number from 4 to 44',
  'unknown-referral-source': 'Choose who referred from the census list',
  'referral-source-not-referral': 'Only a referral says who referred',
  'correction-reason-needed': 'Say why the entry is being corrected',
  'birth-not-recorded':
    'This baby is not recorded as born yet: record the birth with "Record the birth" on the record\'s page, which makes this record the baby\'s and adds the Birth entry itself',
  'birth-date-differs':
    'A Birth entry must be on the date of birth the record holds: if that date is wrong, correct it with "Correct the birth details" on the record\'s page',
};

/** Whether the kind makes the entry significant by itself (a reassessment trigger). */
export function significantByKind(kind: string): boolean {
  return eventKindById(kind)?.trigger === true;
}
