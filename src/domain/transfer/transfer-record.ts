// What a transfer pack carries for another instance of this service (issue 21): the baby's record,
// every person around the baby, every chronology entry (corrections and all, with who recorded each
// for which agency and when) and the findings the profile showed when it was sent. The FHIR resources
// beside it in the pack (transfer-pack.ts) say the same for any FHIR system; this record is what lets
// the receiving service rebuild the chronology whole, since no FHIR resource holds every kind of entry.
import type { RecordDetails } from '../people/record-details.ts';
import type { InfantStatus } from '../people/record-matching.ts';

export const TRANSFER_RECORD_FORMAT = 'infant-care-profile-transfer';
export const TRANSFER_RECORD_VERSION = 1;

export interface TransferredBaby {
  status: InfantStatus;
  givenName: string | null;
  familyName: string | null;
  sex: string | null;
  nhsNumber: string | null;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  gestationAtBirthWeeks: number | null;
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
  parentalResponsibility: boolean | null;
  paternityConfirmed: boolean | null;
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

export interface TransferredFinding {
  id: string;
  severity: string;
  title: string;
}

export interface TransferRecord {
  format: typeof TRANSFER_RECORD_FORMAT;
  version: typeof TRANSFER_RECORD_VERSION;
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
}

/** Where an entry received in a transfer came from, as its details keep it and the pages show it. */
export interface ReceivedFrom {
  area: string;
  /** The day it was received (YYYY-MM-DD). */
  receivedOn: string;
  /** The id the entry had in the sending area's record. */
  sentId: string;
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
