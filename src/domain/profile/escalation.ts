// Escalation decisions (issue 4; docs/domain.md, Escalation decisions): what the profile supports, recorded with
// the reasoning and whether the safeguarding lead was consulted. A critical finding must have been
// in view of a decision made since the last review before the profile can be marked reviewed.
import type { Severity } from '../catalogue/finding-definitions.ts';

export const ESCALATION_DECISIONS = {
  'no-further-action': { label: 'No further action', hint: 'The profile shows no need beyond universal services.' },
  'universal-plus': { label: 'Universal plus', hint: 'Extra support from the health visitor or midwife.' },
  'early-help-assessment': { label: 'Early help assessment', hint: 'Start an early help assessment with the family.' },
  'referral-to-childrens-social-care': { label: "Referral to children's social care", hint: 'The baby may be a child in need or at risk of significant harm.' },
  'strategy-discussion': { label: 'Strategy discussion', hint: 'Reasonable cause to suspect significant harm: ask for a strategy discussion now.' },
} as const;

export type EscalationDecision = keyof typeof ESCALATION_DECISIONS;

export const ESCALATION_DECISION_IDS = Object.keys(ESCALATION_DECISIONS) as EscalationDecision[];

export function isEscalationDecision(value: string): value is EscalationDecision {
  return Object.hasOwn(ESCALATION_DECISIONS, value);
}

export interface FindingInView {
  id: string;
  severity: Severity;
}

export interface DecisionInView {
  /** ISO date-time. */
  decidedAt: string;
  findings: readonly FindingInView[];
}

/**
 * The critical findings that stop the profile being marked reviewed: those no decision made since
 * the last review had in view. A finding is "in view" of a decision taken while it was showing.
 */
export function criticalFindingsWithoutDecision(
  findings: readonly FindingInView[],
  decisions: readonly DecisionInView[],
  lastReviewedAt: string | null,
): FindingInView[] {
  return findingsWithoutDecision(findings, decisions, lastReviewedAt).filter((f) => f.severity === 'critical');
}

/** Of these findings, whatever their severity, those no decision made since the last review had in view (the dashboards count high ones too). */
export function findingsWithoutDecision<F extends FindingInView>(findings: readonly F[], decisions: readonly DecisionInView[], lastReviewedAt: string | null): F[] {
  const since = lastReviewedAt === null ? null : Date.parse(lastReviewedAt);
  const considered = new Set(
    decisions.filter((d) => since === null || Date.parse(d.decidedAt) > since).flatMap((d) => d.findings.map((f) => f.id)),
  );
  return findings.filter((f) => !considered.has(f.id));
}
