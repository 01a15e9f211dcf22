// The discharge plan form: flat fields (`dischargeOn-day`, `followUp-1-what`, `socialWorker-toldBy`)
// read into the plan as the domain takes it, and the domain's problems turned into GOV.UK errors on
// the field and row they are about (a date that could not be read worded as every date input words
// it, web/forms/refused-date.ts, on the part in error). Rows of follow-up appointments and of people who planned the
// discharge left blank are left out; each keeps the number it was shown with, so nothing typed
// moves on a re-render. "Add another" re-renders with one more blank row, without saving.
import { DISCHARGE_PROBLEM_MESSAGES, type DischargeProblem } from '../../../domain/discharge/discharge-plan-rules.ts';
import { DISCHARGE_LIMITS, type DischargePlanDraft } from '../../../domain/discharge/discharge-plan.types.ts';
import { tooEarlyWords, tooFarAheadWords } from '../../../domain/shared/date-rules.ts';
import type { DatePartErrors } from '../../forms/date-input.ts';
import { errorsWithDates, typedDay, type TypedDate } from '../../forms/refused-date.ts';
import { tooLongMessage } from '../../forms/too-long.ts';
import type { FormErrors } from '../../forms/validate-form.ts';

export const ROW_KINDS = ['followUps', 'attendees'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

export const FIRST_ROWS: Record<RowKind, number> = { followUps: 2, attendees: 3 };
const MOST_ROWS: Record<RowKind, number> = { followUps: DISCHARGE_LIMITS.followUps + 5, attendees: DISCHARGE_LIMITS.attendees + 5 };
const PREFIX: Record<RowKind, string> = { followUps: 'followUp', attendees: 'attendee' };

export interface FollowUpRow {
  what: string;
  where: string;
  'on-day': string;
  'on-month': string;
  'on-year': string;
}
export interface PersonRow {
  name: string;
  agency: string;
}

export interface DischargeFormValues {
  stay: string;
  'dischargeOn-day': string;
  'dischargeOn-month': string;
  'dischargeOn-year': string;
  'firstVisit-agency': string;
  'firstVisit-name': string;
  'firstVisit-by-day': string;
  'firstVisit-by-month': string;
  'firstVisit-by-year': string;
  feedingAndHandling: string;
  socialWorker: string;
  'socialWorker-toldOn-day': string;
  'socialWorker-toldOn-month': string;
  'socialWorker-toldOn-year': string;
  'socialWorker-toldBy': string;
  gp: string;
  'gp-toldOn-day': string;
  'gp-toldOn-month': string;
  'gp-toldOn-year': string;
  'gp-toldBy': string;
  followUps: FollowUpRow[];
  attendees: PersonRow[];
}

const SINGLE_FIELDS = [
  'stay',
  'dischargeOn-day',
  'dischargeOn-month',
  'dischargeOn-year',
  'firstVisit-agency',
  'firstVisit-name',
  'firstVisit-by-day',
  'firstVisit-by-month',
  'firstVisit-by-year',
  'feedingAndHandling',
  'socialWorker',
  'socialWorker-toldOn-day',
  'socialWorker-toldOn-month',
  'socialWorker-toldOn-year',
  'socialWorker-toldBy',
  'gp',
  'gp-toldOn-day',
  'gp-toldOn-month',
  'gp-toldOn-year',
  'gp-toldBy',
] as const;

const blankFollowUp = (): FollowUpRow => ({ what: '', where: '', 'on-day': '', 'on-month': '', 'on-year': '' });
const blankPerson = (): PersonRow => ({ name: '', agency: '' });

export function blankForm(): DischargeFormValues {
  const singles = Object.fromEntries(SINGLE_FIELDS.map((field) => [field, ''])) as Omit<DischargeFormValues, RowKind>;
  return { ...singles, followUps: Array.from({ length: FIRST_ROWS.followUps }, blankFollowUp), attendees: Array.from({ length: FIRST_ROWS.attendees }, blankPerson) };
}

/** A field exactly as typed, however long: a form given back must hold all of it (the domain refuses what is too long). */
const str = (body: Record<string, unknown>, key: string): string => {
  const value = body[key];
  return typeof value === 'string' ? value : '';
};

/** How many rows of a kind were shown: the highest numbered field sent, within the limit. */
function rowCount(body: Record<string, unknown>, kind: RowKind): number {
  let count = 0;
  const pattern = new RegExp(`^${PREFIX[kind]}-(\\d{1,3})-`);
  for (const key of Object.keys(body)) {
    const match = pattern.exec(key);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return Math.min(count, MOST_ROWS[kind]);
}

/** The form as typed: every row shown, blank ones included. */
export function readDischargeForm(raw: unknown): DischargeFormValues {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const singles = Object.fromEntries(SINGLE_FIELDS.map((field) => [field, field.endsWith('-day') || field.endsWith('-month') || field.endsWith('-year') ? str(body, field).trim() : str(body, field)])) as Omit<DischargeFormValues, RowKind>;
  return {
    ...singles,
    followUps: Array.from({ length: rowCount(body, 'followUps') }, (_, i) => {
      const n = `followUp-${String(i)}`;
      return { what: str(body, `${n}-what`), where: str(body, `${n}-where`), 'on-day': str(body, `${n}-on-day`).trim(), 'on-month': str(body, `${n}-on-month`).trim(), 'on-year': str(body, `${n}-on-year`).trim() };
    }),
    attendees: Array.from({ length: rowCount(body, 'attendees') }, (_, i) => ({ name: str(body, `attendee-${String(i)}-name`), agency: str(body, `attendee-${String(i)}-agency`) })),
  };
}

/** A kept form given back after signing in again (web/plugins/kept-forms.ts): as typed, with at least the rows a new form shows. */
export function readKeptDischargeForm(fields: unknown): DischargeFormValues {
  const typed = readDischargeForm(fields);
  const atLeast = <T>(rows: T[], kind: RowKind, blank: () => T) => [...rows, ...Array.from({ length: Math.max(0, FIRST_ROWS[kind] - rows.length) }, blank)];
  return { ...typed, followUps: atLeast(typed.followUps, 'followUps', blankFollowUp), attendees: atLeast(typed.attendees, 'attendees', blankPerson) };
}

/** Which list "add another" asked for, if any. */
export function addRequested(raw: unknown): RowKind | null {
  const add = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)['add'] : undefined;
  return typeof add === 'string' && (ROW_KINDS as readonly string[]).includes(add) ? (add as RowKind) : null;
}

/** The form with one more blank row of a kind. */
export function withAnotherRow(values: DischargeFormValues, kind: RowKind): DischargeFormValues {
  if (values[kind].length >= MOST_ROWS[kind]) return values;
  return kind === 'followUps' ? { ...values, followUps: [...values.followUps, blankFollowUp()] } : { ...values, attendees: [...values.attendees, blankPerson()] };
}

/** Which shown row each item sent to the domain came from, by list. */
export interface RowMap {
  followUps: number[];
  attendees: number[];
}

/** The plan as the domain takes it, blank rows left out, and the row each item came from. */
export function draftFrom(values: DischargeFormValues): { draft: DischargePlanDraft; rows: RowMap } {
  const rows: RowMap = { followUps: [], attendees: [] };
  const v = values as unknown as Record<string, string>;
  const followUps = values.followUps.flatMap((row, i) => {
    if ([row.what, row.where, row['on-day'], row['on-month'], row['on-year']].every((part) => part.trim() === '')) return [];
    rows.followUps.push(i);
    return [{ what: row.what, where: row.where, on: typedDay({ ...row }, 'on') }];
  });
  const attendees = values.attendees.flatMap((person, i) => {
    if (person.name.trim() === '' && person.agency === '') return [];
    rows.attendees.push(i);
    return [{ name: person.name, agency: person.agency }];
  });
  const told = (who: 'socialWorker' | 'gp') => {
    const status = values[who];
    if (status !== 'told') return { status };
    return { status, toldOn: typedDay(v, `${who}-toldOn`), toldBy: values[`${who}-toldBy`] };
  };
  return {
    draft: {
      stay: values.stay,
      dischargeOn: typedDay(v, 'dischargeOn'),
      firstVisit: { agency: values['firstVisit-agency'], name: values['firstVisit-name'], by: typedDay(v, 'firstVisit-by') },
      ...(values.feedingAndHandling.trim() !== '' ? { feedingAndHandling: values.feedingAndHandling } : {}),
      followUps,
      socialWorker: told('socialWorker'),
      gp: told('gp'),
      attendees,
    },
    rows,
  };
}

/** The field a problem's path points at, on the row it was shown in. */
export function fieldFor(path: string, rows: RowMap): string {
  const [, first = '', second, third] = path.split('/');
  const row = (kind: keyof RowMap) => String(second === undefined ? 0 : (rows[kind][Number(second)] ?? 0));
  const date = (field: string) => (field === 'on' || field === 'by' || field === 'toldOn' || field === 'dischargeOn' ? `${field}-day` : field);
  switch (first) {
    case 'dischargeOn':
      return 'dischargeOn-day';
    case 'firstVisit':
      return `firstVisit-${date(second ?? 'agency')}`;
    case 'followUps':
      return third === undefined ? 'followUp-0-what' : `followUp-${row('followUps')}-${date(third)}`;
    case 'attendees':
      return third === undefined ? 'attendee-0-name' : `attendee-${row('attendees')}-${third}`;
    case 'socialWorker':
    case 'gp':
      return second === undefined || second === 'status' ? first : `${first}-${date(second)}`;
    default:
      return first;
  }
}

/** How each date is named in an error, by its prefix (a follow-up's: `followUp-N-on`, named by followUpName). */
const DATE_LABELS: Record<string, string> = {
  dischargeOn: 'The discharge date',
  'firstVisit-by': 'The date of the first home visit',
  'socialWorker-toldOn': 'The date the social worker was told',
  'gp-toldOn': 'The date the GP was told',
};

/** Who was told, as the errors about the social worker's and the GP's telling name them. */
const TOLD: Record<'socialWorker' | 'gp', string> = { socialWorker: 'the social worker', gp: 'the GP' };

/** A follow-up appointment as the form shows it ("Appointment 2"), with what it is for once typed: 'appointment 2 (“Hearing screen”)'. */
function followUpName(row: number, values: DischargeFormValues): string {
  const what = values.followUps[row]?.what.trim() ?? '';
  return `appointment ${String(row + 1)}${what === '' ? '' : ` (“${what}”)`}`;
}

/** A person who planned the discharge as the form shows them ("Person 2"), with their name once typed: 'person 2 (“Amira Khan”)'. */
function attendeeName(row: number, values: DischargeFormValues, withName = true): string {
  const name = values.attendees[row]?.name.trim() ?? '';
  return `person ${String(row + 1)}${name === '' || !withName ? '' : ` (“${name}”)`}`;
}

const capitalised = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);

/** Too-long words for a field of a row, with its limit and how much was typed ('The name of person 2 must be 200 characters or fewer: you have 201.'). */
const tooLongOnRow = (label: string, limit: number, typed: string | undefined): string => tooLongMessage({ label, limit }, typed) ?? DISCHARGE_PROBLEM_MESSAGES['too-long'];

/**
 * The error a problem gives on this form: the domain's words, except that a follow-up appointment's,
 * a person's who planned the discharge and a telling's say which appointment, which person, and
 * whether the social worker or the GP, as the form has several of each (GOV.UK: every message names
 * its question).
 */
function messageFor(problem: DischargeProblem, field: string, values: DischargeFormValues): string {
  const followUp = /^followUp-(\d+)-(what|where)?/.exec(field);
  if (followUp?.[1] !== undefined) {
    const row = Number(followUp[1]);
    const name = followUpName(row, values);
    const date = `The date of ${name}`;
    switch (problem.code) {
      case 'too-long':
        return followUp[2] === 'where'
          ? tooLongOnRow(`Where ${name} is`, DISCHARGE_LIMITS.where, values.followUps[row]?.where)
          : tooLongOnRow(`What appointment ${String(row + 1)} is for`, DISCHARGE_LIMITS.what, values.followUps[row]?.what);
      case 'follow-up-what-needed':
        return `Say what ${name} is for.`;
      case 'follow-up-where-needed':
        return `Say where ${name} is.`;
      case 'follow-up-date-needed':
        return `Enter the date of ${name}.`;
      case 'follow-up-not-a-date':
        return `${date} must be a real date.`;
      case 'follow-up-too-early':
        return tooEarlyWords(date);
      case 'follow-up-too-far-ahead':
        return tooFarAheadWords(date);
      case 'follow-up-before-discharge':
        return `${capitalised(name)} cannot be before the discharge date.`;
      default:
        return DISCHARGE_PROBLEM_MESSAGES[problem.code];
    }
  }
  const attendee = /^attendee-(\d+)-/.exec(field)?.[1];
  if (attendee !== undefined) {
    const row = Number(attendee);
    switch (problem.code) {
      case 'name-needed':
        return `Enter the name of ${attendeeName(row, values)}.`;
      case 'too-long':
        return tooLongOnRow(`The name of ${attendeeName(row, values, false)}`, DISCHARGE_LIMITS.name, values.attendees[row]?.name);
      case 'unknown-agency':
        return `Choose the agency ${attendeeName(row, values)} was there for.`;
      default:
        return DISCHARGE_PROBLEM_MESSAGES[problem.code];
    }
  }
  const told = /^(socialWorker|gp)-/.exec(field)?.[1] as keyof typeof TOLD | undefined;
  if (told !== undefined) {
    const date = DATE_LABELS[`${told}-toldOn`]!;
    switch (problem.code) {
      case 'told-date-needed':
        return `Enter the date ${TOLD[told]} was told.`;
      case 'told-not-a-date':
        return `${date} must be a real date.`;
      case 'told-too-early':
        return tooEarlyWords(date);
      case 'told-in-future':
        return `${date} cannot be in the future.`;
      case 'told-by-needed':
        return `Enter who told ${TOLD[told]}.`;
      default:
        return DISCHARGE_PROBLEM_MESSAGES[problem.code];
    }
  }
  return DISCHARGE_PROBLEM_MESSAGES[problem.code];
}

/** The date a problem's field is the day of, as the form shows it: its prefix, what was typed in it, and the words it is named by. */
function dateOf(field: string, values: DischargeFormValues): TypedDate | undefined {
  const prefix = field.endsWith('-day') ? field.slice(0, -'-day'.length) : undefined;
  if (prefix === undefined) return undefined;
  const label = DATE_LABELS[prefix];
  const single = values as unknown as Record<string, string>;
  if (label) return { prefix, typed: { [`${prefix}-day`]: single[`${prefix}-day`] ?? '', [`${prefix}-month`]: single[`${prefix}-month`] ?? '', [`${prefix}-year`]: single[`${prefix}-year`] ?? '' }, label };
  const row = /^followUp-(\d+)-on$/.exec(prefix)?.[1];
  const followUp = row === undefined ? undefined : values.followUps[Number(row)];
  if (!followUp) return undefined;
  return { prefix, typed: { [`${prefix}-day`]: followUp['on-day'], [`${prefix}-month`]: followUp['on-month'], [`${prefix}-year`]: followUp['on-year'] }, label: `The date of ${followUpName(Number(row), values)}` };
}

/** The domain's problems as GOV.UK errors: the summary in the order found, each field its message; a date's on the part in error, only the parts in error marked. */
export function dischargeFormErrors(problems: readonly DischargeProblem[], rows: RowMap, values: DischargeFormValues): FormErrors & { dateParts: DatePartErrors } {
  return errorsWithDates(
    problems.map((problem) => {
      const field = fieldFor(problem.path, rows);
      return { field, message: messageFor(problem, field, values), date: dateOf(field, values) };
    }),
  );
}
