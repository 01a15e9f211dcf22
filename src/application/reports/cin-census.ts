// The Children in Need census return for a period (issue 16), for the /reports/cin-census page and
// GET /api/v1/reports/cin-census: the assessments children's social care completed in the period on
// the cases the caller's organisation works on, each with its referral, the census factors the
// profile points to now (profile/cin-census.ts), and its child protection plan with the categories of
// abuse the conferences recorded (reports/cin-census-return.ts). Three reads whatever the number of
// cases, then the profiles in two. Seeing it is audited as report.cin-census with the period and the
// number of rows; a refusal (a role that may not see reports) as the same action, denied. A period that
// ends before it starts is refused with its problems, before anything is read.
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { cinCensusFactors } from '../../domain/profile/cin-census.ts';
import { cinCensusRows, type CensusRow } from '../../domain/reports/cin-census-return.ts';
import { checkPeriod, type PeriodProblem, type ReportPeriod } from '../../domain/reports/report-period.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadChronologies } from '../chronology/chronology-rows.ts';
import type { AppContext } from '../context.ts';
import { evaluateStored, loadStoredProfiles } from '../profile/profile-facts.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { NAME_WITHHELD, reportScope, type ReportRefusal } from './report-access.ts';

export interface CinCensusReturn {
  period: ReportPeriod;
  rows: (CensusRow & { babyName: string })[];
}

export type CinCensusResult = { ok: true; value: CinCensusReturn } | ReportRefusal | { ok: false; code: 'invalid'; message: string; problems: PeriodProblem[] };

const ACTION = 'report.cin-census';

export async function cinCensusReturn(ctx: AppContext, actor: UserActor, asked: { from?: string | undefined; to?: string | undefined }, format: 'page' | 'csv' | 'json'): Promise<CinCensusResult> {
  const access = await reportScope(ctx, actor, ACTION);
  if (!access.ok) return access;
  const checked = checkPeriod(asked.from, asked.to);
  if (!checked.ok) return { ok: false, code: 'invalid', message: 'The period cannot be read: see the problems.', problems: checked.problems };
  const { period } = checked;
  const cases = await ctx.db
    .selectFrom('cases')
    .select(['id', 'status', 'given_name', 'family_name'])
    .where('id', 'in', access.scope.caseIds())
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('chronology_entries')
          .select('chronology_entries.id')
          .whereRef('chronology_entries.case_id', '=', 'cases.id')
          .where('chronology_entries.kind', '=', 'assessment-completed')
          .where('chronology_entries.agency_kind', '=', 'childrens-social-care')
          .where('chronology_entries.occurred_on', '>=', period.from)
          .where('chronology_entries.occurred_on', '<=', period.to),
      ),
    )
    .execute();
  const ids = cases.map((c) => c.id);
  const today = serviceToday(ctx.clock.now());
  const [entries, meetings, { settings }] = await Promise.all([
    loadChronologies(ctx.db, ids, ['referral', 'assessment-completed']),
    ids.length === 0 ? [] : ctx.db.selectFrom('case_meetings').select(['case_id', 'kind', 'held_on', 'protection_plan', 'abuse_category']).where('case_id', 'in', ids).execute(),
    settingsInForce(ctx),
  ]);
  const profiles = await loadStoredProfiles(ctx.db, ids, today, settings);
  const rows = cinCensusRows(
    period,
    ids.flatMap((caseId) => {
      const stored = profiles.get(caseId);
      if (!stored) return [];
      return [
        {
          caseId,
          entries: entries.get(caseId) ?? [],
          meetings: meetings
            .filter((m) => m.case_id === caseId)
            .map((m) => ({ kind: m.kind, heldOn: m.held_on, ...(m.protection_plan !== null ? { protectionPlan: m.protection_plan } : {}), ...(m.abuse_category !== null ? { abuseCategory: m.abuse_category } : {}) })),
          factors: cinCensusFactors(evaluateStored(stored).evaluation),
        },
      ];
    }),
  );
  const nameable = await access.scope.nameable(ids);
  const names = new Map(cases.map((c) => [c.id, nameable.has(c.id) ? infantDisplayName({ status: c.status, givenName: c.given_name, familyName: c.family_name }) : NAME_WITHHELD]));
  await recordAuditAlone(ctx, actor, { action: ACTION, subjectType: 'report', details: { from: period.from, to: period.to, format, rows: rows.length, reach: access.scope.reach } });
  return { ok: true, value: { period, rows: rows.map((row) => ({ ...row, babyName: names.get(row.caseId) ?? '' })) } };
}
