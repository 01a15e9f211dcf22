// The contact form: its fields and length limits, the people ticked as present (sent as repeated
// fields), and the answers the use case takes. What the answers must say is the domain's
// (contact-record.ts); its problems become GOV.UK errors here, in the order the form asks. The
// answers to the plan's check items come as a pair of fields per item, named by the item's id.
import { Type } from 'typebox';
import { CONTACT_PROBLEMS, type ContactAnswers, type ContactField, type ContactProblem } from '../../../domain/chronology/contact-record.ts';
import { PLAN_CHECK_OUTCOME_LABELS, planCheckProblemMessage, type PlanCheckDraft, type PlanCheckProblem } from '../../../domain/plan/plan-checks.ts';
import { PARTS, readDateInput, type DatePartErrors } from '../../forms/date-input.ts';
import { readClockTime } from '../../forms/time-input.ts';
import { AllErrors } from '../../forms/all-errors.ts';
import type { FormErrors, FormSpec } from '../../forms/validate-form.ts';

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

/** The plan's problems as errors, each on the item's radios or note, or on the section for an item not shown (no longer in the plan). */
function planCheckErrors(problems: readonly PlanCheckProblem[], answers: readonly PlanCheckDraft[], texts: ReadonlyMap<string, string>): [string, string][] {
  return problems.map((problem) => {
    const index = /^\/planChecks\/(\d+)\//.exec(problem.path)?.[1];
    const itemId = problem.itemId ?? (index === undefined ? undefined : answers[Number(index)]?.itemId);
    const onNote = problem.code === 'concern-note-needed' || problem.code === 'not-checked-note-needed' || problem.code === 'note-too-long';
    const field = itemId === undefined || !texts.has(itemId) ? PLAN_CHECKS_ANCHOR : onNote ? checkNoteField(itemId) : checkOutcomeField(itemId);
    // An item not shown (no longer in the plan) is reported on the section, in the domain's words.
    const text = field === PLAN_CHECKS_ANCHOR || itemId === undefined ? undefined : texts.get(itemId);
    return [field, problem.code === 'needs-a-visit' && text !== undefined ? noConcernOnACall(text) : planCheckProblemMessage(problem, text)];
  });
}

export type ContactErrors = FormErrors & { dateParts: DatePartErrors };

/** What the plan's checks need to word their errors: the problems, the answers as sent and the words of the items shown. */
export interface PlanCheckErrorsInput {
  problems: readonly PlanCheckProblem[];
  answers: readonly PlanCheckDraft[];
  texts: ReadonlyMap<string, string>;
}

/** The form's questions in the order the page asks them (the plan's items, in the plan's order, where the section is): the error summary's order. */
function fieldOrder(itemIds: Iterable<string>): string[] {
  return [
    ...['kind', 'jointWith', 'occurredOn', 'time', 'babySeen', 'notSeenReason', 'awakeOrAsleep', 'interaction', 'dressed', 'demeanour', 'whereKept', 'present', 'unknownAdultDescription'],
    ...['sleepingSeen', 'sleepingSafe', 'unsafeSleepSeen', 'safeSleepAdvice', 'safeSleepUnderstood', 'cryingAdvice', 'cryingUnderstood'],
    PLAN_CHECKS_ANCHOR,
    ...[...itemIds].flatMap((id) => [checkOutcomeField(id), checkNoteField(id)]),
    ...['siblingsSaid', 'stressPointsReviewed', 'summary'],
  ];
}

/**
 * Every error of the form in one pass (web/forms/all-errors.ts), each on its field, in the page's order:
 * the form's own (a field too long: its words stand on that field), the date's as typed, the domain's
 * problems with the answers, and the plan's checks'. A date the form could not read keeps its own words.
 */
export function contactErrors(
  form: FormErrors,
  problems: readonly ContactProblem[],
  date: ReturnType<typeof readContactDate>,
  plan: PlanCheckErrorsInput = { problems: [], answers: [], texts: new Map() },
): ContactErrors {
  const errors = new AllErrors(fieldOrder(plan.texts.keys())).addAll(form);
  if (!date.ok) errors.add(date.field, date.text, date.parts);
  for (const problem of problems) {
    const { field, message }: { field: ContactField; message: string } = CONTACT_PROBLEMS[problem];
    if (field === 'occurredOn') errors.add('occurredOn-day', message, PARTS);
    else errors.add(field, message);
  }
  for (const [field, text] of planCheckErrors(plan.problems, plan.answers, plan.texts)) errors.add(field, text);
  return errors.result();
}
