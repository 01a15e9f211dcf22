// The plan form: rows of outcomes, check items and actions sent as flat fields (`item-2-text`,
// `action-0-dueOn-day`), read into the plan as the domain takes it, and the domain's problems turned
// into GOV.UK errors on the row and field they are about (an action's due date read and its errors
// worded by the shared date input, web/forms/date-input.ts, as every other date is). Rows left blank
// are left out; each keeps the number it was shown with, so nothing typed moves on a re-render. "Add
// another" re-renders with one more blank row, without saving (the form works without JavaScript).
// The visiting pattern's commitments are rows too (`visit-1-everyDays`), always sent whole: a row
// ticked to stop is taken off.
import { PLAN_PROBLEM_MESSAGES, type PlanProblem } from '../../../domain/plan/plan-rules.ts';
import { PLAN_LIMITS, type ActionDraft, type CheckItemDraft, type CheckItem, type Plan, type PlanAction, type PlanDraft, type VisitCommitment, type VisitCommitmentDraft } from '../../../domain/plan/plan.types.ts';
import type { SuggestedCheckItem } from '../../../domain/plan/suggested-checks.ts';
import { newRow, type NewRow } from '../../forms/add-another.ts';
import { dateInputValues, PARTS, type DatePartErrors, type Values } from '../../forms/date-input.ts';
import { refusedDate, typedDay } from '../../forms/refused-date.ts';
import { formErrors, type FormErrors } from '../../forms/validate-form.ts';

/** Blank rows shown below the filled ones, so a few can be added in one go. */
export const BLANK_ROWS = { outcomes: 1, items: 1, actions: 1, visits: 1 } as const;
/** The most rows of each the form reads: the domain's limits and a little room for blank rows. */
const MOST_ROWS = { outcomes: PLAN_LIMITS.outcomes + 5, items: PLAN_LIMITS.checkItems + 5, actions: PLAN_LIMITS.actions + 5, visits: PLAN_LIMITS.visits + 5 };

type RowKind = keyof typeof BLANK_ROWS;

export interface ItemRow {
  id: string;
  text: string;
  question: string;
  factorId: string;
  personId: string;
  since: string;
  checkedBy: string[];
  frequency: string;
  remove: boolean;
}

export interface ActionRow {
  id: string;
  text: string;
  ownerUserId: string;
  ownerName: string;
  'dueOn-day': string;
  'dueOn-month': string;
  'dueOn-year': string;
  status: string;
  droppedReason: string;
}

export interface VisitRow {
  id: string;
  agencyKind: string;
  who: string;
  everyDays: string;
  /** 'yes', 'no', or '' before it is answered. */
  babySeen: string;
  since: string;
  remove: boolean;
}

export interface PlanFormValues {
  version: string;
  level: string;
  outcomes: string[];
  items: ItemRow[];
  actions: ActionRow[];
  visits: VisitRow[];
}

const blankItem = (): ItemRow => ({ id: '', text: '', question: '', factorId: '', personId: '', since: '', checkedBy: [], frequency: '', remove: false });
const blankAction = (): ActionRow => ({ id: '', text: '', ownerUserId: '', ownerName: '', 'dueOn-day': '', 'dueOn-month': '', 'dueOn-year': '', status: 'open', droppedReason: '' });

const blankVisit = (): VisitRow => ({ id: '', agencyKind: '', who: '', everyDays: '', babySeen: '', since: '', remove: false });

function visitRow(visit: VisitCommitment): VisitRow {
  return { id: visit.id, agencyKind: visit.agencyKind, who: visit.who ?? '', everyDays: String(visit.everyDays), babySeen: visit.babySeen ? 'yes' : 'no', since: visit.since, remove: false };
}

function itemRow(item: CheckItem | SuggestedCheckItem): ItemRow {
  return {
    id: 'id' in item ? item.id : '',
    text: item.text,
    question: item.question,
    factorId: item.factorId ?? '',
    personId: item.personId ?? '',
    since: 'since' in item ? item.since : '',
    checkedBy: [...item.checkedBy],
    frequency: item.frequency,
    remove: false,
  };
}

function actionRow(action: PlanAction): ActionRow {
  const due = dateInputValues('dueOn', action.dueOn);
  return {
    id: action.id,
    text: action.text,
    ownerUserId: 'userId' in action.owner ? action.owner.userId : '',
    ownerName: 'name' in action.owner ? action.owner.name : '',
    'dueOn-day': due['dueOn-day']!,
    'dueOn-month': due['dueOn-month']!,
    'dueOn-year': due['dueOn-year']!,
    status: action.status,
    droppedReason: action.droppedReason ?? '',
  };
}

/** The form for a plan as it stands, or a first plan with the suggested check items. */
export function formValuesFor(plan: (Plan & { version: number }) | null, caseLevel: string, suggestions: readonly SuggestedCheckItem[]): PlanFormValues {
  return withBlankRows({
    version: String(plan?.version ?? 0),
    level: plan?.level ?? caseLevel,
    outcomes: [...(plan?.outcomes ?? [])],
    items: plan ? plan.checkItems.map(itemRow) : suggestions.map(itemRow),
    actions: (plan?.actions ?? []).map(actionRow),
    visits: (plan?.visits ?? []).map(visitRow),
  });
}

function isBlankItem(row: ItemRow): boolean {
  return row.id === '' && row.text === '' && row.question === '';
}

function isBlankAction(row: ActionRow): boolean {
  return row.id === '' && row.text === '' && row.ownerUserId === '' && row.ownerName === '' && row['dueOn-day'] === '' && row['dueOn-month'] === '' && row['dueOn-year'] === '' && row.droppedReason === '';
}

function isBlankVisit(row: VisitRow): boolean {
  return row.id === '' && row.agencyKind === '' && row.who === '' && row.everyDays === '' && row.babySeen === '';
}

/** The first blank row of a kind, where "add another" lands (web/forms/add-another.ts). */
export function addedRow(values: PlanFormValues, kind: RowKind): NewRow | null {
  if (kind === 'outcomes') return newRow(kind, values.outcomes, (outcome: string) => outcome === '');
  if (kind === 'items') return newRow(kind, values.items, isBlankItem);
  if (kind === 'actions') return newRow(kind, values.actions, isBlankAction);
  return newRow(kind, values.visits, isBlankVisit);
}

/** The filled rows, then the blank ones (and one more of the kind "add another" asked for). */
export function withBlankRows(values: PlanFormValues, add?: string): PlanFormValues {
  const outcomes = values.outcomes.filter((outcome) => outcome !== '');
  const items = values.items.filter((row) => !isBlankItem(row));
  const actions = values.actions.filter((row) => !isBlankAction(row));
  const visits = values.visits.filter((row) => !isBlankVisit(row));
  const blanks = (kind: RowKind) => BLANK_ROWS[kind] + (add === kind ? 1 : 0);
  return {
    ...values,
    outcomes: [...outcomes, ...Array.from({ length: blanks('outcomes') }, () => '')],
    items: [...items, ...Array.from({ length: blanks('items') }, blankItem)],
    actions: [...actions, ...Array.from({ length: blanks('actions') }, blankAction)],
    visits: [...visits, ...Array.from({ length: blanks('visits') }, blankVisit)],
  };
}

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

function fields(body: Record<string, unknown>, name: string): string[] {
  const value = body[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

/** How many numbered rows of a kind the body holds (the highest number sent, within reason). */
function rowsSent(body: Record<string, unknown>, prefix: string, most: number): number {
  let rows = 0;
  for (const key of Object.keys(body)) {
    const match = new RegExp(`^${prefix}-(\\d{1,3})(?:-|$)`).exec(key);
    if (match) rows = Math.max(rows, Number(match[1]) + 1);
  }
  return Math.min(rows, most);
}

/** What was typed, row by row, as the form shows it. */
export function readPlanForm(raw: unknown): PlanFormValues {
  const body = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const outcomes = Array.from({ length: rowsSent(body, 'outcome', MOST_ROWS.outcomes) }, (_, i) => field(body, `outcome-${i}`));
  const items = Array.from({ length: rowsSent(body, 'item', MOST_ROWS.items) }, (_, i): ItemRow => {
    const at = (name: string) => field(body, `item-${i}-${name}`);
    return {
      id: at('id'),
      text: at('text'),
      question: at('question'),
      factorId: at('factorId'),
      personId: at('personId'),
      since: at('since'),
      checkedBy: fields(body, `item-${i}-checkedBy`),
      frequency: at('frequency'),
      remove: at('remove') === 'yes',
    };
  });
  const actions = Array.from({ length: rowsSent(body, 'action', MOST_ROWS.actions) }, (_, i): ActionRow => {
    const at = (name: string) => field(body, `action-${i}-${name}`);
    return {
      id: at('id'),
      text: at('text'),
      ownerUserId: at('ownerUserId'),
      ownerName: at('ownerName'),
      'dueOn-day': at('dueOn-day'),
      'dueOn-month': at('dueOn-month'),
      'dueOn-year': at('dueOn-year'),
      status: at('status'),
      droppedReason: at('droppedReason'),
    };
  });
  const visits = Array.from({ length: rowsSent(body, 'visit', MOST_ROWS.visits) }, (_, i): VisitRow => {
    const at = (name: string) => field(body, `visit-${i}-${name}`);
    const seen = at('babySeen');
    return { id: at('id'), agencyKind: at('agencyKind'), who: at('who'), everyDays: at('everyDays'), babySeen: seen === 'yes' || seen === 'no' ? seen : '', since: at('since'), remove: at('remove') === 'yes' };
  });
  return { version: field(body, 'version'), level: field(body, 'level'), outcomes, items, actions, visits };
}

/** Which kind of row "add another" asked for, if it was pressed. */
export function addRequested(raw: unknown): RowKind | undefined {
  const value = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)['add'] : undefined;
  return value === 'outcomes' || value === 'items' || value === 'actions' || value === 'visits' ? value : undefined;
}

/** How often as typed: whole days as a number, anything else as not a number (the domain says so). */
function everyDays(row: VisitRow): number | undefined {
  if (row.everyDays === '') return undefined;
  return /^\d{1,3}$/.test(row.everyDays) ? Number(row.everyDays) : Number.NaN;
}

/** The due date's fields, as the shared date input names them. */
function dueOnValues(row: ActionRow): Values {
  return { 'dueOn-day': row['dueOn-day'], 'dueOn-month': row['dueOn-month'], 'dueOn-year': row['dueOn-year'] };
}

/** The due date for the domain: left out when blank, something it calls not a date when unreadable (refused-date.ts). */
function dueOn(row: ActionRow): string | undefined {
  return typedDay(dueOnValues(row), 'dueOn') || undefined;
}

/** Where each entry of the draft came from: its row on the form. */
export interface RowIndex {
  outcomes: number[];
  items: number[];
  actions: number[];
  visits: number[];
}

/** The plan as the domain takes it (blank and removed rows left out), and which row each part came from. */
export function draftFrom(values: PlanFormValues): { draft: PlanDraft; rows: RowIndex } {
  const rows: RowIndex = { outcomes: [], items: [], actions: [], visits: [] };
  const outcomes: string[] = [];
  values.outcomes.forEach((outcome, i) => {
    if (outcome === '') return;
    rows.outcomes.push(i);
    outcomes.push(outcome);
  });
  const checkItems: CheckItemDraft[] = [];
  values.items.forEach((row, i) => {
    if (isBlankItem(row) || row.remove) return;
    rows.items.push(i);
    checkItems.push({
      ...(row.id ? { id: row.id } : {}),
      text: row.text,
      question: row.question,
      ...(row.factorId ? { factorId: row.factorId } : {}),
      ...(row.personId ? { personId: row.personId } : {}),
      ...(row.since ? { since: row.since } : {}),
      checkedBy: row.checkedBy,
      frequency: row.frequency,
    });
  });
  const actions: ActionDraft[] = [];
  values.actions.forEach((row, i) => {
    if (isBlankAction(row)) return;
    rows.actions.push(i);
    const due = dueOn(row);
    actions.push({
      ...(row.id ? { id: row.id } : {}),
      text: row.text,
      owner: row.ownerUserId ? { userId: row.ownerUserId } : { name: row.ownerName },
      ...(due !== undefined ? { dueOn: due } : {}),
      status: row.status,
      ...(row.droppedReason ? { droppedReason: row.droppedReason } : {}),
    });
  });
  const visits: VisitCommitmentDraft[] = [];
  values.visits.forEach((row, i) => {
    if (isBlankVisit(row) || row.remove) return;
    rows.visits.push(i);
    const every = everyDays(row);
    visits.push({
      ...(row.id ? { id: row.id } : {}),
      ...(row.agencyKind ? { agencyKind: row.agencyKind } : {}),
      ...(row.who ? { who: row.who } : {}),
      ...(every !== undefined ? { everyDays: every } : {}),
      ...(row.babySeen ? { babySeen: row.babySeen === 'yes' } : {}),
      ...(row.since ? { since: row.since } : {}),
    });
  });
  return { draft: { level: values.level, outcomes, checkItems, actions, visits }, rows };
}

/** The domain's problems as GOV.UK errors: each on its row's field, its message saying which row. */
export function planFormErrors(problems: readonly PlanProblem[], rows: RowIndex, values: PlanFormValues): FormErrors & { dateParts: DatePartErrors } {
  const errors: Record<string, string> = {};
  const dateParts: DatePartErrors = {};
  for (const problem of problems) {
    const [, part, index, name] = problem.path.split('/');
    const message = PLAN_PROBLEM_MESSAGES[problem.code];
    const i = index === undefined ? undefined : Number(index);
    let id: string;
    let text: string;
    if (part === 'level') {
      id = 'level';
      text = message;
    } else if (part === 'outcomes') {
      const row = i === undefined ? 0 : (rows.outcomes[i] ?? 0);
      id = `outcome-${row}`;
      text = i === undefined ? message : `Outcome ${row + 1}: ${message}`;
    } else if (part === 'checkItems') {
      const row = i === undefined ? 0 : (rows.items[i] ?? 0);
      const fieldName = name === 'question' ? 'question' : name === 'frequency' ? 'frequency' : name === 'checkedBy' ? 'checkedBy' : 'text';
      id = `item-${row}-${fieldName}`;
      text = i === undefined ? message : `Check ${row + 1}: ${message}`;
    } else if (part === 'visits') {
      const row = i === undefined ? 0 : (rows.visits[i] ?? 0);
      const fieldName = name === 'who' || name === 'everyDays' || name === 'babySeen' ? name : 'agencyKind';
      id = `visit-${row}-${fieldName}`;
      text = i === undefined ? message : `Visit ${row + 1}: ${message}`;
    } else if (name === 'dueOn' && i !== undefined) {
      const row = rows.actions[i] ?? 0;
      const typed = values.actions[row];
      const due = typed ? refusedDate(dueOnValues(typed), 'dueOn', 'The due date', message) : { field: 'dueOn-day', text: message, parts: [...PARTS] };
      id = `action-${row}-${due.field}`;
      // A day gone by names the action too: the practitioner may be looking at a long plan.
      const what = problem.code === 'due-date-in-past' && typed?.text ? ` (“${typed.text}”)` : '';
      text = `Action ${row + 1}${what}: ${due.text}`;
      if (!(id in errors)) dateParts[`action-${row}-dueOn`] = due.parts;
    } else {
      const row = i === undefined ? 0 : (rows.actions[i] ?? 0);
      const fieldName = name === 'owner' ? 'ownerUserId' : name === 'status' ? 'status' : name === 'droppedReason' ? 'droppedReason' : 'text';
      id = `action-${row}-${fieldName}`;
      text = i === undefined ? message : `Action ${row + 1}: ${message}`;
    }
    if (!(id in errors)) errors[id] = text;
  }
  return { ...formErrors(errors), dateParts };
}

