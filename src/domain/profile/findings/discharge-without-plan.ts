// High: a baby went home from hospital or a neonatal unit, a social worker is in the team around
// the family, and no discharge plan is recorded for that stay (docs/profile-catalogue.md,
// `discharge-without-plan`). The NSPCC's "Infants: learning from case reviews" (2018) asks for a
// multi-disciplinary discharge plan for premature babies; Infant 2 of the Derby and Derbyshire
// review (sections 5.19 to 5.23) was readmitted and discharged again without the social worker
// being told. Only the latest discharge matters: a plan for an earlier stay does not cover it.
import { addDays, dayInWords, dayOf } from '../../shared/calendar-date.ts';
import type { EventKindId } from '../../catalogue/event-kinds.ts';
import type { ProfileEvent } from '../profile.types.ts';
import { babyName, makeFinding, type FindingRule } from './rule-context.ts';
import { capitalise } from '../plain-words.ts';

/** With no admission recorded, a discharge plan this many days before the discharge counts for the stay. */
export const STAY_WITHOUT_ADMISSION_DAYS = 28;

const DISCHARGES: ReadonlySet<EventKindId> = new Set(['hospital-discharge', 'neonatal-discharge']);
const ADMISSIONS: ReadonlySet<EventKindId> = new Set(['hospital-admission', 'neonatal-admission']);
const SOCIAL_CARE = 'childrens-social-care';

interface Dated {
  event: ProfileEvent;
  day: string;
}

/** The last of `items` by day; of two on the same day, the later in the chronology. */
function latest(items: readonly Dated[]): Dated | undefined {
  return items.reduce<Dated | undefined>((last, item) => (last === undefined || item.day >= last.day ? item : last), undefined);
}

export const dischargeWithoutPlan: FindingRule = (context) => {
  if (context.infant.status !== 'born' || !context.teamAgencies.has(SOCIAL_CARE)) return null;
  const bornOn = dayOf(context.infant.dateOfBirth);
  // What has happened by today, in the chronology's order.
  const dated = context.events.flatMap((event): Dated[] => {
    const day = dayOf(event.occurredAt);
    return day !== null && day <= context.today ? [{ event, day }] : [];
  });
  // The baby's stays: a discharge before the birth was the mother's (an antenatal stay).
  const discharges = dated.filter((d) => DISCHARGES.has(d.event.kind) && (bornOn === null || d.day >= bornOn));
  const discharge = latest(discharges);
  if (discharge === undefined) return null;
  const earlier = latest(discharges.filter((d) => d.day < discharge.day));
  // The stay's admission: the latest one up to the discharge, not before the stay before it ended.
  const admission = latest(dated.filter((d) => ADMISSIONS.has(d.event.kind) && d.day <= discharge.day && (earlier === undefined || d.day >= earlier.day)));
  const windowFrom = addDays(discharge.day, -STAY_WITHOUT_ADMISSION_DAYS);
  const from = admission?.day ?? (earlier !== undefined && earlier.day >= windowFrom ? addDays(earlier.day, 1) : windowFrom);
  if (dated.some((d) => d.event.kind === 'discharge-plan' && d.day >= from)) return null;

  const baby = capitalise(babyName(context.infant));
  const place = discharge.event.kind === 'neonatal-discharge' ? 'a neonatal unit' : 'hospital';
  const left = `${baby} went home from ${place} on ${dayInWords(discharge.day)}`;
  const stay = admission === undefined ? null : `${admission.event.kind === 'neonatal-admission' ? 'Admitted to a neonatal unit' : 'Admitted to hospital'} on ${dayInWords(admission.day)}${earlier !== undefined ? `, after an earlier stay that ended on ${dayInWords(earlier.day)}` : ''}`;
  const facts = [
    left,
    ...(stay === null ? [] : [stay]),
    "Children's social care is in the team around the family",
    admission === undefined ? `No discharge plan is recorded from ${dayInWords(from)}` : 'No discharge plan is recorded for this stay',
  ];
  return makeFinding('discharge-without-plan', {
    facts,
    factorIds: discharge.event.kind === 'neonatal-discharge' ? ['neonatal-unit-stay'] : [],
    personIds: [],
    rationale: `${left} with no discharge plan recorded for the stay, and a social worker in the team around the family.`,
  });
};
