// Starting a quality assurance audit (issue 16): a safeguarding lead audits their own organisation's
// open cases of babies under one and unborn babies (the cases a member of the organisation is in the
// team of), every one or a random sample of N drawn from a seed (an earlier audit's seed draws its
// sample again; otherwise a new one is chosen and kept). The rules are in domain/quality-audits/
// (audit-scope.ts). Anyone else is refused; an audit of another organisation's cases is refused (both
// audited as denied); a slip in the form, or no case to audit, is audited as a failure. The form's
// submission id is noted with the audit, so that the form posted twice starts one audit (ADR 0026).
import { randomInt } from 'node:crypto';
import { mayStartAudit } from '../../domain/quality-audits/audit-access.ts';
import { checkAuditStart, inAuditScope, isStartRefusal, sampleCaseIds, SEED_BOUNDS, type StartDraft, type StartProblem } from '../../domain/quality-audits/audit-scope.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import { noteSubmissionWithoutCase } from '../cases/form-submissions.ts';
import type { AppContext } from '../context.ts';
import { recorderFor } from '../recorder.ts';

export type StartQualityAuditResult =
  | { ok: true; value: { auditId: string; cases: number } }
  | { ok: false; code: 'forbidden'; message: string }
  /** `refused`: another organisation's cases (audited as denied), not a slip in the form. */
  | { ok: false; code: 'invalid'; message: string; problems: StartProblem[]; refused: boolean };

/** The audit action, and what the form's submission is known by (it has no case). */
export const START_QUALITY_AUDIT = 'quality-audit.start';
const FORBIDDEN = { ok: false, code: 'forbidden', message: 'Only a safeguarding lead can start a quality assurance audit.' } as const;

/** The form to start one: for a safeguarding lead; anyone else is refused, audited as denied. */
export async function openStartForm(ctx: AppContext, actor: UserActor): Promise<{ ok: true } | { ok: false; code: 'forbidden'; message: string }> {
  if (mayStartAudit(actor)) return { ok: true };
  await recordAuditAlone(ctx, actor, { action: START_QUALITY_AUDIT, outcome: 'denied', subjectType: 'quality-audit', details: { reason: 'form' } });
  return FORBIDDEN;
}

/** `submission`: the one-time id of the form it was posted from, noted with the audit so that a second post starts none. */
export async function startQualityAudit(ctx: AppContext, actor: UserActor, draft: StartDraft, submission?: string): Promise<StartQualityAuditResult> {
  if (!mayStartAudit(actor)) {
    await recordAuditAlone(ctx, actor, { action: START_QUALITY_AUDIT, outcome: 'denied', subjectType: 'quality-audit' });
    return FORBIDDEN;
  }
  const checked = checkAuditStart(draft, actor.organisationId);
  const invalid = async (problems: StartProblem[]): Promise<StartQualityAuditResult> => {
    const refused = isStartRefusal(problems);
    await recordAuditAlone(ctx, actor, {
      action: START_QUALITY_AUDIT,
      outcome: refused ? 'denied' : 'failure',
      subjectType: 'quality-audit',
      details: { reason: refused ? 'other-organisation' : 'invalid', problems: [...new Set(problems.map((p) => p.code))], ...(refused ? { organisationId: String(draft.organisationId) } : {}) },
    });
    return { ok: false, code: 'invalid', message: 'The audit cannot be started like this: see the problems.', problems, refused };
  };
  if (!checked.ok) return invalid(checked.problems);
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const rows = await ctx.db
    .selectFrom('cases')
    .select(['id', 'status', 'date_of_birth'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_team')
          .innerJoin('users', 'users.id', 'case_team.user_id')
          .select('case_team.case_id')
          .whereRef('case_team.case_id', '=', 'cases.id')
          .where('users.organisation_id', '=', actor.organisationId),
      ),
    )
    .orderBy('family_name')
    .orderBy('id')
    .execute();
  const inScope = rows.filter((row) => inAuditScope({ id: row.id, status: row.status, dateOfBirth: row.date_of_birth }, today)).map((row) => row.id);
  if (inScope.length === 0) return invalid([{ path: '/scope', code: 'no-cases' }]);
  const seed = checked.scope === 'sample' ? (checked.seed ?? randomInt(SEED_BOUNDS.min, SEED_BOUNDS.max + 1)) : null;
  const chosen = checked.scope === 'sample' && seed !== null ? sampleCaseIds(inScope, checked.sampleSize, seed) : inScope;
  const auditId = ctx.newId();
  await ctx.db.transaction().execute(async (trx) => {
    const recorder = await recorderFor(trx, actor);
    await trx
      .insertInto('quality_audits')
      .values({
        id: auditId,
        organisation_id: actor.organisationId,
        scope: checked.scope,
        sample_size: checked.scope === 'sample' ? checked.sampleSize : null,
        seed,
        in_scope: inScope.length,
        started_on: today,
        started_at: now,
        started_by: actor.userId,
        started_by_name: recorder.name,
      })
      .execute();
    await trx
      .insertInto('quality_audit_cases')
      .values(chosen.map((caseId, position) => ({ audit_id: auditId, case_id: caseId, position })))
      .execute();
    await recordAudit(trx, ctx, actor, {
      action: START_QUALITY_AUDIT,
      subjectType: 'quality-audit',
      subjectId: auditId,
      details: { scope: checked.scope, ...(checked.scope === 'sample' ? { sampleSize: checked.sampleSize, seed } : {}), inScope: inScope.length, cases: chosen.length },
    });
    if (submission !== undefined) await noteSubmissionWithoutCase(trx, actor, now, { submissionId: submission, action: START_QUALITY_AUDIT, recordId: auditId });
  });
  return { ok: true, value: { auditId, cases: chosen.length } };
}

/** An audit this user started, as starting it answered: for the same form posted again (ADR 0026). */
export async function auditStarted(ctx: AppContext, actor: UserActor, auditId: string): Promise<{ auditId: string; cases: number }> {
  const row = await ctx.db
    .selectFrom('quality_audit_cases')
    .innerJoin('quality_audits', 'quality_audits.id', 'quality_audit_cases.audit_id')
    .select((eb) => eb.fn.countAll<string>().as('cases'))
    .where('quality_audits.id', '=', auditId)
    .where('quality_audits.started_by', '=', actor.userId)
    .executeTakeFirstOrThrow();
  return { auditId, cases: Number(row.cases) };
}
