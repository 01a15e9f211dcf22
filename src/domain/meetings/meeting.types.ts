// Professionals' meetings about a baby (issue 13): strategy discussions, child protection
// conferences (initial, review, pre-birth), core groups, child in need meetings, discharge planning
// meetings and professionals' meetings. Each records when it was held, who chaired it (and whether
// the chair was independent, Derby and Derbyshire review 9.4), who attended for which agency and who
// was invited but absent, whether the parents were present (a professionals' meeting is by
// definition without them), the decisions, dissent recorded as such, and the actions agreed.
import type { OrganisationKind } from '../shared/organisation-kinds.ts';

export const MEETING_KINDS = [
  'strategy-discussion',
  'initial-conference',
  'review-conference',
  'pre-birth-conference',
  'core-group',
  'child-in-need-meeting',
  'discharge-planning-meeting',
  'professionals-meeting',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Plain words for each kind, as a page says them. */
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  'strategy-discussion': 'Strategy discussion',
  'initial-conference': 'Initial child protection conference',
  'review-conference': 'Review child protection conference',
  'pre-birth-conference': 'Pre-birth child protection conference',
  'core-group': 'Core group meeting',
  'child-in-need-meeting': 'Child in need meeting',
  'discharge-planning-meeting': 'Discharge planning meeting',
  'professionals-meeting': "Professionals' meeting",
};

/** The child protection conferences: their chair should be independent of the case. */
export const CONFERENCE_KINDS: readonly MeetingKind[] = ['initial-conference', 'review-conference', 'pre-birth-conference'];

/**
 * The category of abuse of a child protection plan, as the Children in Need census codes it
 * (InitialCategoryOfAbuse, LatestCategoryOfAbuse): recorded by the conference that makes or keeps the plan.
 */
export const ABUSE_CATEGORIES = ['NEG', 'PHY', 'SAB', 'EMO', 'MUL'] as const;
export type AbuseCategory = (typeof ABUSE_CATEGORIES)[number];

export const ABUSE_CATEGORY_LABELS: Record<AbuseCategory, string> = {
  NEG: 'Neglect',
  PHY: 'Physical abuse',
  SAB: 'Sexual abuse',
  EMO: 'Emotional abuse',
  MUL: 'Multiple categories',
};

export function isAbuseCategory(value: string): value is AbuseCategory {
  return (ABUSE_CATEGORIES as readonly string[]).includes(value);
}

export function isMeetingKind(value: string): value is MeetingKind {
  return (MEETING_KINDS as readonly string[]).includes(value);
}

export const isConference = (kind: MeetingKind): boolean => CONFERENCE_KINDS.includes(kind);

export const MEETING_LIMITS = {
  name: 200,
  chair: 200,
  people: 40,
  decisions: 30,
  decision: 2000,
  dissent: 4000,
  actions: 30,
  actionText: 500,
  owner: 200,
} as const;

export interface MeetingPerson {
  name: string;
  agency: OrganisationKind;
}

export interface MeetingAction {
  text: string;
  /** Who will do it: a name (and role) in words. */
  owner: string;
  dueOn: string;
}

/** A meeting as recorded: checked and trimmed (meeting-rules.ts). */
export interface Meeting {
  kind: MeetingKind;
  heldOn: string;
  chair: string;
  /** Whether the chair was independent of the case (or senior to those working with the family); not known when left out. */
  chairIndependent?: boolean;
  parentsPresent: boolean;
  attendees: MeetingPerson[];
  invitedAbsent: MeetingPerson[];
  decisions: string[];
  dissent?: string;
  actions: MeetingAction[];
  /** A strategy discussion only: whether it started enquiries under section 47 (not known counts as started). */
  section47?: boolean;
  /** A conference only: whether the baby has a child protection plan after it (not known counts as a plan). */
  protectionPlan?: boolean;
  /** A conference that makes or keeps a plan: the plan's category of abuse (census codes). */
  abuseCategory?: AbuseCategory;
}

/** A meeting as sent, before it is checked: anything may be missing or wrong. */
export interface MeetingDraft {
  kind: string;
  heldOn: string;
  chair: string;
  chairIndependent?: boolean;
  parentsPresent?: boolean;
  attendees: { name: string; agency: string }[];
  invitedAbsent?: { name: string; agency: string }[];
  decisions: string[];
  dissent?: string;
  actions?: { text: string; owner?: string; dueOn?: string }[];
  section47?: boolean;
  protectionPlan?: boolean;
  abuseCategory?: string;
}

/** A meeting stored: with its id and who recorded it when. */
export interface RecordedMeeting extends Meeting {
  id: string;
  recordedAt: string;
  recordedBy: string;
}
