// Turns the plan as read into what the plan page and the case page show: labels in words, who checks
// each item, the owner's name, overdue actions marked, and the checks the profile suggests that the
// plan does not have yet, and the visiting pattern: who sees the baby how often, and whether each
// commitment was kept (overdue red, due today yellow, kept green). Also the choices of the edit form.
import type { PlanView } from '../../../application/plan/view-plan.ts';
import { ACTION_STATUS_LABELS, CHECK_FREQUENCIES, CHECK_FREQUENCY_LABELS, ACTION_STATUSES, everyDaysInWords, type ActionStatus, type CheckFrequency, type PlanAction, type PlanVersion, type VisitCommitment } from '../../../domain/plan/plan.types.ts';
import { overdueVisits, visitingPattern, type VisitState, type VisitStatus } from '../../../domain/plan/visiting-pattern.ts';
import type { ChronologyEntry } from '../../../domain/chronology/chronology.types.ts';
import { MEETING_KIND_LABELS } from '../../../domain/meetings/meeting.types.ts';
import { isOverdue } from '../../../domain/plan/plan-rules.ts';
import { PLAN_CHECK_OUTCOME_LABELS, type RecordedCheck } from '../../../domain/plan/plan-checks.ts';
import { CASE_LEVEL_IDS, caseLevelLabel } from '../../../domain/shared/case-levels.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import { ORGANISATION_KINDS, isOrganisationKind, type OrganisationKind } from '../../../domain/shared/organisation-kinds.ts';
import { listInWords } from '../../../domain/profile/plain-words.ts';

export function whoChecks(kinds: readonly string[]): string {
  const named = kinds.filter(isOrganisationKind).map((kind) => ORGANISATION_KINDS[kind]);
  return named.length === 0 ? 'Any visitor' : listInWords(named);
}

// An owner typed as free text (agreed at a meeting or supervision) is often a team member by name,
// for example the lead professional: "(outside the service)" only when the whole name, whatever its
// case and spacing, is nobody's on the team.
const sameName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

function ownerName(action: PlanAction, ownerNames: Record<string, string>): string {
  if ('userId' in action.owner) return ownerNames[action.owner.userId] ?? 'An account no longer in the service';
  const typed = sameName(action.owner.name);
  return Object.values(ownerNames).some((name) => sameName(name) === typed) ? action.owner.name : `${action.owner.name} (outside the service)`;
}

const OUTCOME_TAGS: Record<RecordedCheck['outcome'], string> = { 'no-concern': 'govuk-tag--green', concern: 'govuk-tag--red', 'not-checked': 'govuk-tag--yellow' };

/** The last answer to an item: what was found, when, by whom for which agency, and the note. */
export function presentLastCheck(check: RecordedCheck | undefined) {
  if (!check) return null;
  return {
    outcome: PLAN_CHECK_OUTCOME_LABELS[check.outcome],
    tag: OUTCOME_TAGS[check.outcome],
    when: dayInWords(check.day),
    who: `${check.recordedBy} (${check.agency})`,
    note: check.note === '' ? null : check.note,
  };
}

export function presentActions(plan: PlanVersion, ownerNames: Record<string, string>, today: string) {
  return plan.actions.map((action) => ({
    id: action.id,
    text: action.text,
    owner: ownerName(action, ownerNames),
    due: dayInWords(action.dueOn),
    status: ACTION_STATUS_LABELS[action.status],
    statusTag: action.status === 'done' ? 'govuk-tag--green' : action.status === 'dropped' ? 'govuk-tag--grey' : 'govuk-tag--blue',
    droppedReason: action.droppedReason ?? null,
    fromMeeting: action.fromMeeting ? `Agreed at the ${MEETING_KIND_LABELS[action.fromMeeting.kind].replace(/^(.)/, (c) => c.toLowerCase())} on ${dayInWords(action.fromMeeting.heldOn)}` : null,
    overdue: isOverdue(action, today),
  }));
}

const VISIT_TAGS: Record<VisitStatus, string> = { kept: 'govuk-tag--green', due: 'govuk-tag--yellow', overdue: 'govuk-tag--red', 'not-started': 'govuk-tag--grey' };

const days = (n: number) => `${String(n)} ${n === 1 ? 'day' : 'days'}`;
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${String(n)} times`);

function visitStatusWords(state: VisitState, since: string): string {
  switch (state.status) {
    case 'kept':
      return 'Kept';
    case 'due':
      return 'Due today';
    case 'overdue':
      return `Overdue by ${days(state.overdueDays)}`;
    case 'not-started':
      return `Starts ${dayInWords(since)}`;
  }
}

/** Each commitment with whether it was kept, in words: who, how often, the baby seen, the last visit, the next due, the state. */
export function presentVisits(visits: readonly VisitCommitment[], states: readonly VisitState[]) {
  const byId = new Map(states.map((state) => [state.commitmentId, state]));
  return visits.flatMap((visit) => {
    const state = byId.get(visit.id);
    if (!state) return [];
    return [
      {
        id: visit.id,
        agency: ORGANISATION_KINDS[visit.agencyKind],
        who: visit.who ?? null,
        howOften: everyDaysInWords(visit.everyDays),
        babySeen: visit.babySeen ? 'Yes, the baby must be seen' : 'Not required',
        lastVisit: state.lastVisit ? `${dayInWords(state.lastVisit.on)}, ${state.lastVisit.by} (${state.lastVisit.agency})` : 'None yet',
        nextDue: dayInWords(state.nextDueOn),
        status: visitStatusWords(state, visit.since),
        statusKey: state.status,
        tag: VISIT_TAGS[state.status],
        missed: state.missed === 0 ? null : `Not kept ${times(state.missed)} since ${dayInWords(visit.since)}`,
      },
    ];
  });
}

export function presentPlan(view: PlanView) {
  const { plan, people, ownerNames, today, suggestions } = view;
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const covered = new Set((plan?.checkItems ?? []).map((item) => `${item.factorId ?? ''}|${item.personId ?? ''}`));
  return {
    caseId: view.caseId,
    babyName: view.babyName,
    canChange: view.canChange,
    caseLevel: caseLevelLabel(view.caseLevel),
    plan: plan
      ? {
          version: plan.version,
          level: caseLevelLabel(plan.level),
          levelDiffers: plan.level !== view.caseLevel,
          recorded: `${plan.recordedBy ?? 'Someone'}, ${dayInWords(plan.recordedAt.slice(0, 10))}`,
          outcomes: plan.outcomes,
          checkItems: plan.checkItems.map((item) => ({
            id: item.id,
            text: item.text,
            question: item.question,
            about: item.personId ? (personName.get(item.personId) ?? null) : null,
            whoChecks: whoChecks(item.checkedBy),
            howOften: CHECK_FREQUENCY_LABELS[item.frequency],
            since: dayInWords(item.since),
            last: presentLastCheck(view.lastChecks[item.id]),
          })),
          actions: presentActions(plan, ownerNames, today),
          visits: presentVisits(plan.visits, view.visits),
          visitList: plan.visits.map((visit) => `${ORGANISATION_KINDS[visit.agencyKind]}${visit.who ? ` (${visit.who})` : ''}: ${everyDaysInWords(visit.everyDays).toLowerCase()}${visit.babySeen ? ', the baby seen' : ''}`),
        }
      : null,
    suggestions: suggestions
      .filter((s) => !covered.has(`${s.factorId ?? ''}|${s.personId ?? ''}`))
      .map((s) => ({ text: s.text, question: s.question, whoChecks: whoChecks(s.checkedBy), howOften: CHECK_FREQUENCY_LABELS[s.frequency], because: s.because.join('; ') })),
  };
}

/** The short account of the plan the case page shows; the visits' states from the chronology the profile was evaluated from. */
export function planSummary(plan: PlanVersion | null, today: string, entries: readonly ChronologyEntry[] = []) {
  if (!plan) return null;
  return {
    visits: plan.visits.length,
    overdueVisits: overdueVisits(visitingPattern(plan.visits, entries, today)),
    version: plan.version,
    level: caseLevelLabel(plan.level),
    checkItems: plan.checkItems.length,
    openActions: plan.actions.filter((a) => a.status === 'open').length,
    overdueActions: plan.actions.filter((a) => isOverdue(a, today)).length,
  };
}

export const levelItems = () => CASE_LEVEL_IDS.map((level) => ({ value: level, text: caseLevelLabel(level) }));
export const frequencyItems = () => CHECK_FREQUENCIES.map((value: CheckFrequency) => ({ value, text: CHECK_FREQUENCY_LABELS[value] }));
export const statusItems = () => ACTION_STATUSES.map((value: ActionStatus) => ({ value, text: ACTION_STATUS_LABELS[value] }));
export const seenItems = () => [
  { value: 'yes', text: 'Yes, the baby must be seen' },
  { value: 'no', text: 'No, seeing the family is enough' },
];
export const agencyItems = () => (Object.keys(ORGANISATION_KINDS) as OrganisationKind[]).map((value) => ({ value, text: ORGANISATION_KINDS[value] }));

/** The owners to choose from: the team, then anyone already owning an action. */
export function ownerItems(view: PlanView) {
  const team = view.team.map((m) => ({ value: m.userId, text: `${m.name}, ${m.organisationName}` }));
  const others = Object.entries(view.ownerNames)
    .filter(([id]) => !view.team.some((m) => m.userId === id))
    .map(([value, name]) => ({ value, text: name }));
  return [{ value: '', text: 'Someone outside the service (name below)' }, ...team, ...others];
}

export function personNames(view: PlanView): Record<string, string> {
  return Object.fromEntries(view.people.map((p) => [p.id, p.name]));
}
