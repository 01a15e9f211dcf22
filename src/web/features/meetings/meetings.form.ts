// The form to record a meeting: rows of attendees, people invited and absent, decisions and actions
// sent as flat fields (`attendee-2-name`, `action-0-dueOn-day`), read into the meeting as the domain
// takes it, and the domain's problems turned into GOV.UK errors on the row and field they are about
// (a date that could not be read worded as every date input words it, web/forms/refused-date.ts, on
// the part in error). Rows left blank are left out; each keeps the number it was shown with, so nothing typed moves on a
// re-render. "Add another" re-renders with one more blank row, without saving (no JavaScript needed).
import { MEETING_PROBLEM_MESSAGES, type MeetingProblem } from '../../../domain/meetings/meeting-rules.ts';
import { MEETING_LIMITS, type MeetingDraft } from '../../../domain/meetings/meeting.types.ts';
import type { DatePartErrors } from '../../forms/date-input.ts';
import { errorsWithDates, heldOnOrDueDate, typedDay } from '../../forms/refused-date.ts';
import { tooLongWords } from '../../forms/too-long.ts';
import type { FormErrors } from '../../forms/validate-form.ts';

export const ROW_KINDS = ['attendees', 'absent', 'decisions', 'actions'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

/** Rows shown on a new form. */
export const FIRST_ROWS: Record<RowKind, number> = { attendees: 4, absent: 2, decisions: 2, actions: 2 };
const MOST_ROWS: Record<RowKind, number> = { attendees: MEETING_LIMITS.people + 5, absent: MEETING_LIMITS.people + 5, decisions: MEETING_LIMITS.decisions + 5, actions: MEETING_LIMITS.actions + 5 };

export interface PersonRow {
  name: string;
  agency: string;
}
export interface ActionRow {
  text: string;
  owner: string;
  'dueOn-day': string;
  'dueOn-month': string;
  'dueOn-year': string;
}

export interface MeetingFormValues {
  kind: string;
  'heldOn-day': string;
  'heldOn-month': string;
  'heldOn-year': string;
  chair: string;
  chairIndependent: string;
  parentsPresent: string;
  section47: string;
  protectionPlan: string;
  abuseCategory: string;
  dissent: string;
  attendees: PersonRow[];
  absent: PersonRow[];
  decisions: string[];
  actions: ActionRow[];
}

const blankPerson = (): PersonRow => ({ name: '', agency: '' });
const blankAction = (): ActionRow => ({ text: '', owner: '', 'dueOn-day': '', 'dueOn-month': '', 'dueOn-year': '' });

export function blankForm(): MeetingFormValues {
  return {
    kind: '',
    'heldOn-day': '',
    'heldOn-month': '',
    'heldOn-year': '',
    chair: '',
    chairIndependent: '',
    parentsPresent: '',
    section47: '',
    protectionPlan: '',
    abuseCategory: '',
    dissent: '',
    attendees: Array.from({ length: FIRST_ROWS.attendees }, blankPerson),
    absent: Array.from({ length: FIRST_ROWS.absent }, blankPerson),
    decisions: Array.from({ length: FIRST_ROWS.decisions }, () => ''),
    actions: Array.from({ length: FIRST_ROWS.actions }, blankAction),
  };
}

/** A field exactly as typed, however long: a form given back must hold all of it (the domain refuses what is too long). */
const str = (body: Record<string, unknown>, key: string): string => {
  const value = body[key];
  return typeof value === 'string' ? value : '';
};

/** How many rows of a kind were shown: the highest numbered field sent, within the limit. */
function rowCount(body: Record<string, unknown>, prefix: string, kind: RowKind): number {
  let count = 0;
  const pattern = new RegExp(`^${prefix}-(\\d{1,3})-`);
  for (const key of Object.keys(body)) {
    const match = pattern.exec(key) ?? (prefix === 'decision' ? /^decision-(\d{1,3})$/.exec(key) : null);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return Math.min(count, MOST_ROWS[kind]);
}

/** The form as typed: every row shown, blank ones included. */
export function readMeetingForm(raw: unknown): MeetingFormValues {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const people = (prefix: string, kind: RowKind) => Array.from({ length: rowCount(body, prefix, kind) }, (_, i) => ({ name: str(body, `${prefix}-${String(i)}-name`), agency: str(body, `${prefix}-${String(i)}-agency`) }));
  return {
    kind: str(body, 'kind'),
    'heldOn-day': str(body, 'heldOn-day').trim(),
    'heldOn-month': str(body, 'heldOn-month').trim(),
    'heldOn-year': str(body, 'heldOn-year').trim(),
    chair: str(body, 'chair'),
    chairIndependent: str(body, 'chairIndependent'),
    parentsPresent: str(body, 'parentsPresent'),
    section47: str(body, 'section47'),
    protectionPlan: str(body, 'protectionPlan'),
    abuseCategory: str(body, 'abuseCategory'),
    dissent: str(body, 'dissent'),
    attendees: people('attendee', 'attendees'),
    absent: people('absent', 'absent'),
    decisions: Array.from({ length: rowCount(body, 'decision', 'decisions') }, (_, i) => str(body, `decision-${String(i)}`)),
    actions: Array.from({ length: rowCount(body, 'action', 'actions') }, (_, i) => {
      const n = `action-${String(i)}`;
      return { text: str(body, `${n}-text`), owner: str(body, `${n}-owner`), 'dueOn-day': str(body, `${n}-dueOn-day`).trim(), 'dueOn-month': str(body, `${n}-dueOn-month`).trim(), 'dueOn-year': str(body, `${n}-dueOn-year`).trim() };
    }),
  };
}

/** A kept form given back after signing in again (web/plugins/kept-forms.ts): as typed, with at least the rows a new form shows. */
export function readKeptMeetingForm(fields: unknown): MeetingFormValues {
  const typed = readMeetingForm(fields);
  const atLeast = <T>(rows: T[], kind: RowKind, blank: () => T) => [...rows, ...Array.from({ length: Math.max(0, FIRST_ROWS[kind] - rows.length) }, blank)];
  return {
    ...typed,
    attendees: atLeast(typed.attendees, 'attendees', blankPerson),
    absent: atLeast(typed.absent, 'absent', blankPerson),
    decisions: atLeast(typed.decisions, 'decisions', () => ''),
    actions: atLeast(typed.actions, 'actions', blankAction),
  };
}

/** Which list "add another" asked for, if any. */
export function addRequested(raw: unknown): RowKind | null {
  const add = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)['add'] : undefined;
  return typeof add === 'string' && (ROW_KINDS as readonly string[]).includes(add) ? (add as RowKind) : null;
}

/** The form with one more blank row of a kind. */
export function withAnotherRow(values: MeetingFormValues, kind: RowKind): MeetingFormValues {
  if (values[kind].length >= MOST_ROWS[kind]) return values;
  switch (kind) {
    case 'attendees':
      return { ...values, attendees: [...values.attendees, blankPerson()] };
    case 'absent':
      return { ...values, absent: [...values.absent, blankPerson()] };
    case 'decisions':
      return { ...values, decisions: [...values.decisions, ''] };
    case 'actions':
      return { ...values, actions: [...values.actions, blankAction()] };
  }
}

const yesNo = (value: string): boolean | undefined => (value === 'yes' ? true : value === 'no' ? false : undefined);

/** Which shown row each item sent to the domain came from, by list. */
export interface RowMap {
  attendees: number[];
  absent: number[];
  decisions: number[];
  actions: number[];
}

/** The meeting as the domain takes it, blank rows left out, and the row each item came from. */
export function draftFrom(values: MeetingFormValues): { draft: MeetingDraft; rows: RowMap } {
  const rows: RowMap = { attendees: [], absent: [], decisions: [], actions: [] };
  const people = (list: PersonRow[], kind: 'attendees' | 'absent') =>
    list.flatMap((person, i) => {
      if (person.name.trim() === '' && person.agency === '') return [];
      rows[kind].push(i);
      return [{ name: person.name, agency: person.agency }];
    });
  const attendees = people(values.attendees, 'attendees');
  const invitedAbsent = people(values.absent, 'absent');
  const decisions = values.decisions.flatMap((decision, i) => {
    if (decision.trim() === '') return [];
    rows.decisions.push(i);
    return [decision];
  });
  const actions = values.actions.flatMap((action, i) => {
    if ([action.text, action.owner, action['dueOn-day'], action['dueOn-month'], action['dueOn-year']].every((v) => v.trim() === '')) return [];
    rows.actions.push(i);
    const dueOn = typedDay({ ...action }, 'dueOn');
    return [{ text: action.text, owner: action.owner, dueOn }];
  });
  const parentsPresent = yesNo(values.parentsPresent);
  const chairIndependent = yesNo(values.chairIndependent);
  const section47 = values.kind === 'strategy-discussion' ? yesNo(values.section47) : undefined;
  const protectionPlan = ['initial-conference', 'review-conference', 'pre-birth-conference'].includes(values.kind) ? yesNo(values.protectionPlan) : undefined;
  return {
    draft: {
      kind: values.kind,
      heldOn: typedDay({ 'heldOn-day': values['heldOn-day'], 'heldOn-month': values['heldOn-month'], 'heldOn-year': values['heldOn-year'] }, 'heldOn'),
      chair: values.chair,
      ...(chairIndependent !== undefined ? { chairIndependent } : {}),
      ...(parentsPresent !== undefined ? { parentsPresent } : {}),
      attendees,
      invitedAbsent,
      decisions,
      ...(values.dissent.trim() !== '' ? { dissent: values.dissent } : {}),
      actions,
      ...(section47 !== undefined ? { section47 } : {}),
      ...(protectionPlan !== undefined ? { protectionPlan } : {}),
      ...(values.abuseCategory !== '' ? { abuseCategory: values.abuseCategory } : {}),
    },
    rows,
  };
}

/** The field a problem's path points at, on the row it was shown in. */
export function fieldFor(path: string, rows: RowMap): string {
  const [, first = '', index, part] = path.split('/');
  const row = (kind: keyof RowMap) => String(index === undefined ? 0 : (rows[kind][Number(index)] ?? 0));
  switch (first) {
    case 'heldOn':
      return 'heldOn-day';
    case 'attendees':
      return `attendee-${row('attendees')}-${part ?? 'name'}`;
    case 'invitedAbsent':
      return `absent-${row('absent')}-${part ?? 'name'}`;
    case 'decisions':
      return `decision-${row('decisions')}`;
    case 'actions':
      return part === undefined ? 'action-0-text' : `action-${row('actions')}-${part === 'dueOn' ? 'dueOn-day' : part}`;
    default:
      return first;
  }
}

/** What a text field is called in an error, and the most it may hold (MEETING_LIMITS), by its name on the form. */
function textField(field: string): { label: string; limit: number } {
  const [kind = '', index = '0', part] = field.split('-');
  const n = String(Number(index) + 1);
  if (field === 'chair') return { label: 'Who chaired it', limit: MEETING_LIMITS.chair };
  if (field === 'dissent') return { label: 'Dissent', limit: MEETING_LIMITS.dissent };
  if (kind === 'decision') return { label: `Decision ${n}`, limit: MEETING_LIMITS.decision };
  if (kind === 'attendee') return { label: `The name of attendee ${n}`, limit: MEETING_LIMITS.name };
  if (kind === 'absent') return { label: `The name of invited, absent ${n}`, limit: MEETING_LIMITS.name };
  if (part === 'owner') return { label: `Who will do action ${n}`, limit: MEETING_LIMITS.owner };
  return { label: `What will be done for action ${n}`, limit: MEETING_LIMITS.actionText };
}

/** The text typed in a field, by its name on the form. */
function typedText(field: string, values: MeetingFormValues): string {
  const [kind = '', index = '0', part = 'name'] = field.split('-');
  const i = Number(index);
  if (field === 'chair' || field === 'dissent') return values[field];
  if (kind === 'decision') return values.decisions[i] ?? '';
  if (kind === 'attendee' || kind === 'absent') return (kind === 'attendee' ? values.attendees : values.absent)[i]?.[part === 'agency' ? 'agency' : 'name'] ?? '';
  return values.actions[i]?.[part === 'owner' ? 'owner' : 'text'] ?? '';
}

/** "Decision 1 must be 2,000 characters or fewer: you have 5,290.", counted as the domain counts it (trimmed). */
function tooLongMessage(field: string, values: MeetingFormValues): string {
  const { label, limit } = textField(field);
  return `${tooLongWords(label, limit, typedText(field, values).trim().length)}.`;
}

/** The domain's problems as GOV.UK errors: the summary in the order found, each field its message; a date's on the part in error, only the parts in error marked. */
export function meetingFormErrors(problems: readonly MeetingProblem[], rows: RowMap, values: MeetingFormValues): FormErrors & { dateParts: DatePartErrors } {
  return errorsWithDates(
    problems.map((problem) => {
      const field = fieldFor(problem.path, rows);
      const message = problem.code === 'too-long' ? tooLongMessage(field, values) : MEETING_PROBLEM_MESSAGES[problem.code];
      return { field, message, date: heldOnOrDueDate(field, values, 'The date the meeting was held') };
    }),
  );
}
