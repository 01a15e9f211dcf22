// Reading a case's meetings, with what a page observes about each (meetings/meeting-observations.ts)
// and the case's clocks (timescales/case-clocks.ts), which the meetings move. Access as for the plan
// and the profile: the team, organisation oversight and emergency access read them; the look, a
// refusal and a missing case are each one audit entry (meeting.list). With an intent (opening the
// form to record one), refused and audited unless the user may change the case.
import { meetingObservations, type MeetingObservation } from '../../domain/meetings/meeting-observations.ts';
import type { RecordedMeeting } from '../../domain/meetings/meeting.types.ts';
import type { AccessBasis } from '../../domain/access/case-access.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Clock } from '../../domain/timescales/clocks.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { refusedForIntent, refusedOutsideTeam, type CaseIntent } from '../cases/case-intent.ts';
import type { AppContext } from '../context.ts';
import { knownForClocks, readCaseClocks } from '../timescales/case-clocks.ts';
import { readMeetings } from './meeting-rows.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';

export interface MeetingsView {
  caseId: string;
  babyName: string;
  meetings: (RecordedMeeting & { observations: MeetingObservation[] })[];
  clocks: Clock[];
  basis: AccessBasis;
  canChange: boolean;
  /** The service's day: a meeting may be recorded as held on it or before. */
  today: string;
}

export type ListMeetingsResult = { ok: true; value: MeetingsView } | { ok: false; code: 'not-found' | 'forbidden'; message: string };

export async function listMeetings(ctx: AppContext, actor: UserActor, caseId: string, intent?: CaseIntent): Promise<ListMeetingsResult> {
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const theCase = await ctx.db
    .selectFrom('cases')
    .select(['status', 'given_name', 'family_name', 'date_of_birth', 'expected_delivery_date', 'profile_version'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!theCase) {
    await recordAuditAlone(ctx, actor, { action: 'meeting.list', outcome: 'failure', subjectType: 'case', subjectId: caseId, details: { reason: 'not-found' } });
    return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  }
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed) return refusedOutsideTeam(ctx, actor, caseId, { action: 'meeting.list' }, intent);
  if (await refusedForIntent(ctx, actor, caseId, access, intent)) return { ok: false, code: 'forbidden', message: 'Your access to this record does not allow this.' };
  const meetings = await readMeetings(ctx.db, caseId);
  const clocks = (await readCaseClocks(ctx, caseId, today, { ...knownForClocks(ctx, caseId, theCase), meetings })) ?? [];
  await recordAuditAlone(ctx, actor, { action: 'meeting.list', caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, meetings: meetings.length } });
  return {
    ok: true,
    value: {
      caseId,
      babyName: infantDisplayName({ status: theCase.status, givenName: theCase.given_name, familyName: theCase.family_name }),
      meetings: meetings.map((meeting) => ({ ...meeting, observations: meetingObservations(meeting) })),
      clocks,
      basis: access.basis,
      canChange: access.canChange,
      today,
    },
  };
}
