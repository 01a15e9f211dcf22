// The statutory clocks around a baby, from the events of the case and the area's settings
// (docs/domain.md, Clocks and timescales: "How the clocks run"). Timescales from Working Together
// to Safeguard Children (2023); pre-birth milestones from the area's own protocol
// (pre-birth-milestones.ts). Pure: the events and `today` come in; the application layer maps
// chronology entries and meetings to ClockEvents.
//
// A clock starts with an event (a referral, a strategy discussion, a conference, a birth) and stops
// with another (a decision, an assessment's end, a conference, a core group). Each clock is shown
// once, for its latest run: later starts before a stop join the run already open (two referrals
// before one decision: the clock runs from the first), and a start after a stop opens a new run.
// Events after `today` have not happened yet and are left out, so the clocks on a past day are the
// clocks as they stood then.
import { addMonths, dayOf } from '../shared/calendar-date.ts';
import { preBirthMilestones } from './pre-birth-milestones.ts';
import { DEFAULT_TIMESCALE_SETTINGS, type TimescaleSettings } from './timescale-settings.ts';
import { addWorkingDays, workingDaysBetween } from './working-days.ts';

export interface StrategyDiscussionHeld {
  heldOn: string;
  /** False when it decided not to start enquiries under section 47: no conference clock starts from it. Not known counts as started. */
  section47?: boolean;
}

export type ConferenceKind = 'initial' | 'review' | 'pre-birth';

export interface ConferenceHeld {
  kind: ConferenceKind;
  heldOn: string;
  /**
   * False when the conference decided the baby needs no child protection plan (an initial or
   * pre-birth conference) or ended the plan (a review): no core group or review clock starts from
   * it. Not known counts as a plan (assume risk).
   */
  plan?: boolean;
}

export interface ReferralDecision {
  decidedOn: string;
  /** False when the decision was that no assessment is needed (no further action, early help): no assessment clock runs for that referral. Not known counts as an assessment. */
  assessment?: boolean;
}

/**
 * What the clocks are computed from: days (YYYY-MM-DD; a date-time counts by its own date) of
 * events of one case. Lists in any order; a day that is not real is ignored.
 */
export interface ClockEvents {
  /** Referrals received by children's social care. */
  referralsReceivedOn: readonly string[];
  /** Decisions on what to do about a referral. */
  referralDecisions: readonly ReferralDecision[];
  /** Assessments by children's social care completed (signed off). */
  assessmentsCompletedOn: readonly string[];
  strategyDiscussions: readonly StrategyDiscussionHeld[];
  /** Child protection conferences: initial, review, and pre-birth (an initial conference before the birth). */
  conferences: readonly ConferenceHeld[];
  coreGroupsHeldOn: readonly string[];
  bornOn: string | null;
  expectedDeliveryOn: string | null;
}

export const CLOCK_IDS = [
  'referral-decision',
  'assessment',
  'pre-birth-strategy-discussion',
  'initial-conference',
  'pre-birth-conference',
  'first-core-group',
  'post-birth-meeting',
  'first-review-conference',
  'next-review-conference',
] as const;
export type ClockId = (typeof CLOCK_IDS)[number];

export type ClockStatus = 'due' | 'due-soon' | 'overdue' | 'met';

/** What stopped a clock. */
export type ClockStop = 'referral-decision' | 'assessment' | 'strategy-discussion' | 'initial-conference' | 'pre-birth-conference' | 'review-conference' | 'core-group';

export interface Clock {
  /** Stable: the API and the pages key on it. */
  id: ClockId;
  /** What has to happen: "Decision on the referral". */
  label: string;
  /** By when, in words: "within 1 working day of the referral", "by 20 weeks of pregnancy". */
  timescale: string;
  startedOn: string;
  dueOn: string;
  status: ClockStatus;
  /** The day the stopping event happened, when met. */
  metOn?: string;
  metBy?: ClockStop;
  /** When met: true if after the due day. A late stop is still met; `late` says it was late. */
  late?: boolean;
}

interface Run {
  startedOn: string;
  stop: { on: string; by: ClockStop } | null;
}

interface Stop {
  on: string;
  by: ClockStop;
}

/** The latest run of a clock: see the header. Starts and stops are real days, on or before today. */
function latestRun(starts: readonly string[], stops: readonly Stop[]): Run | null {
  const sortedStops = [...stops].sort((a, b) => a.on.localeCompare(b.on));
  let runStart: string | null = null;
  for (const start of [...starts].sort()) {
    const open = runStart;
    if (open === null || sortedStops.some((stop) => stop.on >= open && stop.on <= start)) runStart = start;
  }
  if (runStart === null) return null;
  const from = runStart;
  return { startedOn: from, stop: sortedStops.find((stop) => stop.on >= from) ?? null };
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * The clocks that have started by `today`, in the order of CLOCK_IDS: each due, due soon (within
 * `settings.dueSoonWorkingDays` working days of its due day, the day itself included), overdue
 * (the due day has passed), or met (its stopping event happened, `late` when after the due day).
 * A clock whose starting event has not happened is not returned.
 */
export function timescaleClocks(events: ClockEvents, today: string, settings: TimescaleSettings = DEFAULT_TIMESCALE_SETTINGS): Clock[] {
  const day = (value: string | null | undefined): string | null => {
    const d = dayOf(value);
    return d !== null && d <= today ? d : null;
  };
  const days = (values: readonly (string | null | undefined)[]): string[] => values.map(day).filter((d): d is string => d !== null);
  const referrals = days(events.referralsReceivedOn);
  const decisions = events.referralDecisions.flatMap((d) => {
    const on = day(d.decidedOn);
    return on === null ? [] : [{ on, assessment: d.assessment !== false }];
  });
  const assessments = days(events.assessmentsCompletedOn);
  const strategies = events.strategyDiscussions.flatMap((s) => {
    const on = day(s.heldOn);
    return on === null ? [] : [{ on, section47: s.section47 !== false }];
  });
  const conferences = events.conferences
    .flatMap((c) => {
      const on = day(c.heldOn);
      return on === null ? [] : [{ on, kind: c.kind, plan: c.plan !== false }];
    })
    .sort((a, b) => a.on.localeCompare(b.on));
  const coreGroups = days(events.coreGroupsHeldOn);
  const bornOn = day(events.bornOn);

  const clocks: Clock[] = [];
  const add = (id: ClockId, label: string, timescale: string, run: Run | null, dueOn: string) => {
    if (run === null || dueOn === '') return;
    const clock: Clock = { id, label, timescale, startedOn: run.startedOn, dueOn, status: 'due' };
    if (run.stop !== null) {
      clock.status = 'met';
      clock.metOn = run.stop.on;
      clock.metBy = run.stop.by;
      clock.late = run.stop.on > dueOn;
    } else if (today > dueOn) clock.status = 'overdue';
    else if (workingDaysBetween(today, dueOn) <= settings.dueSoonWorkingDays) clock.status = 'due-soon';
    clocks.push(clock);
  };
  const inWorkingDays = (run: Run | null, n: number) => (run === null ? '' : addWorkingDays(run.startedOn, n));
  const inMonths = (run: Run | null, n: number) => (run === null ? '' : addMonths(run.startedOn, n));

  // Referral: a decision within 1 working day; the assessment within 45 working days.
  const decisionRun = latestRun(referrals, decisions.map(({ on }) => ({ on, by: 'referral-decision' })));
  add('referral-decision', 'Decision on the referral', `within ${plural(settings.referralDecisionWorkingDays, 'working day')} of the referral`, decisionRun, inWorkingDays(decisionRun, settings.referralDecisionWorkingDays));
  const assessmentRun = latestRun(referrals, assessments.map((on) => ({ on, by: 'assessment' })));
  const assessmentDecision = assessmentRun === null ? undefined : decisions.filter((d) => d.on >= assessmentRun.startedOn).sort((a, b) => a.on.localeCompare(b.on))[0];
  if (assessmentRun !== null && (assessmentRun.stop !== null || assessmentDecision?.assessment !== false)) {
    add('assessment', 'Assessment', `within ${plural(settings.assessmentWorkingDays, 'working day')} of the referral`, assessmentRun, inWorkingDays(assessmentRun, settings.assessmentWorkingDays));
  }

  // Pre-birth milestones: from a referral, and from a section 47 strategy discussion, during the pregnancy.
  const edd = dayOf(events.expectedDeliveryOn);
  const milestones = edd === null ? null : preBirthMilestones(edd, settings.preBirth);
  const inPregnancy = (on: string) => milestones !== null && on >= milestones.pregnancyStartedOn && (bornOn === null || on < bornOn);
  if (milestones?.strategyMeetingBy) {
    const firstReferral = referrals.filter(inPregnancy).sort()[0];
    const decision = firstReferral === undefined ? undefined : decisions.filter((d) => d.on >= firstReferral).sort((a, b) => a.on.localeCompare(b.on))[0];
    if (firstReferral !== undefined && decision?.assessment !== false) {
      const stops: Stop[] = [...strategies.map(({ on }) => ({ on, by: 'strategy-discussion' as const })), ...assessments.map((on) => ({ on, by: 'assessment' as const }))];
      add('pre-birth-strategy-discussion', 'Pre-birth strategy discussion', `by ${plural(settings.preBirth.strategyMeetingByWeek ?? 0, 'week')} of pregnancy`, latestRun([firstReferral], stops), milestones.strategyMeetingBy);
    }
  }

  // Initial conference within 15 working days of the strategy discussion that started section 47 enquiries.
  const section47 = strategies.filter((s) => s.section47).map((s) => s.on);
  const initialStops = conferences.filter((c) => c.kind !== 'review').map((c) => ({ on: c.on, by: c.kind === 'pre-birth' ? ('pre-birth-conference' as const) : ('initial-conference' as const) }));
  const conferenceRun = latestRun(section47, initialStops);
  add('initial-conference', 'Initial child protection conference', `within ${plural(settings.initialConferenceWorkingDays, 'working day')} of the strategy discussion`, conferenceRun, inWorkingDays(conferenceRun, settings.initialConferenceWorkingDays));

  if (milestones?.conferenceBy) {
    const firstStrategy = section47.filter(inPregnancy).sort()[0];
    if (firstStrategy !== undefined) {
      const by = settings.preBirth.conferenceByWeek !== null && milestones.conferenceSetBy === 'conferenceByWeek'
        ? `by ${plural(settings.preBirth.conferenceByWeek, 'week')} of pregnancy`
        : `at least ${plural(settings.preBirth.conferenceAtLeastWeeksBeforeDue ?? 0, 'week')} before the due date`;
      add('pre-birth-conference', 'Pre-birth child protection conference', by, latestRun([firstStrategy], initialStops), milestones.conferenceBy);
    }
  }

  // After an initial (or pre-birth) conference that made a plan: the first core group and the first review.
  const planStarts = conferences.filter((c) => c.kind !== 'review' && c.plan).map((c) => c.on);
  const coreGroupRun = latestRun(planStarts, coreGroups.map((on) => ({ on, by: 'core-group' })));
  add('first-core-group', 'First core group', `within ${plural(settings.firstCoreGroupWorkingDays, 'working day')} of the initial conference`, coreGroupRun, inWorkingDays(coreGroupRun, settings.firstCoreGroupWorkingDays));

  // After a pre-birth conference: a review conference or core group within 10 working days of the birth.
  if (bornOn !== null) {
    const beforeBirth = conferences.filter((c) => c.on < bornOn);
    const lastInitial = beforeBirth.filter((c) => c.kind !== 'review').at(-1);
    const plansEnded = beforeBirth.some((c) => lastInitial !== undefined && c.on >= lastInitial.on && !c.plan);
    if (lastInitial?.kind === 'pre-birth' && !plansEnded) {
      const stops: Stop[] = [
        ...conferences.filter((c) => c.kind === 'review').map((c) => ({ on: c.on, by: 'review-conference' as const })),
        ...coreGroups.map((on) => ({ on, by: 'core-group' as const })),
      ];
      const run = latestRun([bornOn], stops);
      add('post-birth-meeting', 'Review conference or core group after the birth', `within ${plural(settings.postBirthMeetingWorkingDays, 'working day')} of the birth`, run, inWorkingDays(run, settings.postBirthMeetingWorkingDays));
    }
  }

  const reviews = conferences.filter((c) => c.kind === 'review');
  const reviewRun = latestRun(planStarts, reviews.map((c) => ({ on: c.on, by: 'review-conference' })));
  add('first-review-conference', 'First review conference', `within ${plural(settings.firstReviewConferenceMonths, 'month')} of the initial conference`, reviewRun, inMonths(reviewRun, settings.firstReviewConferenceMonths));

  // Then at most 6 months between reviews, from the latest review of the current plan, while it continues.
  const lastReview = reviews.at(-1);
  const lastInitialConference = conferences.filter((c) => c.kind !== 'review').at(-1);
  if (lastReview !== undefined && lastReview.plan && (lastInitialConference === undefined || lastReview.on >= lastInitialConference.on)) {
    const run: Run = { startedOn: lastReview.on, stop: null };
    add('next-review-conference', 'Next review conference', `within ${plural(settings.laterReviewConferenceMonths, 'month')} of the last review conference`, run, inMonths(run, settings.laterReviewConferenceMonths));
  }

  return clocks.sort((a, b) => CLOCK_IDS.indexOf(a.id) - CLOCK_IDS.indexOf(b.id));
}
