// The factors that fill themselves from the record (prematurity, low birth weight, multiple birth,
// faltering growth, sibling under two, young parent, identity unknown). Never stored by hand: the record wins.
import { isChildRelationship } from '../people/relationships.ts';
import { isPreterm } from '../people/age.ts';
import { ageInYears, dayOf } from '../shared/calendar-date.ts';
import { isParent } from './profile-subjects.ts';
import { assessFalteringGrowth, type WeightUsed } from '../growth/faltering-growth.ts';
import { referenceSexOf } from '../growth/growth.types.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { FactorStatus } from '../catalogue/statuses.ts';
import type { Evidence, InfantFacts, ProfilePerson } from './profile.types.ts';
import type { HouseholdChildren } from '../people/household-children.ts';

export const VERY_PRETERM_BEFORE_WEEKS = 32;
export const LOW_BIRTH_WEIGHT_UNDER_GRAMS = 2500;
export const YOUNG_PARENT_UNDER_YEARS = 20;
export const SIBLING_UNDER_YEARS = 2;

export interface DerivedValue {
  status: FactorStatus;
  detail: string;
  evidence: readonly Evidence[];
}

function fromRecord(status: FactorStatus, detail: string, today: string): DerivedValue {
  if (status === 'not-assessed') return { status, detail, evidence: [] };
  // The record is another agency's system as far as verification goes: it is not the carer's word.
  const evidence: Evidence = {
    source: 'agency-record',
    note: detail,
    recordedAt: today,
    recordedBy: 'Infant Care Profile',
    agency: 'This record',
    indicates: status === 'present' ? 'present' : 'absent',
  };
  return { status, detail, evidence: [evidence] };
}

const known = (n: number | null): n is number => n !== null && Number.isFinite(n);

/** 2500 as "2,500", without depending on the runtime's locale data. */
function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function prematurity(infant: InfantFacts, today: string): DerivedValue {
  const weeks = infant.gestationAtBirthWeeks;
  if (infant.status === 'unborn') return fromRecord('not-assessed', 'Fills itself from the gestation at birth.', today);
  if (!known(weeks)) return fromRecord('not-assessed', 'Gestation at birth is not recorded.', today);
  if (!isPreterm(weeks)) return fromRecord('excluded', `Born at ${weeks} weeks.`, today);
  const very = weeks < VERY_PRETERM_BEFORE_WEEKS ? ' (very preterm)' : '';
  return fromRecord('present', `Born at ${weeks} weeks${very}.`, today);
}

function lowBirthWeight(infant: InfantFacts, today: string): DerivedValue {
  const grams = infant.birthWeightGrams;
  if (infant.status === 'unborn') return fromRecord('not-assessed', 'Fills itself from the birth weight.', today);
  if (!known(grams) || grams <= 0) return fromRecord('not-assessed', 'Birth weight is not recorded.', today);
  const weight = `${withThousands(Math.round(grams))} g`;
  return grams < LOW_BIRTH_WEIGHT_UNDER_GRAMS
    ? fromRecord('present', `Born weighing ${weight}.`, today)
    : fromRecord('excluded', `Born weighing ${weight}.`, today);
}

/** A weight the growth decision rests on, as evidence: who measured it, and its chronology entry when it came with one. */
function weightEvidence(weight: WeightUsed, indicates: 'present' | 'absent'): Evidence {
  const { measurement } = weight;
  return {
    source: 'agency-record',
    note: `Weight ${weight.words}.`,
    recordedAt: measurement.measuredOn,
    recordedBy: measurement.recordedBy,
    agency: measurement.agency,
    indicates,
    ...(measurement.entryId ? { eventId: measurement.entryId } : {}),
  };
}

/** From the weights recorded, read against the UK-WHO centiles (domain/growth/faltering-growth.ts). */
function falteringGrowth(infant: InfantFacts): DerivedValue {
  if (infant.status === 'unborn') return { status: 'not-assessed', detail: 'Fills itself from the weights recorded after the birth.', evidence: [] };
  const growth = assessFalteringGrowth({
    dateOfBirth: dayOf(infant.dateOfBirth),
    gestationAtBirthWeeks: known(infant.gestationAtBirthWeeks) ? infant.gestationAtBirthWeeks : null,
    sex: referenceSexOf(infant.sex),
    birthWeightGrams: known(infant.birthWeightGrams) ? infant.birthWeightGrams : null,
    measurements: infant.measurements ?? [],
  });
  if (growth.status === 'not-assessed') return { status: 'not-assessed', detail: growth.detail, evidence: [] };
  if (growth.status === 'excluded') return { status: 'excluded', detail: growth.detail, evidence: growth.weights.map((w) => weightEvidence(w, 'absent')) };
  const weights = [...new Map(growth.findings.flatMap((f) => f.weights).map((w) => [w.measurement.id, w])).values()];
  return { status: 'present', detail: growth.findings.map((f) => f.detail).join(' '), evidence: weights.map((w) => weightEvidence(w, 'present')) };
}

function multipleBirth(infant: InfantFacts, today: string): DerivedValue {
  if (infant.multipleBirth === true) return fromRecord('present', 'Twins or more.', today);
  if (infant.multipleBirth === false) return fromRecord('excluded', 'A single baby.', today);
  return fromRecord('not-assessed', 'Whether this is a multiple birth is not recorded.', today);
}

/** The answer to "who are the other children at home?" as evidence that none is under two. */
function answerEvidence(answer: HouseholdChildren, note: string): Evidence {
  return {
    source: answer.source,
    note,
    recordedAt: answer.recordedAt,
    recordedBy: answer.recordedBy,
    agency: answer.agency,
    indicates: 'absent',
    ...(answer.givenBy ? { givenBy: answer.givenBy } : {}),
  };
}

/**
 * Siblings' ages at the birth for an unborn baby (the expected date), otherwise today. An empty list
 * is not evidence: without the answer to who the children at home are, no child recorded under two
 * leaves it open (docs/domain.md, "Another child under two at home").
 */
function siblingUnderTwo(infant: InfantFacts, people: readonly ProfilePerson[], today: string): DerivedValue {
  const on = (infant.status === 'unborn' ? dayOf(infant.expectedDeliveryDate) : null) ?? today;
  const siblings = people.filter((p) => isChildRelationship(p.relationshipToInfant) && p.livesInHousehold);
  const young = siblings.filter((p) => {
    const dob = dayOf(p.dateOfBirth);
    return dob !== null && ageInYears(dob, on) < SIBLING_UNDER_YEARS;
  });
  if (young.length > 0) return fromRecord('present', `${young.map((p) => p.name).join(', ')}: under two.`, today);
  const unknownAge = siblings.filter((p) => dayOf(p.dateOfBirth) === null);
  if (unknownAge.length > 0) {
    return fromRecord('not-assessed', `Date of birth not recorded for ${unknownAge.map((p) => p.name).join(', ')}.`, today);
  }
  const answer = infant.householdChildren ?? null;
  if (answer === null) {
    return fromRecord('not-assessed', siblings.length
      ? `No child recorded at home is under two, but it is not yet known whether ${siblings.map((p) => p.name).join(', ')} ${siblings.length === 1 ? 'is the only other child' : 'are all the other children'} living with the baby: record that, or add the others.`
      : 'Not yet known whether other children live with the baby: record them, or that there are none.', today);
  }
  if (answer.answer === 'none' && siblings.length > 0) {
    // The answer was given before a child at home was added: it no longer says who the children are.
    return fromRecord('not-assessed', `Recorded that no other child lives with the baby, but ${siblings.map((p) => p.name).join(', ')} ${siblings.length === 1 ? 'does' : 'do'}: record again who the children at home are.`, today);
  }
  const detail = siblings.length === 0 ? 'No other child lives with the baby.' : 'No other child living with the baby is under two, and all of them are recorded.';
  return { status: 'excluded', detail, evidence: [answerEvidence(answer, detail)] };
}

/** Under 20 at the birth; for an unborn baby, under 20 today. Parents only. */
function youngParent(person: ProfilePerson, infant: InfantFacts, today: string): DerivedValue {
  if (!isParent(person)) return fromRecord('excluded', 'Not a parent of this baby.', today);
  const dob = dayOf(person.dateOfBirth);
  if (dob === null) return fromRecord('not-assessed', 'Date of birth is not recorded.', today);
  const birth = infant.status === 'born' ? dayOf(infant.dateOfBirth) : today;
  if (birth === null) return fromRecord('not-assessed', "The baby's date of birth is not recorded.", today);
  const age = ageInYears(dob, birth);
  const when = infant.status === 'born' ? 'at the birth' : 'now';
  return age < YOUNG_PARENT_UNDER_YEARS
    ? fromRecord('present', `Aged ${age} ${when}.`, today)
    : fromRecord('excluded', `Aged ${age} ${when}.`, today);
}

function identityUnknown(person: ProfilePerson, today: string): DerivedValue {
  if (!person.identityKnown && !person.historyChecked) return fromRecord('present', 'Identity not known; history not checked.', today);
  if (!person.identityKnown) return fromRecord('present', 'Identity not known.', today);
  if (!person.historyChecked) return fromRecord('present', 'History not checked.', today);
  return fromRecord('excluded', 'Identity known and history checked.', today);
}

export function deriveInfantFactors(infant: InfantFacts, people: readonly ProfilePerson[], today: string): ReadonlyMap<FactorId, DerivedValue> {
  return new Map<FactorId, DerivedValue>([
    ['prematurity', prematurity(infant, today)],
    ['low-birth-weight', lowBirthWeight(infant, today)],
    ['multiple-birth', multipleBirth(infant, today)],
    ['faltering-growth', falteringGrowth(infant)],
    ['sibling-under-two', siblingUnderTwo(infant, people, today)],
  ]);
}

export function deriveAdultFactors(person: ProfilePerson, infant: InfantFacts, today: string): ReadonlyMap<FactorId, DerivedValue> {
  return new Map<FactorId, DerivedValue>([
    ['young-parent', youngParent(person, infant, today)],
    ['identity-unknown', identityUnknown(person, today)],
  ]);
}
