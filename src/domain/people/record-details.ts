// What helps people find a baby's record and reach the family (issue 14): the household's address
// (restricted for a refuge or anywhere else it must be kept from people outside the team), the
// registered GP practice, the birth hospital and, before the birth, the mother's NHS number. And how
// a search shows a record the searcher cannot open: an age band and why it matched, never a date of
// birth or an address. Pure: `today` comes in as an ISO date.
import { checkNhsNumber, nhsNumberWords, normaliseNhsNumber } from './nhs-number.ts';
import { addMonths, MONTH_NAMES } from '../shared/calendar-date.ts';
import type { InfantStatus } from './record-matching.ts';

export interface RecordDetails {
  /** The lines of the address, without the postcode: "Flat 2, 14 Mill Lane, Derby". */
  address: string | null;
  /** As written by Royal Mail: upper case, one space before the last three characters. */
  postcode: string | null;
  /** Kept from everyone but the lead professional and oversight (a refuge, say): never in search results. */
  addressRestricted: boolean;
  gpPracticeName: string | null;
  /** The practice's Organisation Data Service code: a letter and five digits, like A81001. */
  gpPracticeOdsCode: string | null;
  birthHospital: string | null;
  /** Recorded before the birth, so that her NHS number finds the unborn baby's record. */
  motherNhsNumber: string | null;
}

export type RecordDetailsField = keyof RecordDetails;

export interface RecordDetailsProblem {
  field: RecordDetailsField;
  message: string;
}

export const NO_RECORD_DETAILS: RecordDetails = {
  address: null,
  postcode: null,
  addressRestricted: false,
  gpPracticeName: null,
  gpPracticeOdsCode: null,
  birthHospital: null,
  motherNhsNumber: null,
};

export const ADDRESS_MAX_LENGTH = 300;
export const NAME_MAX_LENGTH = 200;

const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/;
const GP_PRACTICE_ODS_CODE = /^[A-Z]\d{5}$/;

/** "de1 2ab" and "DE12AB" are both "DE1 2AB"; anything that is not a postcode is returned as typed, trimmed. */
export function normalisePostcode(input: string): string {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  return POSTCODE.test(compact) ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : input.trim();
}

export function isPostcode(input: string): boolean {
  return POSTCODE.test(input.replace(/\s+/g, '').toUpperCase());
}

export function normaliseOdsCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** A GP practice's ODS code: one letter and five digits (A81001). */
export function isGpPracticeOdsCode(input: string): boolean {
  return GP_PRACTICE_ODS_CODE.test(normaliseOdsCode(input));
}

function blank(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+$/gm, '').trim();
  return trimmed ? trimmed : null;
}

/** Trimmed, blanks as null, the postcode and ODS code in their standard form, the NHS number as ten digits. */
export function normaliseRecordDetails(input: Partial<RecordDetails>): RecordDetails {
  const postcode = blank(input.postcode);
  const ods = blank(input.gpPracticeOdsCode);
  const mother = blank(input.motherNhsNumber);
  return {
    address: blank(input.address),
    postcode: postcode ? normalisePostcode(postcode) : null,
    addressRestricted: input.addressRestricted === true,
    gpPracticeName: blank(input.gpPracticeName),
    gpPracticeOdsCode: ods ? normaliseOdsCode(ods) : null,
    birthHospital: blank(input.birthHospital),
    motherNhsNumber: mother ? normaliseNhsNumber(mother) : null,
  };
}

/**
 * What is wrong with the details, field by field, in the order the form asks; none when they may be
 * kept. `stored` are the details before the change: a born baby's record keeps the mother's NHS
 * number recorded before the birth, but it is not given or changed after it.
 */
export function checkRecordDetails(details: RecordDetails, status: InfantStatus, stored: RecordDetails = NO_RECORD_DETAILS): RecordDetailsProblem[] {
  const problems: RecordDetailsProblem[] = [];
  if (details.address && details.address.length > ADDRESS_MAX_LENGTH) problems.push({ field: 'address', message: `Address must be ${ADDRESS_MAX_LENGTH} characters or fewer` });
  if (details.postcode && !isPostcode(details.postcode)) problems.push({ field: 'postcode', message: 'Enter a real postcode, like DE1 2AB' });
  if (details.addressRestricted && !details.address && !details.postcode) {
    problems.push({ field: 'addressRestricted', message: 'Enter the address to restrict, or do not tick restricted' });
  }
  if (details.gpPracticeName && details.gpPracticeName.length > NAME_MAX_LENGTH) problems.push({ field: 'gpPracticeName', message: `GP practice name must be ${NAME_MAX_LENGTH} characters or fewer` });
  if (details.gpPracticeOdsCode && !isGpPracticeOdsCode(details.gpPracticeOdsCode)) {
    problems.push({ field: 'gpPracticeOdsCode', message: 'Enter the practice code as a letter and 5 numbers, like A81001' });
  } else if (details.gpPracticeOdsCode && !details.gpPracticeName) {
    problems.push({ field: 'gpPracticeName', message: 'Enter the name of the GP practice' });
  }
  if (details.birthHospital && details.birthHospital.length > NAME_MAX_LENGTH) problems.push({ field: 'birthHospital', message: `Birth hospital must be ${NAME_MAX_LENGTH} characters or fewer` });
  if (details.motherNhsNumber && details.motherNhsNumber !== stored.motherNhsNumber) {
    if (status !== 'unborn') problems.push({ field: 'motherNhsNumber', message: "The mother's NHS number is recorded only before the birth. Add her as a person around the baby." });
    else if (checkNhsNumber(details.motherNhsNumber) !== null) problems.push({ field: 'motherNhsNumber', message: nhsNumberWords(details.motherNhsNumber, "the mother's")! });
  }
  return problems;
}

/** The fields that differ between two sets of details: what an audit entry names, never their values. */
export function changedRecordDetails(before: RecordDetails, after: RecordDetails): RecordDetailsField[] {
  return (Object.keys(NO_RECORD_DETAILS) as RecordDetailsField[]).filter((field) => before[field] !== after[field]);
}

// ---------------------------------------------------------------------------------------------
// A record found by someone who cannot open it.

export interface AgeFacts {
  status: InfantStatus;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
}

/**
 * How old the baby is, in bands wide enough not to give away the date of birth: "unborn, due March
 * 2027" (the month only), "under 3 months", "3 to 6 months", "6 to 12 months", "1 to 2 years",
 * "2 years or older". Counted in calendar months: a baby born on 10 June is 3 months on 10 September.
 */
export function ageBand(record: AgeFacts, today: string): string {
  if (record.status === 'unborn' || !record.dateOfBirth) {
    if (!record.expectedDeliveryDate) return 'unborn';
    const [year, month] = record.expectedDeliveryDate.split('-').map(Number) as [number, number];
    return `unborn, due ${MONTH_NAMES[month - 1]!} ${year}`;
  }
  const born = record.dateOfBirth;
  if (today < addMonths(born, 3)) return 'under 3 months';
  if (today < addMonths(born, 6)) return '3 to 6 months';
  if (today < addMonths(born, 12)) return '6 to 12 months';
  if (today < addMonths(born, 24)) return '1 to 2 years';
  return '2 years or older';
}

/** Why a search found a record, strongest first. */
export const MATCH_REASONS = {
  'nhs-number': 'NHS number',
  'mother-nhs-number': "mother's NHS number",
  'surname-and-date-of-birth': 'surname and date of birth',
  'surname-and-due-date': 'surname and due date',
  postcode: 'postcode',
  name: 'name',
  'date-of-birth': 'date of birth',
  'due-date': 'due date',
} as const;

export type MatchReason = keyof typeof MATCH_REASONS;

const REASON_ORDER = Object.keys(MATCH_REASONS) as MatchReason[];

/** Which of the search's criteria the record met (each false when it was not searched for). */
export interface CriteriaMet {
  nhsNumber: boolean;
  motherNhsNumber: boolean;
  name: boolean;
  dateOfBirth: boolean;
  dueDate: boolean;
  postcode: boolean;
}

/** The reasons for a match, strongest first: a name with a date is one reason, the surname and the date. */
export function matchReasons(met: CriteriaMet): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (met.nhsNumber) reasons.push('nhs-number');
  if (met.motherNhsNumber) reasons.push('mother-nhs-number');
  if (met.name && met.dateOfBirth) reasons.push('surname-and-date-of-birth');
  else if (met.name && met.dueDate) reasons.push('surname-and-due-date');
  else {
    if (met.name) reasons.push('name');
    if (met.dateOfBirth) reasons.push('date-of-birth');
    if (met.dueDate) reasons.push('due-date');
  }
  if (met.postcode) reasons.push('postcode');
  return reasons.sort((a, b) => REASON_ORDER.indexOf(a) - REASON_ORDER.indexOf(b));
}

export function matchReasonsInWords(reasons: readonly MatchReason[]): string {
  const words = reasons.map((reason) => MATCH_REASONS[reason]);
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

export interface RankedHit {
  /** The searcher is in the team around the baby (lead professional or member). */
  own: boolean;
  matchedOn: readonly MatchReason[];
}

/**
 * Search results in the order they are shown: the searcher's own cases first, then by the strongest
 * reason for the match, then as the database ranked them (its order is kept between equals).
 */
export function orderSearchHits<T extends RankedHit>(hits: readonly T[]): T[] {
  const strongest = (hit: RankedHit) => (hit.matchedOn.length === 0 ? REASON_ORDER.length : Math.min(...hit.matchedOn.map((reason) => REASON_ORDER.indexOf(reason))));
  return hits
    .map((hit, index) => ({ hit, index }))
    .sort((a, b) => Number(b.hit.own) - Number(a.hit.own) || strongest(a.hit) - strongest(b.hit) || a.index - b.index)
    .map(({ hit }) => hit);
}
