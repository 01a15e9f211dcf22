// Reading a case's escalation decisions, newest first, and what still needs one.
import type { EscalationDecision } from '../../domain/profile/escalation.ts';
import { findingsWithoutDecision, levelRank } from '../../domain/profile/review-sign-off.ts';
import { isCaseLevel } from '../../domain/shared/case-levels.ts';
import type { Finding, ProfileEvaluation } from '../../domain/profile/profile.types.ts';
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
