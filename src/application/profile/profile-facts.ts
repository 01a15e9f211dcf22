// Reads what the profile is evaluated from (the infant, the people, the stored assessments with
// their evidence, the chronology) and evaluates it.
import { evaluateProfile } from '../../domain/profile/evaluate-profile.ts';
import type { Evidence, FactorAssessment, ProfileEvaluation, ProfileFacts } from '../../domain/profile/profile.types.ts';
import { nextReviewDate, type NextReview } from '../../domain/profile/review-schedule.ts';
import type { CaseLevel } from '../../domain/shared/case-levels.ts';
import type { EvidenceSource } from '../../domain/catalogue/evidence-sources.ts';
import type { FactorId } from '../../domain/catalogue/factor-ids.ts';
import type { Subject } from '../../domain/catalogue/subjects.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { observationsFromAssessments } from '../../domain/chronology/factor-observations.ts';
import { findPatterns } from '../../domain/chronology/find-patterns.ts';
import { profileEventsFrom } from '../../domain/chronology/to-profile-event.ts';
import { isStressResponseId } from '../../domain/catalogue/stress-responses.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { personDisplayName } from '../../domain/people/relationships.ts';
import type { Database, FindingSnapshot, Queryable } from '../../infrastructure/db/schema.ts';
import type { Selectable } from 'kysely';
import { loadChronologies, loadChronology } from '../chronology/chronology-rows.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

export interface StoredProfile {
  facts: ProfileFacts;
  level: string;
  profileVersion: number;
  reviewedAt: Date | null;
  /** The version of each stored assessment, by `factorId|subjectKey`. */
  versions: Map<string, number>;
  /** The whole chronology it was evaluated from, in order. */
  chronology: readonly ChronologyEntry[];
}

export function subjectKey(subject: Subject, personId?: string | null): string {
  return subject === 'adult' ? (personId ?? '') : subject;
}

export function assessmentKey(factorId: string, key: string): string {
  return `${factorId}|${key}`;
}

type Selected<T extends keyof Database> = Selectable<Database[T]>;

/** What one profile is evaluated from, as read from the database. */
interface ProfileRows {
  record: Selected<'cases'>;
  people: Selected<'people'>[];
  assessments: Selected<'profile_assessments'>[];
  evidence: Selected<'profile_evidence'>[];
  entries: readonly ChronologyEntry[];
}

/** `chronology`: the case's entries when the caller has them already, so they are not read twice. */
export async function loadStoredProfile(db: Queryable, caseId: string, today: string, chronology?: readonly ChronologyEntry[]): Promise<StoredProfile | null> {
  const record = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!record) return null;
  const [people, assessments, evidence, entries] = await Promise.all([
    db.selectFrom('people').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('profile_assessments').selectAll().where('case_id', '=', caseId).execute(),
    db.selectFrom('profile_evidence').selectAll().where('case_id', '=', caseId).orderBy('recorded_at').orderBy('id').execute(),
    chronology ?? loadChronology(db, caseId),
  ]);
  return storedProfileFrom({ record, people, assessments, evidence, entries }, today);
}

function byCase<T extends { case_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const group = grouped.get(row.case_id);
    if (group) group.push(row);
    else grouped.set(row.case_id, [row]);
  }
  return grouped;
}

/**
 * Many profiles in five queries, whatever their number (for re-evaluating them all); missing ids are
 * left out. `known`: chronologies the caller has already (kept by the chronology cache), not read again.
 */
export async function loadStoredProfiles(db: Queryable, caseIds: readonly string[], today: string, known: ReadonlyMap<string, readonly ChronologyEntry[]> = new Map()): Promise<Map<string, StoredProfile>> {
  const profiles = new Map<string, StoredProfile>();
  if (caseIds.length === 0) return profiles;
  const ids = [...caseIds];
  const unknown = ids.filter((id) => !known.has(id));
  const [records, people, assessments, evidence, loaded] = await Promise.all([
    db.selectFrom('cases').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('people').selectAll().where('case_id', 'in', ids).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('profile_assessments').selectAll().where('case_id', 'in', ids).execute(),
    db.selectFrom('profile_evidence').selectAll().where('case_id', 'in', ids).orderBy('recorded_at').orderBy('id').execute(),
    loadChronologies(db, unknown),
  ]);
  const chronologies = new Map<string, readonly ChronologyEntry[]>([...loaded, ...known]);
  const peopleByCase = byCase(people);
  const assessmentsByCase = byCase(assessments);
  const evidenceByCase = byCase(evidence);
  for (const record of records) {
    profiles.set(
      record.id,
      storedProfileFrom(
        {
          record,
          people: peopleByCase.get(record.id) ?? [],
          assessments: assessmentsByCase.get(record.id) ?? [],
          evidence: evidenceByCase.get(record.id) ?? [],
          entries: chronologies.get(record.id) ?? [],
        },
        today,
      ),
    );
  }
  return profiles;
}

function storedProfileFrom({ record, people, assessments, evidence, entries }: ProfileRows, today: string): StoredProfile {
  const evidenceByKey = new Map<string, Evidence[]>();
  for (const row of evidence) {
    const key = assessmentKey(row.factor_id, row.subject_key);
    const item: Evidence = {
      source: row.source as EvidenceSource,
      note: row.note,
      recordedAt: row.recorded_at.toISOString(),
      recordedBy: row.recorded_by_name,
      agency: row.agency,
      indicates: row.indicates,
      ...(row.event_id ? { eventId: row.event_id } : {}),
      ...(row.given_by ? { givenBy: row.given_by } : {}),
    };
    evidenceByKey.set(key, [...(evidenceByKey.get(key) ?? []), item]);
  }
  const versions = new Map<string, number>();
  const stored: FactorAssessment[] = assessments.map((row) => {
    const key = assessmentKey(row.factor_id, row.subject_key);
    versions.set(key, row.version);
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
  return {
    level: record.level,
    profileVersion: record.profile_version,
    reviewedAt: record.profile_reviewed_at,
    versions,
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
      },
      people: people.map((p) => ({
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
      })),
      assessments: stored,
      events: profileEventsFrom(entries),
      patterns: findPatterns({
        entries,
        dateOfBirth: record.date_of_birth,
        today,
        names: new Map(people.map((p) => [p.id, personDisplayName({ givenName: p.given_name, familyName: p.family_name, description: p.description, identityKnown: p.identity_known })])),
        observations: observationsFromAssessments(stored),
      }),
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
  const review = nextReviewDate(stored.level as CaseLevel, stored.facts.lastReviewedAt, stored.facts.events);
  return { stored, evaluation: evaluateProfile({ ...stored.facts, reviewDueOn: review.dueOn }), review };
}

/** The profile as the rules see it now: what is stored, its next review, and the evaluation. */
export async function evaluateStoredProfile(db: Queryable, caseId: string, today: string): Promise<EvaluatedProfile | null> {
  const stored = await loadStoredProfile(db, caseId, today);
  return stored ? evaluateStored(stored) : null;
}

/** The findings of an evaluation as a version stores them. */
export function snapshotFindings(evaluation: ProfileEvaluation): FindingSnapshot[] {
  return evaluation.findings.map((f) => ({ id: f.id, severity: f.severity, rationale: f.rationale }));
}
