// Who may see the partnership's reports (issue 16): a manager or a safeguarding lead, over the cases
// their organisation works on (any of its staff in the team around the baby); anyone an administrator
// granted the partnership view (dashboards/partnership-view.ts), over every case of the partnership.
// A report counts every case in its scope but names only the cases the caller's organisation works
// on: the others are "a baby another organisation works with", as the partnership dashboard's lists
// name only what the viewer may open. Anyone else is refused, and the refusal is one audit entry
// under the report's own action.
import { OVERSIGHT_ROLES } from '../../domain/access/case-access.ts';
import { mayHoldPartnershipView } from '../../domain/dashboards/dashboard-access.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { hasPartnershipView } from '../dashboards/partnership-view.ts';

export type ReportRefusal = { ok: false; code: 'forbidden'; message: string };

/** What a report says in place of the name of a baby only another organisation works with. */
export const NAME_WITHHELD = 'A baby another organisation works with';

export interface ReportScope {
  organisationId: string;
  /** The whole partnership (the partnership view granted), or the cases the organisation works on. */
  reach: 'partnership' | 'organisation';
  /** A subquery of the ids of the cases the report covers. */
  caseIds(): ReturnType<typeof casesOfOrganisation> | ReturnType<typeof everyCase>;
  /** Of these cases, those the report may name: the ones the caller's organisation works on. */
  nameable(caseIds: readonly string[]): Promise<Set<string>>;
}

function casesOfOrganisation(ctx: AppContext, organisationId: string) {
  return ctx.db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select('case_team.case_id').where('users.organisation_id', '=', organisationId);
}

function everyCase(ctx: AppContext) {
  return ctx.db.selectFrom('cases').select('cases.id as case_id');
}

/** The scope of the caller's reports, or the refusal (audited as `action`, denied). */
export async function reportScope(ctx: AppContext, actor: UserActor, action: string): Promise<{ ok: true; scope: ReportScope } | ReportRefusal> {
  const { organisationId } = actor;
  const partnership = mayHoldPartnershipView(actor.role) && (await hasPartnershipView(ctx.db, actor.userId));
  if (!partnership && !OVERSIGHT_ROLES.includes(actor.role)) {
    await recordAuditAlone(ctx, actor, { action, outcome: 'denied', subjectType: 'report', details: { role: actor.role } });
    return { ok: false, code: 'forbidden', message: 'Only a manager or a safeguarding lead can see the reports, for the cases their organisation works on, or someone an administrator granted the partnership view.' };
  }
  const nameable = async (caseIds: readonly string[]) => {
    if (caseIds.length === 0) return new Set<string>();
    const rows = await casesOfOrganisation(ctx, organisationId).where('case_team.case_id', 'in', caseIds).execute();
    return new Set(rows.map((row) => row.case_id));
  };
  return {
    ok: true,
    scope: {
      organisationId,
      reach: partnership ? 'partnership' : 'organisation',
      caseIds: () => (partnership ? everyCase(ctx) : casesOfOrganisation(ctx, organisationId)),
      nameable,
    },
  };
}
