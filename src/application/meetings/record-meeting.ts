// Recording a professionals' meeting, through the one way to change a case (cases/change-case.ts):
// the case is locked and the caller's access decided there (anyone who may change the case: the
// team and organisation oversight; emergency access reads and changes nothing), the meeting is
// checked by the domain (meetings/meeting-rules.ts) on the service's day, and stored, audited as
// meeting.record. The meeting's actions join the case's plan in the same change, as its next version
// (plan/plan-rules.ts, withMeetingActions: open, owned by name, each naming the meeting; a case with
// no plan gets a first plan at its level holding them). Neither the meeting nor the plan's actions are
// what the profile is evaluated from, so no profile version is written (version: null). A refused
// meeting (or one whose actions the plan has no room for) changes nothing and is audited as a failure.
import { checkMeeting, type MeetingProblem } from '../../domain/meetings/meeting-rules.ts';
import { withMeetingActions } from '../../domain/plan/plan-rules.ts';
import type { PlanVersion } from '../../domain/plan/plan.types.ts';
import { isCaseLevel } from '../../domain/shared/case-levels.ts';
import { appendPlanVersion, readCurrentPlan } from '../plan/plan-rows.ts';
import type { MeetingDraft, RecordedMeeting } from '../../domain/meetings/meeting.types.ts';
import type { UserActor } from '../actor.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { insertMeeting } from './meeting-rows.ts';

export type RecordMeetingResult =
  /** `plan`: the plan's new version holding the meeting's actions; null when the meeting agreed none. */
  | { ok: true; value: RecordedMeeting; plan: PlanVersion | null }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'invalid'; message: string; problems: MeetingProblem[] };

/** `submission`: the one-time id of the form it was posted from, noted with what it records so that a second post records nothing (ADR 0026). */
export async function recordMeeting(ctx: AppContext, actor: UserActor, caseId: string, draft: MeetingDraft, submission?: string): Promise<RecordMeetingResult> {
  return changeCase<RecordMeetingResult>(
    ctx,
    actor,
    caseId,
    { action: 'meeting.record', submission },
    (refusal) =>
      refusal.code === 'not-found'
        ? { ok: false, code: 'not-found', message: 'There is no case with this id.' }
        : { ok: false, code: 'forbidden', message: 'Only the team around the family can record a meeting.' },
    async ({ trx, recorder, record, today, now }) => {
      const checked = checkMeeting(draft, today);
      if (!checked.ok) {
        return {
          changed: false,
          answer: { ok: false, code: 'invalid', message: 'The meeting cannot be recorded like this: see the problems.', problems: checked.problems },
          audit: { action: 'meeting.record', outcome: 'failure', caseId, subjectType: 'case', subjectId: caseId, details: { reason: 'invalid', problems: [...new Set(checked.problems.map((p) => p.code))] } },
        };
      }
      const id = ctx.newId();
      const { meeting } = checked;
      let plan: PlanVersion | null = null;
      if (meeting.actions.length > 0) {
        const current = await readCurrentPlan(trx, caseId);
        const joined = withMeetingActions(current, { id, kind: meeting.kind, heldOn: meeting.heldOn, actions: meeting.actions }, { caseLevel: isCaseLevel(record.level) ? record.level : 'universal', newId: () => ctx.newId() });
        if (joined === null) {
          return {
            changed: false,
            answer: { ok: false, code: 'invalid', message: 'The meeting cannot be recorded like this: see the problems.', problems: [{ path: '/actions', code: 'plan-full' }] },
            audit: { action: 'meeting.record', outcome: 'failure', caseId, subjectType: 'case', subjectId: caseId, details: { reason: 'invalid', problems: ['plan-full'] } },
          };
        }
        plan = await appendPlanVersion(trx, caseId, (current?.version ?? 0) + 1, joined, recorder, now);
      }
      const saved = await insertMeeting(trx, caseId, id, meeting, recorder, now);
      return {
        changed: true,
        version: null,
        entriesAdded: [],
        audit: () => ({
          action: 'meeting.record',
          caseId,
          subjectType: 'meeting',
          subjectId: id,
          details: { kind: saved.kind, heldOn: saved.heldOn, attendees: saved.attendees.length, actions: saved.actions.length, ...(plan === null ? {} : { planVersion: plan.version }) },
        }),
        answer: () => ({ ok: true, value: saved, plan }),
        recordId: id,
      };
    },
  );
}
