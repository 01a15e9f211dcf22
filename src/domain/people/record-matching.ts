// Finding a baby's record before making a second one: why an existing record may be the same baby,
// the date windows worth searching, and the checks a new record or a recorded birth must pass.
// Pure: `today` is passed in as an ISO date; name likeness and "sounds alike" facts come in too.
import { NHS_NUMBER_SHAPE_WORDS, normaliseNhsNumber, nhsNumberWords } from './nhs-number.ts';
import { addDays, addMonths, dayInWords, daysFrom, isRealIsoDate } from '../shared/calendar-date.ts';
import { anyDayProblem, tooEarlyWords } from '../shared/date-rules.ts';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// Names.

/** Lower case, accents removed, runs of spaces collapsed: "  Zoë  O'Neil " -> "zoe o'neil". */
export function normaliseName(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function trigrams(value: string): Set<string> {
  const out = new Set<string>();
  for (const word of value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = `  ${word} `;
    // By character (code point), as PostgreSQL counts them.
    const chars = Array.from(padded);
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  }
  return out;
}

/**
 * Trigram similarity from 0 to 1, computed as PostgreSQL's pg_trgm similarity() does, so that the
 * explanation shown agrees with the database's search: "jon smyth" and "john smith" score 0.3125.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let common = 0;
  for (const gram of left) if (right.has(gram)) common++;
  return common / (left.size + right.size - common);
}

/** A name typed into a search: its full form, and the given and family parts ("Smith, John" or "John Smith"). */
export interface NameQuery {
  full: string;
  given: string | null;
  family: string;
}

export function parseNameQuery(input: string): NameQuery | null {
  const trimmed = input.replace(/\s+/g, ' ').trim();
  if (trimmed.replace(/[^\p{L}\p{N}]/gu, '').length < 2) return null;
  const comma = trimmed.indexOf(',');
  if (comma !== -1) {
    const family = trimmed.slice(0, comma).trim();
    const given = trimmed.slice(comma + 1).trim() || null;
    if (family) return { full: normaliseName(given ? `${given} ${family}` : family), given, family };
  }
  const words = trimmed.replace(/,/g, ' ').split(' ').filter(Boolean);
  const family = words.at(-1)!;
  const given = words.length > 1 ? words.slice(0, -1).join(' ') : null;
  return { full: normaliseName(trimmed.replace(/,/g, ' ')), given, family };
}

// ---------------------------------------------------------------------------------------------
// Why an existing record may be the same baby.

export interface InfantRecordFacts {
  status: 'unborn' | 'born';
  givenName: string | null;
  familyName: string | null;
  nhsNumber: string | null;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  /**
   * The mother's NHS numbers known for the record: a new record's as typed; an existing record's as
   * recorded before the birth and as the NHS number of the person recorded as the mother. Left out
   * when not known.
   */
  motherNhsNumbers?: readonly (string | null)[];
  /**
   * The mother's name and date of birth known for the record: a new record's as typed; an existing
   * record's as given when it was made and as the person recorded as the mother has them. Left out
   * when not known. Weaker than her NHS number: two women can share both (docs/domain.md, "Who is in the record").
   */
  mothers?: readonly MotherIdentity[];
}

/** A mother as her name and date of birth tell her apart, when her NHS number is not to hand. */
export interface MotherIdentity {
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
}

/** Phonetic likeness the database works out (double metaphone), passed in as facts. */
export interface SoundsAlike {
  givenName?: boolean;
  familyName?: boolean;
}

export type MatchStrength = 'certain' | 'likely' | 'possible' | 'none';

/**
 * What a match rests on, in kinds, not details: all that is said of a record the practitioner may not
 * open, since "Due dates 3 days apart" would tell them the other record's due date.
 */
export type MatchGround = 'nhs-number' | 'mother-nhs-number' | 'mother-name-and-date-of-birth' | 'name' | 'date';

/** Every ground, strongest first. */
export const MATCH_GROUNDS: readonly MatchGround[] = ['nhs-number', 'mother-nhs-number', 'mother-name-and-date-of-birth', 'name', 'date'];

export const MATCH_GROUND_WORDS: Readonly<Record<MatchGround, string>> = {
  'nhs-number': 'Same NHS number',
  'mother-nhs-number': "Same mother's NHS number",
  'mother-name-and-date-of-birth': "Same mother's name and date of birth",
  name: 'A name like the one you entered',
  date: 'A date of birth or due date close to the one you entered',
};

export interface MatchAssessment {
  strength: MatchStrength;
  /** Plain-English reasons, strongest first: what a practitioner checks before deciding. */
  reasons: string[];
  /** The kinds of reason, strongest first: what is shown of a record the practitioner may not open. */
  grounds: MatchGround[];
}

/** The grounds of a match in words, one a line, for a record the practitioner may not open. */
export function matchGroundsInWords(grounds: readonly MatchGround[]): string[] {
  return grounds.map((ground) => MATCH_GROUND_WORDS[ground]);
}

/** Dates of birth this many days apart are treated as a slip of the keyboard. */
export const DATE_OF_BIRTH_SLIP_DAYS = 3;
/** Due dates move with scans; this many days apart still points at the same pregnancy. */
export const DUE_DATE_DRIFT_DAYS = 14;
/** A birth this many days before the due date, or after it, is close to it (37 to 42 weeks). */
export const BORN_CLOSE_BEFORE_DUE_DAYS = 21;
export const BORN_CLOSE_AFTER_DUE_DAYS = 14;
/** A birth between 22 and 44 weeks is possible at all: it matches a due date only with a like name. */
export const BORN_EARLIEST_BEFORE_DUE_DAYS = (40 - 22) * 7;
export const BORN_LATEST_AFTER_DUE_DAYS = (44 - 40) * 7;
/** A date typed into a search finds due dates this many days either side of it. */
export const SEARCH_DUE_DATE_DAYS = 7;

type DateEvidence = { level: 'same' | 'close' | 'compatible' | 'different'; reason: string | null };
type NameEvidence = { level: 'same' | 'similar' | 'partial' | 'not-recorded' | 'different'; reasons: string[] };

function swappedDayAndMonth(a: string, b: string): boolean {
  return a !== b && a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7);
}

function apart(days: number): string {
  return plural(Math.abs(days), 'day');
}

/** Compares the key date of the new record (birth or due date) with the existing record's dates. */
function compareDates(input: InfantRecordFacts, existing: InfantRecordFacts): DateEvidence {
  const candidates: DateEvidence[] = [];
  if (input.dateOfBirth && existing.dateOfBirth) {
    const days = daysFrom(input.dateOfBirth, existing.dateOfBirth);
    if (days === 0) candidates.push({ level: 'same', reason: 'Same date of birth' });
    else if (Math.abs(days) <= DATE_OF_BIRTH_SLIP_DAYS) candidates.push({ level: 'close', reason: `Dates of birth ${apart(days)} apart` });
    else if (swappedDayAndMonth(input.dateOfBirth, existing.dateOfBirth)) candidates.push({ level: 'close', reason: 'Same date of birth with the day and month swapped' });
  }
  if (input.expectedDeliveryDate && existing.expectedDeliveryDate) {
    const days = daysFrom(input.expectedDeliveryDate, existing.expectedDeliveryDate);
    if (days === 0) candidates.push({ level: 'same', reason: 'Same due date' });
    else if (Math.abs(days) <= DUE_DATE_DRIFT_DAYS) candidates.push({ level: 'close', reason: `Due dates ${apart(days)} apart` });
  }
  const bornVersusDue = (born: string, due: string, bornIsNew: boolean): void => {
    const early = daysFrom(born, due); // positive when born before the due date
    const reason = bornIsNew
      ? early === 0 ? 'Unborn baby due on the date of birth you entered' : `Unborn baby due ${apart(early)} ${early > 0 ? 'after' : 'before'} the date of birth you entered`
      : early === 0 ? 'Born on the due date you entered' : `Born ${apart(early)} ${early > 0 ? 'before' : 'after'} the due date you entered`;
    if (early <= BORN_CLOSE_BEFORE_DUE_DAYS && -early <= BORN_CLOSE_AFTER_DUE_DAYS) candidates.push({ level: 'close', reason });
    else if (early <= BORN_EARLIEST_BEFORE_DUE_DAYS && -early <= BORN_LATEST_AFTER_DUE_DAYS) candidates.push({ level: 'compatible', reason });
  };
  if (input.dateOfBirth && existing.status === 'unborn' && existing.expectedDeliveryDate) bornVersusDue(input.dateOfBirth, existing.expectedDeliveryDate, true);
  if (input.status === 'unborn' && input.expectedDeliveryDate && existing.dateOfBirth) bornVersusDue(existing.dateOfBirth, input.expectedDeliveryDate, false);
  const order = ['same', 'close', 'compatible'] as const;
  for (const level of order) {
    const found = candidates.find((candidate) => candidate.level === level);
    if (found) return found;
  }
  return { level: 'different', reason: null };
}

type PartLikeness = 'same' | 'similar' | 'different';

/** Family names this alike (trigrams) count as a misspelling of each other. */
const NAME_PART_SIMILAR = 0.4;

function comparePart(a: string, b: string, soundsAlike: boolean | undefined): PartLikeness {
  if (a === b) return 'same';
  if (soundsAlike || nameSimilarity(a, b) >= NAME_PART_SIMILAR) return 'similar';
  return 'different';
}

function compareNames(input: InfantRecordFacts, existing: InfantRecordFacts, soundsAlike: SoundsAlike): NameEvidence {
  const given = [normaliseName(input.givenName), normaliseName(existing.givenName)] as const;
  const family = [normaliseName(input.familyName), normaliseName(existing.familyName)] as const;
  const givenLike = given[0] && given[1] ? comparePart(given[0], given[1], soundsAlike.givenName) : null;
  const familyLike = family[0] && family[1] ? comparePart(family[0], family[1], soundsAlike.familyName) : null;
  if (givenLike === null && familyLike === null) {
    // Given and family name typed into each other's boxes is a common slip.
    const crossed =
      (given[0] && family[1] && comparePart(given[0], family[1], false) !== 'different') ||
      (family[0] && given[1] && comparePart(family[0], given[1], false) !== 'different');
    if (crossed) return { level: 'similar', reasons: ['Same name, but in the other name box'] };
    return { level: 'not-recorded', reasons: ['No name on one of the records to compare'] };
  }
  const parts = [givenLike, familyLike].filter((part): part is PartLikeness => part !== null);
  if (parts.every((part) => part === 'same')) return { level: 'same', reasons: [parts.length === 2 ? 'Same name' : givenLike ? 'Same first name' : 'Same family name'] };
  if (parts.every((part) => part !== 'different')) {
    const reasons = familyLike === 'similar' && soundsAlike.familyName && family[0] !== family[1] ? ['Similar name: the family name sounds the same'] : ['Similar name'];
    return { level: 'similar', reasons };
  }
  if (givenLike && familyLike) {
    const crossed = comparePart(given[0], family[1], false) !== 'different' && comparePart(family[0], given[1], false) !== 'different';
    if (crossed) return { level: 'similar', reasons: ['Same name, but the first and family names are the other way round'] };
    if (familyLike !== 'different') return { level: 'partial', reasons: ['Same family name but a different first name: this may be a twin'] };
    if (givenLike !== 'different') return { level: 'partial', reasons: ['Same first name but a different family name: the family name may have changed'] };
  }
  return { level: 'different', reasons: [] };
}

/** The mother's NHS numbers of two records: the same mother, different mothers, or not known on one of them. */
function compareMothers(input: InfantRecordFacts, existing: InfantRecordFacts): 'same' | 'different' | 'unknown' {
  const numbers = (facts: InfantRecordFacts) => new Set((facts.motherNhsNumbers ?? []).filter((n): n is string => Boolean(n)).map((n) => normaliseNhsNumber(n)));
  const mine = numbers(input);
  const theirs = numbers(existing);
  if (mine.size === 0 || theirs.size === 0) return 'unknown';
  for (const number of mine) if (theirs.has(number)) return 'same';
  return 'different';
}

/** A name reduced to its letters and digits, without accents or case: "Anne-Marie O'Neil" and "anne marie oneil" are one name. */
export function nameKey(value: string | null | undefined): string {
  return normaliseName(value).replace(/[^\p{L}\p{N}]/gu, '');
}

/** The first of the given names ("Mary" of "Mary-Jane" or "Mary Jane"), as a key. */
function firstGivenKey(value: string | null | undefined): string {
  return nameKey(normaliseName(value).split(/[\s-]+/)[0]);
}

/**
 * The same woman by name and date of birth: the same date of birth, the same family name, and the same
 * given names or the same first given name, compared without case, accents, spaces, hyphens or
 * apostrophes. Each part must be known on both sides; a woman's name is not a partial match.
 */
export function sameMotherIdentity(a: MotherIdentity, b: MotherIdentity): boolean {
  if (!a.dateOfBirth || !b.dateOfBirth || a.dateOfBirth !== b.dateOfBirth) return false;
  const family = [nameKey(a.familyName), nameKey(b.familyName)];
  const given = [nameKey(a.givenName), nameKey(b.givenName)];
  if (!family[0] || !given[0] || family[0] !== family[1]) return false;
  return given[0] === given[1] || (firstGivenKey(a.givenName) !== '' && firstGivenKey(a.givenName) === firstGivenKey(b.givenName));
}

function sameMotherByName(input: InfantRecordFacts, existing: InfantRecordFacts): boolean {
  return (input.mothers ?? []).some((mine) => (existing.mothers ?? []).some((theirs) => sameMotherIdentity(mine, theirs)));
}

export const MOTHER_IDENTITY_REASON = "Same mother's name and date of birth";
/** Words for a match on the mother's name and date of birth whose dates do not fit one pregnancy. */
export const MOTHER_IDENTITY_APART_REASON =
  "The dates do not fit one pregnancy: this may be the record of a brother or sister, or of another woman with the same name and date of birth";

/** Words for a same-mother match whose dates cannot be the same pregnancy: the record of a brother or sister. */
export const SIBLING_REASON = 'The dates are far apart: this may be the record of a brother or sister, and the mother is already known';

function groundsOf(dates: DateEvidence, names: NameEvidence, first: MatchGround[]): MatchGround[] {
  const grounds = [...first];
  if (names.level === 'same' || names.level === 'similar' || names.level === 'partial') grounds.push('name');
  if (dates.level !== 'different') grounds.push('date');
  return grounds;
}

/**
 * How likely an existing record is to be the same baby as the record about to be made (its likely duplicates:
 * docs/domain.md, "Who is in the record").
 *   certain   same NHS number
 *   likely    the same mother's NHS number and a date that fits (the same pregnancy); the same mother's
 *             name and date of birth and a close date (the same pregnancy, on weaker grounds: two unborn
 *             records of her due far apart are only possible); or the same or a close date, and the
 *             same or a similar name
 *   possible  the same mother's NHS number and dates far apart (a brother or sister: the mother is
 *             known); the same mother's name and date of birth and dates that are not close; a close
 *             date and no name to compare, or only the first or family name alike; or a birth date that
 *             fits the due date (22 to 44 weeks) with a like name
 * Two different NHS numbers are two different babies, whatever else agrees; so are two different
 * mothers' NHS numbers (a twin has the same mother, and so is still found). A mother's name or date of
 * birth that differs rules nothing out: names change, and dates are mistyped.
 */
export function assessMatch(input: InfantRecordFacts, existing: InfantRecordFacts, soundsAlike: SoundsAlike = {}): MatchAssessment {
  const nhs = [input.nhsNumber, existing.nhsNumber].map((n) => (n ? normaliseNhsNumber(n) : null));
  const mothers = compareMothers(input, existing);
  const motherByName = sameMotherByName(input, existing);
  const motherReason = [...(mothers === 'same' ? ["Same mother's NHS number"] : []), ...(motherByName ? [MOTHER_IDENTITY_REASON] : [])];
  const motherGround: MatchGround[] = [...(mothers === 'same' ? (['mother-nhs-number'] as const) : []), ...(motherByName ? (['mother-name-and-date-of-birth'] as const) : [])];
  if (nhs[0] && nhs[1]) {
    if (nhs[0] === nhs[1]) {
      const dates = compareDates(input, existing);
      const names = compareNames(input, existing, soundsAlike);
      return {
        strength: 'certain',
        reasons: ['Same NHS number', ...motherReason, ...(dates.reason ? [dates.reason] : []), ...names.reasons],
        grounds: groundsOf(dates, names, ['nhs-number', ...motherGround]),
      };
    }
    return { strength: 'none', reasons: ['Different NHS numbers'], grounds: [] };
  }
  if (mothers === 'different') return { strength: 'none', reasons: ["Different mothers' NHS numbers"], grounds: [] };
  const dates = compareDates(input, existing);
  const names = compareNames(input, existing, soundsAlike);
  const reasons = [...motherReason, ...(dates.reason ? [dates.reason] : []), ...names.reasons];
  const grounds = groundsOf(dates, names, motherGround);
  const closeDate = dates.level === 'same' || dates.level === 'close';
  const likeName = names.level === 'same' || names.level === 'similar';
  if (mothers === 'same') {
    // The same mother: the same pregnancy when the dates fit (a mother is not expecting two babies due
    // at different times), else a brother or sister's record.
    if (dates.level !== 'different') return { strength: 'likely', reasons, grounds };
    if (input.status === 'unborn' && existing.status === 'unborn' && input.expectedDeliveryDate && existing.expectedDeliveryDate) {
      const days = daysFrom(input.expectedDeliveryDate, existing.expectedDeliveryDate);
      return { strength: 'likely', reasons: [...motherReason, `Both unborn, due ${apart(days)} apart: the same pregnancy, with the due date recorded differently`, ...names.reasons], grounds: [...grounds, 'date'] };
    }
    return { strength: 'possible', reasons: [...reasons, SIBLING_REASON], grounds };
  }
  if (motherByName) {
    // Her name and date of birth, without her NHS number: another woman may share them, so only a close
    // date (the same pregnancy) makes it likely.
    if (closeDate) return { strength: 'likely', reasons, grounds };
    return { strength: 'possible', reasons: [...reasons, MOTHER_IDENTITY_APART_REASON], grounds };
  }
  if (closeDate && likeName) return { strength: 'likely', reasons, grounds };
  if (closeDate && (names.level === 'partial' || names.level === 'not-recorded')) return { strength: 'possible', reasons, grounds };
  if (dates.level === 'compatible' && likeName) return { strength: 'possible', reasons, grounds };
  return { strength: 'none', reasons: [], grounds: [] };
}

const STRENGTH_ORDER: Record<MatchStrength, number> = { certain: 0, likely: 1, possible: 2, none: 3 };

/** Sorts strongest first; used to list possible matches. */
export function compareStrength(a: MatchStrength, b: MatchStrength): number {
  return STRENGTH_ORDER[a] - STRENGTH_ORDER[b];
}

export interface DateRange {
  from: string;
  to: string;
}

/**
 * The dates worth looking at in the database for possible matches of a new record: `close` ranges
 * find candidates whatever their name; `wide` ranges only count with a like name. Mirrors assessMatch.
 */
export interface MatchWindows {
  close: { dateOfBirth: DateRange[]; expectedDeliveryDate: DateRange[] };
  wide: { dateOfBirth: DateRange[]; expectedDeliveryDate: DateRange[] };
}

export function matchWindows(input: Pick<InfantRecordFacts, 'status' | 'dateOfBirth' | 'expectedDeliveryDate'>): MatchWindows {
  const windows: MatchWindows = { close: { dateOfBirth: [], expectedDeliveryDate: [] }, wide: { dateOfBirth: [], expectedDeliveryDate: [] } };
  const around = (date: string, before: number, after: number): DateRange => ({ from: addDays(date, -before), to: addDays(date, after) });
  if (input.dateOfBirth) {
    const dob = input.dateOfBirth;
    windows.close.dateOfBirth.push(around(dob, DATE_OF_BIRTH_SLIP_DAYS, DATE_OF_BIRTH_SLIP_DAYS));
    const [year, month, day] = dob.split('-');
    const swapped = `${year!}-${day!}-${month!}`;
    if (swapped !== dob && isRealIsoDate(swapped)) windows.close.dateOfBirth.push({ from: swapped, to: swapped });
    // An unborn record due a little after (born early) or before (born late) this date of birth.
    windows.close.expectedDeliveryDate.push(around(dob, BORN_CLOSE_AFTER_DUE_DAYS, BORN_CLOSE_BEFORE_DUE_DAYS));
    windows.wide.expectedDeliveryDate.push(around(dob, BORN_LATEST_AFTER_DUE_DAYS, BORN_EARLIEST_BEFORE_DUE_DAYS));
  }
  if (input.status === 'unborn' && input.expectedDeliveryDate) {
    const due = input.expectedDeliveryDate;
    windows.close.expectedDeliveryDate.push(around(due, DUE_DATE_DRIFT_DAYS, DUE_DATE_DRIFT_DAYS));
    windows.close.dateOfBirth.push(around(due, BORN_CLOSE_BEFORE_DUE_DAYS, BORN_CLOSE_AFTER_DUE_DAYS));
    windows.wide.dateOfBirth.push(around(due, BORN_EARLIEST_BEFORE_DUE_DAYS, BORN_LATEST_AFTER_DUE_DAYS));
  }
  return windows;
}

/** A date typed into a search matches that exact date of birth, or a due date within a week of it. */
export function searchDueDateRange(date: string): DateRange {
  return { from: addDays(date, -SEARCH_DUE_DATE_DAYS), to: addDays(date, SEARCH_DUE_DATE_DAYS) };
}

// ---------------------------------------------------------------------------------------------
// Checking a new record, or the birth of an unborn baby.

export type Sex = 'female' | 'male' | 'unknown';
export const SEXES: readonly Sex[] = ['female', 'male', 'unknown'];

/** A record is for a baby not yet born (with a due date) or a born one (with a date of birth). */
export const INFANT_STATUSES = ['unborn', 'born'] as const;
export type InfantStatus = (typeof INFANT_STATUSES)[number];

export interface BirthFacts {
  dateOfBirth: string;
  gestationAtBirthWeeks?: number | null;
  /** Days past the completed weeks ("38+4": 4), 0 to 6, only beside the weeks. */
  gestationAtBirthDays?: number | null;
  birthWeightGrams?: number | null;
  multipleBirth?: boolean | null;
  independentlyMobile?: boolean | null;
}

export interface NewRecordInput {
  status: 'unborn' | 'born';
  givenName?: string | null;
  familyName?: string | null;
  sex?: string | null;
  nhsNumber?: string | null;
  expectedDeliveryDate?: string | null;
  dateOfBirth?: string | null;
  gestationAtBirthWeeks?: number | null;
  gestationAtBirthDays?: number | null;
  birthWeightGrams?: number | null;
  multipleBirth?: boolean | null;
  independentlyMobile?: boolean | null;
  /** The mother's name and date of birth, to find a record another agency already holds when her NHS number is not to hand. */
  motherGivenName?: string | null;
  motherFamilyName?: string | null;
  motherDateOfBirth?: string | null;
}

export type RecordField = keyof NewRecordInput;

export interface FieldProblem {
  field: RecordField;
  message: string;
}

/** The service is for babies under one; records are kept until two. */
export const OLDEST_AGE_MONTHS = 24;
/** A due date can be set from booking (about 45 weeks ahead at most) and kept a little past it. */
export const LATEST_DUE_DAYS_AHEAD = 45 * 7;
export const EARLIEST_DUE_DAYS_AGO = 4 * 7;
export const GESTATION_WEEKS = { min: 22, max: 44 } as const;
export const BIRTH_WEIGHT_GRAMS = { min: 300, max: 6500 } as const;
export const NAME_MAX_LENGTH = 100;
/** Every baby under 6 months counts as not independently mobile (bruising protocol, NICE CG89). */
export const NON_MOBILE_UNDER_MONTHS = 6;
/** A mother's date of birth makes her at least this old, and under the oldest, on the day the record is made. */
export const MOTHER_AGE_YEARS = { youngest: 10, oldest: 70 } as const;

/** Born, on a real day by `today`, under 6 months ago: counts as not independently mobile whatever is answered. */
export function countsAsNotMobile(dateOfBirth: string | null | undefined, today: string): boolean {
  return Boolean(dateOfBirth) && isRealIsoDate(dateOfBirth!) && dateOfBirth! <= today && addMonths(dateOfBirth!, NON_MOBILE_UNDER_MONTHS) > today;
}

/**
 * Whether the baby is independently mobile is asked only of a baby 6 months or older (or whose date of
 * birth is not yet known): a younger one counts as not mobile, and the rules read that from the age.
 */
export function asksWhetherMobile(dateOfBirth: string | null | undefined, today: string): boolean {
  return !countsAsNotMobile(dateOfBirth, today);
}

/**
 * The mobility to keep: none for a baby under 6 months (the rules count them not mobile by their age,
 * and a "no" kept would still read "recorded as not mobile" once they are older and may be crawling);
 * else the answer given.
 */
export function mobilityToKeep(dateOfBirth: string | null | undefined, answer: boolean | null | undefined, today: string): boolean | null {
  return countsAsNotMobile(dateOfBirth, today) ? null : (answer ?? null);
}

export const YOUNG_BABY_MOBILE_WORDS = 'A baby under 6 months counts as not independently mobile, whatever they can already do, so that any bruise is looked into: select no, or leave it unanswered';

/** The words for an NHS number that is not 10 digits; nhsNumberWords (nhs-number.ts) words every problem. */
export const NHS_NUMBER_MESSAGE = NHS_NUMBER_SHAPE_WORDS;

function checkNames(input: { givenName?: string | null; familyName?: string | null }, problems: FieldProblem[]): void {
  if ((input.givenName ?? '').trim().length > NAME_MAX_LENGTH) problems.push({ field: 'givenName', message: `First name must be ${NAME_MAX_LENGTH} characters or fewer` });
  if ((input.familyName ?? '').trim().length > NAME_MAX_LENGTH) problems.push({ field: 'familyName', message: `Family name must be ${NAME_MAX_LENGTH} characters or fewer` });
}

function checkSex(sex: string | null | undefined, problems: FieldProblem[]): void {
  if (sex && !(SEXES as readonly string[]).includes(sex)) problems.push({ field: 'sex', message: 'Select female, male or not known' });
}

function checkNhs(nhsNumber: string | null | undefined, problems: FieldProblem[]): void {
  const words = nhsNumber ? nhsNumberWords(nhsNumber) : null;
  if (words !== null) problems.push({ field: 'nhsNumber', message: words });
}

/** Checks the facts of a birth: the date, gestation, weight, and mobility for the baby's age. */
export function checkBirth(birth: BirthFacts, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const dob = birth.dateOfBirth;
  if (!isRealIsoDate(dob)) {
    problems.push({ field: 'dateOfBirth', message: 'Date of birth must be a real date' });
  } else if (dob > today) {
    problems.push({ field: 'dateOfBirth', message: 'Date of birth must be today or in the past' });
  } else if (dob < addMonths(today, -OLDEST_AGE_MONTHS)) {
    problems.push({ field: 'dateOfBirth', message: `Date of birth must be on or after ${dayInWords(addMonths(today, -OLDEST_AGE_MONTHS))}. This service is for babies under 2.` });
  }
  const gestation = birth.gestationAtBirthWeeks;
  const days = birth.gestationAtBirthDays;
  const hasWeeks = gestation !== null && gestation !== undefined;
  if (hasWeeks && (!Number.isInteger(gestation) || gestation < GESTATION_WEEKS.min || gestation > GESTATION_WEEKS.max)) {
    problems.push({ field: 'gestationAtBirthWeeks', message: `Gestation at birth must be a whole number of weeks from ${GESTATION_WEEKS.min} to ${GESTATION_WEEKS.max}` });
  } else if (days !== null && days !== undefined && (!hasWeeks || !Number.isInteger(days) || days < 0 || days > 6)) {
    problems.push({ field: 'gestationAtBirthWeeks', message: 'Days of gestation at birth must be a whole number from 0 to 6, beside the completed weeks, like 38+4' });
  }
  const weight = birth.birthWeightGrams;
  if (weight !== null && weight !== undefined && (!Number.isInteger(weight) || weight < BIRTH_WEIGHT_GRAMS.min || weight > BIRTH_WEIGHT_GRAMS.max)) {
    problems.push({ field: 'birthWeightGrams', message: `Birth weight must be in grams, from ${BIRTH_WEIGHT_GRAMS.min} to ${BIRTH_WEIGHT_GRAMS.max}` });
  }
  if (birth.independentlyMobile === true && countsAsNotMobile(dob, today)) problems.push({ field: 'independentlyMobile', message: YOUNG_BABY_MOBILE_WORDS });
  return problems;
}

/** The mother's name and date of birth, each optional: names not too long, a real date that makes her 10 to 70. */
function checkMother(input: NewRecordInput, today: string, problems: FieldProblem[]): void {
  if ((input.motherGivenName ?? '').trim().length > NAME_MAX_LENGTH) problems.push({ field: 'motherGivenName', message: `Mother's first name must be ${NAME_MAX_LENGTH} characters or fewer` });
  if ((input.motherFamilyName ?? '').trim().length > NAME_MAX_LENGTH) problems.push({ field: 'motherFamilyName', message: `Mother's family name must be ${NAME_MAX_LENGTH} characters or fewer` });
  const born = input.motherDateOfBirth;
  if (!born) return;
  const latest = addMonths(today, -12 * MOTHER_AGE_YEARS.youngest);
  const earliest = addDays(addMonths(today, -12 * MOTHER_AGE_YEARS.oldest), 1);
  if (!isRealIsoDate(born)) problems.push({ field: 'motherDateOfBirth', message: "Mother's date of birth must be a real date" });
  else if (born > latest || born < earliest) {
    problems.push({ field: 'motherDateOfBirth', message: `Mother's date of birth must be between ${dayInWords(earliest)} and ${dayInWords(latest)}: check the year` });
  }
}

/** Checks a record about to be made for an unborn baby or a born infant. Returns nothing when all is well. */
export function checkNewRecord(input: NewRecordInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  checkNames(input, problems);
  checkSex(input.sex, problems);
  checkMother(input, today, problems);
  if (input.status === 'unborn') {
    const due = input.expectedDeliveryDate;
    if (!due) problems.push({ field: 'expectedDeliveryDate', message: 'Enter the due date' });
    else if (!isRealIsoDate(due)) problems.push({ field: 'expectedDeliveryDate', message: 'Due date must be a real date' });
    else if (due > addDays(today, LATEST_DUE_DAYS_AHEAD)) {
      problems.push({ field: 'expectedDeliveryDate', message: `Due date must be on or before ${dayInWords(addDays(today, LATEST_DUE_DAYS_AHEAD))}, 45 weeks from today` });
    } else if (due < addDays(today, -EARLIEST_DUE_DAYS_AGO)) {
      problems.push({
        field: 'expectedDeliveryDate',
        message: `Due date must be on or after ${dayInWords(addDays(today, -EARLIEST_DUE_DAYS_AGO))}. If the baby has been born, make a record for a born baby.`,
      });
    }
    // Facts of a birth do not belong to an unborn baby; an NHS number is given at birth.
    const bornOnly: RecordField[] = ['dateOfBirth', 'gestationAtBirthWeeks', 'gestationAtBirthDays', 'birthWeightGrams', 'multipleBirth', 'independentlyMobile', 'nhsNumber'];
    for (const field of bornOnly) {
      if (input[field] !== null && input[field] !== undefined && input[field] !== '') {
        problems.push({ field, message: field === 'nhsNumber' ? 'An unborn baby does not have an NHS number yet. Leave it out.' : 'Leave out details of the birth for an unborn baby' });
      }
    }
    return problems;
  }
  checkNhs(input.nhsNumber, problems);
  if (!input.dateOfBirth) problems.push({ field: 'dateOfBirth', message: 'Enter the date of birth' });
  else problems.push(...checkBirth({ ...input, dateOfBirth: input.dateOfBirth }, today));
  const due = input.expectedDeliveryDate ? anyDayProblem(input.expectedDeliveryDate) : null;
  if (due === 'not-a-date') problems.push({ field: 'expectedDeliveryDate', message: 'Due date must be a real date' });
  else if (due === 'too-early') problems.push({ field: 'expectedDeliveryDate', message: tooEarlyWords('Due date') });
  return problems;
}

/** Checks what is recorded when an unborn baby is born: the birth itself and any name or NHS number given. */
export function checkRecordedBirth(
  input: BirthFacts & { givenName?: string | null; familyName?: string | null; sex?: string | null; nhsNumber?: string | null },
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  checkNames(input, problems);
  checkSex(input.sex, problems);
  checkNhs(input.nhsNumber, problems);
  problems.push(...checkBirth(input, today));
  return problems;
}
