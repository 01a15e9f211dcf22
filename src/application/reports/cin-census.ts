// The Children in Need census return for a period (issue 16), for the /reports/cin-census page and
// GET /api/v1/reports/cin-census: the assessments children's social care completed in the period on
// the cases the caller's organisation works on, each with its referral and who referred, the census
// factors of the profile as it stood at the end of the day the assessment was completed
// (profile/cin-census.ts on reports/census-profile-as-at.ts: the profile now, each factor changed
// since taken back by the first factor version made after that day; docs/adr/0018), and its child
// protection plan with the categories of abuse the conferences recorded (reports/cin-census-return.ts).
// Four reads whatever the number of cases (the factor versions of them all in one), then the profiles
// in two. Seeing it is audited as report.cin-census with the period and the
// number of rows; a refusal (a role that may not see reports) as the same action, denied. A period that
// ends before it starts is refused with its problems, before anything is read.
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { cinCensusFactors, type CinCensusFactors } from '../../domain/profile/cin-census.ts';
import { censusAssessmentDays, cinCensusRows, type CensusRow } from '../../domain/reports/cin-census-return.ts';
import { profileFactsAtEndOf, type LaterFactorChange } from '../../domain/reports/census-profile-as-at.ts';
import { evaluateProfile } from '../../domain/profile/evaluate-profile.ts';
import type { FactorSnapshot } from '../../domain/profile/profile-history.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import type { ReportPeriod } from '../../domain/reports/report-period.ts';
import { londonDateTime, serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadChronologies } from '../chronology/chronology-rows.ts';
import type { AppContext } from '../context.ts';
import { loadStoredProfiles, type StoredProfile } from '../profile/profile-facts.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { NAME_WITHHELD, reportScope, type ReportRefusal } from './report-access.ts';
import { checkReportPeriod, type PeriodRefusal } from './report-period-check.ts';

export interface CinCensusReturn {
  period: ReportPeriod;
  rows: (CensusRow & { babyName: string })[];
}

export type CinCensusResult = { ok: true; value: CinCensusReturn } | ReportRefusal | PeriodRefusal;

const ACTION = 'report.cin-census';

export async function cinCensusReturn(ctx: AppContext, actor: UserActor, asked: { from?: string | undefined; to?: string | undefined }, format: 'page' | 'csv' | 'json'): Promise<CinCensusResult> {
  const access = await reportScope(ctx, actor, ACTION);
  if (!access.ok) return access;
  const checked = await checkReportPeriod(ctx, actor, ACTION, asked);
  if (!checked.ok) return checked;
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
  const [profiles, changes] = await Promise.all([loadStoredProfiles(ctx.db, ids, today, settings), factorChangesSince(ctx.db, ids, endOfDay(period.from))]);
  const rows = cinCensusRows(
    period,
    ids.flatMap((caseId) => {
      const stored = profiles.get(caseId);
      if (!stored) return [];
      const caseEntries = entries.get(caseId) ?? [];
      return [
        {
          caseId,
          entries: caseEntries,
          meetings: meetings
            .filter((m) => m.case_id === caseId)
            .map((m) => ({ kind: m.kind, heldOn: m.held_on, ...(m.protection_plan !== null ? { protectionPlan: m.protection_plan } : {}), ...(m.abuse_category !== null ? { abuseCategory: m.abuse_category } : {}) })),
          factorsOn: factorsAtEndOfEach(stored, censusAssessmentDays(caseEntries).filter((day) => day >= period.from && day <= period.to), changes.get(caseId) ?? []),
        },
      ];
    }),
  );
  const nameable = await access.scope.nameable(ids);
  const names = new Map(cases.map((c) => [c.id, nameable.has(c.id) ? infantDisplayName({ status: c.status, givenName: c.given_name, familyName: c.family_name }) : NAME_WITHHELD]));
  await recordAuditAlone(ctx, actor, { action: ACTION, subjectType: 'report', details: { from: period.from, to: period.to, format, rows: rows.length, reach: access.scope.reach } });
  return { ok: true, value: { period, rows: rows.map((row) => ({ ...row, babyName: names.get(row.caseId) ?? '' })) } };
}

/** The first moment of the London day after `day`: a change made before it was in force at the end of `day`. */
function endOfDay(day: string): string {
  return londonDateTime(addDays(day, 1), '00:00');
}

/** The census factors of the profile as it stood at the end of each day. */
function factorsAtEndOfEach(stored: StoredProfile, days: readonly string[], changes: readonly LaterFactorChange[]): Map<string, CinCensusFactors> {
  return new Map(days.map((day) => [day, cinCensusFactors(evaluateProfile(profileFactsAtEndOf(stored.facts, day, endOfDay(day), changes)))]));
}

/** The `change` column of a factor version: one factor's before, or each factor a subject's sitting changed. */
interface StoredFactorChange {
  before?: FactorSnapshot | null;
  factors?: { factorId: string; before: FactorSnapshot | null }[];
}

/** The factor versions of these cases made at or after `from`, by case, in one statement. */
async function factorChangesSince(db: Queryable, caseIds: readonly string[], from: string): Promise<Map<string, LaterFactorChange[]>> {
  const byCase = new Map<string, LaterFactorChange[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .selectFrom('profile_versions')
    .select(['case_id', 'version', 'changed_at', 'factor_id', 'subject_key', 'change'])
    .where('case_id', 'in', [...caseIds])
    .where('kind', '=', 'factor')
    .where('changed_at', '>=', new Date(from))
    .execute();
  for (const row of rows) {
    if (row.subject_key === null) continue;
    const change = row.change as StoredFactorChange;
    const factors = change.factors ?? (row.factor_id === null ? [] : [{ factorId: row.factor_id, before: change.before ?? null }]);
    const list = byCase.get(row.case_id) ?? [];
    for (const factor of factors) list.push({ version: row.version, factorId: factor.factorId, subjectKey: row.subject_key, changedAt: row.changed_at.toISOString(), before: factor.before });
    byCase.set(row.case_id, list);
  }
  return byCase;
}
