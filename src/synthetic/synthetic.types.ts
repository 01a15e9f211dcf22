// The plain rows a synthetic partnership is made of, one interface per kind of record. Dates are
// ISO days (YYYY-MM-DD), moments ISO date-times; a loader maps them onto its tables.
import type { EventKindId } from '../domain/catalogue/event-kinds.ts';
import type { EvidenceSource } from '../domain/catalogue/evidence-sources.ts';
import type { FactorId } from '../domain/catalogue/factor-ids.ts';
import type { CaseLevel } from '../domain/shared/case-levels.ts';
import type { OrganisationKind } from '../domain/shared/organisation-kinds.ts';
import type { YesNoNotKnown } from '../domain/people/person-rules.ts';
import type { PersonRelationshipKind, RelationshipToInfant } from '../domain/people/relationships.ts';
import type { Role } from '../domain/shared/roles.ts';

export interface SyntheticOptions {
  infants: number;
  seed: number;
  /** YYYY-MM-DD: every date generated is before it, babies are due after it. */
  today: string;
}

export interface SyntheticOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface SyntheticUser {
  id: string;
  organisationId: string;
  email: string;
  name: string;
  role: Role;
}

export interface SyntheticCase {
  id: string;
  status: 'unborn' | 'born';
  givenName: string | null;
  familyName: string;
  sex: 'female' | 'male' | null;
  nhsNumber: string | null;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  gestationAtBirthWeeks: number | null;
  birthWeightGrams: number | null;
  multipleBirth: boolean | null;
  independentlyMobile: boolean | null;
  level: CaseLevel;
  createdBy: string;
  /** When the case was opened: the first contact. */
  createdAt: string;
}

export interface SyntheticPerson {
  id: string;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  sex: 'female' | 'male' | null;
  relationship: RelationshipToInfant;
  livesInHousehold: boolean;
  caresForInfant: boolean;
  visitsRegularly: boolean;
  parentalResponsibility: YesNoNotKnown | null;
  paternityConfirmed: YesNoNotKnown | null;
  identityKnown: boolean;
  description: string | null;
  historyChecked: boolean;
}

export interface SyntheticRelationship {
  id: string;
  personId: string;
  otherPersonId: string;
  kind: PersonRelationshipKind;
}

export interface SyntheticTeamMember {
  userId: string;
  role: 'lead-professional' | 'member';
}

export interface SyntheticEvidence {
  id: string;
  source: EvidenceSource;
  note: string;
  indicates: 'present' | 'absent';
  recordedAt: string;
  recordedBy: string;
  recordedByName: string;
  agency: string;
}

export interface SyntheticAssessment {
  factorId: FactorId;
  /** 'infant', 'household', or the person's id. */
  subjectKey: string;
  personId: string | null;
  status: 'excluded' | 'present' | 'cannot-assess';
  detail: string | null;
  pattern: 'stable' | 'chaotic' | null;
  reason: string | null;
  protection: { how: string; whenPresent: string } | null;
  updatedAt: string;
  updatedBy: string;
  evidence: SyntheticEvidence[];
}

export interface SyntheticEntry {
  id: string;
  kind: EventKindId;
  occurredOn: string;
  recordedAt: string;
  recordedBy: string;
  recordedByName: string;
  organisationId: string;
  agency: string;
  agencyKind: OrganisationKind;
  summary: string;
  source: EvidenceSource;
  personIds: string[];
  victimIds: string[];
  perpetratorIds: string[];
  indicates: { factorId: FactorId; personId?: string }[];
  significant: boolean;
  babySeen: boolean | null;
  substance: 'alcohol' | 'drugs' | null;
  gestationWeeks: number | null;
}

/** A weight as recorded on the growth page; grams. */
export interface SyntheticMeasurement {
  id: string;
  kind: 'weight';
  value: number;
  measuredOn: string;
  recordedAt: string;
  recordedBy: string;
  recordedByName: string;
  organisationId: string;
  agency: string;
}

export interface SyntheticFamily {
  index: number;
  record: SyntheticCase;
  people: SyntheticPerson[];
  relationships: SyntheticRelationship[];
  team: SyntheticTeamMember[];
  assessments: SyntheticAssessment[];
  /** In the order they happened. */
  entries: SyntheticEntry[];
  /** A born baby's weights, oldest first (synthetic-growth.ts); none while unborn. */
  measurements: SyntheticMeasurement[];
  /** One of the few families whose picture gets worse: more incidents, missed appointments, an injury. */
  escalating: boolean;
}
