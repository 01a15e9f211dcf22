// The baby and the people around the baby: a mother always; a father known in most families, not
// in some; sometimes a partner of the mother, a grandparent who visits, an adult nobody has
// identified; brothers and sisters, some under two.
import type { CaseLevel } from '../domain/shared/case-levels.ts';
import type { PersonRelationshipKind } from '../domain/people/relationships.ts';
import type { Random } from '../domain/shared/seeded-random.ts';
import { addDays } from '../domain/shared/calendar-date.ts';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from './synthetic-names.ts';
import type { SyntheticCase, SyntheticPerson } from './synthetic.types.ts';

export const UNBORN_SHARE = 0.15;

export interface Household {
  record: Omit<SyntheticCase, 'id' | 'nhsNumber' | 'createdBy' | 'createdAt' | 'level'>;
  /** The first day of the last menstrual period: pregnancy weeks count from it. */
  pregnancyStart: string;
  people: Omit<SyntheticPerson, 'id'>[];
  /** By index in `people`. */
  relationships: { from: number; to: number; kind: PersonRelationshipKind }[];
}

const bornOn = (today: string, years: number, random: Random) => addDays(today, -Math.round(years * 365.25) - random.int(0, 364));

function adult(overrides: Partial<SyntheticPerson> & Pick<SyntheticPerson, 'relationship'>): Omit<SyntheticPerson, 'id'> {
  return {
    givenName: null,
    familyName: null,
    dateOfBirth: null,
    sex: null,
    livesInHousehold: true,
    caresForInfant: true,
    visitsRegularly: false,
    parentalResponsibility: null,
    paternityConfirmed: null,
    identityKnown: true,
    description: null,
    historyChecked: false,
    ...overrides,
  };
}

function baby(random: Random, today: string, familyName: string): Pick<Household, 'record' | 'pregnancyStart'> {
  if (random.chance(UNBORN_SHARE)) {
    // Booked at about 12 weeks, so due within 28 weeks.
    const expected = addDays(today, random.int(7, 196));
    return {
      pregnancyStart: addDays(expected, -280),
      record: { status: 'unborn', givenName: null, familyName, sex: null, dateOfBirth: null, expectedDeliveryDate: expected, gestationAtBirthWeeks: null, birthWeightGrams: null, multipleBirth: null, independentlyMobile: null },
    };
  }
  const ageDays = random.int(1, 365);
  const gestation = random.weighted({ term: 92, preterm: 6, veryPreterm: 2 });
  const weeks = gestation === 'term' ? random.int(37, 41) : gestation === 'preterm' ? random.int(32, 36) : random.int(26, 31);
  const dateOfBirth = addDays(today, -ageDays);
  const sex = random.chance(0.5) ? 'female' : 'male';
  return {
    pregnancyStart: addDays(dateOfBirth, -weeks * 7 - random.int(0, 6)),
    record: {
      status: 'born',
      givenName: random.pick(sex === 'female' ? FEMALE_NAMES : MALE_NAMES),
      familyName,
      sex,
      dateOfBirth,
      expectedDeliveryDate: null,
      gestationAtBirthWeeks: weeks,
      birthWeightGrams: Math.max(600, Math.round(3400 - (40 - weeks) * 180 + (random.next() - 0.5) * 900)),
      multipleBirth: random.chance(0.015),
      independentlyMobile: ageDays > 210 && random.chance(0.6),
    },
  };
}

export function syntheticHousehold(random: Random, today: string, level: CaseLevel): Household {
  const familyName = random.pick(FAMILY_NAMES);
  const people: Omit<SyntheticPerson, 'id'>[] = [];
  const relationships: Household['relationships'] = [];
  const checked = () => random.chance(level === 'universal' ? 0.9 : 0.75);
  const motherAge = random.chance(0.08) ? random.int(16, 19) : random.int(20, 42);
  people.push(adult({ relationship: 'mother', givenName: random.pick(FEMALE_NAMES), familyName, sex: 'female', dateOfBirth: bornOn(today, motherAge, random), parentalResponsibility: 'yes', historyChecked: checked() }));

  const father = random.weighted({ together: 60, apart: 22, unknown: 18 });
  let fatherIndex: number | null = null;
  if (father === 'unknown') {
    people.push(adult({ relationship: 'father', livesInHousehold: false, caresForInfant: false, identityKnown: false, description: 'Father not named by the mother' }));
  } else {
    fatherIndex = people.length;
    people.push(
      adult({
        relationship: 'father',
        givenName: random.pick(MALE_NAMES),
        familyName: father === 'together' ? familyName : random.pick(FAMILY_NAMES),
        sex: 'male',
        dateOfBirth: bornOn(today, motherAge + random.int(-2, 8), random),
        livesInHousehold: father === 'together',
        caresForInfant: father === 'together' || random.chance(0.5),
        visitsRegularly: father === 'apart' && random.chance(0.6),
        parentalResponsibility: 'yes',
        paternityConfirmed: random.chance(0.9) ? 'yes' : 'no',
        historyChecked: checked(),
      }),
    );
    relationships.push({ from: 0, to: fatherIndex, kind: father === 'together' ? 'partners' : random.pick(['separated', 'ex-partners'] as const) });
  }
  if (father !== 'together' && random.chance(0.3)) {
    const named = random.chance(0.7);
    relationships.push({ from: 0, to: people.length, kind: 'partners' });
    people.push(
      adult(
        named
          ? { relationship: 'mothers-partner', givenName: random.pick(MALE_NAMES), familyName: random.pick(FAMILY_NAMES), sex: 'male', dateOfBirth: bornOn(today, motherAge + random.int(-3, 10), random), historyChecked: checked() }
          : { relationship: 'mothers-partner', identityKnown: false, description: "Mother's new partner, name not known" },
      ),
    );
  }
  if (random.chance(0.04)) {
    people.push(adult({ relationship: 'unknown', livesInHousehold: false, caresForInfant: false, visitsRegularly: true, identityKnown: false, description: 'A man seen at the home more than once' }));
  }
  if (random.chance(0.3)) {
    relationships.push({ from: people.length, to: 0, kind: 'parent-of' });
    people.push(adult({ relationship: 'grandparent', givenName: random.pick(FEMALE_NAMES), familyName, sex: 'female', dateOfBirth: bornOn(today, motherAge + random.int(19, 30), random), livesInHousehold: false, caresForInfant: false, visitsRegularly: true, historyChecked: checked() }));
  }
  const siblings = Number(random.weighted({ '0': 45, '1': 33, '2': 15, '3': 7 }));
  for (let s = 0; s < siblings; s++) {
    const full = fatherIndex !== null && random.chance(0.7);
    const sex = random.chance(0.5) ? 'female' : 'male';
    const age = random.chance(0.3) ? 1 : random.int(2, Math.max(2, Math.min(15, motherAge - 16)));
    relationships.push({ from: 0, to: people.length, kind: 'parent-of' });
    if (full) relationships.push({ from: fatherIndex!, to: people.length, kind: 'parent-of' });
    people.push({
      ...adult({ relationship: full ? 'sibling' : 'half-sibling', givenName: random.pick(sex === 'female' ? FEMALE_NAMES : MALE_NAMES), familyName, sex, dateOfBirth: bornOn(today, age, random) }),
      caresForInfant: false,
    });
  }
  return { ...baby(random, today, familyName), people, relationships };
}
