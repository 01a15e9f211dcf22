// Checking a supervision before it is recorded (issue 16): a real day in 1900 or later, not after
// today, every prompt answered, the analysis and decisions written, each action with an owner and a
// due date at most 12 months ahead (date-rules.ts); and who took part. The practitioner is in the
// team around the baby; the supervisor is a manager, a safeguarding lead or a named colleague in the
// practitioner's own organisation (not the practitioner, not an administrator); whoever records it
// is one of the two. A supervisor from another organisation, or a recorder who took no part, is a
// refusal (audited as denied), not a slip.
import { dayProblem, DUE, HAPPENED, tooEarlyWords, tooFarAheadWords } from '../shared/date-rules.ts';
import type { Role } from '../shared/roles.ts';
import { isStuckAnswer, PROMPT_IDS, type PromptId } from './supervision-prompts.ts';
import { SUPERVISION_LIMITS, type Supervision, type SupervisionDraft } from './supervision.types.ts';

export const SUPERVISION_PROBLEM_MESSAGES = {
  'date-needed': 'Enter the date of the supervision.',
  'not-a-date': 'The date of the supervision must be a real date.',
  'held-too-early': tooEarlyWords('The date of the supervision'),
  'held-in-future': 'A supervision dated in the future has not happened yet: enter the date it was held.',
  'practitioner-needed': 'Choose the practitioner who was supervised.',
  'practitioner-not-in-team': 'The practitioner supervised must be in the team around the baby.',
  'supervisor-needed': 'Choose the supervisor.',
  'same-person': 'The supervisor and the practitioner must be two different people.',
  'supervisor-role': 'An administrator cannot supervise a case: choose a manager, a safeguarding lead or a named supervisor.',
  'supervisor-other-organisation': "The supervisor must be in the practitioner's own organisation: a manager, a safeguarding lead or a named supervisor there.",
  'recorder-not-party': 'Only the supervisor or the practitioner supervised can record a supervision.',
  'answer-needed': 'Answer this question, even if only to say why it cannot be answered yet.',
  'stuck-needed': 'Say whether the case is stuck.',
  'analysis-needed': 'Write the analysis: what the discussion concluded about the risks to the baby.',
  'decisions-needed': 'Write the decisions made.',
  'too-long': 'This is too long.',
  'too-many-actions': `Record at most ${String(SUPERVISION_LIMITS.actions)} actions.`,
  'action-text-needed': 'Say what will be done.',
  'owner-needed': 'Enter who will do it.',
  'due-date-needed': 'Enter the date it is due.',
  'due-not-a-date': 'The due date must be a real date.',
  'due-too-early': tooEarlyWords('The due date'),
  'due-too-far-ahead': tooFarAheadWords('The due date'),
  'plan-full': "The plan already holds as many actions as it can, so this supervision's actions cannot join it.",
} as const;

export type SupervisionProblemCode = keyof typeof SUPERVISION_PROBLEM_MESSAGES;

export interface SupervisionProblem {
  /** JSON pointer into the supervision as sent: /heldOn, /answers/script, /actions/0/owner. */
  path: string;
  code: SupervisionProblemCode;
}

/** Problems that are refusals of the person, not slips in the form: audited as denied. */
export const REFUSAL_CODES: readonly SupervisionProblemCode[] = ['supervisor-other-organisation', 'recorder-not-party'];

export function isRefusal(problems: readonly SupervisionProblem[]): boolean {
  return problems.some((problem) => REFUSAL_CODES.includes(problem.code));
}

/** An account as the check needs it. */
export interface SupervisionAccount {
  id: string;
  organisationId: string;
  role: Role;
  /** Switched off accounts take no part. */
  active: boolean;
}

export interface SupervisionContext {
  /** The service's day. */
  today: string;
  /** Who records it. */
  recorderId: string;
  /** The accounts named as practitioner and supervisor, by id (an id not here is not known). */
  accounts: ReadonlyMap<string, SupervisionAccount>;
  /** The team around the baby. */
  teamUserIds: ReadonlySet<string>;
}

export type CheckedSupervision = { ok: true; supervision: Supervision } | { ok: false; problems: SupervisionProblem[] };

const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Who took part, as the rules above say: the problems, empty when they may record it. */
export function participantProblems(practitionerId: string, supervisorId: string, context: SupervisionContext): SupervisionProblem[] {
  const problems: SupervisionProblem[] = [];
  const practitioner = context.accounts.get(practitionerId);
  const supervisor = context.accounts.get(supervisorId);
  if (!practitioner?.active) problems.push({ path: '/practitionerId', code: 'practitioner-needed' });
  else if (!context.teamUserIds.has(practitionerId)) problems.push({ path: '/practitionerId', code: 'practitioner-not-in-team' });
  if (!supervisor?.active) problems.push({ path: '/supervisorId', code: 'supervisor-needed' });
  else if (supervisorId === practitionerId) problems.push({ path: '/supervisorId', code: 'same-person' });
  else if (supervisor.role === 'admin') problems.push({ path: '/supervisorId', code: 'supervisor-role' });
  else if (practitioner && supervisor.organisationId !== practitioner.organisationId) problems.push({ path: '/supervisorId', code: 'supervisor-other-organisation' });
  if (practitioner && supervisor && context.recorderId !== practitionerId && context.recorderId !== supervisorId) problems.push({ path: '/supervisorId', code: 'recorder-not-party' });
  return problems;
}

/** Checks a supervision as sent: the supervision trimmed, or every problem with its path. */
export function checkSupervision(draft: SupervisionDraft, context: SupervisionContext): CheckedSupervision {
  const problems: SupervisionProblem[] = [];
  const problem = (path: string, code: SupervisionProblemCode) => problems.push({ path, code });

  const heldOn = trimmed(draft.heldOn);
  const heldOnProblem = dayProblem(heldOn, context.today, HAPPENED);
  if (heldOn === '') problem('/heldOn', 'date-needed');
  else if (heldOnProblem === 'not-a-date') problem('/heldOn', 'not-a-date');
  else if (heldOnProblem === 'too-early') problem('/heldOn', 'held-too-early');
  else if (heldOnProblem === 'in-future') problem('/heldOn', 'held-in-future');

  const practitionerId = trimmed(draft.practitionerId);
  const supervisorId = trimmed(draft.supervisorId);
  problems.push(...participantProblems(practitionerId, supervisorId, context));

  const stuck = trimmed(draft.stuck);
  const answers = {} as Record<PromptId, string>;
  for (const id of PROMPT_IDS) {
    // The form asks whether the case is stuck before asking what is stuck.
    if (id === 'stuck' && !isStuckAnswer(stuck)) problem('/stuck', 'stuck-needed');
    const answer = trimmed(draft.answers?.[id]);
    if (answer === '') problem(`/answers/${id}`, 'answer-needed');
    else if (answer.length > SUPERVISION_LIMITS.answer) problem(`/answers/${id}`, 'too-long');
    answers[id] = answer;
  }

  const analysis = trimmed(draft.analysis);
  if (analysis === '') problem('/analysis', 'analysis-needed');
  else if (analysis.length > SUPERVISION_LIMITS.analysis) problem('/analysis', 'too-long');
  const decisions = trimmed(draft.decisions);
  if (decisions === '') problem('/decisions', 'decisions-needed');
  else if (decisions.length > SUPERVISION_LIMITS.decisions) problem('/decisions', 'too-long');

  const sent = draft.actions ?? [];
  if (sent.length > SUPERVISION_LIMITS.actions) problem('/actions', 'too-many-actions');
  const actions = sent.map((action, i) => {
    const at = `/actions/${String(i)}`;
    const text = trimmed(action.text);
    const owner = trimmed(action.owner);
    const dueOn = trimmed(action.dueOn);
    if (text === '') problem(`${at}/text`, 'action-text-needed');
    else if (text.length > SUPERVISION_LIMITS.actionText) problem(`${at}/text`, 'too-long');
    if (owner === '') problem(`${at}/owner`, 'owner-needed');
    else if (owner.length > SUPERVISION_LIMITS.owner) problem(`${at}/owner`, 'too-long');
    const dueOnProblem = dayProblem(dueOn, context.today, DUE);
    if (dueOn === '') problem(`${at}/dueOn`, 'due-date-needed');
    else if (dueOnProblem === 'not-a-date') problem(`${at}/dueOn`, 'due-not-a-date');
    else if (dueOnProblem === 'too-early') problem(`${at}/dueOn`, 'due-too-early');
    else if (dueOnProblem === 'too-far-ahead') problem(`${at}/dueOn`, 'due-too-far-ahead');
    return { text, owner, dueOn };
  });

  if (problems.length > 0 || !isStuckAnswer(stuck)) return { ok: false, problems };
  return { ok: true, supervision: { heldOn, practitionerId, supervisorId, answers, stuck, analysis, decisions, actions } };
}
