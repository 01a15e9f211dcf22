// Reading a case's escalation decisions, newest first, with where each stands (in force, awaiting a
// safeguarding lead's confirmation, confirmed or overturned: ADR 0027), and what still needs one.
import { expressionBuilder, type Expression, type ExpressionBuilder } from 'kysely';
import { decisionStanding, standingInForce, type DecisionStanding, type EscalationDecision } from '../../domain/profile/escalation.ts';
import { findingsWithoutDecision, levelRank } from '../../domain/profile/review-sign-off.ts';
import { isCaseLevel } from '../../domain/shared/case-levels.ts';
import type { Finding, ProfileEvaluation } from '../../domain/profile/profile.types.ts';
import type { Database, FindingSnapshot, Queryable } from '../../infrastructure/db/schema.ts';

/** A lead's answer to a decision awaiting confirmation. */
export interface DecisionAnswer {
  answer: 'confirmed' | 'overturned';
  reasoning: string;
  answeredAt: string;
  answeredBy: string;
  agency: string;
}

export interface RecordedDecision {
  id: string;
  decision: EscalationDecision;
  reasoning: string;
  leadConsulted: boolean;
  leadName: string | null;
  findings: readonly FindingSnapshot[];
  profileVersion: number;
  decidedAt: string;
  decidedBy: string;
  agency: string;
  /** The account of whoever decided (null when it is gone): a lead may not confirm their own decision. */
  decidedById: string | null;
  standing: DecisionStanding;
  /** Whether it counts as a decision on the findings it had in view (in force, or confirmed). */
  inForce: boolean;
  /** The safeguarding lead asked to confirm it, when it needed one. */
  confirmingLead: { id: string; name: string } | null;
  answer: DecisionAnswer | null;
}

/** Where a query finds a decision: its case's and its own id (a decision's own row, or an alert asking for its answer). */
export interface DecisionRef {
  caseId: Expression<string>;
  decisionId: Expression<string | null>;
}

/** SQL for "a lead has answered this decision" (with this answer, when one is named): the one test of decision_confirmations every reader shares. */
export function decisionAnswered(decision: DecisionRef, answer?: DecisionAnswer['answer']) {
  const eb = expressionBuilder<Database>();
  const answers = eb
    .selectFrom('decision_confirmations')
    .select('decision_confirmations.decision_id')
    .where('decision_confirmations.case_id', '=', decision.caseId)
    .where('decision_confirmations.decision_id', '=', decision.decisionId);
  return eb.exists(answer === undefined ? answers : answers.where('decision_confirmations.answer', '=', answer));
}

const decisionRow = (eb: ExpressionBuilder<Database, 'profile_decisions'>): DecisionRef => ({ caseId: eb.ref('profile_decisions.case_id'), decisionId: eb.ref('profile_decisions.id') });

/** SQL for "this decision is in force": it needed no lead's confirmation, or a lead confirmed it (for readers that count decisions in one query). */
export function decisionInForce(eb: ExpressionBuilder<Database, 'profile_decisions'>) {
  return eb.or([eb('profile_decisions.confirming_lead_id', 'is', null), decisionAnswered(decisionRow(eb), 'confirmed')]);
}

/** Whether the decision needed a lead's confirmation and no lead has answered it yet. */
export async function decisionAwaitsAnswer(db: Queryable, caseId: string, decisionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('profile_decisions')
    .leftJoin('decision_confirmations', (join) => join.onRef('decision_confirmations.case_id', '=', 'profile_decisions.case_id').onRef('decision_confirmations.decision_id', '=', 'profile_decisions.id'))
    .select(['profile_decisions.confirming_lead_id', 'decision_confirmations.answer'])
    .where('profile_decisions.case_id', '=', caseId)
    .where('profile_decisions.id', '=', decisionId)
    .executeTakeFirst();
  return row !== undefined && decisionStanding(row.confirming_lead_id !== null, row.answer ?? null) === 'awaiting-confirmation';
}

export async function loadDecisions(db: Queryable, caseId: string): Promise<RecordedDecision[]> {
  const [rows, answers] = await Promise.all([
    db
      .selectFrom('profile_decisions')
      .leftJoin('users as lead', 'lead.id', 'profile_decisions.confirming_lead_id')
      .selectAll('profile_decisions')
      .select('lead.name as lead_account_name')
      .where('profile_decisions.case_id', '=', caseId)
      .orderBy('profile_decisions.decided_at', 'desc')
      .orderBy('profile_decisions.id', 'desc')
      .execute(),
    db.selectFrom('decision_confirmations').selectAll().where('case_id', '=', caseId).execute(),
  ]);
  const answerOf = new Map(answers.map((a) => [a.decision_id, a]));
  return rows.map((row) => {
    const answer = answerOf.get(row.id) ?? null;
    const standing = decisionStanding(row.confirming_lead_id !== null, answer?.answer ?? null);
    return {
    id: row.id,
    decision: row.decision,
    reasoning: row.reasoning,
    leadConsulted: row.lead_consulted,
    leadName: row.lead_name,
    findings: row.findings,
    profileVersion: row.profile_version,
    decidedAt: row.decided_at.toISOString(),
    decidedBy: row.decided_by_name,
    agency: row.agency,
    decidedById: row.decided_by,
    standing,
    inForce: standingInForce(standing),
    confirmingLead: row.confirming_lead_id === null ? null : { id: row.confirming_lead_id, name: row.lead_account_name ?? '' },
    answer: answer === null ? null : { answer: answer.answer, reasoning: answer.reasoning, answeredAt: answer.answered_at.toISOString(), answeredBy: answer.answered_by_name, agency: answer.agency },
    };
  });
}

/** The critical and high findings showing now that no decision in force since the last review had in view (docs/domain.md, "Review and sign-off"): one awaiting a lead's confirmation does not count. */
export function findingsNeedingDecision(evaluation: ProfileEvaluation, decisions: readonly RecordedDecision[], reviewedAt: Date | null): Finding[] {
  return findingsWithoutDecision(evaluation.findings, decisions, reviewedAt ? reviewedAt.toISOString() : null);
}

/** When the level of support was last lowered (a profile version of kind 'level' to a lower level), or null. */
export async function lastLevelLoweredAt(db: Queryable, caseId: string): Promise<Date | null> {
  const rows = await db.selectFrom('profile_versions').select(['changed_at', 'change']).where('case_id', '=', caseId).where('kind', '=', 'level').orderBy('version', 'desc').execute();
  const rank = (level: unknown) => (typeof level === 'string' && isCaseLevel(level) ? levelRank(level) : null);
  const lowered = rows.find((row) => {
    const [before, after] = [rank(row.change['before']), rank(row.change['after'])];
    return before !== null && after !== null && after < before;
  });
  return lowered ? new Date(lowered.changed_at) : null;
}
