// The clocks of a case on the service's day (issue 13): its chronology entries, meetings, birth and
// due date mapped to ClockEvents (clock-events.ts), run through the domain's clocks with the area's
// timescale settings. readCaseClocks is for a use case that has already decided the caller's access
// (the meetings page, the case page); viewTimescales checks access itself, as viewPlan does, and
// audits the look, a refusal and a missing case as timescales.view.
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { Clock } from '../../domain/timescales/clocks.ts';
import { timescaleClocks } from '../../domain/timescales/clocks.ts';
import type { RecordedMeeting } from '../../domain/meetings/meeting.types.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { loadChronology } from '../chronology/chronology-rows.ts';
import type { AppContext } from '../context.ts';
import { readMeetings } from '../meetings/meeting-rows.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { clockEventsFrom } from '../../domain/timescales/clock-events.ts';

export type { Clock } from '../../domain/timescales/clocks.ts';

/** What a caller may have read already, so it is not read again. */
export interface KnownForClocks {
  db?: Queryable;
  meetings?: readonly RecordedMeeting[];
  /** The case's whole chronology. */
  entries?: readonly ChronologyEntry[];
  /** The case's dates, YYYY-MM-DD or null. */
  dates?: { bornOn: string | null; expectedDeliveryOn: string | null };
}

/** The case's clocks on `today`, in the domain's order; null when there is no such case. */
export async function readCaseClocks(ctx: AppContext, caseId: string, today: string, known: KnownForClocks = {}): Promise<Clock[] | null> {
  const db = known.db ?? ctx.db;
  const dates =
    known.dates ??
    (await db
      .selectFrom('cases')
      .select(['date_of_birth as bornOn', 'expected_delivery_date as expectedDeliveryOn'])
      .where('id', '=', caseId)
      .executeTakeFirst());
  if (!dates) return null;
  const [entries, meetings, inForce] = await Promise.all([known.entries ?? loadChronology(db, caseId), known.meetings ?? readMeetings(db, caseId), settingsInForce(ctx, db)]);
  const events = clockEventsFrom({ entries, meetings, ...dates });
  return timescaleClocks(events, today, inForce.settings.timescales);
}

export type ViewTimescalesResult = { ok: true; value: { caseId: string; today: string; clocks: Clock[] } } | { ok: false; code: 'not-found' | 'forbidden'; message: string };

/** The clocks for someone who may read the case (the team, oversight, emergency access), audited. */
export async function viewTimescales(ctx: AppContext, actor: UserActor, caseId: string): Promise<ViewTimescalesResult> {
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const exists = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!exists) {
    await recordAuditAlone(ctx, actor, { action: 'timescales.view', outcome: 'failure', subjectType: 'case', subjectId: caseId, details: { reason: 'not-found' } });
    return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  }
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed) {
    await recordAuditAlone(ctx, actor, { action: 'timescales.view', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return { ok: false, code: 'forbidden', message: 'You are not in the team around this baby.' };
  }
  const clocks = (await readCaseClocks(ctx, caseId, today)) ?? [];
  await recordAuditAlone(ctx, actor, { action: 'timescales.view', caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, clocks: clocks.length } });
  return { ok: true, value: { caseId, today, clocks } };
}
