// The Children in Need census return for a period (issue 16): one row for each assessment by
// children's social care completed in the period, in the census's own column names (DfE, "Children in
// need census: business and technical specification"; see docs/domain.md, "The Children in Need
// census return"). Pure: the caller gives each case's chronology, its conferences and the census
// factors its profile points to (profile/cin-census.ts).
//
// - AssessmentAuthorisationDate: the day of an `assessment-completed` entry children's social care
//   recorded (as the clocks read it: timescales/clock-events.ts); a corrected entry counts as corrected.
// - CINreferralDate: the latest referral children's social care recorded on or before that day.
// - ReferralSource: who referred, read from the agency that recorded a `referral` of its own on or
//   before that referral (since the assessment before, if any), as the census codes that kind of
//   agency; 10 (unknown) when no other agency recorded one.
// - AssessmentFactors: the codes the profile points to, "21" only when nothing else (cin-census.ts).
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
import type { OrganisationKind } from '../shared/organisation-kinds.ts';
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

/** The census's referral source codes the service can tell apart, with their words. */
export const REFERRAL_SOURCES = {
  '2A': 'Schools',
  '2B': 'Education services',
  '3A': 'Health services: GP',
  '3B': 'Health services: health visitor',
  '3D': 'Health services: other primary health services',
  '3F': 'Health services: other',
  '4': 'Housing',
  '5D': 'Local authority services: early help',
  '6': 'Police',
  '8': 'Other',
  '10': 'Unknown',
} as const;
export type ReferralSourceCode = keyof typeof REFERRAL_SOURCES;

/** The source code of a referral by each kind of agency; children's social care does not refer to itself. */
export const REFERRAL_SOURCE_BY_AGENCY: Record<Exclude<OrganisationKind, 'childrens-social-care'>, ReferralSourceCode> = {
  gp: '3A',
  'health-visiting': '3B',
  midwifery: '3D',
  hospital: '3F',
  'adult-mental-health': '3F',
  'substance-misuse': '3F',
  housing: '4',
  'early-help': '5D',
  police: '6',
  education: '2B',
};

const SOCIAL_CARE = 'childrens-social-care';

export type CensusConference = Pick<Meeting, 'kind' | 'heldOn' | 'protectionPlan' | 'abuseCategory'>;

export interface CensusCaseSources {
  caseId: string;
  entries: readonly ChronologyEntry[];
  meetings: readonly CensusConference[];
  factors: CinCensusFactors;
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
  referralSource: ReferralSourceCode;
  assessmentCompletedOn: string;
  factors: readonly string[];
  /** For the social worker to confirm: never in the file. */
  toConfirm: readonly string[];
  plan: ProtectionPlanSpan | null;
}

function sourceOf(agencyKind: string): ReferralSourceCode {
  return Object.hasOwn(REFERRAL_SOURCE_BY_AGENCY, agencyKind) ? REFERRAL_SOURCE_BY_AGENCY[agencyKind as keyof typeof REFERRAL_SOURCE_BY_AGENCY] : '8';
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
    const entries = currentEntries(source.entries).flatMap((entry) => {
      const day = dayOf(entry.occurredAt);
      return day === null ? [] : [{ entry, day }];
    });
    const byCare = (kind: ChronologyEntry['kind']) => entries.filter(({ entry }) => entry.kind === kind && entry.agencyKind === SOCIAL_CARE).map(({ day }) => day).sort();
    const assessments = [...new Set(byCare('assessment-completed'))];
    const referrals = byCare('referral');
    const plan = protectionPlanIn(source.meetings, period);
    assessments.forEach((completedOn, i) => {
      if (!inPeriod(completedOn, period)) return;
      const since = i === 0 ? '' : assessments[i - 1]!;
      const referralDate = referrals.filter((day) => day <= completedOn && day > since).at(-1) ?? null;
      const referredBy = entries
        .filter(({ entry, day }) => entry.kind === 'referral' && entry.agencyKind !== SOCIAL_CARE && day <= (referralDate ?? completedOn) && day > since)
        .sort((a, b) => a.day.localeCompare(b.day))
        .at(-1);
      rows.push({
        caseId: source.caseId,
        referralDate,
        referralSource: referredBy ? sourceOf(referredBy.entry.agencyKind) : '10',
        assessmentCompletedOn: completedOn,
        factors: source.factors.codes,
        toConfirm: source.factors.toConfirm,
        plan,
      });
    });
  }
  return rows.sort((a, b) => a.caseId.localeCompare(b.caseId) || a.assessmentCompletedOn.localeCompare(b.assessmentCompletedOn));
}

/** The rows as the file holds them, under CIN_CENSUS_COLUMNS: factor codes in one cell, comma separated. */
export function cinCensusTable(rows: readonly CensusRow[]): string[][] {
  return [
    [...CIN_CENSUS_COLUMNS],
    ...rows.map((row) => [
      row.caseId,
      row.referralDate ?? '',
      row.referralSource,
      row.assessmentCompletedOn,
      row.factors.join(','),
      row.plan?.startedOn ?? '',
      row.plan?.endedOn ?? '',
      row.plan?.initialCategory ?? '',
      row.plan?.latestCategory ?? '',
    ]),
  ];
}
