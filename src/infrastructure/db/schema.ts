// Row types for Kysely, one interface per table, matching the SQL migrations beside this file.
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateOnly = ColumnType<string, string, string>;
/** Migration 046: where a part of a case received in a transfer came from (domain/transfer/transfer-record.ts, ReceivedMark); null when recorded here. */
type ReceivedFromColumn<T = Record<string, unknown>> = ColumnType<T | null, T | string | null | undefined, T | string | null>;

export interface SettingsTable {
  key: string;
  value: string;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  version: Generated<number>;
  /** Migration 057: the person's team within their organisation (ADR 0019); null for none. */
  team_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Migration 057: a team within an organisation (ADR 0019); archived, never deleted. */
export interface TeamsTable {
  id: string;
  organisation_id: string;
  name: string;
  created_at: Timestamp;
  archived_at: Timestamp | null;
}

export interface SignInThrottleTable {
  email: string;
  address: string;
  failures: number;
  blocked_until: Timestamp | null;
  updated_at: Timestamp;
}

/** Hits on a rate-limited route by one client in the current window, under a keyed hash (migration 043). */
export interface RateLimitHitsTable {
  key_hash: string;
  hits: number;
  window_ends_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
  expires_at: Timestamp;
}

/** A form kept when it came after its session or form token had ended (migration 025). */
export interface KeptFormsTable {
  id: string;
  user_id: string;
  path: string;
  fields: ColumnType<Record<string, string | string[]>, string, string>;
  reason: 'signed-out' | 'form-expired';
  kept_at: Timestamp;
  expires_at: Timestamp;
}

/** An account's authenticator app for two-factor sign-in (migration 034): secrets encrypted. */
export interface UserTwoFactorTable {
  user_id: string;
  secret: string | null;
  confirmed_at: Timestamp | null;
  last_used_step: number | null;
  pending_secret: string | null;
  pending_since: Timestamp | null;
}

/** An account's single-use recovery codes, hashed (migration 034). */
export interface UserRecoveryCodesTable {
  id: string;
  user_id: string;
  salt: string;
  code_hash: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

/** An account's link to its user id at an identity provider, asked for at a first sign-in and approved by an administrator (migration 035). */
export interface UserProviderLinksTable {
  user_id: string;
  provider: string;
  subject: string;
  email: string;
  requested_at: Timestamp;
  approved_at: Timestamp | null;
  approved_by: string | null;
}

/** A weight, length or head circumference of the baby on a day (migration 027). */
export interface GrowthMeasurementsTable {
  case_id: string;
  id: string;
  kind: 'weight' | 'length' | 'head-circumference';
  value: number;
  measured_on: DateOnly;
  recorded_at: Timestamp;
  recorded_by: string | null;
  recorded_by_name: string;
  organisation_id: string;
  agency: string;
  source: 'page' | 'api' | 'fhir';
  entry_id: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  /** Space-separated: read, write, feed (domain/shared/token-scopes.ts). */
  scopes: Generated<string>;
  name: Generated<string>;
}

export interface AuditLogTable {
  seq: ColumnType<string, never, never>;
  id: string;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  channel: string;
  action: string;
  outcome: string;
  subject_type: string | null;
  subject_id: string | null;
  case_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  /** The chain hash of the entry sealed before it; null until sealed (ADR 10). */
  prev_hash: string | null;
  /** The key that signed the entry; null for entries from before audit keys. */
  key_id: string | null;
  /** The chain hash; null until sealed. */
  hash: string | null;
  /** The entry's own hash, made when written; null for entries from before sealing. */
  entry_hash: string | null;
  /** Its place in the chain, given when sealed; null until then. */
  chain_seq: ColumnType<string | null, never, string>;
  /** The tombstone entry that redacted its details (migration 036); null while they stand. */
  redacted_by: string | null;
  /** The request that wrote it, as in its log line and X-Request-Id (migration 044); null outside a request. */
  request_id: string | null;
}

/** A legal hold on one case, or on every case a rule matches (migration 036). */
export interface LegalHoldsTable {
  id: string;
  case_id: string | null;
  organisation_id: string | null;
  born_from: DateOnly | null;
  born_to: DateOnly | null;
  reason: string;
  set_at: Timestamp;
  set_by: string | null;
  set_by_name: string;
  lifted_at: Timestamp | null;
  lifted_by: string | null;
  lifted_by_name: string | null;
}

/** Migration 063: the answer to who the other children at home are, with its evidence (domain/people/household-children.ts). */
export interface HouseholdChildrenJson {
  answer: 'recorded' | 'none';
  source: string;
  givenBy?: string;
  recordedAt: string;
  recordedBy: string;
  agency: string;
}

export interface CasesTable {
  id: string;
  status: 'unborn' | 'born';
  given_name: string | null;
  family_name: string | null;
  sex: string | null;
  nhs_number: string | null;
  date_of_birth: DateOnly | null;
  expected_delivery_date: DateOnly | null;
  gestation_at_birth_weeks: number | null;
  /** Days past the completed weeks, 0 to 6 (migration 065): "29+3" is 29 weeks and 3 days; null when only weeks were given. */
  gestation_at_birth_days: number | null;
  birth_weight_grams: number | null;
  multiple_birth: boolean | null;
  independently_mobile: boolean | null;
  /** Who the other children living with the baby are, as answered (migration 063, domain/people/household-children.ts); null until answered. Written as JSON text. */
  household_children: ColumnType<HouseholdChildrenJson | null, string | null | undefined, string | null>;
  level: Generated<string>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  profile_version: Generated<number>;
  profile_reviewed_at: Timestamp | null;
  /** Migration 024: the household's address, GP practice, birth hospital and the mother's NHS number. */
  address: string | null;
  postcode: string | null;
  address_restricted: Generated<boolean>;
  gp_practice_name: string | null;
  gp_practice_ods_code: string | null;
  birth_hospital: string | null;
  mother_nhs_number: string | null;
  /** Migration 066: the mother's name and date of birth as given when the record was made, to find a likely duplicate without her NHS number. */
  mother_given_name: string | null;
  mother_family_name: string | null;
  mother_date_of_birth: DateOnly | null;
  /** Migration 050: the area and time of the transfer that closed the case; null while it is open. */
  closed_for_transfer_to: string | null;
  closed_for_transfer_at: Timestamp | null;
}

export interface PeopleTable {
  case_id: string;
  id: string;
  given_name: string | null;
  family_name: string | null;
  date_of_birth: DateOnly | null;
  nhs_number: string | null;
  sex: string | null;
  relationship_to_infant: string;
  lives_in_household: boolean;
  cares_for_infant: boolean;
  visits_regularly: Generated<boolean>;
  /** Migration 068: 'not-known' is an answer; null is a question not yet answered. */
  parental_responsibility: 'yes' | 'no' | 'not-known' | null;
  paternity_confirmed: 'yes' | 'no' | 'not-known' | null;
  identity_known: Generated<boolean>;
  description: string | null;
  deceased: Generated<boolean>;
  address: string | null;
  address_restricted: Generated<boolean>;
  updated_by: string | null;
  history_checked: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CaseTeamTable {
  case_id: string;
  user_id: string;
  role: 'lead-professional' | 'member';
  added_at: Timestamp;
  added_by: string | null;
}

export interface PersonRelationshipsTable {
  case_id: string;
  id: string;
  person_id: string;
  other_person_id: string;
  kind: 'partners' | 'ex-partners' | 'separated' | 'parent-of';
  created_at: Timestamp;
  created_by: string | null;
  received_from: ReceivedFromColumn;
}

export interface BreakGlassAccessTable {
  case_id: string;
  id: string;
  user_id: string;
  reason: string;
  started_at: Timestamp;
  expires_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_note: string | null;
}

export interface ProfileAssessmentsTable {
  case_id: string;
  factor_id: string;
  subject_key: string;
  person_id: string | null;
  status: 'not-assessed' | 'excluded' | 'present' | 'cannot-assess';
  detail: string | null;
  pattern: 'stable' | 'chaotic' | null;
  reason: string | null;
  protection: ColumnType<{ how: string; whenPresent: string } | null, string | null, string | null>;
  responses: ColumnType<string[] | null, string | null | undefined, string | null>;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
  received_from: ReceivedFromColumn;
}

export interface ProfileEvidenceTable {
  case_id: string;
  id: string;
  factor_id: string;
  subject_key: string;
  source: string;
  note: string;
  indicates: 'present' | 'absent';
  given_by: string | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
  recorded_by_name: string;
  agency: string;
  event_id: string | null;
  /** The day a visit's evidence was seen (migration 042); null for evidence dated by when it was recorded. */
  seen_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ProfileVersionsTable {
  case_id: string;
  version: number;
  changed_at: Timestamp;
  changed_by: string | null;
  kind: ColumnType<ProfileVersionKind, ProfileVersionKind | undefined, never>;
  factor_id: string | null;
  subject_key: string | null;
  change: ColumnType<Record<string, unknown>, string, string>;
  changed_by_name: string | null;
  why: string | null;
  findings: ColumnType<FindingSnapshot[] | null, string | null, never>;
}

export type ProfileVersionKind = 'factor' | 'decision' | 'review' | 'level' | 'event' | 'catalogue' | 'birth' | 'person' | 'settings' | 'team' | 'plan' | 'growth' | 'dispute';

/** A finding as it stood at a version or a decision. */
export interface FindingSnapshot {
  id: string;
  severity: 'critical' | 'high' | 'attention';
  rationale: string;
}

export interface ProfileDecisionsTable {
  case_id: string;
  id: string;
  decision: 'no-further-action' | 'universal-plus' | 'early-help-assessment' | 'referral-to-childrens-social-care' | 'strategy-discussion';
  reasoning: string;
  lead_consulted: boolean;
  lead_name: string | null;
  findings: ColumnType<FindingSnapshot[], string, never>;
  profile_version: number;
  decided_at: Timestamp;
  decided_by: string | null;
  decided_by_name: string;
  agency: string;
  /** Migration 064: the safeguarding lead asked to confirm it (a decision below the level a critical finding suggests); null when none is needed. */
  confirming_lead_id: ColumnType<string | null, string | null | undefined, never>;
}

/** Migration 064: a safeguarding lead's answer to a decision awaiting confirmation; append-only. */
export interface DecisionConfirmationsTable {
  case_id: string;
  decision_id: string;
  answer: 'confirmed' | 'overturned';
  reasoning: string;
  answered_at: Timestamp;
  answered_by: string;
  answered_by_name: string;
  agency: string;
}

type Json<T> = ColumnType<T, string | undefined, never>;

export interface ChronologyEntriesTable {
  case_id: string;
  id: string;
  kind: string;
  occurred_on: DateOnly;
  occurred_at: Timestamp | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
  recorded_by_name: string;
  organisation_id: string;
  agency: string;
  agency_kind: string;
  summary: string;
  source: 'observed' | 'agency-record' | 'third-party' | 'carer-account' | 'professional-judgement';
  person_ids: Json<string[]>;
  present_ids: Json<string[]>;
  victim_ids: Json<string[]>;
  perpetrator_ids: Json<string[]>;
  indicates: Json<{ factorId: string; personId?: string }[]>;
  significant: Generated<boolean>;
  baby_seen: boolean | null;
  substance: 'alcohol' | 'drugs' | null;
  gestation_weeks: number | null;
  details: Json<Record<string, unknown>>;
  corrects: string | null;
  correction_reason: string | null;
  external_id: string | null;
}

export interface AlertsTable {
  case_id: string;
  id: string;
  reason: 'trigger-event' | 'critical-finding' | 'discharge' | 'emergency-attendance' | 'decision-to-confirm';
  severity: 'critical' | 'high' | 'attention';
  message: string;
  steps: Json<string[]>;
  entry_id: string | null;
  finding_id: string | null;
  raised_at: Timestamp;
  escalated_at: Timestamp | null;
  /** Migration 064: why escalation reached nobody (no lead in the team's organisations, none designated for the partnership); null otherwise. */
  escalation_unreached: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 067: for `decision-to-confirm`, the decision the lead is asked to confirm or overturn; null otherwise. */
  decision_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AlertRecipientsTable {
  alert_id: string;
  user_id: string;
  reached_as: 'lead-professional' | 'team-member' | 'safeguarding-lead';
  created_at: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_note: string | null;
}

/** A form's one-time submission id, stored with what its post recorded (migrations 061 and 062, ADR 0026). */
export interface FormSubmissionsTable {
  /** The case the form was on, or the case a new record made; null for a form without a case. */
  case_id: string | null;
  submission_id: string;
  user_id: string;
  action: string;
  record_id: string;
  submitted_at: Timestamp;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  alert_id: string | null;
  created_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: Timestamp | null;
}

/** When a background worker last finished a run (the outbox: 'outbox'), for GET /health/ready. */
export interface WorkerHeartbeatsTable {
  worker: string;
  ran_at: Timestamp;
}

/** A setting changed from its default (migration 016). */
export interface ServiceSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
  updated_by: string | null;
  updated_by_name: string;
}

/** A case waiting to be re-evaluated after a change of the area's settings (migration 020). */
export interface ProfileReevaluationQueueTable {
  case_id: string;
  /** The settings changed since it was queued. */
  setting_keys: string[];
  queued_at: Timestamp;
}

/** A proposal to change the level of support (migration 019): open, then accepted or declined once. */
export interface LevelProposalsTable {
  case_id: string;
  id: string;
  from_level: 'universal' | 'early-help' | 'child-in-need' | 'child-protection' | 'looked-after';
  to_level: 'universal' | 'early-help' | 'child-in-need' | 'child-protection' | 'looked-after';
  reason: string;
  proposed_at: Timestamp;
  proposed_by: string | null;
  proposed_by_name: string;
  proposed_by_agency: string;
  status: ColumnType<'open' | 'accepted' | 'declined', 'open' | undefined, 'accepted' | 'declined'>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decision_reason: string | null;
  profile_version: number | null;
}

/** One version of a case's plan (migration 014): the whole plan, appended, never changed. */
export interface CasePlansTable {
  case_id: string;
  version: number;
  level: 'universal' | 'early-help' | 'child-in-need' | 'child-protection' | 'looked-after';
  outcomes: Json<string[]>;
  check_items: Json<Record<string, unknown>[]>;
  actions: Json<Record<string, unknown>[]>;
  /** The visiting pattern (migration 023); '[]' on versions saved before it. */
  visits: Json<Record<string, unknown>[]>;
  recorded_at: Timestamp;
  recorded_by: string | null;
  recorded_by_name: string;
  received_from: ReceivedFromColumn;
}

/** A professionals' meeting about a baby (migration 017): recorded once, never changed. */
export interface CaseMeetingsTable {
  case_id: string;
  id: string;
  kind: 'strategy-discussion' | 'initial-conference' | 'review-conference' | 'pre-birth-conference' | 'core-group' | 'child-in-need-meeting' | 'discharge-planning-meeting' | 'professionals-meeting';
  held_on: DateOnly;
  chair: string;
  chair_independent: boolean | null;
  parents_present: boolean;
  attendees: Json<{ name: string; agency: string }[]>;
  invited_absent: Json<{ name: string; agency: string }[]>;
  decisions: Json<string[]>;
  dissent: string | null;
  actions: Json<{ text: string; owner: string; dueOn: string }[]>;
  section47: boolean | null;
  protection_plan: boolean | null;
  abuse_category: 'NEG' | 'PHY' | 'SAB' | 'EMO' | 'MUL' | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
  recorded_by_name: string;
  received_from: ReceivedFromColumn;
}

/** A supervision discussion on a case (migration 028): recorded once, never changed. */
export interface CaseSupervisionsTable {
  case_id: string;
  id: string;
  held_on: DateOnly;
  practitioner_id: string;
  practitioner_name: string;
  supervisor_id: string;
  supervisor_name: string;
  answers: Json<Record<string, string>>;
  stuck: 'yes' | 'no' | 'not-sure';
  analysis: string;
  decisions: string;
  actions: Json<{ text: string; owner: string; dueOn: string }[]>;
  profile_version: number;
  plan_version: number | null;
  recorded_at: Timestamp;
  recorded_by: string;
  recorded_by_name: string;
}

/** A consent sought, a withdrawal, or information shared without consent (migration 018): recorded once, never changed. */
/** A quality assurance audit of an organisation's cases of babies under one (migration 033). */
export interface QualityAuditsTable {
  id: string;
  organisation_id: string;
  scope: 'all' | 'sample';
  sample_size: number | null;
  seed: number | null;
  in_scope: number;
  started_on: DateOnly;
  started_at: Timestamp;
  started_by: string;
  started_by_name: string;
}

/** A case taken by an audit, in the order drawn (migration 033). */
export interface QualityAuditCasesTable {
  audit_id: string;
  case_id: string;
  position: number;
}

/** An answer to one of an audit's questions for one case, the latest given (migration 033). */
export interface QualityAuditAnswersTable {
  audit_id: string;
  case_id: string;
  question: string;
  answer: 'yes' | 'no' | 'not-applicable';
  note: string;
  record_said: string;
  answered_at: Timestamp;
  answered_by: string;
  answered_by_name: string;
}

export interface CaseConsentsTable {
  case_id: string;
  id: string;
  kind: 'consent' | 'withdrawal' | 'shared-without-consent';
  dated_on: DateOnly;
  asked_person_id: string | null;
  asked_name: string | null;
  purpose: string | null;
  answer: 'given' | 'refused' | null;
  withdraws: string | null;
  shared_what: string | null;
  shared_with: string | null;
  basis: 'safeguarding-child' | 'public-task' | 'legal-obligation' | 'vital-interests' | 'preventing-crime' | 'other' | null;
  basis_other: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  reason: string | null;
  note: string | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
  recorded_by_name: string;
}

/** A dispute of a chronology entry by a person (migration 037): recorded beside it, never changed. */
export interface ChronologyDisputesTable {
  case_id: string;
  id: string;
  entry_id: string;
  disputed_by: string;
  text: string;
  recorded_at: Timestamp;
  recorded_by: string | null;
  recorded_by_name: string;
  organisation_id: string;
  agency: string;
  received_from: ReceivedFromColumn;
}

/** A case closed for transfer to another area: what was sent, to whom, when, and the receipt (migration 038). */
export interface CaseTransfersTable {
  /** Migration 051: a case may be closed for transfer again after a cancellation, each transfer its own row. */
  id: string;
  case_id: string;
  to_area: string;
  contact: string;
  sent_at: Timestamp;
  sent_by: string;
  sent_by_name: string;
  from_area: string;
  sent: ColumnType<Record<string, unknown>, string, string>;
  receipt_due_on: DateOnly;
  receipt_confirmed_at: Timestamp | null;
  receipt_confirmed_by: string | null;
  receipt_confirmed_by_name: string | null;
  receipt_note: string | null;
  /** Migration 050: a transfer the sending area cancelled before its receipt was confirmed. */
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
  cancelled_by_name: string | null;
  cancel_reason: string | null;
}

/** A case made from another area's transfer pack: where it came from and the findings it was sent with (migration 038). */
export interface ReceivedTransfersTable {
  case_id: string;
  from_area: string;
  sending_case_id: string;
  sent_at: Timestamp;
  received_at: Timestamp;
  received_by: string;
  findings: ColumnType<{ severity: string; title: string }[], string, string>;
}

/** A proposal to withdraw a record made in error, waiting for a second person (migration 037); the confirmation removes it with the case. */
export interface CaseWithdrawalsTable {
  case_id: string;
  reason: string;
  proposed_at: Timestamp;
  proposed_by: string;
  proposed_by_name: string;
}

/** A person a FHIR import proposes for a record, waiting for a practitioner's decision (migration 041). */
export interface FhirProposedPeopleTable {
  case_id: string;
  id: string;
  organisation_id: string;
  agency: string;
  resource: string;
  given_name: string | null;
  family_name: string | null;
  relationship_to_infant: string;
  relationship_as_sent: string | null;
  sex: string | null;
  date_of_birth: DateOnly | null;
  nhs_number: string | null;
  received_at: Timestamp;
  decision: 'new-person' | 'same-person' | 'not-in-family' | null;
  person_id: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  /** Migration 051: the person as a merged transfer pack sent them, and their relationships (null from a FHIR import). */
  sent_in_transfer: ColumnType<Record<string, unknown> | null, string | null, string | null>;
}

/** A proposal to withdraw a person added to the wrong family, waiting for a second person (migration 040); the confirmation removes it with the person. */
export interface PersonWithdrawalsTable {
  case_id: string;
  person_id: string;
  reason: string;
  proposed_at: Timestamp;
  proposed_by: string;
  proposed_by_name: string;
}

/** An account an administrator granted the partnership's dashboard (migration 031). */
export interface PartnershipViewGrantsTable {
  user_id: string;
  granted_at: Timestamp;
  granted_by: string;
  granted_by_name: string;
}

/** Data protection officers, granted by an administrator beside the account's role (migration 039). */
export interface DataProtectionOfficersTable {
  user_id: string;
  granted_at: Timestamp;
  granted_by: string;
  granted_by_name: string;
}

/** Subject access requests and their clock, extension, redaction decisions and release (migration 039). */
export interface SubjectAccessRequestsTable {
  id: string;
  organisation_id: string;
  received_on: DateOnly;
  due_on: DateOnly;
  nhs_number: string | null;
  person_id: string | null;
  parent_nhs_number: string | null;
  subject_name: string;
  created_at: Timestamp;
  created_by: string;
  created_by_name: string;
}

export interface SubjectAccessExtensionsTable {
  request_id: string;
  due_on: DateOnly;
  reason: string;
  extended_at: Timestamp;
  extended_by: string;
  extended_by_name: string;
}

export interface SubjectAccessRedactionsTable {
  request_id: string;
  item_key: string;
  decision: 'redact' | 'disclose';
  reason: string;
  decided_at: Timestamp;
  decided_by: string;
  decided_by_name: string;
}

export interface SubjectAccessReleasesTable {
  request_id: string;
  released_at: Timestamp;
  released_by: string;
  released_by_name: string;
  disclosure: ColumnType<unknown, string, never>;
}

export interface SchemaMigrationsTable {
  id: string;
  applied_at: Timestamp;
}

export interface Database {
  settings: SettingsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  teams: TeamsTable;
  sessions: SessionsTable;
  sign_in_throttle: SignInThrottleTable;
  rate_limit_hits: RateLimitHitsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  cases: CasesTable;
  people: PeopleTable;
  case_team: CaseTeamTable;
  person_relationships: PersonRelationshipsTable;
  break_glass_access: BreakGlassAccessTable;
  profile_assessments: ProfileAssessmentsTable;
  profile_evidence: ProfileEvidenceTable;
  profile_versions: ProfileVersionsTable;
  profile_decisions: ProfileDecisionsTable;
  decision_confirmations: DecisionConfirmationsTable;
  chronology_entries: ChronologyEntriesTable;
  alerts: AlertsTable;
  alert_recipients: AlertRecipientsTable;
  outbox: OutboxTable;
  schema_migrations: SchemaMigrationsTable;
  case_plans: CasePlansTable;
  case_meetings: CaseMeetingsTable;
  case_supervisions: CaseSupervisionsTable;
  quality_audits: QualityAuditsTable;
  quality_audit_cases: QualityAuditCasesTable;
  quality_audit_answers: QualityAuditAnswersTable;
  case_consents: CaseConsentsTable;
  worker_heartbeats: WorkerHeartbeatsTable;
  service_settings: ServiceSettingsTable;
  level_proposals: LevelProposalsTable;
  profile_reevaluation_queue: ProfileReevaluationQueueTable;
  kept_forms: KeptFormsTable;
  user_two_factor: UserTwoFactorTable;
  user_recovery_codes: UserRecoveryCodesTable;
  user_provider_links: UserProviderLinksTable;
  growth_measurements: GrowthMeasurementsTable;
  partnership_view_grants: PartnershipViewGrantsTable;
  data_protection_officers: DataProtectionOfficersTable;
  subject_access_requests: SubjectAccessRequestsTable;
  subject_access_extensions: SubjectAccessExtensionsTable;
  subject_access_redactions: SubjectAccessRedactionsTable;
  subject_access_releases: SubjectAccessReleasesTable;
  legal_holds: LegalHoldsTable;
  chronology_disputes: ChronologyDisputesTable;
  case_withdrawals: CaseWithdrawalsTable;
  person_withdrawals: PersonWithdrawalsTable;
  case_transfers: CaseTransfersTable;
  received_transfers: ReceivedTransfersTable;
  fhir_proposed_people: FhirProposedPeopleTable;
  form_submissions: FormSubmissionsTable;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or a transaction: read-only helpers accept both. */
export type Queryable = Kysely<Database>;
