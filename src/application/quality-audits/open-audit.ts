// The one door to an audit once started (issue 16): the audit must exist (else not found, audited as
// a failure) and be the caller's to read (its organisation's safeguarding leads and managers) or to
// answer (its organisation's safeguarding leads): anyone else is refused, audited as denied under the
// action they tried. Opening one of its cases also asks that the case is in the audit and that the
// caller may still open it (not on emergency access): reading a case for an audit is a look at it.
import type { CaseAccess } from '../../domain/access/case-access.ts';
import { mayAnswerAudit, mayReadAudit } from '../../domain/quality-audits/audit-access.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import type { AppContext } from '../context.ts';
import { readAudit, type QualityAudit } from './quality-audit-rows.ts';

export type Refusal = { ok: false; code: 'not-found' | 'forbidden'; message: string };

const NOT_FOUND: Refusal = { ok: false, code: 'not-found', message: 'There is no audit with this id.' };
const FORBIDDEN: Refusal = { ok: false, code: 'forbidden', message: "Only the safeguarding leads and managers of the organisation whose cases it audits can see an audit, and only its safeguarding leads can answer it." };
const CASE_NOT_FOUND: Refusal = { ok: false, code: 'not-found', message: 'This case is not in the audit.' };

export async function openAudit(ctx: AppContext, actor: UserActor, auditId: string, action: string, need: 'read' | 'answer'): Promise<{ ok: true; audit: QualityAudit } | Refusal> {
  const audit = await readAudit(ctx.db, auditId);
  if (!audit) {
    await recordAuditAlone(ctx, actor, { action, outcome: 'failure', subjectType: 'quality-audit', subjectId: auditId, details: { reason: 'not-found' } });
    return NOT_FOUND;
  }
  const allowed = need === 'read' ? mayReadAudit(actor, audit) : mayAnswerAudit(actor, audit);
  if (!allowed) {
    await recordAuditAlone(ctx, actor, { action, outcome: 'denied', subjectType: 'quality-audit', subjectId: auditId, details: { organisationId: audit.organisationId } });
    return FORBIDDEN;
  }
  return { ok: true, audit };
}

/** The audit, with one of its cases the caller may open. */
export async function openAuditCase(
  ctx: AppContext,
  actor: UserActor,
  auditId: string,
  caseId: string,
  action: string,
  need: 'read' | 'answer',
): Promise<{ ok: true; audit: QualityAudit; caseAccess: CaseAccess } | Refusal> {
  const opened = await openAudit(ctx, actor, auditId, action, need);
  if (!opened.ok) return opened;
  const [inAudit, caseAccess] = await Promise.all([
    ctx.db.selectFrom('quality_audit_cases').select('case_id').where('audit_id', '=', auditId).where('case_id', '=', caseId).executeTakeFirst(),
    loadCaseAccess(ctx.db, actor, caseId, ctx.clock.now()),
  ]);
  const subject = { subjectType: 'quality-audit', subjectId: auditId };
  if (!inAudit) {
    await recordAuditAlone(ctx, actor, { action, outcome: 'failure', ...subject, details: { reason: 'not-in-audit', caseId } });
    return CASE_NOT_FOUND;
  }
  if (!caseAccess.allowed || caseAccess.basis === 'break-glass') {
    await recordAuditAlone(ctx, actor, { action, outcome: 'denied', caseId, ...subject, details: { reason: 'no-access-to-case' } });
    return { ok: false, code: 'forbidden', message: 'Your organisation no longer works on this case, so you cannot open it for the audit.' };
  }
  return { ok: true, audit: opened.audit, caseAccess };
}
