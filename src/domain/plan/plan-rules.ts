// What makes a plan acceptable, whoever sends it (the plan page, an agency system): a level of
// support, outcomes that say something, check items that say what is checked, how often and by whom,
// naming only factors in the catalogue and people in the record, and actions each with an owner and a
// due date (a day sent anew in 1900 or later and at most 12 months ahead, date-rules.ts, and for an
// open action not before today), dropped only
// with a reason and never removed (an action stays on the plan, done or dropped, so the plan shows
// what was agreed). Each problem has a JSON pointer path, so a page can mark the field and an API
// caller is told exactly which part is wrong. A draft that passes becomes the plan: trimmed, new
// items and actions given ids, a new item checked since today. The visiting pattern: each commitment
// names a known kind of agency, how often in whole days (1 to 90) and whether the baby must be seen;
// a draft that leaves the visits out keeps the plan's own.
import { isFactorId } from '../catalogue/catalogue.ts';
import { isRealIsoDate } from '../shared/calendar-date.ts';
import { anyDayProblem, dayProblem, DUE, tooEarlyWords, tooFarAheadWords } from '../shared/date-rules.ts';
import { isCaseLevel } from '../shared/case-levels.ts';
import { isOrganisationKind, type OrganisationKind } from '../shared/organisation-kinds.ts';
import type { MeetingAction } from '../meetings/meeting.types.ts';
import {
  ACTION_STATUSES,
  type ActionMeeting,
  type PlanLevel,
  CHECK_FREQUENCIES,
  PLAN_LIMITS,
  type ActionDraft,
  type ActionOwner,
  type ActionStatus,
  type CheckFrequency,
  type CheckItem,
  type CheckItemDraft,
  type Plan,
  type PlanAction,
  type PlanDraft,
  type VisitCommitment,
  type VisitCommitmentDraft,
} from './plan.types.ts';

export const PLAN_PROBLEM_MESSAGES = {
  'unknown-level': 'Choose the level of support the plan serves.',
  'too-many-outcomes': `A plan has at most ${PLAN_LIMITS.outcomes} outcomes.`,
  'outcome-blank': 'Write the outcome in words, or leave the row out.',
  'outcome-too-long': `An outcome must be ${PLAN_LIMITS.outcome.toLocaleString('en-GB')} characters or fewer.`,
  'too-many-check-items': `A plan has at most ${PLAN_LIMITS.checkItems} check items.`,
  'too-many-actions': `A plan has at most ${PLAN_LIMITS.actions} actions.`,
  'text-needed': 'Say what it is, in plain words.',
  'text-too-long': `This must be ${PLAN_LIMITS.text} characters or fewer.`,
  'question-too-long': `The question must be ${PLAN_LIMITS.question.toLocaleString('en-GB')} characters or fewer.`,
  'unknown-factor': 'That is not a factor in the profile catalogue.',
  'unknown-person': 'That person is not in this record.',
  'unknown-organisation-kind': 'That is not a kind of agency the service knows.',
  'frequency-needed': 'Choose how often it is checked: every contact, every week or every month.',
  'since-invalid': 'The date it is checked since must be a real date.',
  'since-too-early': tooEarlyWords('The date it is checked since'),
  'duplicate-id': 'Two items or actions have the same id.',
  'unknown-id': 'There is no item or action with this id in the plan: leave the id out for a new one.',
  'owner-needed': 'Say who owns the action: someone with an account, or the name of someone outside the service.',
  'unknown-owner': 'There is no active account with that id.',
  'owner-name-too-long': `The owner's name must be ${PLAN_LIMITS.ownerName} characters or fewer.`,
  'due-date-needed': 'Give the date the action is due.',
  'due-date-invalid': 'The due date must be a real date.',
  'due-date-too-early': tooEarlyWords('The due date'),
  'due-date-too-far-ahead': tooFarAheadWords('The due date'),
  'due-date-in-past': 'The due date has passed: give the day it will be done by, today or later, or mark the action done.',
  'status-needed': 'Choose the status: open, done or dropped.',
  'dropped-reason-needed': 'Say why the action was dropped.',
  'dropped-reason-too-long': `The reason must be ${PLAN_LIMITS.droppedReason.toLocaleString('en-GB')} characters or fewer.`,
  'action-removed': 'An action is never taken off the plan: mark it done, or dropped with a reason.',
  'too-many-visits': `A plan has at most ${PLAN_LIMITS.visits} visiting commitments.`,
  'visit-agency-needed': 'Choose the kind of agency that visits.',
  'every-days-invalid': `Say how often in whole days, from 1 to ${PLAN_LIMITS.everyDays}: 7 is every week, 14 every 2 weeks.`,
  'who-too-long': `Who visits must be ${PLAN_LIMITS.who} characters or fewer.`,
  'baby-seen-needed': 'Say whether the baby must be seen at each visit.',
} as const;

export type PlanProblemCode = keyof typeof PLAN_PROBLEM_MESSAGES;

export interface PlanProblem {
  code: PlanProblemCode;
  /** JSON pointer into the draft: `/level`, `/checkItems/2/text`, `/actions/0/owner`. */
  path: string;
}

export interface PlanRulesContext {
  /** YYYY-MM-DD in the service's time zone: a new check item is checked since today. */
  today: string;
  /** Everyone in the record. */
  personIds: ReadonlySet<string>;
  /** The active accounts among the owners the draft names by id. */
  userIds: ReadonlySet<string>;
  /** The plan as it stands (null when there is none yet). */
  current: Plan | null;
  newId: () => string;
}

export type PlanCheck = { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] };

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/** The ids a draft names, existing ones only: for the owners an application must look up. */
export function ownerUserIds(draft: PlanDraft): string[] {
  return [...new Set(draft.actions.map((action) => action.owner?.userId?.trim() ?? '').filter((id) => id !== ''))];
}

export function checkPlanDraft(draft: PlanDraft, context: PlanRulesContext): PlanCheck {
  const problems: PlanProblem[] = [];
  const problem = (code: PlanProblemCode, path: string) => problems.push({ code, path });
  if (!isCaseLevel(draft.level)) problem('unknown-level', '/level');

  if (draft.outcomes.length > PLAN_LIMITS.outcomes) problem('too-many-outcomes', '/outcomes');
  draft.outcomes.forEach((outcome, i) => {
    if (blank(outcome)) problem('outcome-blank', `/outcomes/${i}`);
    else if (outcome.trim().length > PLAN_LIMITS.outcome) problem('outcome-too-long', `/outcomes/${i}`);
  });

  const checkId = (id: string | undefined, path: string, existing: ReadonlySet<string>, seenIds: Set<string>) => {
    if (id === undefined) return;
    if (seenIds.has(id)) problem('duplicate-id', path);
    else if (!existing.has(id)) problem('unknown-id', path);
    seenIds.add(id);
  };
  const text = (value: string | undefined, path: string) => {
    if (blank(value)) problem('text-needed', path);
    else if (value!.trim().length > PLAN_LIMITS.text) problem('text-too-long', path);
  };

  // A day already on the plan stays as it was agreed: only a day sent anew is held to date-rules.ts's range.
  const storedDays = new Map<string, string>([
    ...(context.current?.checkItems ?? []).map((item) => [`item ${item.id}`, item.since] as const),
    ...(context.current?.actions ?? []).map((action) => [`action ${action.id}`, action.dueOn] as const),
    ...(context.current?.visits ?? []).map((visit) => [`visit ${visit.id}`, visit.since] as const),
  ]);
  const sentAnew = (key: string, id: string | undefined, day: string) => id === undefined || storedDays.get(`${key} ${id}`) !== day;
  const since = (key: string, id: string | undefined, day: string | undefined, path: string) => {
    if (day === undefined) return;
    if (!isRealIsoDate(day)) problem('since-invalid', path);
    else if (sentAnew(key, id, day) && anyDayProblem(day) === 'too-early') problem('since-too-early', path);
  };

  const existingItems = new Set(context.current?.checkItems.map((item) => item.id) ?? []);
  const seenItemIds = new Set<string>();
  if (draft.checkItems.length > PLAN_LIMITS.checkItems) problem('too-many-check-items', '/checkItems');
  draft.checkItems.forEach((item, i) => {
    const at = `/checkItems/${i}`;
    checkId(item.id, `${at}/id`, existingItems, seenItemIds);
    text(item.text, `${at}/text`);
    if ((item.question?.trim().length ?? 0) > PLAN_LIMITS.question) problem('question-too-long', `${at}/question`);
    if (item.factorId !== undefined && !isFactorId(item.factorId)) problem('unknown-factor', `${at}/factorId`);
    if (item.personId !== undefined && !context.personIds.has(item.personId)) problem('unknown-person', `${at}/personId`);
    (item.checkedBy ?? []).forEach((kind, j) => {
      if (!isOrganisationKind(kind)) problem('unknown-organisation-kind', `${at}/checkedBy/${j}`);
    });
    if (!(CHECK_FREQUENCIES as readonly string[]).includes(item.frequency ?? '')) problem('frequency-needed', `${at}/frequency`);
    since('item', item.id, item.since, `${at}/since`);
  });

  const existingActions = new Set(context.current?.actions.map((action) => action.id) ?? []);
  const seenActionIds = new Set<string>();
  if (draft.actions.length > PLAN_LIMITS.actions) problem('too-many-actions', '/actions');
  draft.actions.forEach((action, i) => {
    const at = `/actions/${i}`;
    checkId(action.id, `${at}/id`, existingActions, seenActionIds);
    text(action.text, `${at}/text`);
    const owner = ownerOf(action);
    if (owner === null) problem('owner-needed', `${at}/owner`);
    else if ('userId' in owner && !context.userIds.has(owner.userId)) problem('unknown-owner', `${at}/owner/userId`);
    else if ('name' in owner && owner.name.length > PLAN_LIMITS.ownerName) problem('owner-name-too-long', `${at}/owner/name`);
    if (blank(action.dueOn)) problem('due-date-needed', `${at}/dueOn`);
    else {
      const dueOn = action.dueOn!.trim();
      const wrong = dayProblem(dueOn, context.today, DUE);
      if (wrong === 'not-a-date') problem('due-date-invalid', `${at}/dueOn`);
      else if (wrong !== null && sentAnew('action', action.id, dueOn)) problem(wrong === 'too-early' ? 'due-date-too-early' : 'due-date-too-far-ahead', `${at}/dueOn`);
      // An open action is agreed for a day to come: one due on a day gone by would be overdue the
      // moment it is saved. An action already on the plan keeps the day agreed, however long ago.
      else if (action.status === 'open' && dueOn < context.today && sentAnew('action', action.id, dueOn)) problem('due-date-in-past', `${at}/dueOn`);
    }
    if (!(ACTION_STATUSES as readonly string[]).includes(action.status ?? '')) problem('status-needed', `${at}/status`);
    else if (action.status === 'dropped') {
      if (blank(action.droppedReason)) problem('dropped-reason-needed', `${at}/droppedReason`);
      else if (action.droppedReason!.trim().length > PLAN_LIMITS.droppedReason) problem('dropped-reason-too-long', `${at}/droppedReason`);
    }
  });
  const kept = new Set(draft.actions.map((action) => action.id).filter((id) => id !== undefined));
  for (const id of existingActions) if (!kept.has(id)) problem('action-removed', '/actions');

  if (draft.visits !== undefined) {
    const existingVisits = new Set(context.current?.visits.map((visit) => visit.id) ?? []);
    const seenVisitIds = new Set<string>();
    if (draft.visits.length > PLAN_LIMITS.visits) problem('too-many-visits', '/visits');
    draft.visits.forEach((visit, i) => {
      const at = `/visits/${i}`;
      checkId(visit.id, `${at}/id`, existingVisits, seenVisitIds);
      if (visit.agencyKind === undefined || !isOrganisationKind(visit.agencyKind)) problem('visit-agency-needed', `${at}/agencyKind`);
      if ((visit.who?.trim().length ?? 0) > PLAN_LIMITS.who) problem('who-too-long', `${at}/who`);
      const every = visit.everyDays;
      if (every === undefined || !Number.isInteger(every) || every < 1 || every > PLAN_LIMITS.everyDays) problem('every-days-invalid', `${at}/everyDays`);
      if (typeof visit.babySeen !== 'boolean') problem('baby-seen-needed', `${at}/babySeen`);
      since('visit', visit.id, visit.since, `${at}/since`);
    });
  }

  if (problems.length > 0) return { ok: false, problems: uniqueProblems(problems) };
  return { ok: true, plan: settle(draft, context) };
}

function uniqueProblems(problems: readonly PlanProblem[]): PlanProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code} ${p.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The owner as given: an account id wins over a name; null when neither says anything. */
function ownerOf(action: ActionDraft): ActionOwner | null {
  const userId = action.owner?.userId?.trim() ?? '';
  if (userId !== '') return { userId };
  const name = action.owner?.name?.trim() ?? '';
  return name === '' ? null : { name };
}

/** The draft, already checked, as the plan: trimmed, ids given, since kept or set, and each action's meeting kept. */
function settle(draft: PlanDraft, context: PlanRulesContext): Plan {
  const stored = new Map(context.current?.checkItems.map((item) => [item.id, item]) ?? []);
  const storedActions = new Map(context.current?.actions.map((action) => [action.id, action]) ?? []);
  const checkItems = draft.checkItems.map((item: CheckItemDraft): CheckItem => {
    const text = item.text!.trim();
    const question = item.question?.trim() ?? '';
    const since = item.since ?? (item.id !== undefined ? stored.get(item.id)?.since : undefined) ?? context.today;
    return {
      id: item.id ?? context.newId(),
      text,
      question: question === '' ? text : question,
      ...(item.factorId !== undefined && isFactorId(item.factorId) ? { factorId: item.factorId } : {}),
      ...(item.personId !== undefined ? { personId: item.personId } : {}),
      checkedBy: [...new Set(item.checkedBy ?? [])].filter((kind): kind is OrganisationKind => isOrganisationKind(kind)),
      frequency: item.frequency as CheckFrequency,
      since,
    };
  });
  const actions = draft.actions.map((action): PlanAction => {
    const status = action.status as ActionStatus;
    const fromMeeting = action.id === undefined ? undefined : storedActions.get(action.id)?.fromMeeting;
    return {
      id: action.id ?? context.newId(),
      text: action.text!.trim(),
      owner: ownerOf(action)!,
      dueOn: action.dueOn!.trim(),
      status,
      ...(status === 'dropped' ? { droppedReason: action.droppedReason!.trim() } : {}),
      ...(fromMeeting === undefined ? {} : { fromMeeting }),
    };
  });
  const storedVisits = new Map(context.current?.visits.map((visit) => [visit.id, visit]) ?? []);
  const visits =
    draft.visits === undefined
      ? [...(context.current?.visits ?? [])]
      : draft.visits.map((visit: VisitCommitmentDraft): VisitCommitment => {
          const who = visit.who?.trim() ?? '';
          return {
            id: visit.id ?? context.newId(),
            agencyKind: visit.agencyKind as OrganisationKind,
            ...(who === '' ? {} : { who }),
            everyDays: visit.everyDays!,
            babySeen: visit.babySeen!,
            since: visit.since ?? (visit.id !== undefined ? storedVisits.get(visit.id)?.since : undefined) ?? context.today,
          };
        });
  return { level: draft.level as Plan['level'], outcomes: draft.outcomes.map((outcome) => outcome.trim()), checkItems, actions, visits };
}

/**
 * A meeting's actions joining the plan (issue 13: the actions a professionals' meeting agrees "join
 * the plan"): each becomes an open action of the plan with its owner by name and its due date, saying
 * which meeting agreed it. A case with no plan gets a first plan at the case's level holding them.
 * The meeting's own rules have checked each action (a text, an owner, a real due date); null when
 * they would take the plan past the most actions it holds.
 */
export function withMeetingActions(
  current: Plan | null,
  meeting: ActionMeeting & { actions: readonly MeetingAction[] },
  context: { caseLevel: PlanLevel; newId: () => string },
): Plan | null {
  const before: Plan = current ?? { level: context.caseLevel, outcomes: [], checkItems: [], actions: [], visits: [] };
  if (before.actions.length + meeting.actions.length > PLAN_LIMITS.actions) return null;
  const fromMeeting: ActionMeeting = { id: meeting.id, kind: meeting.kind, heldOn: meeting.heldOn };
  const joining = meeting.actions.map((action): PlanAction => ({ id: context.newId(), text: action.text, owner: { name: action.owner }, dueOn: action.dueOn, status: 'open', fromMeeting }));
  return { level: before.level, outcomes: before.outcomes, checkItems: before.checkItems, actions: [...before.actions, ...joining], visits: before.visits };
}

/** Open and past its due date. */
export function isOverdue(action: Pick<PlanAction, 'status' | 'dueOn'>, today: string): boolean {
  return action.status === 'open' && action.dueOn < today;
}

/** What changed between two plans, in counts, for the audit trail. */
export function planChangeSummary(before: Plan | null, after: Plan) {
  const beforeItems = new Set(before?.checkItems.map((item) => item.id) ?? []);
  const afterItems = new Set(after.checkItems.map((item) => item.id));
  const beforeActions = new Map(before?.actions.map((action) => [action.id, action.status]) ?? []);
  const beforeVisits = new Set(before?.visits.map((visit) => visit.id) ?? []);
  const afterVisits = new Set(after.visits.map((visit) => visit.id));
  return {
    levelChanged: before !== null && before.level !== after.level,
    itemsAdded: after.checkItems.filter((item) => !beforeItems.has(item.id)).length,
    itemsRemoved: [...beforeItems].filter((id) => !afterItems.has(id)).length,
    actionsAdded: after.actions.filter((action) => !beforeActions.has(action.id)).length,
    actionsClosed: after.actions.filter((action) => action.status !== 'open' && beforeActions.get(action.id) === 'open').length,
    visitsAdded: after.visits.filter((visit) => !beforeVisits.has(visit.id)).length,
    visitsRemoved: [...beforeVisits].filter((id) => !afterVisits.has(id)).length,
  };
}
