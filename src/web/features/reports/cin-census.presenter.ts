// The census return as the page shows it: each assessment's row in words, codes with what they mean.
import type { CinCensusReturn } from '../../../application/reports/cin-census.ts';
import { CIN_FIXED_CODES, CIN_PERSON_FACTORS, type CinPersonFactor } from '../../../domain/catalogue/cin-codes.ts';
import { ABUSE_CATEGORY_LABELS, type AbuseCategory } from '../../../domain/meetings/meeting.types.ts';
import { REFERRAL_SOURCES } from '../../../domain/chronology/referral-source.ts';
import type { ReportPeriod } from '../../../domain/reports/report-period.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';

const SUBJECTS: Record<string, string> = { A: 'the child', B: 'a parent or carer', C: 'another household member' };

/** "4B Mental health (a parent or carer)", "21 No factors identified". */
export function censusCodeInWords(code: string): string {
  if (Object.hasOwn(CIN_FIXED_CODES, code)) return `${code} ${CIN_FIXED_CODES[code as keyof typeof CIN_FIXED_CODES]}`;
  const match = /^([1-6])([ABC])$/.exec(code);
  if (!match) return code;
  return `${code} ${CIN_PERSON_FACTORS[Number(match[1]) as CinPersonFactor]} (${SUBJECTS[match[2]!]!})`;
}

const category = (value: AbuseCategory | null) => (value === null ? 'category not recorded' : `${ABUSE_CATEGORY_LABELS[value]} (${value})`);

export const periodQuery = (period: ReportPeriod) => `from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`;

export const periodInWords = (period: ReportPeriod) => `${dayInWords(period.from)} to ${dayInWords(period.to)}`;

export function presentCensus(report: CinCensusReturn) {
  return {
    csvHref: `/reports/cin-census.csv?${periodQuery(report.period)}`,
    periodWords: periodInWords(report.period),
    sourcesNotRecorded: report.rows.filter((row) => row.referralSource === null).length,
    rows: report.rows.map((row) => ({
      href: `/cases/${row.caseId}`,
      babyName: row.babyName,
      completed: dayInWords(row.assessmentCompletedOn),
      referral: row.referralDate === null ? 'No referral recorded by children’s social care' : dayInWords(row.referralDate),
      source: row.referralSource === null ? null : `${row.referralSource} ${REFERRAL_SOURCES[row.referralSource]}`,
      chronologyHref: `/cases/${row.caseId}/chronology?kind=referral`,
      factors: row.factors.length ? row.factors.map(censusCodeInWords).join('; ') : 'None yet: the profile was not complete',
      toConfirm: row.toConfirm.length ? row.toConfirm.map(censusCodeInWords).join('; ') : 'None',
      plan: row.plan
        ? `From ${dayInWords(row.plan.startedOn)}${row.plan.endedOn ? ` to ${dayInWords(row.plan.endedOn)}` : ''}: initial ${category(row.plan.initialCategory)}, latest ${category(row.plan.latestCategory)}`
        : 'None',
    })),
  };
}
