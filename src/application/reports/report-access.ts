// Who may see the partnership's reports (issue 16): a manager or a safeguarding lead, over the cases
// their organisation works on (any of its staff in the team around the baby). Anyone else is refused,
// and the refusal is one audit entry under the report's own action. A partnership-wide view, when an
// administrator grants one, widens `caseIds` here and nowhere else.
import { OVERSIGHT_ROLES } from '../../domain/access/case-access.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';

export type ReportRefusal = { ok: false; code: 'forbidden'; message: string };

export interface ReportScope {
  organisationId: string;
  /** A subquery of the ids of the cases the report covers. */
  caseIds(): ReturnType<typeof casesOfOrganisation>;
}

function casesOfOrganisation(ctx: AppContext, organisationId: string) {
  return ctx.db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select('case_team.case_id').where('users.organisation_id', '=', organisationId);
}

/** The scope of the caller's reports, or the refusal (audited as `action`, denied). */
export async function reportScope(ctx: AppContext, actor: UserActor, action: string): Promise<{ ok: true; scope: ReportScope } | ReportRefusal> {
  if (!OVERSIGHT_ROLES.includes(actor.role)) {
    await recordAuditAlone(ctx, actor, { action, outcome: 'denied', subjectType: 'report', details: { role: actor.role } });
    return { ok: false, code: 'forbidden', message: 'Only a manager or a safeguarding lead can see the reports, for the cases their organisation works on.' };
  }
  return { ok: true, scope: { organisationId: actor.organisationId, caseIds: () => casesOfOrganisation(ctx, actor.organisationId) } };
}
