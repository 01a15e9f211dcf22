// The partnership's reports for a period (issue 16), for the /reports page and its CSV files: babies
// seen within the limits, pre-birth assessments by the milestone, "was not brought" rates, time from a
// trigger to the review, discharges notified to the social worker (domain/reports/partnership-reports.ts),
// over the cases the caller's organisation works on. Four reads whatever the number of cases: the
// cases, their chronologies (the discharge plans' details with them), their reviews and the area's
// settings. Seeing them is audited as report.partnership with the period and what was shown; a
// refusal (a role that may not see reports) as the same action, denied.
import { eventKindById } from '../../domain/catalogue/catalogue.ts';
import type { DischargePlan } from '../../domain/discharge/discharge-plan.types.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import {
  dischargesNotified,
  preBirthAssessments,
  seenWithinLimits,
  triggerToReview,
  wasNotBroughtRates,
  type ReportCase,
} from '../../domain/reports/partnership-reports.ts';
import type { ReportPeriod } from '../../domain/reports/report-period.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadChronologies } from '../chronology/chronology-rows.ts';
import type { AppContext } from '../context.ts';
import { planFromDetails } from '../discharge/discharge-plan-rows.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { NAME_WITHHELD, reportScope, type ReportRefusal } from './report-access.ts';
import { checkReportPeriod, type PeriodRefusal } from './report-period-check.ts';

export const REPORT_NAMES = ['seen-within-limits', 'pre-birth-assessments', 'was-not-brought', 'trigger-to-review', 'discharges-notified'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const isReportName = (value: string): value is ReportName => (REPORT_NAMES as readonly string[]).includes(value);

export interface PartnershipReports {
  period: ReportPeriod;
  milestoneWeeks: number;
  seenWithinLimits: ReturnType<typeof seenWithinLimits>;
  preBirthAssessments: ReturnType<typeof preBirthAssessments>;
  wasNotBrought: ReturnType<typeof wasNotBroughtRates>;
  triggerToReview: ReturnType<typeof triggerToReview>;
  dischargesNotified: ReturnType<typeof dischargesNotified>;
}

export type PartnershipReportsResult = { ok: true; value: PartnershipReports } | ReportRefusal | PeriodRefusal;

const ACTION = 'report.partnership';

export async function partnershipReports(ctx: AppContext, actor: UserActor, asked: { from?: string | undefined; to?: string | undefined }, shown: ReportName | 'page'): Promise<PartnershipReportsResult> {
  const access = await reportScope(ctx, actor, ACTION);
  if (!access.ok) return access;
  const checked = await checkReportPeriod(ctx, actor, ACTION, asked);
  if (!checked.ok) return checked;
  const { period } = checked;
  const [cases, { settings }] = await Promise.all([
    ctx.db.selectFrom('cases').select(['id', 'status', 'given_name', 'family_name', 'date_of_birth', 'expected_delivery_date']).where('id', 'in', access.scope.caseIds()).orderBy('id').execute(),
    settingsInForce(ctx),
  ]);
  const ids = cases.map((c) => c.id);
  const [chronologies, reviews, plans, nameable] = await Promise.all([
    loadChronologies(ctx.db, ids),
    ids.length === 0 ? [] : ctx.db.selectFrom('profile_versions').select(['case_id', 'changed_at']).where('case_id', 'in', ids).where('kind', '=', 'review').orderBy('changed_at').execute(),
    ids.length === 0
      ? []
      : ctx.db
          .selectFrom('chronology_entries as plan')
          .select(['plan.case_id', 'plan.details'])
          .where('plan.case_id', 'in', ids)
          .where('plan.kind', '=', 'discharge-plan')
          .where((eb) => eb.not(eb.exists(eb.selectFrom('chronology_entries as later').select('later.id').whereRef('later.case_id', '=', 'plan.case_id').whereRef('later.corrects', '=', 'plan.id'))))
          .execute(),
    access.scope.nameable(ids),
  ]);
  const reviewedOn = new Map<string, string[]>();
  for (const review of reviews) reviewedOn.set(review.case_id, [...(reviewedOn.get(review.case_id) ?? []), serviceToday(review.changed_at)]);
  const dischargePlans = new Map<string, DischargePlan[]>();
  for (const row of plans) {
    const plan = planFromDetails(row.details);
    if (plan) dischargePlans.set(row.case_id, [...(dischargePlans.get(row.case_id) ?? []), plan]);
  }
  const reportCases: ReportCase[] = cases.map((c) => ({
    caseId: c.id,
    babyName: nameable.has(c.id) ? infantDisplayName({ status: c.status, givenName: c.given_name, familyName: c.family_name }) : NAME_WITHHELD,
    dateOfBirth: c.date_of_birth,
    expectedDeliveryOn: c.expected_delivery_date,
    entries: chronologies.get(c.id) ?? [],
    reviewedOn: reviewedOn.get(c.id) ?? [],
    dischargePlans: dischargePlans.get(c.id) ?? [],
  }));
  const reportSettings = { unseen: settings.unseen, preBirthMilestoneWeeks: settings.profile.preBirthMilestoneWeeks };
  const value: PartnershipReports = {
    period,
    milestoneWeeks: settings.profile.preBirthMilestoneWeeks,
    seenWithinLimits: seenWithinLimits(period, reportCases, reportSettings),
    preBirthAssessments: preBirthAssessments(period, reportCases, reportSettings),
    wasNotBrought: wasNotBroughtRates(period, reportCases),
    triggerToReview: triggerToReview(period, reportCases, (kind) => eventKindById(kind)?.label ?? kind),
    dischargesNotified: dischargesNotified(period, reportCases),
  };
  await recordAuditAlone(ctx, actor, { action: ACTION, subjectType: 'report', details: { from: period.from, to: period.to, shown, cases: cases.length, reach: access.scope.reach } });
  return { ok: true, value };
}
