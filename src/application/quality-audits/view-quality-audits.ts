// The quality assurance audits of the caller's organisation (issue 16), each with how far it has
// got; an audit with its cases; its results as a report (domain/quality-audits/audit-results.ts).
// For the organisation's safeguarding leads and managers (a practitioner or an administrator is
// refused, audited as denied). Each look is one audit entry: quality-audit.list, quality-audit.view,
// quality-audit.report (with the format: the page, its printable copy, the CSV file or the API).
import { OVERSIGHT_ROLES } from '../../domain/access/case-access.ts';
import { mayAnswerAudit, mayStartAudit } from '../../domain/quality-audits/audit-access.ts';
import { QUESTION_IDS } from '../../domain/quality-audits/audit-questions.ts';
import { auditResults, type AuditResults } from '../../domain/quality-audits/audit-results.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { openAudit, type Refusal } from './open-audit.ts';
import { readAuditCases, readAuditProgress, readAudits, type AuditCase, type QualityAudit } from './quality-audit-rows.ts';

export interface AuditSummary extends QualityAudit {
  cases: number;
  answered: number;
}

export interface AuditsView {
  audits: AuditSummary[];
  canStart: boolean;
}

export async function listQualityAudits(ctx: AppContext, actor: UserActor): Promise<{ ok: true; value: AuditsView } | Refusal> {
  if (!OVERSIGHT_ROLES.includes(actor.role)) {
    await recordAuditAlone(ctx, actor, { action: 'quality-audit.list', outcome: 'denied', subjectType: 'quality-audit' });
    return { ok: false, code: 'forbidden', message: 'Quality assurance audits are for safeguarding leads and managers.' };
  }
  const audits = await readAudits(ctx.db, actor.organisationId);
  const progress = await readAuditProgress(ctx.db, audits.map((a) => a.id));
  await recordAuditAlone(ctx, actor, { action: 'quality-audit.list', subjectType: 'quality-audit', details: { audits: audits.length } });
  return { ok: true, value: { audits: audits.map((a) => ({ ...a, ...(progress.get(a.id) ?? { cases: 0, answered: 0 }) })), canStart: mayStartAudit(actor) } };
}

export interface AuditView {
  audit: QualityAudit;
  cases: (AuditCase & { complete: boolean })[];
  answered: number;
  canAnswer: boolean;
}

export async function viewQualityAudit(ctx: AppContext, actor: UserActor, auditId: string): Promise<{ ok: true; value: AuditView } | Refusal> {
  const opened = await openAudit(ctx, actor, auditId, 'quality-audit.view', 'read');
  if (!opened.ok) return opened;
  const cases = (await readAuditCases(ctx.db, auditId)).map((c) => ({ ...c, complete: QUESTION_IDS.every((id) => c.answers[id] !== undefined) }));
  await recordAuditAlone(ctx, actor, { action: 'quality-audit.view', subjectType: 'quality-audit', subjectId: auditId, details: { cases: cases.length } });
  return { ok: true, value: { audit: opened.audit, cases, answered: cases.filter((c) => c.complete).length, canAnswer: mayAnswerAudit(actor, opened.audit) } };
}

export interface AuditReport {
  audit: QualityAudit;
  results: AuditResults;
  /** Every case with its answers, in the order drawn: the CSV file's rows. */
  cases: AuditCase[];
}

export async function qualityAuditReport(ctx: AppContext, actor: UserActor, auditId: string, format: 'page' | 'print' | 'csv' | 'api'): Promise<{ ok: true; value: AuditReport } | Refusal> {
  const opened = await openAudit(ctx, actor, auditId, 'quality-audit.report', 'read');
  if (!opened.ok) return opened;
  const cases = await readAuditCases(ctx.db, auditId);
  const results = auditResults(cases);
  await recordAuditAlone(ctx, actor, { action: 'quality-audit.report', subjectType: 'quality-audit', subjectId: auditId, details: { format, cases: results.cases, answered: results.answered } });
  return { ok: true, value: { audit: opened.audit, results, cases } };
}
