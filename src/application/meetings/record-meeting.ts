// Recording a professionals' meeting, through the one way to change a case (cases/change-case.ts):
// the case is locked and the caller's access decided there (anyone who may change the case: the
// team and organisation oversight; emergency access reads and changes nothing), the meeting is
// checked by the domain (meetings/meeting-rules.ts) on the service's day, and stored, audited as
// meeting.record. A meeting is not what the profile is evaluated from, so no profile version is
// written (version: null). A refused meeting changes nothing and is audited as a failure.
import { checkMeeting, type MeetingProblem } from '../../domain/meetings/meeting-rules.ts';
import type { MeetingDraft, RecordedMeeting } from '../../domain/meetings/meeting.types.ts';
import type { UserActor } from '../actor.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { insertMeeting } from './meeting-rows.ts';

export type RecordMeetingResult =
  | { ok: true; value: RecordedMeeting }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'invalid'; message: string; problems: MeetingProblem[] };

export async function recordMeeting(ctx: AppContext, actor: UserActor, caseId: string, draft: MeetingDraft): Promise<RecordMeetingResult> {
  return changeCase<RecordMeetingResult>(
    ctx,
    actor,
    caseId,
    { action: 'meeting.record' },
    (refusal) =>
      refusal.code === 'not-found'
        ? { ok: false, code: 'not-found', message: 'There is no case with this id.' }
        : { ok: false, code: 'forbidden', message: 'Only the team around the family can record a meeting.' },
    async ({ trx, recorder, today, now }) => {
      const checked = checkMeeting(draft, today);
      if (!checked.ok) {
        return {
          changed: false,
          answer: { ok: false, code: 'invalid', message: 'The meeting cannot be recorded like this: see the problems.', problems: checked.problems },
          audit: { action: 'meeting.record', outcome: 'failure', caseId, subjectType: 'case', subjectId: caseId, details: { reason: 'invalid', problems: [...new Set(checked.problems.map((p) => p.code))] } },
        };
      }
      const id = ctx.newId();
      const saved = await insertMeeting(trx, caseId, id, checked.meeting, recorder, now);
      return {
        changed: true,
        version: null,
        entriesAdded: [],
        audit: () => ({ action: 'meeting.record', caseId, subjectType: 'meeting', subjectId: id, details: { kind: saved.kind, heldOn: saved.heldOn, attendees: saved.attendees.length, actions: saved.actions.length } }),
        answer: () => ({ ok: true, value: saved }),
      };
    },
  );
}
