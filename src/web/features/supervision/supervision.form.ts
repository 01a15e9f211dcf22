// The form to record a supervision: the date, the two who took part, an answer to each prompt,
// whether the case is stuck, the analysis, the decisions and rows of actions (`action-1-dueOn-day`),
// read into the supervision as the domain takes it, and the domain's problems turned into GOV.UK
// errors on the field they are about (a date that could not be read worded as every date input words
// it, web/forms/refused-date.ts, on the part in error). Action rows left blank are left out; each keeps the number it
// was shown with. "Add another action" re-renders with one more blank row, without saving.
import { PROMPT_IDS, SUPERVISION_PROMPTS, type PromptId } from '../../../domain/supervision/supervision-prompts.ts';
import { SUPERVISION_PROBLEM_MESSAGES, type SupervisionProblem } from '../../../domain/supervision/supervision-rules.ts';
import { SUPERVISION_LIMITS, type SupervisionDraft } from '../../../domain/supervision/supervision.types.ts';
import { dateInputValues, type DatePartErrors } from '../../forms/date-input.ts';
import { errorsWithDates, heldOnOrDueDate, typedDay } from '../../forms/refused-date.ts';
import { tooLongMessage, type TextLimit } from '../../forms/too-long.ts';
import { formErrors, type FormErrors } from '../../forms/validate-form.ts';

export const FIRST_ACTION_ROWS = 2;
const MOST_ACTION_ROWS = SUPERVISION_LIMITS.actions + 5;

export interface ActionRow {
  text: string;
  owner: string;
  'dueOn-day': string;
  'dueOn-month': string;
  'dueOn-year': string;
}

export interface SupervisionFormValues {
  'heldOn-day': string;
  'heldOn-month': string;
  'heldOn-year': string;
  practitionerId: string;
  supervisorId: string;
  answers: Record<PromptId, string>;
  stuck: string;
  analysis: string;
  decisions: string;
  actions: ActionRow[];
}

const blankAction = (): ActionRow => ({ text: '', owner: '', 'dueOn-day': '', 'dueOn-month': '', 'dueOn-year': '' });
const noAnswers = (): Record<PromptId, string> => Object.fromEntries(PROMPT_IDS.map((id) => [id, ''])) as Record<PromptId, string>;

/** A new form: held today, the caller in the part they can take. */
export function blankForm(today: string, parties: { practitionerId: string; supervisorId: string }): SupervisionFormValues {
  const day = dateInputValues('heldOn', today);
  return {
    'heldOn-day': day['heldOn-day']!,
    'heldOn-month': day['heldOn-month']!,
    'heldOn-year': day['heldOn-year']!,
    ...parties,
    answers: noAnswers(),
    stuck: '',
    analysis: '',
    decisions: '',
    actions: Array.from({ length: FIRST_ACTION_ROWS }, blankAction),
  };
}

/** A field exactly as typed, however long: a form given back must hold all of it (the domain refuses what is too long). */
const str = (body: Record<string, unknown>, key: string): string => {
  const value = body[key];
  return typeof value === 'string' ? value : '';
};

/** How many action rows were shown: the highest numbered field sent, within the limit. */
function actionRowCount(body: Record<string, unknown>): number {
  let count = 0;
  for (const key of Object.keys(body)) {
    const match = /^action-(\d{1,3})-/.exec(key);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return Math.min(count, MOST_ACTION_ROWS);
}

/** The form as typed: every row shown, blank ones included. */
export function readSupervisionForm(raw: unknown): SupervisionFormValues {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    'heldOn-day': str(body, 'heldOn-day').trim(),
    'heldOn-month': str(body, 'heldOn-month').trim(),
    'heldOn-year': str(body, 'heldOn-year').trim(),
    practitionerId: str(body, 'practitionerId'),
    supervisorId: str(body, 'supervisorId'),
    answers: Object.fromEntries(PROMPT_IDS.map((id) => [id, str(body, `answer-${id}`)])) as Record<PromptId, string>,
    stuck: str(body, 'stuck'),
    analysis: str(body, 'analysis'),
    decisions: str(body, 'decisions'),
    actions: Array.from({ length: actionRowCount(body) }, (_, i) => {
      const n = `action-${String(i)}`;
      return { text: str(body, `${n}-text`), owner: str(body, `${n}-owner`), 'dueOn-day': str(body, `${n}-dueOn-day`).trim(), 'dueOn-month': str(body, `${n}-dueOn-month`).trim(), 'dueOn-year': str(body, `${n}-dueOn-year`).trim() };
    }),
  };
}

/** A form kept when its session ended (web/plugins/kept-forms.ts), with the action rows a new form shows. */
export function readKeptSupervisionForm(fields: unknown): SupervisionFormValues {
  const typed = readSupervisionForm(fields);
  return { ...typed, actions: [...typed.actions, ...Array.from({ length: Math.max(0, FIRST_ACTION_ROWS - typed.actions.length) }, blankAction)] };
}

/** True when "add another action" was pressed. */
export function addRequested(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && (raw as Record<string, unknown>)['add'] === 'actions';
}

export function withAnotherAction(values: SupervisionFormValues): SupervisionFormValues {
  return values.actions.length >= MOST_ACTION_ROWS ? values : { ...values, actions: [...values.actions, blankAction()] };
}

/** The supervision as the domain takes it, blank action rows left out, and the row each action came from. */
export function draftFrom(values: SupervisionFormValues): { draft: SupervisionDraft; actionRows: number[] } {
  const actionRows: number[] = [];
  const actions = values.actions.flatMap((action, i) => {
    if ([action.text, action.owner, action['dueOn-day'], action['dueOn-month'], action['dueOn-year']].every((v) => v.trim() === '')) return [];
    actionRows.push(i);
    return [{ text: action.text, owner: action.owner, dueOn: typedDay({ ...action }, 'dueOn') }];
  });
  return {
    draft: {
      heldOn: typedDay({ 'heldOn-day': values['heldOn-day'], 'heldOn-month': values['heldOn-month'], 'heldOn-year': values['heldOn-year'] }, 'heldOn'),
      practitionerId: values.practitionerId,
      supervisorId: values.supervisorId,
      answers: values.answers,
      stuck: values.stuck,
      analysis: values.analysis,
      decisions: values.decisions,
      actions,
    },
    actionRows,
  };
}

/** The field a problem's path points at, on the row it was shown in. */
export function fieldFor(path: string, actionRows: readonly number[]): string {
  const [, first = '', second, part] = path.split('/');
  switch (first) {
    case 'heldOn':
      return 'heldOn-day';
    case 'answers':
      return `answer-${second ?? ''}`;
    case 'actions':
      return second === undefined ? 'action-0-text' : `action-${String(actionRows[Number(second)] ?? 0)}-${part === 'dueOn' ? 'dueOn-day' : (part ?? 'text')}`;
    default:
      return first;
  }
}

/** The question an answer field (`answer-script`) answers, as the form asks it. */
function questionOf(field: string): string {
  const id = field.slice('answer-'.length);
  return id === 'stuck' ? 'Say what is stuck, or what is moving' : (SUPERVISION_PROMPTS.find((p) => p.id === id)?.question ?? id);
}

/** A text field's name in an error, its limit (SUPERVISION_LIMITS) and what was typed in it, by its name on the form. */
function textField(field: string, values: SupervisionFormValues): TextLimit & { typed: string } {
  if (field === 'analysis') return { label: 'The analysis', limit: SUPERVISION_LIMITS.analysis, typed: values.analysis };
  if (field === 'decisions') return { label: 'The decisions', limit: SUPERVISION_LIMITS.decisions, typed: values.decisions };
  if (field.startsWith('answer-')) {
    const id = field.slice('answer-'.length) as PromptId;
    return { label: `The answer to “${questionOf(field)}”`, limit: SUPERVISION_LIMITS.answer, typed: values.answers[id] ?? '' };
  }
  const [, index = '0', part] = field.split('-');
  const row = values.actions[Number(index)];
  // The row is named before these words (namedByRow): 'Action 2: “Who will do it” must be ...'.
  if (part === 'owner') return { label: '“Who will do it”', limit: SUPERVISION_LIMITS.owner, typed: row?.owner ?? '' };
  return { label: '“What will be done”', limit: SUPERVISION_LIMITS.actionText, typed: row?.text ?? '' };
}

/** "The analysis must be 8,000 characters or fewer: you have 8,012.", counted as the domain counts it (trimmed). */
function tooLongWordsFor(field: string, values: SupervisionFormValues): string {
  const text = textField(field, values);
  return tooLongMessage(text, text.typed) ?? SUPERVISION_PROBLEM_MESSAGES['too-long'];
}

/** An unanswered prompt, named by its question (GOV.UK: every message names its question): 'Answer “Whose voice is missing?”, even if ...'. */
function answerNeededWords(field: string): string {
  return `Answer “${questionOf(field)}”, even if only to say why it cannot be answered yet.`;
}

/** Whether a problem is about one action ('/actions/1/owner'), not the form or the whole list ('/actions', too many). */
const aboutOneAction = (problem: SupervisionProblem): boolean => /^\/actions\/\d+\//.test(problem.path);

/** The field an error is keyed on, as the problem was placed: a date's part in error stands for its day (`action-1-dueOn-year`: `action-1-dueOn-day`). */
const placedOn = (field: string): string => field.replace(/-dueOn-(?:month|year)$/, '-dueOn-day');

/**
 * Errors about an action say which action, as its legend does ('Action 2: enter who will do it.'), the
 * form having several rows of the same questions (GOV.UK: every message names its question). Named once
 * the words are final, so a due date typed so it cannot be read is named too ('Action 1: year must
 * include 4 numbers.'). A field shows its first problem (errorsWithDates), so that one decides.
 */
function namedByRow(problemsOn: ReadonlyMap<string, SupervisionProblem>, { errorList, dateParts }: FormErrors & { dateParts: DatePartErrors }): FormErrors & { dateParts: DatePartErrors } {
  const errors = errorList.map(({ href, text }): [string, string] => {
    const field = href.slice(1);
    const problem = problemsOn.get(placedOn(field));
    const row = /^action-(\d+)-/.exec(field)?.[1];
    if (problem === undefined || !aboutOneAction(problem) || row === undefined) return [field, text];
    return [field, `Action ${String(Number(row) + 1)}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`];
  });
  return { ...formErrors(Object.fromEntries(errors)), dateParts };
}

/** The domain's problems as GOV.UK errors, in the order of the form; a date's on the part in error, only the parts in error marked; an action's naming its row. */
export function supervisionFormErrors(problems: readonly SupervisionProblem[], actionRows: readonly number[], values: SupervisionFormValues): FormErrors & { dateParts: DatePartErrors } {
  const placed = problems.map((problem) => ({ problem, field: fieldFor(problem.path, actionRows) }));
  const problemsOn = new Map<string, SupervisionProblem>();
  for (const { problem, field } of placed) if (!problemsOn.has(field)) problemsOn.set(field, problem);
  const errors = errorsWithDates(
    placed.map(({ problem, field }) => {
      const message = problem.code === 'too-long' ? tooLongWordsFor(field, values) : problem.code === 'answer-needed' ? answerNeededWords(field) : SUPERVISION_PROBLEM_MESSAGES[problem.code];
      return { field, message, date: heldOnOrDueDate(field, values, 'The date of the supervision') };
    }),
  );
  return namedByRow(problemsOn, errors);
}
