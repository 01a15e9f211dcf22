// The clocks of a case on the service's day (issue 13): its chronology entries, meetings, birth and
// due date mapped to ClockEvents (clock-events.ts), run through the domain's clocks with the area's
// timescale settings. readCaseClocks is for a use case that has already decided the caller's access
// (the meetings page, the case page, the review); it takes the chronology the chronology cache keeps
// and reads only the entries of it kept for the clocks (clock-entries-kept.ts), so a view neither
// reads nor walks the whole chronology for them. viewTimescales checks access itself, as viewPlan
// does, and audits the look, a refusal and a missing case as timescales.view. readClocksOfCases gives
// the clocks of many cases from one read of their entries and one of their meetings (the retention run;
// My cases reads its cases' entries within its own list statement, list-my-cases.ts).
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { isTriggerEventKind } from '../../domain/catalogue/catalogue.ts';
import { EVENT_KIND_IDS, type EventKindId } from '../../domain/catalogue/event-kinds.ts';
import type { Clock } from '../../domain/timescales/clocks.ts';
import { timescaleClocks } from '../../domain/timescales/clocks.ts';
import type { Meeting, RecordedMeeting } from '../../domain/meetings/meeting.types.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { loadChronologies } from '../chronology/chronology-rows.ts';
import type { AppContext } from '../context.ts';
import { readMeetings } from '../meetings/meeting-rows.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { clockEventsFrom } from '../../domain/timescales/clock-events.ts';
import { clockEntriesOfCase } from './clock-entries-kept.ts';

export type { Clock } from '../../domain/timescales/clocks.ts';

/** What a caller may have read already, so it is not read again. */
export interface KnownForClocks {
  meetings?: readonly RecordedMeeting[];
  /**
   * The case's whole chronology, committed, as the chronology cache hands it on (ctx.chronologies, or
   * a profile read through it): the entries it shares with the one the clocks last read are not looked
   * at again. Read through the cache when not given.
   */
  entries?: readonly ChronologyEntry[];
  /** The case's dates, YYYY-MM-DD or null. */
  dates?: { bornOn: string | null; expectedDeliveryOn: string | null };
}

/** A case's row as a use case reads it for its clocks: its dates (YYYY-MM-DD or null) and its profile version. */
export interface CaseRowForClocks {
  date_of_birth: string | null;
  expected_delivery_date: string | null;
  profile_version: number;
}

/**
 * What readCaseClocks need not read again once the case's row is read: its dates, and its chronology
 * when the chronology cache keeps it at the row's version (else readCaseClocks reads it through the cache).
 */
export function knownForClocks(ctx: AppContext, caseId: string, row: CaseRowForClocks): KnownForClocks {
  return { dates: { bornOn: row.date_of_birth, expectedDeliveryOn: row.expected_delivery_date }, entries: ctx.chronologies.at(caseId, row.profile_version) };
}

/** The case's clocks on `today`, in the domain's order; null when there is no such case. */
export async function readCaseClocks(ctx: AppContext, caseId: string, today: string, known: KnownForClocks = {}): Promise<Clock[] | null> {
  const dates =
    known.dates ??
    (await ctx.db
      .selectFrom('cases')
      .select(['date_of_birth as bornOn', 'expected_delivery_date as expectedDeliveryOn'])
      .where('id', '=', caseId)
      .executeTakeFirst());
  if (!dates) return null;
  const [chronology, meetings, inForce] = await Promise.all([known.entries ?? ctx.chronologies.read(ctx.db, caseId), known.meetings ?? readMeetings(ctx.db, caseId), settingsInForce(ctx)]);
  const events = clockEventsFrom({ entries: clockEntriesOfCase(caseId, chronology ?? []), meetings, ...dates });
  return timescaleClocks(events, today, inForce.settings.timescales);
}

/**
 * The chronology kinds the clocks are computed from (clock-events.ts): referrals, decisions on them,
 * assessments, strategy discussions, conferences, core groups and the birth. A reader of many cases
 * reads only these and the corrections (a correction can turn an entry into another kind, or take
 * one of these away).
 */
export const CLOCK_ENTRY_KINDS: readonly EventKindId[] = ['referral', 'referral-decision', 'assessment-completed', 'strategy-discussion', 'conference', 'core-group', 'birth'];

/**
 * The most a reader of many cases asks for: the clocks' kinds and those that bring a profile review forward
 * (the home page, the dashboards). Migration 059's index holds the entries of these kinds and the
 * corrections, so a read of these kinds or fewer is a descent per case, not a read of every entry of each
 * case; timing-entries-index.test.ts fails when one of them is missing from the index.
 */
export const CLOCK_AND_TRIGGER_KINDS: readonly EventKindId[] = [...new Set([...CLOCK_ENTRY_KINDS, ...EVENT_KIND_IDS.filter((kind) => isTriggerEventKind(kind))])];

/** A case as readClocksOfCases needs it: its id and its dates (YYYY-MM-DD or null). */
export interface CaseForClocks {
  id: string;
  bornOn: string | null;
  expectedDeliveryOn: string | null;
}

/** Entries of the clock kinds and corrections of these cases, by case, in chronology order: one query. */
export async function readClockEntriesOfCases(db: Queryable, caseIds: readonly string[], alsoKinds: readonly EventKindId[] = []): Promise<Map<string, ChronologyEntry[]>> {
  return loadChronologies(db, caseIds, [...new Set([...CLOCK_ENTRY_KINDS, ...alsoKinds])]);
}

/** What readClocksOfCases reads of these cases' meetings. */
function meetingsForClocksQuery(db: Queryable, caseIds: readonly string[]) {
  return db.selectFrom('case_meetings').select(['case_id', 'kind', 'held_on', 'section47', 'protection_plan']).where('case_id', 'in', [...caseIds]);
}

type MeetingForClocks = Pick<Meeting, 'kind' | 'heldOn' | 'section47' | 'protectionPlan'>;

/**
 * The clocks of each case on `today`, by case id, from one read of their meetings, the area's
 * settings once, and `entries` (readClockEntriesOfCases, or more: entries of other kinds are not
 * counted; or the promise of them, to read the meetings meanwhile); the entries are read here when not given. No query per case.
 */
export async function readClocksOfCases(
  ctx: AppContext,
  cases: readonly CaseForClocks[],
  today: string,
  entries?: ReadonlyMap<string, readonly ChronologyEntry[]> | Promise<ReadonlyMap<string, readonly ChronologyEntry[]>>,
): Promise<Map<string, Clock[]>> {
  const clocks = new Map<string, Clock[]>();
  if (cases.length === 0) return clocks;
  const ids = cases.map((c) => c.id);
  const [entriesByCase, meetingRows, inForce] = await Promise.all([
    entries ?? readClockEntriesOfCases(ctx.db, ids),
    meetingsForClocksQuery(ctx.db, ids).execute(),
    settingsInForce(ctx),
  ]);
  const meetings = new Map<string, MeetingForClocks[]>();
  for (const row of meetingRows) {
    const meeting: MeetingForClocks = {
      kind: row.kind,
      heldOn: row.held_on,
      ...(row.section47 !== null ? { section47: row.section47 } : {}),
      ...(row.protection_plan !== null ? { protectionPlan: row.protection_plan } : {}),
    };
    const list = meetings.get(row.case_id);
    if (list) list.push(meeting);
    else meetings.set(row.case_id, [meeting]);
  }
  for (const c of cases) {
    const events = clockEventsFrom({ entries: entriesByCase.get(c.id) ?? [], meetings: meetings.get(c.id) ?? [], bornOn: c.bornOn, expectedDeliveryOn: c.expectedDeliveryOn });
    clocks.set(c.id, timescaleClocks(events, today, inForce.settings.timescales));
  }
  return clocks;
}

export type ViewTimescalesResult = { ok: true; value: { caseId: string; today: string; clocks: Clock[] } } | { ok: false; code: 'not-found' | 'forbidden'; message: string };

/** The clocks for someone who may read the case (the team, oversight, emergency access), audited. */
export async function viewTimescales(ctx: AppContext, actor: UserActor, caseId: string): Promise<ViewTimescalesResult> {
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const record = await ctx.db.selectFrom('cases').select(['date_of_birth', 'expected_delivery_date', 'profile_version']).where('id', '=', caseId).executeTakeFirst();
  if (!record) {
    await recordAuditAlone(ctx, actor, { action: 'timescales.view', outcome: 'failure', subjectType: 'case', subjectId: caseId, details: { reason: 'not-found' } });
    return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  }
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed) {
    await recordAuditAlone(ctx, actor, { action: 'timescales.view', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return { ok: false, code: 'forbidden', message: 'You are not in the team around this baby.' };
  }
  const clocks = (await readCaseClocks(ctx, caseId, today, knownForClocks(ctx, caseId, record))) ?? [];
  await recordAuditAlone(ctx, actor, { action: 'timescales.view', caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, clocks: clocks.length } });
  return { ok: true, value: { caseId, today, clocks } };
}
