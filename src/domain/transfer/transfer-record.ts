// What a transfer pack carries for another instance of this service (issue 21): the baby's record,
// every person around the baby and how they are related, every chronology entry (corrections and all,
// with who recorded each for which agency and when) and the disputes beside them, the factor
// assessments with their evidence (who assessed, by name, role and agency, never an account id that
// means nothing elsewhere), the plan, the professionals' meetings and the findings the profile showed
// when it was sent. Supervision stays behind: it is the sending organisation's own oversight of its
// staff. The FHIR resources beside it in the pack (transfer-pack.ts) say some of this for any FHIR
// system; this record is what lets the receiving service rebuild the case whole.
import type { FactorStatus, SubstancePattern } from '../catalogue/statuses.ts';
import type { Meeting } from '../meetings/meeting.types.ts';
import type { YesNoNotKnown } from '../people/person-rules.ts';
import type { RecordDetails } from '../people/record-details.ts';
import type { InfantStatus } from '../people/record-matching.ts';
import type { PersonRelationshipKind } from '../people/relationships.ts';
import type { Plan } from '../plan/plan.types.ts';

export const TRANSFER_RECORD_FORMAT = 'infant-care-profile-transfer';
/**
 * The version written. Version 1 (no relationships, assessments, plan, meetings or disputes) is still
 * read, and so is version 2 (a person's parental responsibility and paternity as true or false).
 */
export const TRANSFER_RECORD_VERSION = 3;
export const READABLE_TRANSFER_RECORD_VERSIONS: readonly number[] = [1, 2, 3];

export interface TransferredBaby {
  status: InfantStatus;
  givenName: string | null;
  familyName: string | null;
  sex: string | null;
  nhsNumber: string | null;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  gestationAtBirthWeeks: number | null;
  /** Days past the completed weeks, 0 to 6 (29+3: 3); null when only the weeks are known. Absent from packs sent before the record kept the days. */
  gestationAtBirthDays?: number | null;
  birthWeightGrams: number | null;
  multipleBirth: boolean | null;
  independentlyMobile: boolean | null;
  details: RecordDetails;
}

export interface TransferredPerson {
  /** The sending record's id: entries name people by it. */
  id: string;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  sex: string | null;
  relationshipToInfant: string;
  livesInHousehold: boolean;
  caresForInfant: boolean;
  visitsRegularly: boolean;
  /** "not-known" kept apart from null (never answered) since version 3; versions 1 and 2 carried true and false, read as yes and no. */
  parentalResponsibility: YesNoNotKnown | null;
  paternityConfirmed: YesNoNotKnown | null;
  identityKnown: boolean;
  description: string | null;
  deceased: boolean;
  address: string | null;
  addressRestricted: boolean;
}

export interface TransferredEntry {
  /** The sending record's id: a correction names the entry it corrects by it. */
  id: string;
  kind: string;
  occurredAt: string;
  recordedAt: string;
  recordedBy: string;
  agency: string;
  agencyKind: string;
  summary: string;
  source: string;
  personIds: string[];
  presentIds: string[];
  victimIds: string[];
  perpetratorIds: string[];
  indicates: { factorId: string; personId?: string }[];
  significant: boolean;
  babySeen: boolean | null;
  substance?: 'alcohol' | 'drugs';
  gestationWeeks?: number;
  corrects?: string;
  correctionReason?: string;
}

/** Two people of the record and how they are related, by their ids in the pack. */
export interface TransferredRelationship {
  personId: string;
  otherPersonId: string;
  kind: PersonRelationshipKind;
}

/** Who assessed a factor in the sending area: in words, since their account means nothing elsewhere. */
export interface TransferredAssessor {
  name: string;
  /** Their role in the service there, such as practitioner or safeguarding-lead. */
  role: string;
  agency: string;
  agencyKind: string;
}

export interface TransferredEvidence {
  source: string;
  note: string;
  indicates: 'present' | 'absent';
  givenBy: string | null;
  recordedAt: string;
  recordedBy: string;
  agency: string;
  /** The entry of the pack it came from. */
  entryId?: string;
  /** The day a visit's evidence was seen (YYYY-MM-DD). */
  seenOn?: string;
}

/** A factor as the sending area assessed it, with all its evidence. */
export interface TransferredAssessment {
  factorId: string;
  /** An adult's factor: the person of the pack it is about. */
  personId?: string;
  status: FactorStatus;
  detail?: string;
  pattern?: SubstancePattern;
  reason?: string;
  protection?: { how: string; whenPresent: string };
  responses?: string[];
  /** When it was last assessed there, and by whom (null when their account is gone). */
  assessedAt: string;
  assessedBy: TransferredAssessor | null;
  evidence: TransferredEvidence[];
}

/**
 * The plan as it stands: check items name people by their ids in the pack, actions' owners are named
 * in words ("Lena Lead, Southby Health Visiting") and an action agreed at a meeting names the pack's meeting.
 */
export interface TransferredPlan extends Plan {
  recordedAt: string;
  recordedBy: string;
}

/** A professionals' meeting as recorded there, with its id in the pack. */
export interface TransferredMeeting extends Meeting {
  id: string;
  recordedAt: string;
  recordedBy: string;
}

/** A person's dispute of an entry, beside the entry of the pack it disputes. */
export interface TransferredDispute {
  entryId: string;
  disputedBy: string;
  text: string;
  recordedAt: string;
  recordedBy: string;
  agency: string;
}

export interface TransferredFinding {
  id: string;
  severity: string;
  title: string;
}

export interface TransferRecord {
  format: typeof TRANSFER_RECORD_FORMAT;
  version: number;
  /** The sending area (the lead professional's organisation), the receiving area and the contact there. */
  fromArea: string;
  toArea: string;
  contact: string;
  /** ISO date-time the pack was sent, and the sending record's id. */
  sentAt: string;
  sendingCaseId: string;
  baby: TransferredBaby;
  people: TransferredPerson[];
  /** Oldest first, a correction after the entry it corrects. */
  entries: TransferredEntry[];
  findings: TransferredFinding[];
  relationships: TransferredRelationship[];
  assessments: TransferredAssessment[];
  /** Null when the case had no plan. */
  plan: TransferredPlan | null;
  /** Oldest held first. */
  meetings: TransferredMeeting[];
  disputes: TransferredDispute[];
}

/** Where an entry received in a transfer came from, as its details keep it and the pages show it. */
export interface ReceivedFrom {
  area: string;
  /** The day it was received (YYYY-MM-DD). */
  receivedOn: string;
  /** The id the entry had in the sending area's record. */
  sentId: string;
}

/** What a relationship, assessment, plan, meeting or dispute received in a transfer keeps of where it came from. */
export interface ReceivedMark {
  area: string;
  /** The day it was received (YYYY-MM-DD). */
  receivedOn: string;
}

/** A received factor assessment's mark: who assessed it there and when, and its version here on arrival. */
export interface ReceivedAssessmentMark extends ReceivedMark {
  assessedAt: string;
  assessedBy: TransferredAssessor | null;
  version: number;
}

/**
 * A received assessment is the sending area's until someone here confirms or re-assesses it: it stays
 * unverified while its version is still the one it arrived with (docs/domain.md, Transfer to another area).
 */
export function isUnverifiedReceived(mark: Pick<ReceivedAssessmentMark, 'version'> | null, version: number): boolean {
  return mark !== null && mark.version === version;
}

/** The entry details' key for where a received entry came from. */
export const RECEIVED_FROM_KEY = 'receivedFrom';

/** Where an entry came from, read back from its details: absent unless it was received in a transfer. */
export function receivedFromOf(details: Record<string, unknown> | null): { receivedFrom?: ReceivedFrom } {
  const raw = details?.[RECEIVED_FROM_KEY];
  if (raw === null || typeof raw !== 'object') return {};
  const { area, receivedOn, sentId } = raw as Record<string, unknown>;
  return typeof area === 'string' && typeof receivedOn === 'string' && typeof sentId === 'string' ? { receivedFrom: { area, receivedOn, sentId } } : {};
}
