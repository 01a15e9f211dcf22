// Who may change the level of support around the baby. Child in need, child protection and looked
// after are statutory decisions of the local authority (a section 17 assessment, a child protection
// conference, a care order or accommodation), so only children's social care in the team records a
// move into or out of them. Between universal and early help, the lead professional or their
// organisation's oversight decides. Anyone else records an escalation decision instead (a referral
// to children's social care), which is how the reviews ask a worry to travel. docs/domain.md, "Levels of support".
import type { CaseLevel } from '../shared/case-levels.ts';
import type { AccessBasis } from './case-access.ts';

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
    'Only children’s social care can record a move into or out of child in need, child protection or looked after. If you are worried, record an escalation decision (a referral to children’s social care) and talk to your safeguarding lead.',
  'lead-or-oversight': 'Only the lead professional, or a safeguarding lead or manager of an organisation in the team, can change the level between universal and early help. Talk to the lead professional.',
};
