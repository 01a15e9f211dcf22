// What the NHS number lookup says of a baby's child protection status, as the NHS child protection
// information sharing service (CP-IS) tells an emergency department or a GP: whether the baby (born
// or unborn) has a child protection plan now and since when, when the latest plan ended if none
// runs now, and whether the baby is looked after. Pure: the case's level and its conferences (from
// the meetings page) come in.
// - The plan is the conferences' (protectionPlanIn, as the census return and the clocks read them):
//   a conference keeps or makes a plan unless it records none, and a later one may end it.
// - A case at the child protection level has a plan even when no conference is recorded (its start
//   then not known): the team set that level, and saying "no plan" wrongly is the worse mistake.
import { protectionPlanIn, type CensusConference } from '../reports/cin-census-return.ts';

export interface ProtectionStatus {
  /** The baby has a child protection plan now. */
  childProtectionPlan: boolean;
  /** The day the current plan began (its conference); null when there is none now, or it is not recorded. */
  planStartedOn: string | null;
  /** With no plan now: the day the latest plan ended (its conference); else null. */
  latestPlanEndedOn: string | null;
  /** The baby is looked after by the local authority (the case's level). */
  lookedAfter: boolean;
}

/** Since the first day there could be a conference: every plan up to today. */
const EVER = '0001-01-01';

export function protectionStatusOf(level: string, conferences: readonly CensusConference[], today: string): ProtectionStatus {
  const latest = protectionPlanIn(conferences, { from: EVER, to: today });
  const running = latest !== null && latest.endedOn === null;
  const childProtectionPlan = running || level === 'child-protection';
  return {
    childProtectionPlan,
    planStartedOn: running ? latest.startedOn : null,
    latestPlanEndedOn: !childProtectionPlan && latest !== null ? latest.endedOn : null,
    lookedAfter: level === 'looked-after',
  };
}
