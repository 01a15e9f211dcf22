// The facts a case's dashboard summary is worked out from (issue 16, ADR 0017), read for the cases the
// summaries' writer names (case-summaries.ts: a refresh, the rebuild, the timescales' queued work) in a
// few statements, never one per case: the cases with the severities and ids of the latest profile
// version's findings, the assessments and significant adults counted (one statement, each table grouped
// by case in one pass and joined); the escalation decisions (one); the entries that run a clock or bring
// a review forward (one); the meetings (one). Only what the row needs: the team around the family is
// not read here (the row's organisations are read from it by the statement that writes the row,
// upsertSummaries), nor the baby's name. Each case's review and clocks are then worked out by their own
// domain rules. The tests' reference read (test/helpers/dashboard-cases.ts) adds the team, the name and
// the alerts to these facts, to hold the dashboards' SQL to the domain's counting case by case.
import { sql } from 'kysely';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { profileEventsFrom } from '../../domain/chronology/to-profile-event.ts';
import { isTriggerEventKind } from '../../domain/catalogue/catalogue.ts';
import type { Severity } from '../../domain/catalogue/finding-definitions.ts';
import { HAND_ASSESSED_RISK_FACTOR_IDS } from '../../domain/dashboards/completeness.ts';
import type { DecisionInView } from '../../domain/profile/escalation.ts';
import { decisionInForce } from '../profile/profile-decisions.ts';
import { isSignificantAdult } from '../../domain/profile/profile-subjects.ts';
import { nextReviewDate, type NextReview } from '../../domain/profile/review-schedule.ts';
import type { CaseLevel } from '../../domain/shared/case-levels.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { clockEventsFrom } from '../../domain/timescales/clock-events.ts';
import { timescaleClocks, type Clock } from '../../domain/timescales/clocks.ts';
import type { Meeting } from '../../domain/meetings/meeting.types.ts';
import type { SummarisedCase } from '../../domain/dashboards/case-summary.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { AppContext } from '../context.ts';
import { entryFromRow } from '../chronology/chronology-rows.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { CLOCK_AND_TRIGGER_KINDS } from '../timescales/case-clocks.ts';

type PersonJson = [relationship: string, lives: boolean, cares: boolean, visits: boolean][];

/** The ids of the cases with a member of this organisation in the team (an organisation's dashboard's refresh; a breakdown's row). */
export function casesWithMemberOf(db: Queryable, organisationId: string) {
  return db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select('case_team.case_id').where('users.organisation_id', '=', organisationId);
}

// One pass over each table, grouped by case and joined by hash (not a sub-query run once a case), in no
// order: the summaries need none.
async function readCases(db: Queryable, caseIds: readonly string[]) {
  const people = db
    .selectFrom('people as p')
    .select(['p.case_id', sql<PersonJson>`json_agg(json_build_array(p.relationship_to_infant, p.lives_in_household, p.cares_for_infant, p.visits_regularly))`.as('people')])
    .where('p.case_id', 'in', caseIds)
    .groupBy('p.case_id');
  const assessed = db
    .selectFrom('profile_assessments as pa')
    .select(['pa.case_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('pa.status', '<>', 'not-assessed')
    .where('pa.factor_id', 'in', [...HAND_ASSESSED_RISK_FACTOR_IDS])
    .where('pa.case_id', 'in', caseIds)
    .groupBy('pa.case_id');
  return db
    .selectFrom('cases')
    .leftJoin('profile_versions', (join) => join.onRef('profile_versions.case_id', '=', 'cases.id').onRef('profile_versions.version', '=', 'cases.profile_version'))
    .leftJoin(people.as('people'), 'people.case_id', 'cases.id')
    .leftJoin(assessed.as('assessed'), 'assessed.case_id', 'cases.id')
    .select([
      'cases.id',
      'cases.status',
      'cases.date_of_birth',
      'cases.expected_delivery_date',
      'cases.level',
      'cases.created_at',
      'cases.profile_reviewed_at',
      'cases.profile_version',
      sql<[string, Severity][] | null>`(select json_agg(json_build_array(f ->> 'id', f ->> 'severity')) from jsonb_array_elements(profile_versions.findings) as f)`.as('findings'),
      'people.people',
      'assessed.n as assessed',
    ])
    .where('cases.id', 'in', caseIds)
    .execute();
}

/**
 * The entries that run a clock or bring a review forward, and the corrections, of these cases, by case in chronology order
 * (loadChronologies' order), without their disputes (neither rule reads them). The kinds are the home page's
 * (CLOCK_AND_TRIGGER_KINDS), the ones the timing entries' partial index holds (migration 059, timing-entries-index.test.ts),
 * written into the text as chronologiesQuery writes them, so that the plan kept for any cases can use that index.
 */
export function timingEntriesQuery(db: Queryable, caseIds: readonly string[]) {
  return db
    .selectFrom('chronology_entries')
    .selectAll()
    .where((eb) => eb.or([eb('kind', 'in', CLOCK_AND_TRIGGER_KINDS.map((kind) => sql.lit(kind))), eb('corrects', 'is not', null)]))
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('occurred_on')
    .orderBy('occurred_at')
    .orderBy('recorded_at')
    .orderBy('id');
}

async function readTimingEntries(db: Queryable, caseIds: readonly string[]): Promise<Map<string, ChronologyEntry[]>> {
  const rows = await timingEntriesQuery(db, caseIds).execute();
  const byCase = new Map<string, ChronologyEntry[]>();
  for (const row of rows) {
    const entries = byCase.get(row.case_id);
    if (entries) entries.push(entryFromRow(row));
    else byCase.set(row.case_id, [entryFromRow(row)]);
  }
  return byCase;
}

async function readDecisions(db: Queryable, caseIds: readonly string[]): Promise<Map<string, DecisionInView[]>> {
  // Only decisions in force: one awaiting a safeguarding lead's confirmation, or overturned, is no decision (ADR 0027).
  const rows = await db.selectFrom('profile_decisions').select(['case_id', 'decided_at', 'findings']).where('case_id', 'in', caseIds).where(decisionInForce).execute();
  const byCase = new Map<string, DecisionInView[]>();
  for (const row of rows) {
    const decision = { decidedAt: row.decided_at.toISOString(), findings: row.findings.map((f) => ({ id: f.id, severity: f.severity })) };
    byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), decision]);
  }
  return byCase;
}

type MeetingForClocks = Pick<Meeting, 'kind' | 'heldOn' | 'section47' | 'protectionPlan'>;

/** The meetings of these cases, by case: what their clocks read of them. */
async function readMeetings(db: Queryable, caseIds: readonly string[]): Promise<Map<string, MeetingForClocks[]>> {
  const rows = await db.selectFrom('case_meetings').select(['case_id', 'kind', 'held_on', 'section47', 'protection_plan']).where('case_id', 'in', caseIds).execute();
  const byCase = new Map<string, MeetingForClocks[]>();
  for (const row of rows) {
    const meeting: MeetingForClocks = {
      kind: row.kind,
      heldOn: row.held_on,
      ...(row.section47 !== null ? { section47: row.section47 } : {}),
      ...(row.protection_plan !== null ? { protectionPlan: row.protection_plan } : {}),
    };
    byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), meeting]);
  }
  return byCase;
}

/** A case's facts as its summary is worked out from them, with its next review and its clocks on the day read. */
export interface SummaryFactsOfCase {
  facts: SummarisedCase;
  /** The profile version the facts are of. */
  profileVersion: number;
  next: NextReview;
  clocks: Clock[];
}

/** The facts of these cases on `today`, read from `db` (the writer's transaction when it has one) in five statements whatever their number. */
export async function readSummaryFacts(ctx: AppContext, db: Queryable, caseIds: readonly string[], today: string): Promise<SummaryFactsOfCase[]> {
  if (caseIds.length === 0) return [];
  const [rows, entriesByCase, decisions, meetings, inForce] = await Promise.all([readCases(db, caseIds), readTimingEntries(db, caseIds), readDecisions(db, caseIds), readMeetings(db, caseIds), settingsInForce(ctx, db)]);
  return rows.map((row): SummaryFactsOfCase => {
    const caseEntries = entriesByCase.get(row.id) ?? [];
    const triggers = profileEventsFrom(caseEntries).filter((e) => isTriggerEventKind(e.kind));
    const people = (row.people ?? []).map(([relationshipToInfant, livesInHousehold, caresForInfant, visitsRegularly]) => ({ relationshipToInfant, livesInHousehold, caresForInfant, visitsRegularly }));
    const events = clockEventsFrom({ entries: caseEntries, meetings: meetings.get(row.id) ?? [], bornOn: row.date_of_birth, expectedDeliveryOn: row.expected_delivery_date });
    return {
      facts: {
        caseId: row.id,
        status: row.status,
        dateOfBirth: row.date_of_birth,
        level: row.level,
        openedOn: serviceToday(row.created_at),
        findings: (row.findings ?? []).map(([id, severity]) => ({ id, severity })),
        decisions: decisions.get(row.id) ?? [],
        lastReviewedAt: row.profile_reviewed_at?.toISOString() ?? null,
        assessedRiskFactors: Number(row.assessed ?? 0),
        significantAdults: people.filter(isSignificantAdult).length,
      },
      profileVersion: row.profile_version,
      // The London day of the last review, as the case list and the profile page read it.
      next: nextReviewDate(row.level as CaseLevel, row.profile_reviewed_at ? serviceToday(row.profile_reviewed_at) : null, triggers),
      clocks: timescaleClocks(events, today, inForce.settings.timescales),
    };
  });
}
