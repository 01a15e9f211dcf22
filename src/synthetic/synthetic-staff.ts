// The partnership's agencies and staff: about one organisation of every kind per 1,000 infants,
// enough practitioners in each for caseloads of about 40, a safeguarding lead and a manager in
// each, and an administrator in every tenth children's social care organisation. A family's
// organisation and practitioner of each kind follow from its index, so no lookup is needed.
import { ORGANISATION_KINDS, type OrganisationKind } from '../domain/shared/organisation-kinds.ts';
import type { Role } from '../domain/shared/roles.ts';
import { createRandom, deriveSeed } from '../domain/shared/seeded-random.ts';
import { syntheticId } from './synthetic-ids.ts';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, PLACE_NAMES } from './synthetic-names.ts';
import type { SyntheticOptions, SyntheticOrganisation, SyntheticUser } from './synthetic.types.ts';

export const ORGANISATION_KIND_IDS = Object.keys(ORGANISATION_KINDS) as OrganisationKind[];

const INFANTS_PER_ORGANISATION = 1_000;
const CASELOAD = 40;
/** Practitioners, then the safeguarding lead, the manager and a possible administrator. */
const STAFF_AFTER_PRACTITIONERS = 3;

export interface StaffPlan {
  seed: number;
  organisationsPerKind: number;
  practitionersPerOrganisation: number;
}

export function planStaff(options: Pick<SyntheticOptions, 'infants' | 'seed'>): StaffPlan {
  const organisationsPerKind = Math.max(1, Math.round(options.infants / INFANTS_PER_ORGANISATION));
  const practitionersPerOrganisation = Math.max(2, Math.ceil(options.infants / organisationsPerKind / CASELOAD));
  return { seed: options.seed, organisationsPerKind, practitionersPerOrganisation };
}

function organisationNumber(plan: StaffPlan, kind: OrganisationKind, k: number): number {
  return ORGANISATION_KIND_IDS.indexOf(kind) * plan.organisationsPerKind + k;
}

function userNumber(plan: StaffPlan, organisation: number, slot: number): number {
  return organisation * (plan.practitionersPerOrganisation + STAFF_AFTER_PRACTITIONERS) + slot;
}

function organisationName(plan: StaffPlan, kind: OrganisationKind, k: number): string {
  const place = PLACE_NAMES[k % PLACE_NAMES.length]!;
  const area = k < PLACE_NAMES.length ? place : `${place} ${String(Math.floor(k / PLACE_NAMES.length) + 1)}`;
  // The seed in the name keeps generations with different seeds apart (names are unique).
  return `${area} ${ORGANISATION_KINDS[kind]} (synthetic ${String(plan.seed)})`;
}

function userName(plan: StaffPlan, n: number): string {
  const random = createRandom(deriveSeed(plan.seed, 0x57aff, n));
  return `${random.pick(random.chance(0.8) ? FEMALE_NAMES : MALE_NAMES)} ${random.pick(FAMILY_NAMES)}`;
}

function userEmail(plan: StaffPlan, role: Role, n: number): string {
  return `${role}.${String(n)}@s${String(plan.seed)}.synthetic.example`;
}

/** The first health visitor's email: a practitioner who leads born babies' records, someone to sign in as. */
export function firstHealthVisitorEmail(options: Pick<SyntheticOptions, 'infants' | 'seed'>): string {
  const plan = planStaff(options);
  return userEmail(plan, 'practitioner', userNumber(plan, organisationNumber(plan, 'health-visiting', 0), 0));
}

export interface FamilyWorker {
  organisation: SyntheticOrganisation;
  user: { id: string; name: string };
}

/** The organisation of a kind serving a family, and the practitioner there who works with it. */
export function familyWorker(plan: StaffPlan, kind: OrganisationKind, familyIndex: number): FamilyWorker {
  const k = familyIndex % plan.organisationsPerKind;
  const organisation = organisationNumber(plan, kind, k);
  const slot = Math.floor(familyIndex / plan.organisationsPerKind) % plan.practitionersPerOrganisation;
  const n = userNumber(plan, organisation, slot);
  return {
    organisation: { id: syntheticId(plan.seed, 'organisation', organisation), name: organisationName(plan, kind, k), kind },
    user: { id: syntheticId(plan.seed, 'user', n), name: userName(plan, n) },
  };
}

export function* syntheticOrganisations(plan: StaffPlan): Generator<SyntheticOrganisation> {
  for (const kind of ORGANISATION_KIND_IDS) {
    for (let k = 0; k < plan.organisationsPerKind; k++) {
      yield { id: syntheticId(plan.seed, 'organisation', organisationNumber(plan, kind, k)), name: organisationName(plan, kind, k), kind };
    }
  }
}

function slotRole(plan: StaffPlan, kind: OrganisationKind, k: number, slot: number): Role | null {
  if (slot < plan.practitionersPerOrganisation) return 'practitioner';
  if (slot === plan.practitionersPerOrganisation) return 'safeguarding-lead';
  if (slot === plan.practitionersPerOrganisation + 1) return 'manager';
  return kind === 'childrens-social-care' && k % 10 === 0 ? 'admin' : null;
}

export function* syntheticUsers(plan: StaffPlan): Generator<SyntheticUser> {
  for (const kind of ORGANISATION_KIND_IDS) {
    for (let k = 0; k < plan.organisationsPerKind; k++) {
      const organisation = organisationNumber(plan, kind, k);
      for (let slot = 0; slot < plan.practitionersPerOrganisation + STAFF_AFTER_PRACTITIONERS; slot++) {
        const role = slotRole(plan, kind, k, slot);
        if (role === null) continue;
        const n = userNumber(plan, organisation, slot);
        yield {
          id: syntheticId(plan.seed, 'user', n),
          organisationId: syntheticId(plan.seed, 'organisation', organisation),
          email: userEmail(plan, role, n),
          name: userName(plan, n),
          role,
        };
      }
    }
  }
}
