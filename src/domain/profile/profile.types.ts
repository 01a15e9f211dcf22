// The Infant Care Profile's input (what the record holds) and output (every factor for every
// subject with its derived state, the counts, and the findings). Plain data, ready to serialise.
import type { EventKindId } from '../catalogue/event-kinds.ts';
import type { EvidenceSource } from '../catalogue/evidence-sources.ts';
import type { FactorKind } from '../catalogue/factor-definition.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { FindingId, Severity } from '../catalogue/finding-definitions.ts';
import type { FactorStatus, SubstancePattern } from '../catalogue/statuses.ts';
import type { Citation } from '../catalogue/sources.ts';
import type { Subject } from '../catalogue/subjects.ts';
import type { CinHolder } from '../catalogue/cin-codes.ts';
import type { ChronologyPattern } from '../chronology/chronology.types.ts';
import type { StressResponseId } from '../catalogue/stress-responses.ts';
import type { GrowthMeasurement } from '../growth/growth.types.ts';
import type { HouseholdChildren } from '../people/household-children.ts';

/** Which way a piece of evidence points: an event adds evidence of presence; "I don't drink" is evidence of absence. */
export const EVIDENCE_DIRECTIONS = ['present', 'absent'] as const;
export type EvidenceDirection = (typeof EVIDENCE_DIRECTIONS)[number];

export interface Evidence {
  source: EvidenceSource;
  note: string;
  /** ISO date or date-time. */
  recordedAt: string;
  recordedBy: string;
  agency: string;
  /** The chronology event this evidence came from, if any. */
  eventId?: string;
  /**
   * Which way it points. Persistence should always store it; when missing, the evidence is read as
   * supporting the status it sits under (absence for `excluded`, presence for `present`).
   */
  indicates?: EvidenceDirection;
  /** Who gave the information, in words ("her sister", "her husband"), for third parties and accounts. */
  givenBy?: string;
  /** The day a visit's evidence was seen (YYYY-MM-DD), when it was recorded with one (domain/profile/evidence-seen-on.ts). */
  seenOn?: string;
}

/** For `supportive-partner`: how the partner protects the baby, and when they are there (docs/domain.md, Fathers and other men). */
export interface Protection {
  how: string;
  whenPresent: string;
}

/** One factor for one subject, as stored. Derived factors are never stored: the record fills them. */
export interface FactorAssessment {
  factorId: FactorId;
  subject: Subject;
  /** The adult it is about; only for `adult` factors. */
  personId?: string;
  status: FactorStatus;
  /** What is known: needed when present. */
  detail?: string;
  /** Substance use only, when present. */
  pattern?: SubstancePattern;
  /** Why it cannot be assessed: needed for `cannot-assess`. */
  reason?: string;
  protection?: Protection;
  /** `harmful-stress-response` only: how the carer is known to respond to stress. */
  responses?: readonly StressResponseId[];
  evidence: readonly Evidence[];
}

export interface InfantFacts {
  status: 'unborn' | 'born';
  /** For rationales ("Ruby Okafor"); "the baby" when not given. */
  name?: string;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  gestationAtBirthWeeks: number | null;
  birthWeightGrams: number | null;
  multipleBirth: boolean | null;
  /** Crawls, shuffles, pulls to stand, cruises or walks. Null when not recorded. */
  independentlyMobile: boolean | null;
  /** For reading growth against the charts for girls or boys; missing or null when not recorded. */
  sex?: string | null;
  /** Weights, lengths and head circumferences recorded (faltering growth is derived from the weights). */
  measurements?: readonly GrowthMeasurement[];
  /** Whether the other children living with the baby are known (people/household-children.ts); missing or null: not yet answered. */
  householdChildren?: HouseholdChildren | null;
}

export interface ProfilePerson {
  id: string;
  /** As shown to practitioners (personDisplayName). */
  name: string;
  relationshipToInfant: string;
  livesInHousehold: boolean;
  caresForInfant: boolean;
  visitsRegularly: boolean;
  identityKnown: boolean;
  dateOfBirth: string | null;
  /** Whether police, children's social care and health records have been checked for them. */
  historyChecked: boolean;
  /** For pronouns in rationales only. */
  sex?: 'female' | 'male' | 'unknown' | null;
}

/** A chronology event, as far as the profile needs it. */
export interface ProfileEvent {
  id: string;
  kind: EventKindId;
  /** ISO date or date-time. */
  occurredAt: string;
  /** Defaults to the kind's usual source (a police incident is an agency record). */
  source?: EvidenceSource;
  recordedBy: string;
  agency: string;
  /** The kind of agency that recorded it (domain/shared/organisation-kinds.ts): a GP's own entry means the GP knows. */
  agencyKind?: string;
  note?: string;
  /** The people the event is about. */
  personIds?: readonly string[];
  /** Domestic abuse incidents: who was harmed and who harmed. Without them, both factors go to everyone named. */
  victimIds?: readonly string[];
  perpetratorIds?: readonly string[];
  /** A rise in substance use: which. Without it, both alcohol and drugs. */
  substance?: 'alcohol' | 'drugs';
  /**
   * Factors the event points to beyond its kind's ("as stated", e.g. information from the family).
   * An adult factor goes to the person given, or else to everyone the event names.
   */
  indicates?: readonly (FactorId | { factorId: FactorId; personId?: string })[];
  /** Antenatal booking: weeks of pregnancy at booking. */
  gestationWeeks?: number;
  /** People who dispute the event (dispute-evidence.ts): each is evidence the other way, so the factor is in conflict. */
  disputes?: readonly { disputedBy: string; text: string; recordedBy: string; agency: string }[];
}

export interface ProfileSettings {
  /** Weeks of pregnancy by which the pre-birth strategy or assessment should happen (areas differ). */
  preBirthMilestoneWeeks: number;
  /** How many weeks before the milestone the finding starts to show ("near"). */
  preBirthNoticeWeeks: number;
  /** Booking after this many weeks of pregnancy is late. */
  lateBookingAfterWeeks: number;
}

/** The evidence the events give (event-evidence.ts evidenceFromEvents). */
export interface EventEvidence {
  /** By factorKey. */
  byFactor: ReadonlyMap<string, readonly Evidence[]>;
  problems: readonly ProfileProblem[];
}

/** The pieces of a factor's evidence that point one way, and who gave them (evidence-tally.ts). */
export interface Voices {
  count: number;
  /** Who gave them, in words (plain-words.ts evidenceGiver), each once, in the order recorded. */
  givers: readonly string[];
  /** The first two different speakers (the person who gave a piece, else its source and agency): the findings' "says" is for one. */
  speakers: readonly string[];
}

/** What the profile's rules read of a factor's evidence, counted once (evidence-tally.ts tallyEvidence). */
export interface EvidenceTally {
  presence: Voices;
  absence: Voices;
  /** Pieces of absence from an independent source: what verifies an exclusion. */
  independentAbsence: number;
  /** The earliest day a piece of presence was recorded on (YYYY-MM-DD), or null. */
  firstPresentOn: string | null;
  /** The piece of presence recorded last (the first of those recorded at the same time), or null. */
  latestPresence: Evidence | null;
  /** Whether a piece of presence came from an event a GP practice recorded. */
  presenceByTheGp: boolean;
}

/** What a profile's evaluation reads from its events, worked out ahead (ProfileFacts.eventReading; event-reading.ts reads it). */
export interface EventReading {
  /** The events read: an evaluation uses the rest only when its events are this very list. */
  events: readonly ProfileEvent[];
  /** The significant adults the evidence was read for (their ids, sorted). */
  adultIds: readonly string[];
  lateBookingAfterWeeks: number;
  /** evidenceFromEvents(events, adults, settings). */
  evidence: EventEvidence;
  /** Each factor's tally of that evidence, by factorKey (evidence-tally.ts talliesOf). */
  tallies: ReadonlyMap<string, EvidenceTally>;
  /** The events of a trigger kind with a readable day, in the order triggersSinceReview lists them: by when they occurred (byWhenOccurred), the chronology's order among equals. */
  triggers: readonly ProfileEvent[];
  /** The days of the police domestic abuse incidents, in day order (findings/abuse-incidents.ts). */
  abuseIncidentDays: readonly string[];
  /** What gp-not-informed reads of the events (findings/gp-events.ts gpEventsOf). */
  gp: GpEvents;
}

/** What the GP has been told, as the events say: the ids of events a GP practice recorded, and the days of `gp-informed` entries (any order). */
export interface GpEvents {
  byTheGp: ReadonlySet<string>;
  toldOn: readonly string[];
}

export interface ProfileFacts {
  /** YYYY-MM-DD: the day the profile is evaluated. */
  today: string;
  infant: InfantFacts;
  /** Everyone in the record around the baby, children included. */
  people: readonly ProfilePerson[];
  assessments: readonly FactorAssessment[];
  /** The chronology: events add evidence to factors, and triggers since the last review re-open it. */
  events: readonly ProfileEvent[];
  /** Date (or date-time) of the last review; null when never reviewed. */
  lastReviewedAt: string | null;
  /** When the next review is due (see nextReviewDate); null when none is set. */
  reviewDueOn: string | null;
  /** Patterns found in the chronology (chronology/find-patterns.ts); those marked `becomesFinding` become findings. */
  patterns?: readonly ChronologyPattern[];
  /**
   * The kinds of agency in the team around the family (domain/shared/organisation-kinds.ts), each
   * once: whether a social worker (children's social care) is in it. Empty or missing: none known.
   * A change to the team that changes these writes a profile version.
   */
  teamAgencies?: readonly string[];
  settings?: Partial<ProfileSettings>;
  /**
   * What the events give, read ahead and kept by the case (event-reading.ts, ADR 0020): used only
   * when made for these very `events`, the significant adults and the settings, else read again.
   */
  eventReading?: EventReading;
}

/** The status as it counts: an excluded V factor resting on the carer's word alone is an unverified exclusion. */
export const EFFECTIVE_STATUSES = ['not-assessed', 'excluded', 'unverified-exclusion', 'present', 'cannot-assess'] as const;
export type EffectiveStatus = (typeof EFFECTIVE_STATUSES)[number];

export interface EvaluatedFactor {
  factorId: FactorId;
  subject: Subject;
  personId?: string;
  kind: FactorKind;
  /** As recorded (or, for a derived factor, as the record fills it). */
  status: FactorStatus;
  effectiveStatus: EffectiveStatus;
  /** Excluded, with some evidence of absence that is not the carer's own account. */
  verified: boolean;
  /** Evidence points both ways. */
  conflict: boolean;
  /** Some evidence (an event, a record, a third party) says it is present. */
  evidenceOfPresence: boolean;
  /** Present, or evidence says so: what the rules treat as a risk being there. */
  indicated: boolean;
  /** Excluded, and every piece of evidence of absence is the carer's own account. */
  excludedOnCarerAccountOnly: boolean;
  derived: boolean;
  needsVerification: boolean;
  detail?: string;
  pattern?: SubstancePattern;
  reason?: string;
  protection?: Protection;
  responses?: readonly StressResponseId[];
  /** Stored evidence, then evidence from events (each event once). */
  evidence: readonly Evidence[];
}

export interface SubjectProfile {
  subject: Subject;
  personId?: string;
  /** The person's name, the baby's name, or "The household". */
  name: string;
  relationshipToInfant?: string;
  /** Lives with or cares for the baby (or is the mother of an unborn baby): the "carer" of the findings. */
  carer?: boolean;
  /** Whom the factor concerns in the Children in Need census. */
  cinHolder: CinHolder;
  risk: readonly EvaluatedFactor[];
  protective: readonly EvaluatedFactor[];
}

export interface ProfileSummary {
  /** Risk factors across every subject. */
  total: number;
  notAssessed: number;
  excluded: number;
  present: number;
  cannotAssess: number;
  /** Unverified exclusions: V factors excluded on the carer's account alone. */
  unverified: number;
  /** Factors in conflict, risk and protective. */
  conflicts: number;
}

export interface Finding {
  id: FindingId;
  severity: Severity;
  title: string;
  /** One line in plain words naming the people and facts it rests on. */
  rationale: string;
  /** Each fact behind it, one line each (the rationale summarises them). */
  facts: readonly string[];
  factorIds: readonly FactorId[];
  personIds: readonly string[];
  /** The publications and sections it comes from. */
  citations: readonly Citation[];
  suggestedAction: string;
}

export type ProfileProblemCode =
  | 'unknown-factor'
  | 'derived-factor-stored'
  | 'subject-mismatch'
  | 'person-needed'
  | 'person-not-expected'
  | 'unknown-person'
  | 'duplicate-assessment'
  | 'duplicate-person'
  | 'exclusion-needs-evidence'
  | 'detail-needed'
  | 'pattern-needed'
  | 'reason-needed'
  | 'responses-not-expected'
  | 'harmful-response-but-excluded'
  | 'event-names-nobody';

/** Something in the stored record the profile could not use as it stands; shown so it can be put right. */
export interface ProfileProblem {
  code: ProfileProblemCode;
  factorId?: string;
  personId?: string;
  eventId?: string;
}

export interface ProfileEvaluation {
  catalogueVersion: number;
  today: string;
  /** The baby, each significant adult (in record order), then the household. */
  subjects: readonly SubjectProfile[];
  summary: ProfileSummary;
  /** Every risk factor is excluded, present or cannot be assessed. */
  complete: boolean;
  /** Critical, then high, then attention; never a single score. */
  findings: readonly Finding[];
  /** Trigger events since the last review, oldest first. */
  triggersSinceReview: readonly ProfileEvent[];
  problems: readonly ProfileProblem[];
}
