// What makes a discharge plan acceptable, whoever records it (the discharge plan page, an agency
// system), and what a page notes about one (docs/domain.md, "Discharge plan"). Each problem has a
// JSON pointer path, so a page can mark the field and an API caller is told exactly which part is
// wrong. A plan is for a baby who has been born, leaving a neonatal unit or a hospital stay on a
// day that is not before the birth and at most DISCHARGE_PLANNED_UP_TO_DAYS ahead; someone is named
// to see the baby first at home by a day on or after the discharge and, as every follow-up, at most
// DUE_MONTHS_AHEAD ahead (date-rules.ts: every day is in 1900 or later); a fragile baby (born before
// 37 weeks, under 2,500 g, or after a neonatal stay) gets feeding and handling advice (Derby and
// Derbyshire review 5.26); every follow-up appointment says what, where and when; the social worker
// was told (when and by whom), or there is none on the team, which must be true (Derby and
// Derbyshire review 5.23: Infant 2's social worker was not told of a discharge); and the GP was told
// or not yet.
import { isPreterm } from '../people/age.ts';
import { LOW_BIRTH_WEIGHT_UNDER_GRAMS } from '../profile/derived-factors.ts';
import { addDays, dayInWords } from '../shared/calendar-date.ts';
import { anyDayProblem, dayProblem, DUE, happenedDayProblem, tooEarlyWords, tooFarAheadWords } from '../shared/date-rules.ts';
import { ORGANISATION_KINDS, isOrganisationKind } from '../shared/organisation-kinds.ts';
import { addWorkingDays } from '../timescales/working-days.ts';
import {
  DISCHARGE_LIMITS,
  DISCHARGE_PLANNED_UP_TO_DAYS,
  FIRST_VISIT_WITHIN_WORKING_DAYS,
  STAY_KIND_LABELS,
  isStayKind,
  type Attendee,
  type DischargeContext,
  type DischargePlan,
  type DischargePlanDraft,
  type FollowUp,
  type FragileReason,
  type GpTold,
  type SocialWorkerTold,
  type StayKind,
} from './discharge-plan.types.ts';

export const DISCHARGE_PROBLEM_MESSAGES = {
  'not-born': 'A discharge plan is for a baby who has been born: record the birth first.',
  'unknown-stay': 'Choose whether the baby is leaving a neonatal unit or a hospital stay.',
  'discharge-date-needed': 'Enter the date the baby leaves, or is planned to leave.',
  'discharge-not-a-date': 'The discharge date must be a real date.',
  'discharge-too-early': tooEarlyWords('The discharge date'),
  'discharge-before-birth': 'The discharge date cannot be before the baby was born.',
  'discharge-too-far-ahead': `The discharge date can be at most ${DISCHARGE_PLANNED_UP_TO_DAYS} days from today: record the plan nearer the time.`,
  'first-visit-agency-needed': 'Choose the agency that sees the baby first at home.',
  'first-visit-name-needed': 'Enter who sees the baby first at home.',
  'first-visit-date-needed': 'Enter the date by which the baby is first seen at home.',
  'first-visit-not-a-date': 'The date of the first home visit must be a real date.',
  'first-visit-too-early': tooEarlyWords('The date of the first home visit'),
  'first-visit-too-far-ahead': tooFarAheadWords('The date of the first home visit'),
  'first-visit-before-discharge': 'The first home visit cannot be before the discharge date.',
  'advice-needed': 'Enter the feeding and handling advice agreed: this baby is fragile (born before 37 weeks, under 2,500 g or after a neonatal stay).',
  'too-long': 'This is too long.',
  'too-many-follow-ups': `Record at most ${DISCHARGE_LIMITS.followUps} follow-up appointments.`,
  'follow-up-what-needed': 'Say what the appointment is for.',
  'follow-up-where-needed': 'Say where the appointment is.',
  'follow-up-date-needed': 'Enter the date of the appointment.',
  'follow-up-not-a-date': 'The date of the appointment must be a real date.',
  'follow-up-too-early': tooEarlyWords('The date of the appointment'),
  'follow-up-too-far-ahead': tooFarAheadWords('The date of the appointment'),
  'follow-up-before-discharge': 'A follow-up appointment cannot be before the discharge date.',
  'social-worker-needed': 'Say when the social worker was told of the discharge, or that there is no social worker on the team.',
  'social-worker-on-team': "There is a social worker on the team around this baby: say when they were told of the discharge, and by whom.",
  'gp-needed': 'Say whether the GP has been told of the discharge.',
  'told-date-needed': 'Enter the date they were told.',
  'told-not-a-date': 'The date they were told must be a real date.',
  'told-too-early': tooEarlyWords('The date they were told'),
  'told-in-future': 'The date they were told cannot be in the future.',
  'told-by-needed': 'Enter who told them.',
  'too-many-people': `List at most ${DISCHARGE_LIMITS.attendees} people.`,
  'name-needed': 'Enter the name of the person.',
  'unknown-agency': 'Choose the agency the person was there for.',
} as const;

export type DischargeProblemCode = keyof typeof DISCHARGE_PROBLEM_MESSAGES;

export interface DischargeProblem {
  /** JSON pointer into the plan as sent: /dischargeOn, /followUps/1/on, /socialWorker/toldBy. */
  path: string;
  code: DischargeProblemCode;
}

export type CheckedDischargePlan = { ok: true; plan: DischargePlan } | { ok: false; problems: DischargeProblem[] };

const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Why the baby counts as fragile for this stay (Derby and Derbyshire review 5.26); none when not. */
export function fragileReasons(context: Pick<DischargeContext, 'gestationAtBirthWeeks' | 'birthWeightGrams' | 'hadNeonatalStay'>, stay: StayKind | null): FragileReason[] {
  const reasons: FragileReason[] = [];
  if (isPreterm(context.gestationAtBirthWeeks)) reasons.push('preterm');
  if (context.birthWeightGrams !== null && context.birthWeightGrams > 0 && context.birthWeightGrams < LOW_BIRTH_WEIGHT_UNDER_GRAMS) reasons.push('low-birth-weight');
  if (context.hadNeonatalStay || stay === 'neonatal-unit') reasons.push('neonatal-stay');
  return reasons;
}

/** Checks a discharge plan as sent, on the service's day: the plan trimmed, or every problem with its path. */
export function checkDischargePlan(draft: DischargePlanDraft, context: DischargeContext): CheckedDischargePlan {
  const problems: DischargeProblem[] = [];
  const problem = (path: string, code: DischargeProblemCode) => problems.push({ path, code });
  const { today } = context;

  const stayText = trimmed(draft.stay);
  const stay = isStayKind(stayText) ? stayText : null;
  if (!stay) problem('/stay', 'unknown-stay');

  const dischargeOn = trimmed(draft.dischargeOn);
  const dischargeProblem = anyDayProblem(dischargeOn);
  const dischargeKnown = dischargeProblem === null;
  if (!context.born) problem('/dischargeOn', 'not-born');
  else if (dischargeOn === '') problem('/dischargeOn', 'discharge-date-needed');
  else if (dischargeProblem === 'not-a-date') problem('/dischargeOn', 'discharge-not-a-date');
  else if (dischargeProblem === 'too-early') problem('/dischargeOn', 'discharge-too-early');
  else if (context.dateOfBirth !== null && dischargeOn < context.dateOfBirth) problem('/dischargeOn', 'discharge-before-birth');
  else if (dischargeOn > addDays(today, DISCHARGE_PLANNED_UP_TO_DAYS)) problem('/dischargeOn', 'discharge-too-far-ahead');

  /** A day that cannot be before the discharge (when the discharge date is known), nor further ahead than a due day may be. */
  const dayFrom = (value: unknown, at: string, codes: { needed: DischargeProblemCode; notADate: DischargeProblemCode; before: DischargeProblemCode; tooEarly: DischargeProblemCode; tooFarAhead: DischargeProblemCode }): string => {
    const day = trimmed(value);
    const wrong = dayProblem(day, today, DUE);
    if (day === '') problem(at, codes.needed);
    else if (wrong === 'not-a-date') problem(at, codes.notADate);
    else if (wrong === 'too-early') problem(at, codes.tooEarly);
    else if (dischargeKnown && day < dischargeOn) problem(at, codes.before);
    else if (wrong === 'too-far-ahead') problem(at, codes.tooFarAhead);
    return day;
  };
  const text = (value: unknown, at: string, needed: DischargeProblemCode | null, max: number): string => {
    const words = trimmed(value);
    if (words === '' && needed) problem(at, needed);
    else if (words.length > max) problem(at, 'too-long');
    return words;
  };

  const visitAgency = trimmed(draft.firstVisit.agency);
  if (!isOrganisationKind(visitAgency)) problem('/firstVisit/agency', 'first-visit-agency-needed');
  const visitName = text(draft.firstVisit.name, '/firstVisit/name', 'first-visit-name-needed', DISCHARGE_LIMITS.name);
  const visitBy = dayFrom(draft.firstVisit.by, '/firstVisit/by', { needed: 'first-visit-date-needed', notADate: 'first-visit-not-a-date', before: 'first-visit-before-discharge', tooEarly: 'first-visit-too-early', tooFarAhead: 'first-visit-too-far-ahead' });

  const fragile = fragileReasons(context, stay);
  const advice = trimmed(draft.feedingAndHandling);
  if (advice === '' && fragile.length > 0) problem('/feedingAndHandling', 'advice-needed');
  else if (advice.length > DISCHARGE_LIMITS.advice) problem('/feedingAndHandling', 'too-long');

  const sentFollowUps = draft.followUps ?? [];
  if (sentFollowUps.length > DISCHARGE_LIMITS.followUps) problem('/followUps', 'too-many-follow-ups');
  const followUps: FollowUp[] = sentFollowUps.slice(0, DISCHARGE_LIMITS.followUps).map((followUp, i) => {
    const at = `/followUps/${String(i)}`;
    return {
      what: text(followUp.what, `${at}/what`, 'follow-up-what-needed', DISCHARGE_LIMITS.what),
      where: text(followUp.where, `${at}/where`, 'follow-up-where-needed', DISCHARGE_LIMITS.where),
      on: dayFrom(followUp.on, `${at}/on`, { needed: 'follow-up-date-needed', notADate: 'follow-up-not-a-date', before: 'follow-up-before-discharge', tooEarly: 'follow-up-too-early', tooFarAhead: 'follow-up-too-far-ahead' }),
    };
  });

  const told = (sent: { toldOn?: string; toldBy?: string }, at: string): { toldOn: string; toldBy: string } => {
    const toldOn = trimmed(sent.toldOn);
    const wrong = happenedDayProblem(toldOn, today);
    if (toldOn === '') problem(`${at}/toldOn`, 'told-date-needed');
    else if (wrong === 'not-a-date') problem(`${at}/toldOn`, 'told-not-a-date');
    else if (wrong === 'too-early') problem(`${at}/toldOn`, 'told-too-early');
    else if (wrong === 'in-future') problem(`${at}/toldOn`, 'told-in-future');
    const toldBy = text(sent.toldBy, `${at}/toldBy`, 'told-by-needed', DISCHARGE_LIMITS.name);
    return { toldOn, toldBy };
  };

  let socialWorker: SocialWorkerTold | null = null;
  const socialStatus = trimmed(draft.socialWorker.status);
  if (socialStatus === 'told') socialWorker = { status: 'told', ...told(draft.socialWorker, '/socialWorker') };
  else if (socialStatus === 'no-social-worker') {
    if (context.teamHasSocialWorker) problem('/socialWorker/status', 'social-worker-on-team');
    else socialWorker = { status: 'no-social-worker' };
  } else problem('/socialWorker/status', 'social-worker-needed');

  let gp: GpTold | null = null;
  const gpStatus = trimmed(draft.gp.status);
  if (gpStatus === 'told') gp = { status: 'told', ...told(draft.gp, '/gp') };
  else if (gpStatus === 'not-yet-told') gp = { status: 'not-yet-told' };
  else problem('/gp/status', 'gp-needed');

  const sentAttendees = draft.attendees ?? [];
  if (sentAttendees.length > DISCHARGE_LIMITS.attendees) problem('/attendees', 'too-many-people');
  const attendees: Attendee[] = sentAttendees.slice(0, DISCHARGE_LIMITS.attendees).flatMap((person, i) => {
    const name = text(person.name, `/attendees/${String(i)}/name`, 'name-needed', DISCHARGE_LIMITS.name);
    const agency = trimmed(person.agency);
    if (!isOrganisationKind(agency)) {
      problem(`/attendees/${String(i)}/agency`, 'unknown-agency');
      return [];
    }
    return [{ name, agency }];
  });

  if (problems.length > 0 || !stay || !isOrganisationKind(visitAgency) || !socialWorker || !gp) return { ok: false, problems };
  return {
    ok: true,
    plan: {
      stay,
      dischargeOn,
      firstVisit: { agency: visitAgency, name: visitName, by: visitBy },
      ...(advice !== '' ? { feedingAndHandling: advice } : {}),
      followUps,
      socialWorker,
      gp,
      attendees,
      fragile,
    },
  };
}

export type DischargeNoteCode = 'first-visit-late' | 'social-worker-told-after-discharge' | 'gp-not-yet-told' | 'no-follow-up' | 'first-visit-not-recorded';

export interface DischargeNote {
  code: DischargeNoteCode;
  text: string;
}

/** The last day a first home visit is in time: FIRST_VISIT_WITHIN_WORKING_DAYS working days after the discharge. */
export const firstVisitDueBy = (dischargeOn: string): string => addWorkingDays(dischargeOn, FIRST_VISIT_WITHIN_WORKING_DAYS);

/**
 * What a page notes about a recorded plan, in the order it shows them; none when it is as it should
 * be. Allowed but worth saying: a first home visit planned later than two working days after the
 * discharge, the social worker told only after the discharge, the GP not yet told, no follow-up for
 * a fragile baby; and, once the day for the first home visit has passed, no home visit seeing the
 * baby recorded since the discharge (`homeVisitsSeen`: the days of home visits that saw the baby).
 */
export function dischargePlanNotes(plan: DischargePlan, today: string, homeVisitsSeen: readonly string[]): DischargeNote[] {
  const notes: DischargeNote[] = [];
  const dueBy = firstVisitDueBy(plan.dischargeOn);
  if (dueBy !== '' && plan.firstVisit.by > dueBy) {
    notes.push({ code: 'first-visit-late', text: `The first home visit is planned later than ${FIRST_VISIT_WITHIN_WORKING_DAYS} working days after the discharge.` });
  }
  if (plan.socialWorker.status === 'told' && plan.socialWorker.toldOn > plan.dischargeOn) {
    notes.push({ code: 'social-worker-told-after-discharge', text: 'The social worker was told only after the discharge.' });
  }
  if (plan.gp.status === 'not-yet-told') notes.push({ code: 'gp-not-yet-told', text: 'The GP has not been told of the discharge yet.' });
  if (plan.followUps.length === 0 && plan.fragile.length > 0) notes.push({ code: 'no-follow-up', text: 'No follow-up appointment is recorded for a fragile baby.' });
  if (today > plan.firstVisit.by && !homeVisitsSeen.some((day) => day >= plan.dischargeOn && day <= today)) {
    notes.push({ code: 'first-visit-not-recorded', text: 'The day for the first home visit has passed and no home visit that saw the baby is recorded since the discharge.' });
  }
  return notes;
}

/** The chronology entry's summary, in plain words. */
export function dischargePlanSummary(plan: DischargePlan): string {
  const parts = [
    `Discharge plan for leaving ${STAY_KIND_LABELS[plan.stay]} on ${dayInWords(plan.dischargeOn)}`,
    `first seen at home by ${plan.firstVisit.name} (${ORGANISATION_KINDS[plan.firstVisit.agency]}) by ${dayInWords(plan.firstVisit.by)}`,
    plan.feedingAndHandling ? 'feeding and handling advice given' : 'no feeding and handling advice recorded',
    plan.followUps.length === 0 ? 'no follow-up appointments' : `${plan.followUps.length} follow-up ${plan.followUps.length === 1 ? 'appointment' : 'appointments'}`,
    plan.socialWorker.status === 'told' ? `social worker told on ${dayInWords(plan.socialWorker.toldOn)} by ${plan.socialWorker.toldBy}` : 'no social worker on the team',
    plan.gp.status === 'told' ? `GP told on ${dayInWords(plan.gp.toldOn)}` : 'GP not yet told',
  ];
  return `${parts.join('; ')}.`;
}
