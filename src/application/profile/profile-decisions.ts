// Reading a case's escalation decisions, newest first, and what still needs one.
import { criticalFindingsWithoutDecision, type EscalationDecision, type FindingInView } from '../../domain/profile/escalation.ts';
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

/** The critical findings showing now that no decision since the last review had in view. */
export function findingsNeedingDecision(evaluation: ProfileEvaluation, decisions: readonly RecordedDecision[], reviewedAt: Date | null): FindingInView[] {
  return criticalFindingsWithoutDecision(evaluation.findings, decisions, reviewedAt ? reviewedAt.toISOString() : null);
}
