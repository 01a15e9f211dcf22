// What each dashboard measure counts, as a test of one case (issue 16). Each rests on a rule the
// service already has rather than a new one: the findings the profile's rules raised (hidden risk,
// unverified exclusions, the baby not seen, a discharge without a plan, the GP not told, stored with
// the profile's latest version as the case list reads them), the escalation rule for a finding no
// decision had in view (profile/escalation.ts), the review schedule, the clocks, and the alert rule
// that one acknowledgement with a note takes an alert up (alerts/escalation.ts).
import { findingsWithoutDecision } from '../profile/escalation.ts';
import type { DashboardCase } from './dashboard.types.ts';

/**
 * What a measure reads beyond the record as the case's last change left it: the record alone (the
 * same every day until the case changes again), the review's due day or the clocks' (compared with
 * today), or the alerts (taken up outside any change to the case). The dashboards' SQL (ADR 0017)
 * stores what the record decides and compares the due days with today.
 */
export type MeasureReads = 'record' | 'review-due' | 'clock-due' | 'alerts';

interface MeasureDefinition {
  title: string;
  reads: MeasureReads;
  /** Why a manager looks at it: shown under the dashboard's table and in the docs. */
  why: string;
  counts(c: DashboardCase): boolean;
}

const serious = (c: DashboardCase) => c.findings.filter((f) => f.severity === 'critical' || f.severity === 'high');
const shows = (findingId: string) => (c: DashboardCase) => c.findings.some((f) => f.id === findingId);

export const MEASURES = {
  'serious-finding': {
    title: 'High or critical finding',
    reads: 'record',
    why: 'The cases whose profile shows a high or critical risk now.',
    counts: (c) => serious(c).length > 0,
  },
  'serious-without-decision': {
    title: 'High or critical finding with no decision',
    reads: 'record',
    why: 'A finding no escalation decision has had in view since the last review: nobody has yet said what is to be done about it.',
    counts: (c) => findingsWithoutDecision(serious(c), c.decisions, c.lastReviewedAt).length > 0,
  },
  'unverified-exclusion': {
    title: 'Exclusion on the carer’s word alone',
    reads: 'record',
    why: 'A risk excluded with no evidence beyond what the carer said, where the catalogue asks for more.',
    counts: shows('unverified-exclusion'),
  },
  'hidden-risk': {
    title: 'Hidden risk',
    reads: 'record',
    why: 'A factor nobody can assess, or an adult whose identity or history is not known.',
    counts: shows('hidden-risk'),
  },
  'review-overdue': {
    title: 'Profile review overdue',
    reads: 'review-due',
    why: 'The profile is past the review its level or a trigger event set.',
    counts: (c) => c.review === 'overdue',
  },
  'never-reviewed': {
    title: 'Profile never reviewed',
    reads: 'review-due',
    why: 'Nobody has yet reviewed the profile as a whole.',
    counts: (c) => c.review === 'never-reviewed',
  },
  'clock-overdue': {
    title: 'A timescale overdue',
    reads: 'clock-due',
    why: 'A statutory or local clock (a referral decision, an assessment, a conference) has run past its day.',
    counts: (c) => c.clockOverdue,
  },
  'baby-not-seen': {
    title: 'Baby not seen within the limit',
    reads: 'record',
    why: 'No contact has seen the baby within the area’s limit for the baby’s age.',
    counts: shows('baby-not-seen'),
  },
  'alert-not-taken-up': {
    title: 'Alert nobody has acknowledged',
    reads: 'alerts',
    why: 'An alert that nobody it reached has taken up with a note.',
    counts: (c) => c.alertsNotTakenUp > 0,
  },
  'discharge-without-plan': {
    title: 'Discharge without a plan',
    reads: 'record',
    why: 'A baby went home from hospital with no discharge plan: nobody agreed who sees the baby first at home, and by when.',
    counts: shows('discharge-without-plan'),
  },
  'gp-not-informed': {
    title: 'GP not informed',
    reads: 'record',
    why: 'The GP has not been told of the concerns about the baby and the adults caring for the baby.',
    counts: shows('gp-not-informed'),
  },
} as const satisfies Record<string, MeasureDefinition>;

export type MeasureId = keyof typeof MEASURES;
export const MEASURE_IDS = Object.keys(MEASURES) as MeasureId[];

export function isMeasureId(value: string): value is MeasureId {
  return Object.hasOwn(MEASURES, value);
}

/** The measures the record alone decides (MeasureReads). */
export const RECORD_MEASURE_IDS = MEASURE_IDS.filter((id) => MEASURES[id].reads === 'record');

export function measureCounts(measure: MeasureId, c: DashboardCase): boolean {
  return MEASURES[measure].counts(c);
}
