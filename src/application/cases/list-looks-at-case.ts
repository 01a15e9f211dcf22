// "Who has looked at this record": the case's audit entries, for the lead professional and the
// safeguarding leads and managers who oversee it. Looking at them is itself audited.
import { mayManageTeam } from '../../domain/access/case-access.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { loadCaseAccess } from './case-access.ts';

export interface CaseLookEntry {
  occurredAt: Date;
  who: string;
  organisation: string | null;
  action: string;
  outcome: string;
  basis: string | null;
}

export async function listLooksAtCase(ctx: AppContext, actor: UserActor, caseId: string): Promise<Result<CaseLookEntry[], 'forbidden' | 'not-found'>> {
  const exists = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!exists) return fail('not-found', 'There is no record at this address.');
  const access = await loadCaseAccess(ctx.db, actor, caseId, ctx.clock.now());
  if (!mayManageTeam(access)) {
    await recordAuditAlone(ctx, actor, { action: 'case.audit-view', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return fail('forbidden', 'Only the lead professional and safeguarding leads can see who has looked at this record.');
  }
  const rows = await ctx.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['audit_log.occurred_at', 'users.name', 'organisations.name as organisation', 'audit_log.action', 'audit_log.outcome', 'audit_log.details', 'audit_log.channel'])
    .where('audit_log.case_id', '=', caseId)
    .orderBy('audit_log.seq', 'desc')
    .limit(500)
    .execute();
  await recordAuditAlone(ctx, actor, { action: 'case.audit-view', caseId, subjectType: 'case', subjectId: caseId });
  return ok(
    rows.map((r) => ({
      occurredAt: r.occurred_at,
      who: r.name ?? (r.channel === 'cli' ? 'Command line' : 'System'),
      organisation: r.organisation,
      action: r.action,
      outcome: r.outcome,
      basis: typeof r.details['basis'] === 'string' ? r.details['basis'] : null,
    })),
  );
}
