// The level each severity of finding suggests at least, and the ranking of levels of support
// (docs/domain.md, "Review and sign-off"). Read by the sign-off rules (review-sign-off.ts) and by the
// rule that a decision below a critical finding's level awaits a safeguarding lead (escalation.ts).
// Pure.
import type { Severity } from '../catalogue/finding-definitions.ts';
import type { CaseLevel } from '../shared/case-levels.ts';

/**
 * The level each severity suggests at least: a critical finding (reasonable cause to suspect
 * significant harm) suggests child protection, so at least a strategy discussion; a high finding
 * suggests child in need (an assessment by children's social care). An attention finding suggests
 * nothing beyond where the case is.
 */
export const SUGGESTED_LEVEL_BY_SEVERITY: Readonly<Partial<Record<Severity, CaseLevel>>> = {
  critical: 'child-protection',
  high: 'child-in-need',
};

/** Lowest to highest. Looked after ranks with child protection: neither is "below" the other for this rule. */
const LEVEL_RANK: Readonly<Record<CaseLevel, number>> = {
  universal: 0,
  'early-help': 1,
  'child-in-need': 2,
  'child-protection': 3,
  'looked-after': 3,
};

export function levelRank(level: CaseLevel): number {
  return LEVEL_RANK[level];
}

