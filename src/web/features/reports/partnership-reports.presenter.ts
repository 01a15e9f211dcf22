// The partnership's reports as tables: each a title, what it counts, its total in words, and its rows
// as text under headers. The page shows the tables; each CSV file holds the same headers and rows.
import type { PartnershipReports, ReportName } from '../../../application/reports/partnership-reports.ts';
import type { Share, SocialWorkerNotice } from '../../../domain/reports/partnership-reports.ts';
import { countOf } from '../../../domain/profile/plain-words.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import { periodQuery } from './cin-census.presenter.ts';

export interface ReportTable {
  name: ReportName;
  title: string;
  description: string;
  total: string;
  headers: string[];
  /** Cells as text; the first is the baby, linked on the page. */
  rows: { caseId: string; cells: string[] }[];
  csvHref: string;
}

const percent = (s: Share) => (s.percent === null ? 'none to count' : `${String(s.percent)}% (${String(s.count)} of ${String(s.of)})`);
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

const NOTICE: Record<SocialWorkerNotice, string> = {
  'before-discharge': 'Told by the day of discharge',
  'after-discharge': 'Told only after the discharge',
  'no-social-worker': 'No social worker',
};

export function reportTables(reports: PartnershipReports): ReportTable[] {
  const csvHref = (name: ReportName) => `/reports/${name}.csv?${periodQuery(reports.period)}`;
  const { seenWithinLimits: seen, preBirthAssessments: preBirth, wasNotBrought, triggerToReview: triggers, dischargesNotified: discharges } = reports;
  return [
    {
      name: 'seen-within-limits',
      title: 'Babies seen within the limits',
      description: 'Babies under one year old in the period: seen within the limits when no time unseen by a professional ran past the area’s limit for their age inside the period.',
      total: percent(seen.total),
      headers: ['Baby', 'Seen within the limits', 'Longest time unseen past the limit (days)'],
      rows: seen.rows.map((r) => ({ caseId: r.caseId, cells: [r.babyName, yesNo(r.seenWithinLimits), r.longestUnseenDays === null ? '' : String(r.longestUnseenDays)] })),
      csvHref: csvHref('seen-within-limits'),
    },
    {
      name: 'pre-birth-assessments',
      title: 'Pre-birth assessments completed by the milestone',
      description: `Pregnancies referred to children’s social care whose ${String(reports.milestoneWeeks)}-week milestone (the area’s setting) fell in the period: was an assessment completed by then?`,
      total: percent(preBirth.total),
      headers: ['Baby', 'Milestone', 'Assessment completed', 'By the milestone'],
      rows: preBirth.rows.map((r) => ({ caseId: r.caseId, cells: [r.babyName, dayInWords(r.milestoneOn), r.completedOn === null ? 'Not yet' : dayInWords(r.completedOn), yesNo(r.byMilestone)] })),
      csvHref: csvHref('pre-birth-assessments'),
    },
    {
      name: 'was-not-brought',
      title: '“Was not brought” rates',
      description: 'Appointments in the period the baby was not brought to, of those and the contacts the baby was brought to and seen at. Before birth, these are the antenatal appointments the mother missed and those she attended: a baby not yet born is never “not brought”.',
      total: percent(wasNotBrought.total),
      headers: ['Baby', 'Not brought', 'Brought and seen', 'Rate'],
      rows: wasNotBrought.rows.map((r) => ({ caseId: r.caseId, cells: [r.babyName, String(r.notBrought), String(r.brought), percent(r.rate)] })),
      csvHref: csvHref('was-not-brought'),
    },
    {
      name: 'trigger-to-review',
      title: 'Time from a trigger to the review',
      description: 'Each event in the period that should re-open the profile, and how long until the profile was next marked reviewed.',
      total: `${percent(triggers.reviewed)} reviewed since${triggers.medianDays === null ? '' : `; median ${countOf(triggers.medianDays, 'day')}`}`,
      headers: ['Baby', 'Trigger', 'On', 'Reviewed on', 'Days'],
      rows: triggers.rows.map((r) => ({ caseId: r.caseId, cells: [r.babyName, r.trigger, dayInWords(r.triggerOn), r.reviewedOn === null ? 'Not yet' : dayInWords(r.reviewedOn), r.days === null ? '' : String(r.days)] })),
      csvHref: csvHref('trigger-to-review'),
    },
    {
      name: 'discharges-notified',
      title: 'Discharges notified to the social worker',
      description: 'Discharges from hospital or a neonatal unit in the period, from their discharge plans: was the social worker told by the day of discharge? Babies with no social worker are listed, not counted.',
      total: percent(discharges.total),
      headers: ['Baby', 'Discharged', 'Social worker', 'Told on'],
      rows: discharges.rows.map((r) => ({ caseId: r.caseId, cells: [r.babyName, dayInWords(r.dischargeOn), NOTICE[r.notice], r.toldOn === null ? '' : dayInWords(r.toldOn)] })),
      csvHref: csvHref('discharges-notified'),
    },
  ];
}
