// Reading and writing a case's meetings: a row of case_meetings each (migrations 017, 032), never changed.
import type { MeetingPerson, RecordedMeeting } from '../../domain/meetings/meeting.types.ts';
import type { Meeting } from '../../domain/meetings/meeting.types.ts';
import type { Queryable, Tx } from '../../infrastructure/db/schema.ts';
import type { Recorder } from '../recorder.ts';

/** The case's meetings, the latest held first (recorded order within a day). */
export async function readMeetings(db: Queryable, caseId: string): Promise<RecordedMeeting[]> {
  const rows = await db.selectFrom('case_meetings').selectAll().where('case_id', '=', caseId).orderBy('held_on', 'desc').orderBy('recorded_at', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    heldOn: row.held_on,
    chair: row.chair,
    ...(row.chair_independent !== null ? { chairIndependent: row.chair_independent } : {}),
    parentsPresent: row.parents_present,
    attendees: row.attendees as MeetingPerson[],
    invitedAbsent: row.invited_absent as MeetingPerson[],
    decisions: row.decisions,
    ...(row.dissent !== null ? { dissent: row.dissent } : {}),
    actions: row.actions,
    ...(row.section47 !== null ? { section47: row.section47 } : {}),
    ...(row.protection_plan !== null ? { protectionPlan: row.protection_plan } : {}),
    ...(row.abuse_category !== null ? { abuseCategory: row.abuse_category } : {}),
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by_name,
  }));
}

/** Stores a checked meeting under a new id. */
export async function insertMeeting(trx: Tx, caseId: string, id: string, meeting: Meeting, recorder: Recorder, now: Date): Promise<RecordedMeeting> {
  await trx
    .insertInto('case_meetings')
    .values({
      case_id: caseId,
      id,
      kind: meeting.kind,
      held_on: meeting.heldOn,
      chair: meeting.chair,
      chair_independent: meeting.chairIndependent ?? null,
      parents_present: meeting.parentsPresent,
      attendees: JSON.stringify(meeting.attendees),
      invited_absent: JSON.stringify(meeting.invitedAbsent),
      decisions: JSON.stringify(meeting.decisions),
      dissent: meeting.dissent ?? null,
      actions: JSON.stringify(meeting.actions),
      section47: meeting.section47 ?? null,
      protection_plan: meeting.protectionPlan ?? null,
      abuse_category: meeting.abuseCategory ?? null,
      recorded_at: now,
      recorded_by: recorder.userId,
      recorded_by_name: recorder.name,
    })
    .execute();
  return { ...meeting, id, recordedAt: now.toISOString(), recordedBy: recorder.name };
}
