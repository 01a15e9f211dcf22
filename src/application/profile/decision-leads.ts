// The safeguarding leads who may be asked to confirm a decision below the level a critical finding
// suggests (ADR 0027): active accounts in the lead's role who can see the case, that is in its team
// or overseeing an organisation in its team (domain/access/case-access.ts). And the partnership's
// designated leads: safeguarding leads an administrator granted the partnership view (migration 031),
// who oversee every organisation's work; escalation reaches them when no organisation in a case's
// team has a lead (application/alerts/escalate-alerts.ts).
import type { Queryable } from '../../infrastructure/db/schema.ts';

export interface LeadOffered {
  userId: string;
  name: string;
  organisationName: string;
  /** One of the partnership's designated leads. */
  partnership: boolean;
}

/** The active safeguarding leads who can see the case, by name. */
export async function leadsWhoCanSee(db: Queryable, caseId: string): Promise<LeadOffered[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .leftJoin('partnership_view_grants', 'partnership_view_grants.user_id', 'users.id')
    .select(['users.id', 'users.name', 'organisations.name as organisation_name', 'partnership_view_grants.user_id as partnership'])
    .where('users.role', '=', 'safeguarding-lead')
    .where('users.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('users.id', 'in', eb.selectFrom('case_team').select('case_team.user_id').where('case_team.case_id', '=', caseId)),
        eb('users.organisation_id', 'in', eb.selectFrom('case_team').innerJoin('users as member', 'member.id', 'case_team.user_id').select('member.organisation_id').where('case_team.case_id', '=', caseId)),
      ]),
    )
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, organisationName: r.organisation_name, partnership: r.partnership !== null }));
}

/** The partnership's designated safeguarding leads: active leads granted the partnership view. */
export async function partnershipLeads(db: Queryable): Promise<LeadOffered[]> {
  const rows = await db
    .selectFrom('partnership_view_grants')
    .innerJoin('users', 'users.id', 'partnership_view_grants.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.name', 'organisations.name as organisation_name'])
    .where('users.role', '=', 'safeguarding-lead')
    .where('users.disabled_at', 'is', null)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, organisationName: r.organisation_name, partnership: true }));
}

/** What the decision form offers: the leads who can see the case, and the partnership's (to add to the team when none can). Call after the access check. */
export async function leadsForDecision(ctx: { db: Queryable }, caseId: string): Promise<{ offered: LeadOffered[]; partnership: LeadOffered[] }> {
  const [offered, partnership] = await Promise.all([leadsWhoCanSee(ctx.db, caseId), partnershipLeads(ctx.db)]);
  return { offered, partnership };
}
