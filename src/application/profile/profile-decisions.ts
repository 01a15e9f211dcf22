// Reading a case's escalation decisions, newest first, and what still needs one.
import type { EscalationDecision, FindingInView } from '../../domain/profile/escalation.ts';
import { findingsWithoutDecision } from '../../domain/profile/review-sign-off.ts';
import type { ProfileEvaluation } from '../../domain/profile/profile.types.ts';
import type { FindingSnapshot, Queryable } from '../../infrastructure/db/schema.ts';

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
}

export async function loadDecisions(db: Queryable, caseId: string): Promise<RecordedDecision[]> {
  const rows = await db.selectFrom('profile_decisions').selectAll().where('case_id', '=', caseId).orderBy('decided_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((row) => ({
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
  }));
}

/** The critical and high findings showing now that no decision since the last review had in view (docs/domain.md, Review and sign-off). */
export function findingsNeedingDecision(evaluation: ProfileEvaluation, decisions: readonly RecordedDecision[], reviewedAt: Date | null): FindingInView[] {
  return findingsWithoutDecision(evaluation.findings, decisions, reviewedAt ? reviewedAt.toISOString() : null);
}

/** When the level of support last changed (its latest profile version of kind 'level'), or null. */
export async function lastLevelChangeAt(db: Queryable, caseId: string): Promise<Date | null> {
  const row = await db.selectFrom('profile_versions').select((eb) => eb.fn.max('changed_at').as('at')).where('case_id', '=', caseId).where('kind', '=', 'level').executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}
