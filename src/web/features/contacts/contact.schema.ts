// The contact form: its fields and length limits, the people ticked as present (sent as repeated
// fields), and the answers the use case takes. What the answers must say is the domain's
// (contact-record.ts); its problems become GOV.UK errors here, in the order the form asks. The
// answers to the plan's check items come as a pair of fields per item, named by the item's id.
import { Type } from 'typebox';
import { CONTACT_PROBLEMS, type ContactAnswers, type ContactField, type ContactProblem } from '../../../domain/chronology/contact-record.ts';
import { PLAN_CHECK_OUTCOME_LABELS, planCheckProblemMessage, type PlanCheckDraft, type PlanCheckProblem } from '../../../domain/plan/plan-checks.ts';
import { PARTS, readDateInput, type DatePartErrors } from '../../forms/date-input.ts';
import { readClockTime } from '../../forms/time-input.ts';
import { formErrors, type FormErrors, type FormSpec } from '../../forms/validate-form.ts';

const choice = Type.Optional(Type.String({ maxLength: 40 }));
const text = Type.Optional(Type.String({ maxLength: 4000 }));
const tooLong = (what: string) => ({ default: `${what} must be 4,000 characters or fewer` });

const contactSchema = Type.Object({
  kind: choice,
  // Room for a word typed in a part ("one", "Nov"): the date's own reading says it is not a real
  // date, beside every other problem, rather than the length check refusing the form before them.
  'occurredOn-day': Type.Optional(Type.String({ maxLength: 10 })),
  'occurredOn-month': Type.Optional(Type.String({ maxLength: 10 })),
  'occurredOn-year': Type.Optional(Type.String({ maxLength: 10 })),
  time: Type.Optional(Type.String({ maxLength: 10 })),
  jointWith: Type.Optional(Type.String({ maxLength: 200 })),
  babySeen: choice,
  notSeenReason: text,
  awakeOrAsleep: choice,
  interaction: text,
  dressed: text,
  demeanour: text,
  whereKept: text,
  unknownAdultDescription: Type.Optional(Type.String({ maxLength: 500 })),
  sleepingSeen: choice,
  sleepingSafe: choice,
  unsafeSleepSeen: text,
  safeSleepAdvice: choice,
  safeSleepUnderstood: choice,
  cryingAdvice: choice,
  cryingUnderstood: choice,
  siblingsSaid: text,
  stressPointsReviewed: text,
  summary: text,
});

export const contactForm: FormSpec<typeof contactSchema> = {
  schema: contactSchema,
  messages: {
    kind: { default: CONTACT_PROBLEMS['kind-needed'].message },
    'occurredOn-day': { default: CONTACT_PROBLEMS['occurred-on-invalid'].message },
    'occurredOn-month': { default: CONTACT_PROBLEMS['occurred-on-invalid'].message },
    'occurredOn-year': { default: CONTACT_PROBLEMS['occurred-on-invalid'].message },
    time: { default: CONTACT_PROBLEMS['time-invalid'].message },
    jointWith: { default: 'The other agency must be 200 characters or fewer' },
    babySeen: { default: CONTACT_PROBLEMS['baby-seen-needed'].message },
    notSeenReason: tooLong('Why the baby was not seen'),
    awakeOrAsleep: { default: CONTACT_PROBLEMS['awake-or-asleep-needed'].message },
    interaction: tooLong('The interaction'),
    dressed: tooLong('How the baby was dressed'),
    demeanour: tooLong("The baby's demeanour"),
    whereKept: tooLong('Where the baby was kept'),
    unknownAdultDescription: { default: 'The description must be 500 characters or fewer' },
    sleepingSeen: { default: CONTACT_PROBLEMS['sleeping-seen-needed'].message },
    sleepingSafe: { default: CONTACT_PROBLEMS['sleeping-safe-needed'].message },
    unsafeSleepSeen: tooLong('What was unsafe'),
    safeSleepAdvice: { default: CONTACT_PROBLEMS['safe-sleep-advice-needed'].message },
    safeSleepUnderstood: { default: CONTACT_PROBLEMS['safe-sleep-understood-needed'].message },
    cryingAdvice: { default: CONTACT_PROBLEMS['crying-advice-needed'].message },
    cryingUnderstood: { default: CONTACT_PROBLEMS['crying-understood-needed'].message },
    siblingsSaid: tooLong('What older siblings said'),
    stressPointsReviewed: tooLong('The stress points reviewed'),
    summary: tooLong('The summary'),
  },
};

/** The box for an adult the practitioner did not know, among the people of the record. */
export const UNKNOWN_ADULT = 'unknown-adult';

/** The `present` boxes ticked: none, one value or many, as a browser sends them. */
export function presentFrom(body: unknown): string[] {
  const raw = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['present'] : undefined;
  return (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string' && value.trim() !== '').map((value) => value.trim());
}

const DATE_WORDS = { prefix: 'occurredOn', label: 'Date of the contact', enter: CONTACT_PROBLEMS['occurred-on-needed'].message };

export type ContactValues = Record<string, string>;

/** Reads the date typed as day, month and year: the ISO date, or the message and parts to mark. */
export function readContactDate(values: ContactValues) {
  return readDateInput(values, DATE_WORDS, true);
}

/**
 * The answers from a form that passed its length checks. A date that cannot be read is sent as none;
 * a time is sent as HH:MM ("9.05" is 09:05), or as typed when it cannot be read, for the domain to refuse.
 */
export function answersFrom(values: ContactValues, present: readonly string[], occurredOn: string): ContactAnswers {
  const time = values['time']?.trim() ?? '';
  return {
    ...values,
    occurredOn,
    time: time === '' ? '' : (readClockTime(time) ?? time),
    presentIds: present.filter((value) => value !== UNKNOWN_ADULT),
    unknownAdultPresent: present.includes(UNKNOWN_ADULT),
  };
}

/** The fields of one check item's answer: the radios and the note. */
export const checkOutcomeField = (itemId: string) => `check-outcome-${itemId}`;
export const checkNoteField = (itemId: string) => `check-note-${itemId}`;
/** Where an answer for an item no longer in the plan is reported: the section's heading. */
export const PLAN_CHECKS_ANCHOR = 'plan-checks';

const CHECK_FIELD = /^check-(outcome|note)-(.{1,100})$/;

/** The answers to the plan's check items as sent (one per item named, in the order sent), and the fields to show again. */
export function planChecksFrom(body: unknown): { answers: PlanCheckDraft[]; values: ContactValues } {
  const fields = body !== null && typeof body === 'object' ? Object.entries(body as Record<string, unknown>) : [];
  const byItem = new Map<string, PlanCheckDraft>();
  const values: ContactValues = {};
  for (const [name, value] of fields) {
    const match = CHECK_FIELD.exec(name);
    if (!match || typeof value !== 'string') continue;
    const [, part, itemId] = match as unknown as [string, 'outcome' | 'note', string];
    const answer = byItem.get(itemId) ?? { itemId };
    answer[part] = value;
    byItem.set(itemId, answer);
    values[name] = value;
  }
  return { answers: [...byItem.values()], values };
}

/** Why a call cannot answer "checked, no concern" for an item that needs a visit, and what to choose instead, in the form's words. */
function noConcernOnACall(itemText: string): string {
  const { concern, 'not-checked': notChecked } = PLAN_CHECK_OUTCOME_LABELS;
  return `A phone or video call cannot check “${itemText}” and find no concern: it needs a visit to see the baby or the home. If you saw or heard a concern, choose “${concern}” and say what. If not, choose “${notChecked}”, or record a visit instead.`;
}

/** The plan's problems as errors, in the form's order: on the item's radios or note, or on the section for an item not shown (no longer in the plan). */
function planCheckErrors(problems: readonly PlanCheckProblem[], answers: readonly PlanCheckDraft[], texts: ReadonlyMap<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const index = /^\/planChecks\/(\d+)\//.exec(problem.path)?.[1];
    const itemId = problem.itemId ?? (index === undefined ? undefined : answers[Number(index)]?.itemId);
    const onNote = problem.code === 'concern-note-needed' || problem.code === 'not-checked-note-needed' || problem.code === 'note-too-long';
    const field = itemId === undefined || !texts.has(itemId) ? PLAN_CHECKS_ANCHOR : onNote ? checkNoteField(itemId) : checkOutcomeField(itemId);
    // An item not shown (no longer in the plan) is reported on the section, in the domain's words.
    const text = field === PLAN_CHECKS_ANCHOR || itemId === undefined ? undefined : texts.get(itemId);
    errors[field] ??= problem.code === 'needs-a-visit' && text !== undefined ? noConcernOnACall(text) : planCheckProblemMessage(problem, text);
  }
  // In the form's order: the section's heading, then each item's answer and note.
  const order = [PLAN_CHECKS_ANCHOR, ...[...texts.keys()].flatMap((id) => [checkOutcomeField(id), checkNoteField(id)])];
  return Object.fromEntries(order.filter((field) => errors[field] !== undefined).map((field) => [field, errors[field]!]));
}

export type ContactErrors = FormErrors & { dateParts: DatePartErrors };

/** What the plan's checks need to word their errors: the problems, the answers as sent and the words of the items shown. */
export interface PlanCheckErrorsInput {
  problems: readonly PlanCheckProblem[];
  answers: readonly PlanCheckDraft[];
  texts: ReadonlyMap<string, string>;
}

/** Errors by field in the form's order, with the plan's checks just before the summary. */
function inFormOrder(errors: Partial<Record<string, string>>, plan: PlanCheckErrorsInput): FormErrors {
  const { summary, ...rest } = errors;
  return formErrors({ ...(rest as Record<string, string>), ...planCheckErrors(plan.problems, plan.answers, plan.texts), ...(summary === undefined ? {} : { summary }) });
}

/**
 * The form's own errors (a field too long, refused before anything is recorded) with the plan's
 * checks' problems, so the first submit reports every problem, not only the fields' ones.
 */
export function withPlanCheckErrors(form: FormErrors, plan: PlanCheckErrorsInput): FormErrors {
  return inFormOrder(Object.fromEntries(Object.entries(form.fieldErrors).map(([field, error]) => [field, error.text])), plan);
}

/**
 * The domain's problems as GOV.UK errors, one a field, in the form's order (the plan's checks come just
 * before the summary); a date the form could not read keeps its own words.
 */
export function contactErrors(
  problems: readonly ContactProblem[],
  date: ReturnType<typeof readContactDate>,
  plan: PlanCheckErrorsInput = { problems: [], answers: [], texts: new Map() },
): ContactErrors {
  const errors: Partial<Record<string, string>> = {};
  const dateParts: DatePartErrors = {};
  for (const problem of problems) {
    const { field, message }: { field: ContactField; message: string } = CONTACT_PROBLEMS[problem];
    if (field !== 'occurredOn') {
      errors[field] ??= message;
      continue;
    }
    errors[date.ok ? 'occurredOn-day' : date.field] = date.ok ? message : date.text;
    dateParts['occurredOn'] = date.ok ? [...PARTS] : date.parts;
  }
  return { ...inFormOrder(errors, plan), dateParts };
}
