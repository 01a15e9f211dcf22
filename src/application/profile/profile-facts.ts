// Reads what the profile is evaluated from (the infant and its growth measurements, the people, the stored assessments with
// their evidence, the chronology, the kinds of agency in the team around the family, the check items
// of the current plan) and evaluates it.
import { evaluateProfile } from '../../domain/profile/evaluate-profile.ts';
import type { Evidence, FactorAssessment, ProfileEvaluation, ProfileFacts } from '../../domain/profile/profile.types.ts';
import { nextReviewDate, type NextReview } from '../../domain/profile/review-schedule.ts';
import type { CaseLevel } from '../../domain/shared/case-levels.ts';
import type { EvidenceSource } from '../../domain/catalogue/evidence-sources.ts';
import type { FactorId } from '../../domain/catalogue/factor-ids.ts';
import type { Subject } from '../../domain/catalogue/subjects.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { observationsFromAssessments } from '../../domain/chronology/factor-observations.ts';
import { significantAdults } from '../../domain/profile/profile-subjects.ts';
import { profileSettings } from '../../domain/profile/profile-settings.ts';
import { isStressResponseId } from '../../domain/catalogue/stress-responses.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { householdChildrenFrom } from '../../domain/people/household-children.ts';
import { personDisplayName } from '../../domain/people/relationships.ts';
import type { Database, FindingSnapshot, Queryable } from '../../infrastructure/db/schema.ts';
import type { GrowthMeasurement } from '../../domain/growth/growth.types.ts';
import type { Selectable } from 'kysely';
import type { ServiceSettings } from '../../domain/settings/service-settings.ts';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { notTakenUp } from '../alerts/open-alerts.ts';
import { loadChronologies } from '../chronology/chronology-rows.ts';
import { patternsOfCase } from './pattern-states.ts';
import { eventReadingOfCase } from './event-readings.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { DecisionInView } from '../../domain/profile/escalation.ts';
import { decisionInForce } from './profile-decisions.ts';
import type { Meeting } from '../../domain/meetings/meeting.types.ts';
import { isUnverifiedReceived, type ReceivedAssessmentMark, type ReceivedMark } from '../../domain/transfer/transfer-record.ts';

export interface StoredProfile {
  facts: ProfileFacts;
  level: string;
  profileVersion: number;
  reviewedAt: Date | null;
  /** The version of each stored assessment, by `factorId|subjectKey`. */
  versions: Map<string, number>;
  /** Where each assessment received in a transfer and not yet confirmed or re-assessed here came from, by `factorId|subjectKey`. */
  receivedUnconfirmed: Map<string, ReceivedMark>;
  /** The whole chronology it was evaluated from, in order. */
  chronology: readonly ChronologyEntry[];
  /** The findings the case's current version holds (before any change now being made); none before the first version. */
  currentFindings: FindingSnapshot[];
  /** The service's day the record was made. */
  openedOn: string;
  /** What only the dashboards' summary reads (application/dashboards/case-summaries.ts), when asked for (`withSummaryFacts`). */
  summaryFacts?: SummaryFacts;
  /** The findings with a critical-finding alert on the case that nobody has taken up, when asked for (`withOpenFindingAlerts`). */
  openFindingAlerts?: ReadonlySet<string>;
}

/** The escalation decisions and the meetings of a case: what its dashboards' summary reads beside the profile. */
export interface SummaryFacts {
  decisions: DecisionInView[];
  meetings: Pick<Meeting, 'kind' | 'heldOn' | 'section47' | 'protectionPlan'>[];
}

export function subjectKey(subject: Subject, personId?: string | null): string {
  return subject === 'adult' ? (personId ?? '') : subject;
}

export function assessmentKey(factorId: string, key: string): string {
  return `${factorId}|${key}`;
}

/** A person, as the profile reads them. */
interface PersonRow {
  id: string;
  given_name: string | null;
  family_name: string | null;
  description: string | null;
  identity_known: boolean;
  relationship_to_infant: string;
  lives_in_household: boolean;
  cares_for_infant: boolean;
  visits_regularly: boolean;
  date_of_birth: string | null;
  history_checked: boolean;
  sex: string | null;
}

/** A stored assessment, as the profile reads it. */
interface AssessmentRow {
  factor_id: string;
  subject_key: string;
  person_id: string | null;
  status: FactorAssessment['status'];
  detail: string | null;
  pattern: 'stable' | 'chaotic' | null;
  reason: string | null;
  protection: { how: string; whenPresent: string } | null;
  responses: string[] | null;
  version: number;
  received_from: ReceivedAssessmentMark | null;
}

/** A piece of evidence, as the profile reads it; `recorded_at` comes as JSON text. */
interface EvidenceRow {
  factor_id: string;
  subject_key: string;
  source: string;
  note: string;
  recorded_at: string;
  recorded_by_name: string;
  agency: string;
  indicates: 'present' | 'absent';
  event_id: string | null;
  given_by: string | null;
  /** YYYY-MM-DD as JSON text. */
  seen_on: string | null;
}

/** What one profile is evaluated from, as read from the database. */
interface ProfileRows {
  record: Selectable<Database['cases']>;
  people: readonly PersonRow[];
  assessments: readonly AssessmentRow[];
  evidence: readonly EvidenceRow[];
  entries: readonly ChronologyEntry[];
  /** The kinds of agency in the team, each once. */
  teamAgencies: readonly string[];
  /** The baby's growth measurements, oldest first. */
  measurements: readonly GrowthMeasurement[];
  /** The ids of the check items of the case's current plan (none without a plan): a check missed for an item the plan no longer holds is history. */
  planItemIds: ReadonlySet<string>;
}

/** `chronology`: the case's entries when the caller has them already, so they are not read twice. */
export async function loadStoredProfile(db: Queryable, caseId: string, today: string, settings: ServiceSettings, chronology?: readonly ChronologyEntry[]): Promise<StoredProfile | null> {
  const profiles = await loadStoredProfiles(db, [caseId], today, settings, chronology ? new Map([[caseId, chronology]]) : new Map());
  return profiles.get(caseId) ?? null;
}

/**
 * Many profiles in two statements, whatever their number: the cases with their people, assessments,
 * evidence and current findings (as JSON built by the database), and the chronologies not known
 * already; missing ids are left out. `known`: chronologies the caller has already (kept by the
 * chronology cache), not read again. `withSummaryFacts`: the cases' escalation decisions and meetings
 * too, in the same statement, for the dashboards' summary written with the version (ADR 0017).
 * `withOpenFindingAlerts`: the findings whose critical-finding alert is still open, in the same
 * statement, so a change that newly shows one knows whether it alerts without another read (ADR 0022).
 */
export async function loadStoredProfiles(
  db: Queryable,
  caseIds: readonly string[],
  today: string,
  settings: ServiceSettings,
  known: ReadonlyMap<string, readonly ChronologyEntry[]> = new Map(),
  { withSummaryFacts = false, withOpenFindingAlerts = false }: { withSummaryFacts?: boolean; withOpenFindingAlerts?: boolean } = {},
): Promise<Map<string, StoredProfile>> {
  const profiles = new Map<string, StoredProfile>();
  if (caseIds.length === 0) return profiles;
  const ids = [...caseIds];
  const unknown = ids.filter((id) => !known.has(id));
  const [records, loaded] = await Promise.all([
    db
      .selectFrom('cases')
      .selectAll('cases')
      .select((eb) => [
        jsonArrayFrom(
          eb
            .selectFrom('people')
            .select(['id', 'given_name', 'family_name', 'description', 'identity_known', 'relationship_to_infant', 'lives_in_household', 'cares_for_infant', 'visits_regularly', 'date_of_birth', 'history_checked', 'sex'])
            .whereRef('people.case_id', '=', 'cases.id')
            .orderBy('people.created_at')
            .orderBy('people.id'),
        ).as('people'),
        jsonArrayFrom(
          eb
            .selectFrom('profile_assessments')
            .select(['factor_id', 'subject_key', 'person_id', 'status', 'detail', 'pattern', 'reason', 'protection', 'responses', 'version', 'received_from'])
            .whereRef('profile_assessments.case_id', '=', 'cases.id'),
        ).as('assessments'),
        jsonArrayFrom(
          eb
            .selectFrom('profile_evidence')
            .select(['factor_id', 'subject_key', 'source', 'note', 'recorded_at', 'recorded_by_name', 'agency', 'indicates', 'event_id', 'given_by', 'seen_on'])
            .whereRef('profile_evidence.case_id', '=', 'cases.id')
            .orderBy('profile_evidence.recorded_at')
            .orderBy('profile_evidence.id'),
        ).as('evidence'),
        jsonArrayFrom(
          eb
            .selectFrom('growth_measurements')
            .select(['id', 'kind', 'value', 'measured_on', 'recorded_by_name', 'agency', 'entry_id'])
            .whereRef('growth_measurements.case_id', '=', 'cases.id')
            .orderBy('growth_measurements.measured_on')
            .orderBy('growth_measurements.recorded_at'),
        ).as('measurements'),
        // The kinds of agency in the team around the family, each once (a switched-off account stays in the team).
        jsonArrayFrom(
          eb
            .selectFrom('case_team')
            .innerJoin('users', 'users.id', 'case_team.user_id')
            .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
            .select('organisations.kind')
            .distinct()
            .whereRef('case_team.case_id', '=', 'cases.id')
            .orderBy('organisations.kind'),
        ).as('team_agencies'),
        eb
          .selectFrom('profile_versions')
          .select('profile_versions.findings')
          .whereRef('profile_versions.case_id', '=', 'cases.id')
          .whereRef('profile_versions.version', '=', 'cases.profile_version')
          .as('current_findings'),
        // The check items of the current plan (the highest version), for the plan-check-missed pattern.
        eb
          .selectFrom('case_plans')
          .select('case_plans.check_items')
          .whereRef('case_plans.case_id', '=', 'cases.id')
          .orderBy('case_plans.version', 'desc')
          .limit(1)
          .as('plan_check_items'),
      ])
      .$if(withSummaryFacts, (q) =>
        q.select((eb) => [
          // Only decisions in force (ADR 0027).
          jsonArrayFrom(eb.selectFrom('profile_decisions').select(['decided_at', 'findings']).whereRef('profile_decisions.case_id', '=', 'cases.id').where(decisionInForce)).as('summary_decisions'),
          jsonArrayFrom(eb.selectFrom('case_meetings').select(['kind', 'held_on', 'section47', 'protection_plan']).whereRef('case_meetings.case_id', '=', 'cases.id')).as('summary_meetings'),
        ]),
      )
      .$if(withOpenFindingAlerts, (q) =>
        q.select((eb) =>
          jsonArrayFrom(
            eb
              .selectFrom('alerts')
              .select('alerts.finding_id')
              .whereRef('alerts.case_id', '=', 'cases.id')
              .where('alerts.reason', '=', 'critical-finding')
              .where('alerts.finding_id', 'is not', null)
              .where(notTakenUp),
          ).as('open_finding_alerts'),
        ),
      )
      .where('cases.id', 'in', ids)
      .execute(),
    loadChronologies(db, unknown),
  ]);
  const chronologies = new Map<string, readonly ChronologyEntry[]>([...loaded, ...known]);
  for (const { people, assessments, evidence, measurements, current_findings, team_agencies, plan_check_items, summary_decisions, summary_meetings, open_finding_alerts, ...record } of records) {
    const stored = storedProfileFrom(
      {
        record,
        people: people,
        assessments: assessments as unknown as AssessmentRow[],
        evidence: evidence,
        entries: chronologies.get(record.id) ?? [],
        teamAgencies: team_agencies.map((row) => row.kind),
        measurements: measurements.map((m) => ({ id: m.id, kind: m.kind, value: m.value, measuredOn: m.measured_on, recordedBy: m.recorded_by_name, agency: m.agency, entryId: m.entry_id })),
        planItemIds: new Set((plan_check_items ?? []).flatMap((item) => (typeof item['id'] === 'string' ? [item['id']] : []))),
      },
      today,
      settings,
    );
    const summaryFacts = summary_decisions && summary_meetings ? summaryFactsFrom(summary_decisions, summary_meetings) : undefined;
    const openFindingAlerts = open_finding_alerts ? new Set(open_finding_alerts.flatMap((row) => (row.finding_id ? [row.finding_id] : []))) : undefined;
    profiles.set(record.id, { ...stored, currentFindings: current_findings ?? [], openedOn: serviceToday(record.created_at), ...(summaryFacts ? { summaryFacts } : {}), ...(openFindingAlerts ? { openFindingAlerts } : {}) });
  }
  return profiles;
}

/** The decisions and meetings as the database gave them in JSON (times as text) in the shapes the domain reads. */
function summaryFactsFrom(
  decisions: readonly { decided_at: unknown; findings: readonly FindingSnapshot[] }[],
  meetings: readonly { kind: Meeting['kind']; held_on: string; section47: boolean | null; protection_plan: boolean | null }[],
): SummaryFacts {
  return {
    decisions: decisions.map((row) => ({ decidedAt: new Date(row.decided_at as string).toISOString(), findings: row.findings.map((f) => ({ id: f.id, severity: f.severity })) })),
    meetings: meetings.map((row) => ({
      kind: row.kind,
      heldOn: row.held_on,
      ...(row.section47 !== null ? { section47: row.section47 } : {}),
      ...(row.protection_plan !== null ? { protectionPlan: row.protection_plan } : {}),
    })),
  };
}

function storedProfileFrom({ record, people, assessments, evidence, entries, teamAgencies, measurements, planItemIds }: ProfileRows, today: string, settings: ServiceSettings): Omit<StoredProfile, 'currentFindings' | 'openedOn' | 'summaryFacts'> {
  const evidenceByKey = new Map<string, Evidence[]>();
  for (const row of evidence) {
    const key = assessmentKey(row.factor_id, row.subject_key);
    const item: Evidence = {
      source: row.source as EvidenceSource,
      note: row.note,
      recordedAt: new Date(row.recorded_at).toISOString(),
      recordedBy: row.recorded_by_name,
      agency: row.agency,
      indicates: row.indicates,
      ...(row.event_id ? { eventId: row.event_id } : {}),
      ...(row.given_by ? { givenBy: row.given_by } : {}),
      ...(row.seen_on ? { seenOn: row.seen_on } : {}),
    };
    evidenceByKey.set(key, [...(evidenceByKey.get(key) ?? []), item]);
  }
  const versions = new Map<string, number>();
  const receivedUnconfirmed = new Map<string, ReceivedMark>();
  const stored: FactorAssessment[] = assessments.map((row) => {
    const key = assessmentKey(row.factor_id, row.subject_key);
    versions.set(key, row.version);
    if (row.received_from && isUnverifiedReceived(row.received_from, row.version)) receivedUnconfirmed.set(key, { area: row.received_from.area, receivedOn: row.received_from.receivedOn });
    const subject: Subject = row.person_id ? 'adult' : (row.subject_key as Subject);
    return {
      factorId: row.factor_id as FactorId,
      subject,
      ...(row.person_id ? { personId: row.person_id } : {}),
      status: row.status,
      ...(row.detail ? { detail: row.detail } : {}),
      ...(row.pattern ? { pattern: row.pattern } : {}),
      ...(row.reason ? { reason: row.reason } : {}),
      ...(row.protection ? { protection: row.protection } : {}),
      ...(row.responses ? { responses: row.responses.filter(isStressResponseId) } : {}),
      evidence: evidenceByKey.get(key) ?? [],
    };
  });
  // Evidence can come before anyone records the factor (a contact saw the cot): it sits under a
  // factor still not assessed, so it shows, and conflicts with a later exclusion, without a row.
  const recorded = new Set(assessments.map((row) => assessmentKey(row.factor_id, row.subject_key)));
  for (const row of evidence) {
    const key = assessmentKey(row.factor_id, row.subject_key);
    if (recorded.has(key)) continue;
    recorded.add(key);
    const subject: Subject = row.subject_key === 'infant' || row.subject_key === 'household' ? row.subject_key : 'adult';
    stored.push({ factorId: row.factor_id as FactorId, subject, ...(subject === 'adult' ? { personId: row.subject_key } : {}), status: 'not-assessed', evidence: evidenceByKey.get(key) ?? [] });
  }
  const profilePeople = people.map((p) => ({
    id: p.id,
    name: personDisplayName({ givenName: p.given_name, familyName: p.family_name, description: p.description, identityKnown: p.identity_known }),
    relationshipToInfant: p.relationship_to_infant,
    livesInHousehold: p.lives_in_household,
    caresForInfant: p.cares_for_infant,
    visitsRegularly: p.visits_regularly,
    identityKnown: p.identity_known,
    dateOfBirth: p.date_of_birth,
    historyChecked: p.history_checked,
    sex: (p.sex as 'female' | 'male' | 'unknown' | null) ?? null,
  }));
  // Fed only the entries added since the case's last evaluation, when its chronology was kept (ADR 0020).
  const eventReading = eventReadingOfCase(record.id, entries, new Set(significantAdults(profilePeople).adults.map((p) => p.id)), profileSettings(settings.profile));
  return {
    level: record.level,
    profileVersion: record.profile_version,
    reviewedAt: record.profile_reviewed_at,
    versions,
    receivedUnconfirmed,
    chronology: entries,
    facts: {
      today,
      infant: {
        status: record.status,
        name: infantDisplayName({ status: record.status, givenName: record.given_name, familyName: record.family_name }),
        dateOfBirth: record.date_of_birth,
        expectedDeliveryDate: record.expected_delivery_date,
        gestationAtBirthWeeks: record.gestation_at_birth_weeks,
        birthWeightGrams: record.birth_weight_grams,
        multipleBirth: record.multiple_birth,
        independentlyMobile: record.independently_mobile,
        sex: record.sex,
        measurements,
        householdChildren: householdChildrenFrom(record.household_children),
      },
      people: profilePeople,
      assessments: stored,
      events: eventReading.events,
      eventReading,
      // Fed only the entries added since the case's last evaluation, when its chronology was kept (ADR 0020).
      patterns: patternsOfCase(record.id, {
        entries,
        dateOfBirth: record.date_of_birth,
        today,
        names: new Map(profilePeople.map((p) => [p.id, p.name])),
        observations: observationsFromAssessments(stored),
        planItemIds,
        settings: { unseen: settings.unseen, missedAppointments: { inARow: settings.missedAppointmentsInARow }, profile: settings.profile },
      }),
      teamAgencies,
      settings: settings.profile,
      lastReviewedAt: record.profile_reviewed_at ? serviceToday(record.profile_reviewed_at) : null,
      reviewDueOn: null,
    },
  };
}

export interface EvaluatedProfile {
  stored: StoredProfile;
  evaluation: ProfileEvaluation;
  review: NextReview;
}

/** The rules applied to a stored profile, with its next review. */
export function evaluateStored(stored: StoredProfile): EvaluatedProfile {
  // The reading's triggers are the events nextReviewDate would pick them from.
  const reading = stored.facts.eventReading;
  const review = nextReviewDate(stored.level as CaseLevel, stored.facts.lastReviewedAt, reading?.events === stored.facts.events ? reading.triggers : stored.facts.events);
  return { stored, evaluation: evaluateProfile({ ...stored.facts, reviewDueOn: review.dueOn }), review };
}

/** The profile as the rules see it now: what is stored, its next review, and the evaluation. */
export async function evaluateStoredProfile(db: Queryable, caseId: string, today: string, settings: ServiceSettings): Promise<EvaluatedProfile | null> {
  const stored = await loadStoredProfile(db, caseId, today, settings);
  return stored ? evaluateStored(stored) : null;
}

/** The findings of an evaluation as a version stores them. */
export function snapshotFindings(evaluation: ProfileEvaluation): FindingSnapshot[] {
  return evaluation.findings.map((f) => ({ id: f.id, severity: f.severity, rationale: f.rationale }));
}
