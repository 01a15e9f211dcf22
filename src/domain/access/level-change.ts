// Who may change the level of support around the baby. Child in need, child protection and looked
// after are statutory decisions of the local authority (a section 17 assessment, a child protection
// conference, a care order or accommodation), so only children's social care in the team records a
// move into or out of them. Between universal and early help, the lead professional or their
// organisation's oversight decides. Anyone else proposes the change (answered by the lead
// professional or a safeguarding lead) or records an escalation decision (a referral to children's
// social care), which is how the reviews ask a worry to travel. docs/domain.md, "Levels of support".
import type { CaseLevel } from '../shared/case-levels.ts';
import type { AccessBasis } from './case-access.ts';
import { dayInWords } from '../shared/calendar-date.ts';
import type { Role } from '../shared/roles.ts';

const STATUTORY_LEVELS: ReadonlySet<CaseLevel> = new Set(['child-in-need', 'child-protection', 'looked-after']);

export interface LevelChangeFacts {
  basis: AccessBasis;
  organisationKind: string;
  from: CaseLevel;
  to: CaseLevel;
}

export type LevelChangeDecision = { allowed: true } | { allowed: false; reason: 'statutory-level' | 'lead-or-oversight' };

export function isStatutoryLevel(level: CaseLevel): boolean {
  return STATUTORY_LEVELS.has(level);
}

export function decideLevelChange({ basis, organisationKind, from, to }: LevelChangeFacts): LevelChangeDecision {
  if (basis === 'break-glass') return { allowed: false, reason: 'lead-or-oversight' };
  if (isStatutoryLevel(from) || isStatutoryLevel(to)) {
    return organisationKind === 'childrens-social-care' ? { allowed: true } : { allowed: false, reason: 'statutory-level' };
  }
  return basis === 'lead-professional' || basis === 'organisation-oversight' ? { allowed: true } : { allowed: false, reason: 'lead-or-oversight' };
}

export const LEVEL_CHANGE_REFUSALS: Record<Exclude<LevelChangeDecision, { allowed: true }>['reason'], string> = {
  'statutory-level':
    'Only children’s social care can record a move into or out of child in need, child protection or looked after. Propose the change instead, for the lead professional or a safeguarding lead to answer, or record an escalation decision (a referral to children’s social care).',
  'lead-or-oversight': 'Only the lead professional, or a safeguarding lead or manager of an organisation in the team, can change the level between universal and early help. Propose the change instead, for the lead professional or a safeguarding lead to answer.',
};

// A move to child protection follows a child protection conference that decided on a plan, and the
// change names it (docs/domain.md, "Levels of support": level proposals and conferences).

/** A recorded meeting as these rules read it (domain/meetings). */
export interface MeetingForLevel {
  id: string;
  kind: string;
  heldOn: string;
  protectionPlan?: boolean;
}

const CONFERENCE_WORDS: Readonly<Record<string, string>> = {
  'initial-conference': 'initial child protection conference',
  'review-conference': 'review child protection conference',
  'pre-birth-conference': 'pre-birth child protection conference',
};

/** The latest conference held by `today` that decided the baby has a child protection plan; null when none. */
export function protectionPlanConference(meetings: readonly MeetingForLevel[], today: string): MeetingForLevel | null {
  return (
    meetings
      .filter((m) => Object.hasOwn(CONFERENCE_WORDS, m.kind) && m.protectionPlan === true && m.heldOn <= today)
      .sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.id.localeCompare(a.id))[0] ?? null
  );
}

/** "following the initial child protection conference of 3 March 2027". */
export function followingConference(conference: MeetingForLevel): string {
  return `following the ${CONFERENCE_WORDS[conference.kind] ?? conference.kind} of ${dayInWords(conference.heldOn)}`;
}

export const CONFERENCE_NEEDED =
  'A move to child protection follows a child protection conference that decided on a plan. Record the conference (initial, pre-birth or review) with its decision that the baby has a child protection plan on the meetings page, then change the level.';

/** Who answers a proposal to change the level: the lead professional, or a safeguarding lead of an organisation in the team. */
export function mayDecideLevelProposal(basis: AccessBasis, role: Role): boolean {
  return basis === 'lead-professional' || (basis === 'organisation-oversight' && role === 'safeguarding-lead');
}
