// Signing off a review of the profile (issue 13; docs/domain.md, "Review and sign-off"). Marking the
// profile reviewed asks for a recorded decision when a critical or high finding showing now was in
// view of no decision since the last review, or when the level of support is below the level the
// findings suggest and no decision since the last review and the last lowering of the level says why
// the level stays (Derby and Derbyshire review, 6.4, joint themes: the confidence to probe and
// challenge; 9.2, recommendations: supervision that supports early decisions about escalation).
// Pure: the caller gathers the facts.
import type { Severity } from '../catalogue/finding-definitions.ts';
import type { CaseLevel } from '../shared/case-levels.ts';
import type { DecisionInView, FindingInView } from './escalation.ts';
import { levelRank, SUGGESTED_LEVEL_BY_SEVERITY } from './suggested-level.ts';

/** The severities a review cannot be signed off over without a decision. An attention finding never blocks. */
export const SIGN_OFF_SEVERITIES: readonly Severity[] = ['critical', 'high'];

// The level each severity suggests and the ranking of levels live in suggested-level.ts (escalation.ts reads them too).
export { levelRank, SUGGESTED_LEVEL_BY_SEVERITY } from './suggested-level.ts';

export interface SuggestedLevel {
  level: CaseLevel;
  /** The findings that suggest it (the highest severity showing). */
  because: FindingInView[];
}

/** The level the findings suggest at least, with the findings that suggest it; null when none suggests one. */
export function suggestedLevel(findings: readonly FindingInView[]): SuggestedLevel | null {
  let best: SuggestedLevel | null = null;
  for (const finding of findings) {
    const level = SUGGESTED_LEVEL_BY_SEVERITY[finding.severity];
    if (level === undefined) continue;
    if (best === null || levelRank(level) > levelRank(best.level)) best = { level, because: [finding] };
    else if (best.level === level) best.because.push(finding);
  }
  return best;
}

const after = (at: string, since: string | null) => since === null || Date.parse(at) > Date.parse(since);

/** The critical and high findings that no decision in force made since the last review had in view (one awaiting a lead's confirmation, or overturned, does not count: escalation.ts). */
export function findingsWithoutDecision<F extends FindingInView>(findings: readonly F[], decisions: readonly DecisionInView[], lastReviewedAt: string | null): F[] {
  const considered = new Set(decisions.filter((d) => d.inForce !== false && after(d.decidedAt, lastReviewedAt)).flatMap((d) => d.findings.map((f) => f.id)));
  return findings.filter((f) => SIGN_OFF_SEVERITIES.includes(f.severity) && !considered.has(f.id));
}

export interface SignOffFacts {
  level: CaseLevel;
  findings: readonly FindingInView[];
  decisions: readonly DecisionInView[];
  /** ISO date-time, or null when never reviewed. */
  lastReviewedAt: string | null;
  /** ISO date-time the level was last lowered, or null when it never was (raising it leaves a decision standing). */
  levelLoweredAt: string | null;
}

export type SignOffProblem =
  | { code: 'decision-needed'; findings: FindingInView[] }
  | { code: 'level-below-findings'; level: CaseLevel; suggested: CaseLevel; findings: FindingInView[] };

export type SignOff = { ok: true } | { ok: false; problems: SignOffProblem[] };

/**
 * Whether the review can be signed off. The level rule is met by a decision made after both the
 * last review and the last time the level was lowered that had the suggesting findings in view: it
 * is the record of why the level stays where it is. A decision made before the level was raised
 * still stands (it accepted an even lower level); one made before it was lowered does not.
 */
export function decideSignOff({ level, findings, decisions, lastReviewedAt, levelLoweredAt }: SignOffFacts): SignOff {
  const problems: SignOffProblem[] = [];
  const needing = findingsWithoutDecision(findings, decisions, lastReviewedAt);
  if (needing.length > 0) problems.push({ code: 'decision-needed', findings: needing });
  const suggested = suggestedLevel(findings);
  if (suggested && levelRank(level) < levelRank(suggested.level)) {
    const since = [lastReviewedAt, levelLoweredAt].filter((d): d is string => d !== null).sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1) ?? null;
    const explained = decisions.some((d) => d.inForce !== false && after(d.decidedAt, since) && suggested.because.every((f) => d.findings.some((seen) => seen.id === f.id)));
    if (!explained) problems.push({ code: 'level-below-findings', level, suggested: suggested.level, findings: suggested.because });
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** A clock as the cap reads it (domain/timescales/clocks.ts). */
export interface ClockForReview {
  id: string;
  label: string;
  dueOn: string;
  status: 'due' | 'due-soon' | 'overdue' | 'met';
}

export interface ReviewCap {
  clockId: string;
  label: string;
  dueOn: string;
}

/**
 * The next review date is never later than the next clock: the earliest due day, today or later,
 * of a clock not yet met (a conference, a core group, an assessment). Returns the day to use and the
 * clock that set it, or null when the review's own date is no later (or there is no clock).
 * `dueOn` null (never reviewed: due now) is never capped.
 */
export function capReviewByClocks(dueOn: string | null, clocks: readonly ClockForReview[], today: string): ReviewCap | null {
  if (dueOn === null) return null;
  const next = clocks
    .filter((c) => c.status !== 'met' && c.dueOn >= today)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id))[0];
  if (!next || next.dueOn >= dueOn) return null;
  return { clockId: next.id, label: next.label, dueOn: next.dueOn };
}
