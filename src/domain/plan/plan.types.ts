// The multi-agency plan around the baby (issue 13): the level of support it serves, the outcomes
// wanted for the baby in plain words, the check items every visitor looks at (each naming, where it
// can, the factor of the profile it watches) and the actions, each with an owner, a due date and a
// status. One current plan per case, versioned: version 0 is "no plan yet". Plain data.
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { MeetingKind } from '../meetings/meeting.types.ts';
import { CASE_LEVEL_IDS, type CaseLevel } from '../shared/case-levels.ts';
import type { OrganisationKind } from '../shared/organisation-kinds.ts';

/** The levels a plan serves are the case's own levels of support. */
export const PLAN_LEVELS: readonly CaseLevel[] = CASE_LEVEL_IDS;
export type PlanLevel = CaseLevel;

export const CHECK_FREQUENCIES = ['every-contact', 'weekly', 'monthly'] as const;
export type CheckFrequency = (typeof CHECK_FREQUENCIES)[number];
export const CHECK_FREQUENCY_LABELS: Record<CheckFrequency, string> = {
  'every-contact': 'Every contact',
  weekly: 'Every week',
  monthly: 'Every month',
};

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: 'Open', done: 'Done', dropped: 'Dropped' };

/** What every visitor (or the agencies named) looks at, in words a housing officer can use. */
export interface CheckItem {
  id: string;
  /** What is checked: "Where the baby sleeps". */
  text: string;
  /** The question to ask or the thing to look at, in plain words. */
  question: string;
  /** The profile factor it watches, when it watches one. */
  factorId?: FactorId;
  /** The adult it is about, for an adult's factor ("Is Sarah drinking"). */
  personId?: string;
  /** The kinds of agency that check it; empty means any visitor. */
  checkedBy: OrganisationKind[];
  frequency: CheckFrequency;
  /** YYYY-MM-DD: checked since this day. */
  since: string;
}

/** Who does an action: an account in the service, or someone outside it by name. */
export type ActionOwner = { userId: string } | { name: string };

/** The professionals' meeting an action was agreed at: its actions join the plan (issue 13). */
export interface ActionMeeting {
  id: string;
  kind: MeetingKind;
  /** YYYY-MM-DD. */
  heldOn: string;
}

export interface PlanAction {
  id: string;
  text: string;
  owner: ActionOwner;
  /** YYYY-MM-DD. */
  dueOn: string;
  status: ActionStatus;
  /** Why it was dropped: only (and always) for a dropped action. */
  droppedReason?: string;
  /** The meeting that agreed it, for an action that came from one; kept whatever else changes. */
  fromMeeting?: ActionMeeting;
}

/**
 * The visiting pattern (issue 13: "who sees the baby how often"): an agency's commitment to see the
 * family every so many days, and whether the baby must be seen (docs/domain.md, Information
 * sharing). Whether it was kept is read from the chronology (visiting-pattern.ts).
 */
export interface VisitCommitment {
  id: string;
  /** The kind of agency whose contacts keep it. */
  agencyKind: OrganisationKind;
  /** Who visits, in words: a name or a role ("Sam Hill, health visitor"). */
  who?: string;
  /** Every so many days, 1 to 90: 7 weekly, 14 fortnightly, 28 four-weekly. */
  everyDays: number;
  /** The baby must be seen (awake where the plan says so), not only the parent: a contact that did not see the baby does not keep it. */
  babySeen: boolean;
  /** YYYY-MM-DD: kept since this day. */
  since: string;
}

export interface Plan {
  level: PlanLevel;
  outcomes: string[];
  checkItems: CheckItem[];
  actions: PlanAction[];
  visits: VisitCommitment[];
}

/** A plan as stored: the plan, its version and who recorded it when. */
export interface PlanVersion extends Plan {
  version: number;
  /** ISO date-time. */
  recordedAt: string;
  recordedBy: string | null;
}

/** How often, in words: "Every week" for 7 days, "Every 10 days" otherwise. */
export function everyDaysInWords(days: number): string {
  if (days === 1) return 'Every day';
  if (days === 7) return 'Every week';
  if (days === 14) return 'Every 2 weeks';
  if (days % 7 === 0) return `Every ${String(days / 7)} weeks`;
  return `Every ${String(days)} days`;
}

/**
 * A plan as a user or a system sends it, before it is checked: anything may be missing or wrong.
 * Items and actions without an id are new; `since` is kept from the stored item when not given.
 */
export interface PlanDraft {
  level: string;
  outcomes: readonly string[];
  checkItems: readonly CheckItemDraft[];
  actions: readonly ActionDraft[];
  /** The visiting pattern; left out (undefined), the plan's commitments stay as they are. */
  visits?: readonly VisitCommitmentDraft[];
}

export interface VisitCommitmentDraft {
  id?: string;
  agencyKind?: string;
  who?: string;
  everyDays?: number;
  babySeen?: boolean;
  since?: string;
}

export interface CheckItemDraft {
  id?: string;
  text?: string;
  question?: string;
  factorId?: string;
  personId?: string;
  checkedBy?: readonly string[];
  frequency?: string;
  since?: string;
}

export interface ActionDraft {
  id?: string;
  text?: string;
  owner?: { userId?: string; name?: string };
  dueOn?: string;
  status?: string;
  droppedReason?: string;
}

/**
 * The most a plan holds: enough for any real plan, few enough to read on one page. Actions are never
 * taken off (done or dropped, they stay), and every meeting's actions join the plan, so there is room
 * for many meetings' worth.
 */
export const PLAN_LIMITS = {
  outcomes: 20,
  checkItems: 40,
  actions: 200,
  visits: 20,
  who: 200,
  everyDays: 90,
  text: 500,
  question: 1000,
  outcome: 1000,
  ownerName: 200,
  droppedReason: 1000,
} as const;
