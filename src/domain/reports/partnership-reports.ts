// The reports a safeguarding partnership asks for (issue 16), over a period and the cases a viewer
// may see, each counted by the service's own rules rather than derived again: how long a baby may go
// unseen (chronology/unseen-periods.ts), what counts as brought to an appointment
// (chronology/missed-appointments.ts), which entries are triggers (catalogue), the area's pre-birth
// milestone (timescales/pre-birth-milestones.ts) and what a discharge plan records of the social
// worker (discharge/). Pure: the caller gives each case's facts; docs/domain.md, "Reports and the
// Children in Need census return", says what each counts and why.
import { isTriggerEventKind } from '../catalogue/catalogue.ts';
import { currentEntries } from '../chronology/current-entries.ts';
import type { ChronologyEntry } from '../chronology/chronology.types.ts';
import { isAttendedContact } from '../chronology/missed-appointments.ts';
import { findUnseenPeriods, type UnseenPeriodSettings } from '../chronology/unseen-periods.ts';
import type { DischargePlan } from '../discharge/discharge-plan.types.ts';
import { addMonths, dayOf, daysFrom } from '../shared/calendar-date.ts';
import { dayOfGestation } from '../timescales/pre-birth-milestones.ts';
import { inPeriod, type ReportPeriod } from './report-period.ts';

export interface ReportCase {
  caseId: string;
  babyName: string;
  dateOfBirth: string | null;
  expectedDeliveryOn: string | null;
  entries: readonly ChronologyEntry[];
  /** The days the profile was marked reviewed, oldest first. */
  reviewedOn: readonly string[];
  /** The discharge plans recorded (not corrected). */
  dischargePlans: readonly DischargePlan[];
}

export interface ReportSettings {
  unseen: UnseenPeriodSettings;
  /** Week of pregnancy by which a pre-birth assessment should be done (profile.preBirthMilestoneWeeks). */
  preBirthMilestoneWeeks: number;
}

/** A count with its share: `of` the cases it could be, `count` of them; percent to a whole number, null when `of` is 0. */
export interface Share {
  count: number;
  of: number;
  percent: number | null;
}

export const share = (count: number, of: number): Share => ({ count, of, percent: of === 0 ? null : Math.round((count * 100) / of) });

const SOCIAL_CARE = 'childrens-social-care';

interface Dated {
  entry: ChronologyEntry;
  day: string;
}

function dated(entries: readonly ChronologyEntry[]): Dated[] {
  return currentEntries(entries).flatMap((entry) => {
    const day = dayOf(entry.occurredAt);
    return day === null ? [] : [{ entry, day }];
  });
}

// ---------------------------------------------------------------------------------------------------

export interface SeenWithinLimitsRow {
  caseId: string;
  babyName: string;
  seenWithinLimits: boolean;
  /** The longest time unseen past the limit that touched the period, in days; null when none did. */
  longestUnseenDays: number | null;
}

/**
 * Babies under one year old at some time in the period (born by its last day): seen within the limits
 * when no period unseen longer than the limit for their age (as at the period's last day) reached past
 * its limit inside the period.
 */
export function seenWithinLimits(period: ReportPeriod, cases: readonly ReportCase[], settings: ReportSettings): { rows: SeenWithinLimitsRow[]; total: Share } {
  const rows = cases.flatMap((c): SeenWithinLimitsRow[] => {
    const birth = dayOf(c.dateOfBirth);
    if (birth === null || birth > period.to || addMonths(birth, 12) <= period.from) return [];
    const overdue = findUnseenPeriods(c.entries, birth, period.to, settings.unseen).filter((p) => p.overdueFrom <= period.to && p.to >= period.from);
    return [{ caseId: c.caseId, babyName: c.babyName, seenWithinLimits: overdue.length === 0, longestUnseenDays: overdue.length === 0 ? null : Math.max(...overdue.map((p) => p.days)) }];
  });
  return { rows, total: share(rows.filter((r) => r.seenWithinLimits).length, rows.length) };
}

// ---------------------------------------------------------------------------------------------------

export interface PreBirthAssessmentRow {
  caseId: string;
  babyName: string;
  milestoneOn: string;
  /** The first assessment children's social care completed during the pregnancy; null when none yet. */
  completedOn: string | null;
  byMilestone: boolean;
}

/**
 * Pregnancies referred to children's social care before the due date whose milestone (the area's week
 * of pregnancy) fell in the period: the assessment was completed by the milestone when children's
 * social care recorded one completed between the pregnancy's start and the milestone day.
 */
export function preBirthAssessments(period: ReportPeriod, cases: readonly ReportCase[], settings: ReportSettings): { rows: PreBirthAssessmentRow[]; total: Share } {
  const rows = cases.flatMap((c): PreBirthAssessmentRow[] => {
    const due = dayOf(c.expectedDeliveryOn);
    if (due === null) return [];
    const milestoneOn = dayOfGestation(due, settings.preBirthMilestoneWeeks);
    const started = dayOfGestation(due, 0);
    if (!inPeriod(milestoneOn, period)) return [];
    const entries = dated(c.entries).filter(({ entry }) => entry.agencyKind === SOCIAL_CARE);
    const born = dayOf(c.dateOfBirth) ?? due;
    if (!entries.some(({ entry, day }) => entry.kind === 'referral' && day >= started && day < born)) return [];
    const completedOn = entries.filter(({ entry, day }) => entry.kind === 'assessment-completed' && day >= started && day <= born).map(({ day }) => day).sort()[0] ?? null;
    return [{ caseId: c.caseId, babyName: c.babyName, milestoneOn, completedOn, byMilestone: completedOn !== null && completedOn <= milestoneOn }];
  });
  return { rows, total: share(rows.filter((r) => r.byMilestone).length, rows.length) };
}

// ---------------------------------------------------------------------------------------------------

export interface WasNotBroughtRow {
  caseId: string;
  babyName: string;
  notBrought: number;
  brought: number;
  rate: Share;
}

/** In the period: appointments the baby was not brought to, of those and the contacts the baby was brought to and seen at. */
export function wasNotBroughtRates(period: ReportPeriod, cases: readonly ReportCase[]): { rows: WasNotBroughtRow[]; total: Share } {
  const rows = cases.flatMap((c): WasNotBroughtRow[] => {
    const inside = dated(c.entries).filter(({ day }) => inPeriod(day, period));
    const notBrought = inside.filter(({ entry }) => entry.kind === 'was-not-brought').length;
    const brought = inside.filter(({ entry }) => isAttendedContact(entry)).length;
    return notBrought + brought === 0 ? [] : [{ caseId: c.caseId, babyName: c.babyName, notBrought, brought, rate: share(notBrought, notBrought + brought) }];
  });
  const notBrought = rows.reduce((sum, r) => sum + r.notBrought, 0);
  return { rows, total: share(notBrought, notBrought + rows.reduce((sum, r) => sum + r.brought, 0)) };
}

// ---------------------------------------------------------------------------------------------------

export interface TriggerToReviewRow {
  caseId: string;
  babyName: string;
  triggerOn: string;
  trigger: string;
  reviewedOn: string | null;
  /** Calendar days from the trigger to the review; null while not reviewed. */
  days: number | null;
}

/** Each trigger in the period with the first review of the profile on or after its day, and the median days. */
export function triggerToReview(period: ReportPeriod, cases: readonly ReportCase[], kindLabel: (kind: string) => string): { rows: TriggerToReviewRow[]; reviewed: Share; medianDays: number | null } {
  const rows = cases.flatMap((c) =>
    dated(c.entries)
      .filter(({ entry, day }) => isTriggerEventKind(entry.kind) && inPeriod(day, period))
      .map(({ entry, day }): TriggerToReviewRow => {
        const reviewedOn = [...c.reviewedOn].sort().find((review) => review >= day) ?? null;
        return { caseId: c.caseId, babyName: c.babyName, triggerOn: day, trigger: kindLabel(entry.kind), reviewedOn, days: reviewedOn === null ? null : daysFrom(day, reviewedOn) };
      }),
  );
  rows.sort((a, b) => a.triggerOn.localeCompare(b.triggerOn) || a.caseId.localeCompare(b.caseId));
  const days = rows.flatMap((r) => (r.days === null ? [] : [r.days])).sort((a, b) => a - b);
  const middle = Math.floor(days.length / 2);
  const medianDays = days.length === 0 ? null : days.length % 2 === 1 ? days[middle]! : (days[middle - 1]! + days[middle]!) / 2;
  return { rows, reviewed: share(days.length, rows.length), medianDays };
}

// ---------------------------------------------------------------------------------------------------

export type SocialWorkerNotice = 'before-discharge' | 'after-discharge' | 'no-social-worker';

export interface DischargeNoticeRow {
  caseId: string;
  babyName: string;
  dischargeOn: string;
  notice: SocialWorkerNotice;
  toldOn: string | null;
}

/**
 * Discharges in the period and whether the social worker was told: by the day of the discharge, only
 * after it, or the baby had no social worker (left out of the share).
 */
export function dischargesNotified(period: ReportPeriod, cases: readonly ReportCase[]): { rows: DischargeNoticeRow[]; total: Share } {
  const rows = cases.flatMap((c) =>
    c.dischargePlans
      .filter((plan) => inPeriod(plan.dischargeOn, period))
      .map((plan): DischargeNoticeRow => {
        const told = plan.socialWorker.status === 'told' ? plan.socialWorker.toldOn : null;
        return { caseId: c.caseId, babyName: c.babyName, dischargeOn: plan.dischargeOn, notice: told === null ? 'no-social-worker' : told <= plan.dischargeOn ? 'before-discharge' : 'after-discharge', toldOn: told };
      }),
  );
  rows.sort((a, b) => a.dischargeOn.localeCompare(b.dischargeOn) || a.caseId.localeCompare(b.caseId));
  const withWorker = rows.filter((r) => r.notice !== 'no-social-worker');
  return { rows, total: share(withWorker.filter((r) => r.notice === 'before-discharge').length, withWorker.length) };
}
