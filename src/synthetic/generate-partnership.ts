// A synthetic partnership, deterministic for a seed and a day: its staff, then its families one at
// a time (each from its own random stream, so a family never depends on the ones before it and
// any number can be streamed without holding the rest).
import type { CaseLevel } from '../domain/shared/case-levels.ts';
import type { OrganisationKind } from '../domain/shared/organisation-kinds.ts';
import { createRandom, deriveSeed } from '../domain/shared/seeded-random.ts';
import { addDays, daysFrom } from '../domain/shared/calendar-date.ts';
import { momentOn } from './synthetic-days.ts';
import { syntheticChronology } from './synthetic-chronology.ts';
import { syntheticGrowth } from './synthetic-growth.ts';
import { syntheticHousehold } from './synthetic-household.ts';
import { PER_FAMILY, syntheticId, syntheticNhsNumber } from './synthetic-ids.ts';
import { syntheticAssessments } from './synthetic-profile.ts';
import { familyWorker, planStaff, syntheticOrganisations, syntheticUsers, type StaffPlan } from './synthetic-staff.ts';
import type { SyntheticFamily, SyntheticOptions, SyntheticOrganisation, SyntheticTeamMember, SyntheticUser } from './synthetic.types.ts';

export const ESCALATING_SHARE = 0.05;
/** Mixed with the seed and a family's index: the family's weights have their own random stream, so adding them changed no other row. */
const GROWTH_STREAM = 0x67726f77;

const MEMBER_KINDS: readonly OrganisationKind[] = ['gp', 'hospital', 'childrens-social-care', 'police', 'housing', 'adult-mental-health', 'substance-misuse', 'early-help', 'education'];

function chooseTeam(random: ReturnType<typeof createRandom>, staff: StaffPlan, index: number, lead: OrganisationKind, escalating: boolean): SyntheticTeamMember[] {
  const candidates = MEMBER_KINDS.filter((kind) => kind !== lead);
  const kinds = new Set<OrganisationKind>(escalating ? candidates.filter((kind) => kind === 'police' || kind === 'childrens-social-care') : []);
  const members = random.int(1, 4);
  while (kinds.size < members) kinds.add(random.pick(candidates));
  return [
    { userId: familyWorker(staff, lead, index).user.id, role: 'lead-professional' },
    ...[...kinds].map((kind) => ({ userId: familyWorker(staff, kind, index).user.id, role: 'member' as const })),
  ];
}

export function syntheticFamily(options: SyntheticOptions, staff: StaffPlan, index: number): SyntheticFamily {
  const random = createRandom(deriveSeed(options.seed, index));
  const escalating = random.chance(ESCALATING_SHARE);
  const level: CaseLevel = escalating
    ? random.pick(['child-in-need', 'child-protection'] as const)
    : random.weighted({ universal: 72, 'early-help': 18, 'child-in-need': 7, 'child-protection': 3 });
  const household = syntheticHousehold(random, options.today, level);
  const rowNumber = (n: number) => index * PER_FAMILY + n;
  const people = household.people.map((person, n) => ({ ...person, id: syntheticId(options.seed, 'person', rowNumber(n)) }));
  const born = household.record.status === 'born';
  const leadKind: OrganisationKind = level === 'child-in-need' || level === 'child-protection' ? 'childrens-social-care' : born ? 'health-visiting' : 'midwifery';
  const lead = familyWorker(staff, leadKind, index);
  const bookingWeeks = random.chance(0.85) ? random.int(8, 12) : random.int(13, 24);
  // An unborn baby booked late may not be booked yet by today: book them last week instead.
  const latestBooking = Math.floor(daysFrom(household.pregnancyStart, addDays(options.today, -7)) / 7);
  const booking = Math.max(4, Math.min(bookingWeeks, latestBooking));
  const createdOn = addDays(household.pregnancyStart, booking * 7);
  let entryNumber = 0;
  let evidenceNumber = 0;
  const entries = syntheticChronology({
    random,
    today: options.today,
    pregnancyStart: household.pregnancyStart,
    bookingWeeks: booking,
    dateOfBirth: household.record.dateOfBirth,
    gestationAtBirthWeeks: household.record.gestationAtBirthWeeks,
    escalating,
    intensity: (escalating ? 1.3 : 1) * (0.6 + random.next() * 0.8),
    people,
    worker: (kind) => familyWorker(staff, kind, index),
    nextId: () => syntheticId(options.seed, 'entry', rowNumber(entryNumber++)),
  });
  const stage = random.weighted({ none: 40, partial: 40, complete: 20 });
  const assessedOn = addDays(options.today, -random.int(1, 30));
  const assessments = syntheticAssessments({
    random,
    stage: assessedOn < createdOn ? 'none' : stage,
    escalating,
    people,
    assessor: lead,
    at: momentOn(assessedOn, random.int(60, 480)),
    nextEvidenceId: () => syntheticId(options.seed, 'evidence', rowNumber(evidenceNumber++)),
  });
  let measurementNumber = 0;
  const measurements = syntheticGrowth({
    random: createRandom(deriveSeed(options.seed, index, GROWTH_STREAM)),
    today: options.today,
    record: household.record,
    worker: (kind) => familyWorker(staff, kind, index),
    nextId: () => syntheticId(options.seed, 'measurement', rowNumber(measurementNumber++)),
  });
  return {
    index,
    escalating,
    record: {
      ...household.record,
      id: syntheticId(options.seed, 'case', index),
      nhsNumber: born ? syntheticNhsNumber(options.seed, index) : null,
      level,
      createdBy: lead.user.id,
      createdAt: momentOn(createdOn, 0),
    },
    people,
    relationships: household.relationships.map((r, n) => ({ id: syntheticId(options.seed, 'relationship', rowNumber(n)), personId: people[r.from]!.id, otherPersonId: people[r.to]!.id, kind: r.kind })),
    team: chooseTeam(random, staff, index, leadKind, escalating),
    assessments,
    entries,
    measurements,
  };
}

export function* syntheticFamilies(options: SyntheticOptions): Generator<SyntheticFamily> {
  const staff = planStaff(options);
  for (let index = 0; index < options.infants; index++) yield syntheticFamily(options, staff, index);
}

export interface SyntheticPartnership {
  organisations(): Generator<SyntheticOrganisation>;
  users(): Generator<SyntheticUser>;
  families(): Generator<SyntheticFamily>;
}

/** Each part is generated afresh on every call, the same rows every time. */
export function syntheticPartnership(options: SyntheticOptions): SyntheticPartnership {
  const staff = planStaff(options);
  return {
    organisations: () => syntheticOrganisations(staff),
    users: () => syntheticUsers(staff),
    families: () => syntheticFamilies(options),
  };
}
