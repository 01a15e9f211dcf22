// The Children in Need census return for a period (issue 16): one row for each assessment by
// children's social care completed in the period, in the census's own column names (DfE, "Children in
// need census: business and technical specification"; see docs/domain.md, "Reports and the
// Children in Need census return"). Pure: the caller gives each case's chronology, its conferences and, for each day
// an assessment was completed, the census factors the profile in force at the end of that day
// points to (profile/cin-census.ts, reports/census-profile-as-at.ts).
//
// - AssessmentAuthorisationDate: the day of an `assessment-completed` entry children's social care
//   recorded (as the clocks read it: timescales/clock-events.ts); a corrected entry counts as corrected.
// - CINreferralDate: the latest referral children's social care recorded on or before that day.
// - ReferralSource: the source chosen on children's social care's referral (chronology/referral-source.ts);
//   else the one chosen on the latest referral another agency recorded on or before it (since the
//   assessment before, if any), else that agency's kind's where the kind names one; otherwise not
//   recorded (null: an empty cell, for someone to choose before the return is sent).
// - AssessmentFactors: the codes the profile in force at the end of that day points to, "21" only
//   when nothing else (cin-census.ts).
//   Codes that only the social worker can confirm (an injury as abuse) are given apart, never in the file.
// - CPPstartDate, CPPendDate, InitialCategoryOfAbuse, LatestCategoryOfAbuse: the latest child
//   protection plan that began by the period's last day and had not ended before its first, from
//   the conferences recorded on the meetings page (a conference not known to have ended the plan keeps
//   it, as the clocks count it); the categories as those conferences recorded them.
import { currentEntries } from '../chronology/current-entries.ts';
import type { ChronologyEntry } from '../chronology/chronology.types.ts';
import { isConference, type AbuseCategory, type Meeting } from '../meetings/meeting.types.ts';
import type { CinCensusFactors } from '../profile/cin-census.ts';
import { dayOf } from '../shared/calendar-date.ts';
import { defaultReferralSource, type ReferralSourceCode } from '../chronology/referral-source.ts';
import { inPeriod, type ReportPeriod } from './report-period.ts';

export const CIN_CENSUS_COLUMNS = [
  'LAchildID',
  'CINreferralDate',
  'ReferralSource',
  'AssessmentAuthorisationDate',
  'AssessmentFactors',
  'CPPstartDate',
  'CPPendDate',
  'InitialCategoryOfAbuse',
  'LatestCategoryOfAbuse',
] as const;

const SOCIAL_CARE = 'childrens-social-care';

export type CensusConference = Pick<Meeting, 'kind' | 'heldOn' | 'protectionPlan' | 'abuseCategory'>;

export interface CensusCaseSources {
  caseId: string;
  entries: readonly ChronologyEntry[];
  meetings: readonly CensusConference[];
  /** By each day an assessment was completed in the period (censusAssessmentDays): the factors at the end of that day. */
  factorsOn: ReadonlyMap<string, CinCensusFactors>;
}

export interface ProtectionPlanSpan {
  startedOn: string;
  /** The conference that ended it; null while it continues. */
  endedOn: string | null;
  initialCategory: AbuseCategory | null;
  latestCategory: AbuseCategory | null;
}

export interface CensusRow {
  caseId: string;
  referralDate: string | null;
  /** Null when nobody chose one and the referring agency's kind does not say: "not recorded". */
  referralSource: ReferralSourceCode | null;
  assessmentCompletedOn: string;
  factors: readonly string[];
  /** For the social worker to confirm: never in the file. */
  toConfirm: readonly string[];
  plan: ProtectionPlanSpan | null;
}

const NO_FACTORS: CinCensusFactors = { codes: [], toConfirm: [] };

interface DatedEntry {
  entry: ChronologyEntry;
  day: string;
}

/** The current entries with the day each happened on, leaving out any whose day cannot be read. */
function datedEntries(entries: readonly ChronologyEntry[]): DatedEntry[] {
  return currentEntries(entries).flatMap((entry) => {
    const day = dayOf(entry.occurredAt);
    return day === null ? [] : [{ entry, day }];
  });
}

const byCare = (entries: readonly DatedEntry[], kind: ChronologyEntry['kind']) =>
  entries.filter(({ entry }) => entry.kind === kind && entry.agencyKind === SOCIAL_CARE).sort((a, b) => a.day.localeCompare(b.day));

/** The days children's social care completed an assessment (as corrected), each once, in order. */
export function censusAssessmentDays(entries: readonly ChronologyEntry[]): string[] {
  return [...new Set(byCare(datedEntries(entries), 'assessment-completed').map(({ day }) => day))];
}

/** Social care's own choice first; then the referring agency's choice, or its kind's source where the kind names one. */
function referralSourceOf(careReferral: DatedEntry | undefined, referredBy: DatedEntry | undefined): ReferralSourceCode | null {
  return careReferral?.entry.referralSource ?? referredBy?.entry.referralSource ?? (referredBy ? defaultReferralSource(referredBy.entry.agencyKind) : null);
}

/** The latest plan that began by the period's last day and had not ended before its first. */
export function protectionPlanIn(meetings: readonly CensusConference[], period: ReportPeriod): ProtectionPlanSpan | null {
  const conferences = meetings.filter((m) => isConference(m.kind) && m.heldOn <= period.to).sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  const plans: ProtectionPlanSpan[] = [];
  for (const conference of conferences) {
    const current = plans.at(-1);
    const running = current !== undefined && current.endedOn === null;
    if (conference.protectionPlan === false) {
      if (running) current.endedOn = conference.heldOn;
      continue;
    }
    const category = conference.abuseCategory ?? null;
    if (running) current.latestCategory = category ?? current.latestCategory;
    else plans.push({ startedOn: conference.heldOn, endedOn: null, initialCategory: category, latestCategory: category });
  }
  const plan = plans.at(-1);
  return plan !== undefined && (plan.endedOn === null || plan.endedOn >= period.from) ? plan : null;
}

/** One row for each assessment children's social care completed in the period, by case then day. */
export function cinCensusRows(period: ReportPeriod, cases: readonly CensusCaseSources[]): CensusRow[] {
  const rows: CensusRow[] = [];
  for (const source of cases) {
    const entries = datedEntries(source.entries);
    const assessments = censusAssessmentDays(source.entries);
    const referrals = byCare(entries, 'referral');
    const plan = protectionPlanIn(source.meetings, period);
    assessments.forEach((completedOn, i) => {
      if (!inPeriod(completedOn, period)) return;
      const since = i === 0 ? '' : assessments[i - 1]!;
      const careReferral = referrals.filter(({ day }) => day <= completedOn && day > since).at(-1);
      const referralDate = careReferral?.day ?? null;
      const referredBy = entries
        .filter(({ entry, day }) => entry.kind === 'referral' && entry.agencyKind !== SOCIAL_CARE && day <= (referralDate ?? completedOn) && day > since)
        .sort((a, b) => a.day.localeCompare(b.day))
        .at(-1);
      const factors = source.factorsOn.get(completedOn) ?? NO_FACTORS;
      rows.push({
        caseId: source.caseId,
        referralDate,
        referralSource: referralSourceOf(careReferral, referredBy),
        assessmentCompletedOn: completedOn,
        factors: factors.codes,
        toConfirm: factors.toConfirm,
        plan,
      });
    });
  }
  return rows.sort((a, b) => a.caseId.localeCompare(b.caseId) || a.assessmentCompletedOn.localeCompare(b.assessmentCompletedOn));
}

/** The rows as the file holds them, under CIN_CENSUS_COLUMNS: factor codes in one cell, comma separated; a source not recorded empty. */
export function cinCensusTable(rows: readonly CensusRow[]): string[][] {
  return [
    [...CIN_CENSUS_COLUMNS],
    ...rows.map((row) => [
      row.caseId,
      row.referralDate ?? '',
      row.referralSource ?? '',
      row.assessmentCompletedOn,
      row.factors.join(','),
      row.plan?.startedOn ?? '',
      row.plan?.endedOn ?? '',
      row.plan?.initialCategory ?? '',
      row.plan?.latestCategory ?? '',
    ]),
  ];
}
