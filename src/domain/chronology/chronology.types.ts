// One chronology per baby across every agency (issue 5). An entry is never edited: a correction
// is a new entry that supersedes it, with the reason, and both stay visible.
import type { EventKindId } from '../catalogue/event-kinds.ts';
import type { EvidenceSource } from '../catalogue/evidence-sources.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { LivedExperience } from './lived-experience.ts';
import type { ReceivedFrom } from '../transfer/transfer-record.ts';
import type { ReferralSourceCode } from './referral-source.ts';

/** A rise in substance use names which: drink or drugs. */
export const SUBSTANCES = ['alcohol', 'drugs'] as const;
export type Substance = (typeof SUBSTANCES)[number];

export interface ChronologyEntry {
  id: string;
  kind: EventKindId;
  /** When it happened: ISO date (YYYY-MM-DD) or date-time. */
  occurredAt: string;
  /** When it was recorded, ISO date-time, and by whom (a name) for which agency (an organisation name). */
  recordedAt: string;
  recordedBy: string;
  agency: string;
  /** The recording organisation's kind (`police`, `hospital`, ...), for lanes and filters. */
  agencyKind: string;
  summary: string;
  source: EvidenceSource;
  /** The people the entry is about (ids of people in the record). */
  personIds: readonly string[];
  /** Who was present (ids of people in the record). */
  presentIds: readonly string[];
  /** Marked significant by the recorder, or by kind (a trigger). */
  significant: boolean;
  /** Factors the entry points to beyond its kind ("as stated"), with the person for adult factors. */
  indicates: readonly { factorId: FactorId; personId?: string }[];
  /** For contacts: whether a professional saw the baby. Null when not a contact or not recorded. */
  babySeen: boolean | null;
  /** Domestic abuse incidents: who was harmed and who harmed. */
  victimIds: readonly string[];
  perpetratorIds: readonly string[];
  /** A rise in substance use: which. */
  substance?: Substance;
  /** Antenatal booking: weeks of pregnancy at booking. */
  gestationWeeks?: number;
  /** A referral: who referred, as the Children in Need census codes it (referral-source.ts), kept in the entry's details; left out when not recorded. */
  referralSource?: ReferralSourceCode;
  /** The id of the entry this one corrects, and why. */
  corrects?: string;
  correctionReason?: string;
  /** The agency system's own id, for idempotent feeds. */
  externalId?: string;
  /** Contacts: the answers to the plan's check items (issue 13), kept in the entry's details. */
  planChecks?: readonly RecordedPlanCheck[];
  /** Contacts recorded with the contact form: what it says about the baby's lived experience (lived-experience.ts). */
  livedExperience?: LivedExperience;
  /** What people say is wrong in it, oldest first (dispute-rules.ts): kept beside the entry, never replacing it. Left out when none. */
  disputes?: readonly EntryDispute[];
  /** Received in a transfer from another area (transfer/transfer-record.ts): the sending area and the day. Left out for an entry recorded here. */
  receivedFrom?: ReceivedFrom;
}

/** A person's dispute of a recorded fact, as a professional recorded it (issue 21). */
export interface EntryDispute {
  id: string;
  /** Who disputes it, in words ("the mother, Jo Smith"). */
  disputedBy: string;
  /** What they say is wrong, in their words. */
  text: string;
  /** ISO date-time it was recorded, by whom (a name) for which agency. */
  recordedAt: string;
  recordedBy: string;
  agency: string;
}

/** What a visitor found for one check item of the plan, or why they could not check it. */
export const PLAN_CHECK_OUTCOMES = ['no-concern', 'concern', 'not-checked'] as const;
export type PlanCheckOutcome = (typeof PLAN_CHECK_OUTCOMES)[number];

/**
 * One check item's answer as a contact stores it (`details.planChecks`): the item's words, factor and
 * person as they were that day, so the answer still reads right after the plan changes.
 */
export interface RecordedPlanCheck {
  itemId: string;
  /** The item's text when it was checked: "Where the baby sleeps". */
  text: string;
  outcome: PlanCheckOutcome;
  /** What was seen (a concern), why it could not be checked, or anything said (no concern). */
  note: string;
  factorId?: FactorId;
  personId?: string;
}

/** The families of incident counted in a rolling window (repeated-incidents.ts). */
export const INCIDENT_FAMILY_IDS = ['domestic-abuse', 'police', 'emergency', 'injury'] as const;
export type IncidentFamilyId = (typeof INCIDENT_FAMILY_IDS)[number];

export type ChronologyPatternId = 'repeated-incidents' | 'missed-appointments' | 'unseen-period' | 'relapse' | 'plan-check-missed';

export interface ChronologyPattern {
  id: ChronologyPatternId;
  severity: 'high' | 'attention';
  title: string;
  /** One line in plain words naming the dates, counts and people. */
  rationale: string;
  /** YYYY-MM-DD. */
  from: string;
  to: string;
  entryIds: readonly string[];
  personIds: readonly string[];
  factorIds: readonly FactorId[];
  /** Should also show as a finding of the profile (see the header). */
  becomesFinding: boolean;
  /** Repeated incidents only: which family of incident. */
  incidentFamily?: IncidentFamilyId;
}
