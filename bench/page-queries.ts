// Each page's main query, issued directly through the app's Kysely db: the floor under the page's
// time. They copy the queries in the use cases (list-my-cases.ts, list-alerts.ts, view-case.ts)
// without the access check, the audit entry and the template.
import { sql } from 'kysely';
import type { AppContext } from '../src/application/context.ts';
import { loadChronology } from '../src/application/chronology/chronology-rows.ts';
import { serviceToday } from '../src/application/cases/create-case.ts';
import { loadStoredProfile } from '../src/application/profile/profile-facts.ts';

export const caseOverviewQuery = (ctx: AppContext, caseId: string) => () =>
  Promise.all([
    ctx.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst(),
    ctx.db.selectFrom('people').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute(),
  ]);

export const profileQuery = (ctx: AppContext, caseId: string) => () => loadStoredProfile(ctx.db, caseId, serviceToday(ctx.clock.now()));

export const chronologyQuery = (ctx: AppContext, caseId: string) => () => loadChronology(ctx.db, caseId);

/** The caseload, then every chronology entry of those cases (for the review dates), as the home page reads them. */
export const caseloadQuery = (ctx: AppContext, userId: string) => async () => {
  const rows = await ctx.db
    .selectFrom('case_team')
    .innerJoin('cases', 'cases.id', 'case_team.case_id')
    .select(['cases.id', 'cases.status', 'cases.given_name', 'cases.family_name', 'cases.level', 'cases.profile_reviewed_at', 'case_team.role'])
    .where('case_team.user_id', '=', userId)
    .orderBy('cases.family_name')
    .orderBy('cases.id')
    .execute();
  return ctx.db.selectFrom('chronology_entries').selectAll().where('case_id', 'in', rows.map((r) => r.id)).orderBy('occurred_on').orderBy('recorded_at').execute();
};

export const openAlertsQuery = (ctx: AppContext, userId: string) => () =>
  ctx.db
    .selectFrom('alert_recipients')
    .innerJoin('alerts', 'alerts.id', 'alert_recipients.alert_id')
    .innerJoin('cases', 'cases.id', 'alerts.case_id')
    .select(['alerts.id', 'alerts.case_id', 'alerts.reason', 'alerts.severity', 'alerts.message', 'alerts.steps', 'alerts.raised_at', 'alert_recipients.acknowledged_at', 'cases.given_name', 'cases.family_name'])
    .where('alert_recipients.user_id', '=', userId)
    .where('alert_recipients.acknowledged_at', 'is', null)
    .orderBy('alerts.raised_at', 'desc')
    .orderBy(sql`case alerts.severity when 'critical' then 0 when 'high' then 1 else 2 end`)
    .orderBy('alerts.id')
    .execute();
