// Escalation decisions (issue 4; docs/domain.md, "Escalation decisions"): what the profile supports, recorded with
// the reasoning and whether the safeguarding lead was consulted. A critical finding must have been
// in view of a decision made since the last review before the profile can be marked reviewed.
// A decision below the level a critical finding in view suggests is not in force on one person's
// word: it awaits a safeguarding lead's confirmation (H1, ADR 0027), and until a lead other than the
// decider confirms it, it counts as no decision.
import type { Severity } from '../catalogue/finding-definitions.ts';
import type { CaseLevel } from '../shared/case-levels.ts';
import { levelRank, SUGGESTED_LEVEL_BY_SEVERITY } from './suggested-level.ts';

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
  /** False while it awaits a safeguarding lead's confirmation, or once a lead overturned it: it then counts as no decision. Absent: in force. */
  inForce?: boolean;
}

/** The level of support each decision stands for. */
export const DECISION_LEVELS: Readonly<Record<EscalationDecision, CaseLevel>> = {
  'no-further-action': 'universal',
  'universal-plus': 'universal',
  'early-help-assessment': 'early-help',
  'referral-to-childrens-social-care': 'child-in-need',
  'strategy-discussion': 'child-protection',
};

/**
 * The severities whose findings, in view, make a decision below the level they suggest need a
 * safeguarding lead's confirmation: critical only (reasonable cause to suspect significant harm).
 * A high finding still needs a decision before a review, and a level below the one it suggests still
 * needs a decision saying why (review-sign-off.ts), but that decision is in force on the decider's
 * word, with their reasoning (ADR 0027 says why).
 */
export const CONFIRMATION_SEVERITIES: readonly Severity[] = ['critical'];

export interface ConfirmationNeeded {
  /** The level the decision stands for. */
  level: CaseLevel;
  /** The level the critical findings in view suggest. */
  suggested: CaseLevel;
  /** The critical findings in view that suggest it. */
  findings: FindingInView[];
}

/** Whether this decision, with these findings in view, needs a safeguarding lead's confirmation before it is in force; null when it does not. */
export function confirmationNeeded(decision: EscalationDecision, findingsInView: readonly FindingInView[]): ConfirmationNeeded | null {
  const level = DECISION_LEVELS[decision];
  const above = findingsInView.filter((f) => {
    const suggested = CONFIRMATION_SEVERITIES.includes(f.severity) ? SUGGESTED_LEVEL_BY_SEVERITY[f.severity] : undefined;
    return suggested !== undefined && levelRank(level) < levelRank(suggested);
  });
  const first = above[0];
  if (!first) return null;
  const suggested = SUGGESTED_LEVEL_BY_SEVERITY[first.severity]!;
  return { level, suggested, findings: above };
}

/** Where a decision stands: in force as recorded, awaiting a lead, confirmed by one, or overturned by one. */
export type DecisionStanding = 'in-force' | 'awaiting-confirmation' | 'confirmed' | 'overturned';

export function decisionStanding(needsConfirmation: boolean, answer: 'confirmed' | 'overturned' | null): DecisionStanding {
  if (!needsConfirmation) return 'in-force';
  return answer ?? 'awaiting-confirmation';
}

/** Only a decision in force, or confirmed by a lead, counts as a decision on the findings it had in view. */
export function standingInForce(standing: DecisionStanding): boolean {
  return standing === 'in-force' || standing === 'confirmed';
}

export interface ConfirmerFacts {
  /** The person answering, and their role. */
  userId: string;
  role: string;
  /** Who recorded the decision (null when their account is gone). */
  decidedBy: string | null;
  standing: DecisionStanding;
}

export type ConfirmRefusal = 'not-awaiting' | 'not-a-lead' | 'own-decision';

/**
 * Whether this person may confirm or overturn the decision: it must await confirmation, they must
 * hold the safeguarding lead's role, and it must not be their own decision (one person's word is
 * what the rule stops). Whether they may see and change the case is the case's access rule.
 */
export function confirmRefusal({ userId, role, decidedBy, standing }: ConfirmerFacts): ConfirmRefusal | null {
  if (standing !== 'awaiting-confirmation') return 'not-awaiting';
  if (role !== 'safeguarding-lead') return 'not-a-lead';
  if (decidedBy === userId) return 'own-decision';
  return null;
}

export interface LeadCandidate {
  userId: string;
}

export type LeadChoiceProblem = 'lead-needed' | 'no-lead-can-see' | 'not-a-lead-offered' | 'own-confirmation';

/**
 * The lead chosen to confirm a decision that needs it: one of the leads offered (safeguarding leads
 * who can see the case), never the decider. Null when the choice is good, or no confirmation is needed.
 */
export function leadChoiceProblem(needed: boolean, chosen: string | undefined, offered: readonly LeadCandidate[], deciderId: string): LeadChoiceProblem | null {
  if (!needed) return null;
  const others = offered.filter((l) => l.userId !== deciderId);
  if (chosen === undefined || chosen === '') return others.length === 0 ? 'no-lead-can-see' : 'lead-needed';
  if (chosen === deciderId) return 'own-confirmation';
  if (!others.some((l) => l.userId === chosen)) return 'not-a-lead-offered';
  return null;
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
    decisions.filter((d) => d.inForce !== false && (since === null || Date.parse(d.decidedAt) > since)).flatMap((d) => d.findings.map((f) => f.id)),
  );
  return findings.filter((f) => !considered.has(f.id));
}

export type DecisionInputProblem = 'reasoning-needed' | 'lead-name-needed' | LeadChoiceProblem;
export type DecisionInputField = 'reasoning' | 'leadName' | 'confirmingLead';

export interface DecisionInputFacts {
  /** As given: not yet known to be a decision when the form's own checks failed. */
  decision: string | undefined;
  reasoning: string | undefined;
  leadConsulted: boolean | undefined;
  leadName: string | undefined;
  confirmingLeadId: string | undefined;
  findingsInView: readonly FindingInView[];
  offeredLeads: readonly LeadCandidate[];
  deciderId: string;
}

/**
 * Every problem with a decision as given, by field, all at once (the form shows them in one pass):
 * no reasoning; a lead consulted but not named; a decision needing a lead's confirmation with no
 * lead, or one not offered, or the decider. The free-text lead consulted never stands in for the
 * confirming lead's account.
 */
export function decisionInputProblems(f: DecisionInputFacts): Partial<Record<DecisionInputField, DecisionInputProblem>> {
  const problems: Partial<Record<DecisionInputField, DecisionInputProblem>> = {};
  if ((f.reasoning ?? '').trim() === '') problems.reasoning = 'reasoning-needed';
  if (f.leadConsulted === true && (f.leadName ?? '').trim() === '') problems.leadName = 'lead-name-needed';
  const needed = f.decision !== undefined && isEscalationDecision(f.decision) && confirmationNeeded(f.decision, f.findingsInView) !== null;
  const choice = leadChoiceProblem(needed, f.confirmingLeadId, f.offeredLeads, f.deciderId);
  if (choice) problems.confirmingLead = choice;
  return problems;
}

export const DECISION_INPUT_MESSAGES: Readonly<Record<DecisionInputProblem, string>> = {
  'reasoning-needed': 'Say why: the reasoning behind the decision.',
  'lead-name-needed': 'Enter the name of the safeguarding lead you consulted.',
  'lead-needed': 'Choose the safeguarding lead to confirm this decision: it is below the child protection level a critical finding suggests, so it is not in force until a lead confirms it.',
  'no-lead-can-see': 'No safeguarding lead other than you can see this case. Add a safeguarding lead to the team around the family (one of the partnership\'s designated leads, or your organisation\'s), then record the decision, or record a decision at the level the critical finding suggests.',
  'not-a-lead-offered': 'Choose one of the safeguarding leads listed: only a lead who can see the case can confirm the decision.',
  'own-confirmation': 'Choose a safeguarding lead other than yourself: a decision below the level a critical finding suggests needs a second person\'s confirmation.',
};
