// Turns the plan as read into what the plan page and the case page show: labels in words, who checks
// each item, the owner's name, overdue actions marked, and the checks the profile suggests that the
// plan does not have yet. Also the choices of the edit form.
import type { PlanView } from '../../../application/plan/view-plan.ts';
import { ACTION_STATUS_LABELS, CHECK_FREQUENCIES, CHECK_FREQUENCY_LABELS, ACTION_STATUSES, type ActionStatus, type CheckFrequency, type PlanAction, type PlanVersion } from '../../../domain/plan/plan.types.ts';
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

function ownerName(action: PlanAction, ownerNames: Record<string, string>): string {
  return 'userId' in action.owner ? (ownerNames[action.owner.userId] ?? 'An account no longer in the service') : `${action.owner.name} (outside the service)`;
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
        }
      : null,
    suggestions: suggestions
      .filter((s) => !covered.has(`${s.factorId ?? ''}|${s.personId ?? ''}`))
      .map((s) => ({ text: s.text, question: s.question, whoChecks: whoChecks(s.checkedBy), howOften: CHECK_FREQUENCY_LABELS[s.frequency], because: s.because.join('; ') })),
  };
}

/** The short account of the plan the case page shows. */
export function planSummary(plan: PlanVersion | null, today: string) {
  if (!plan) return null;
  return {
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
