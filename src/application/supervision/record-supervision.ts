// Recording a supervision discussion on a case (issue 16), through the one way to change a case
// (cases/change-case.ts): the case is locked and the caller's access decided there (anyone who may
// change the case: the team and organisation oversight); then the supervision is checked by the
// domain (supervision/supervision-rules.ts) against the two named and the team, and stored with the
// profile's version at that moment. Its actions join the case's plan in the same change, as the
// plan's next version (supervision-plan.ts, beside the plan's own rows: plan/plan-rows.ts). Nothing
// the profile is evaluated from changes, so no profile version is written (version: null). A
// supervisor outside the practitioner's organisation, or a recorder who took no part, is refused and
// audited as denied; a slip in the form is audited as a failure; neither changes anything.
import { isRefusal, checkSupervision, type SupervisionProblem } from '../../domain/supervision/supervision-rules.ts';
import { withSupervisionActions } from '../../domain/supervision/supervision-plan.ts';
import type { RecordedSupervision, SupervisionDraft } from '../../domain/supervision/supervision.types.ts';
import { isCaseLevel } from '../../domain/shared/case-levels.ts';
import { isRole } from '../../domain/shared/roles.ts';
import type { UserActor } from '../actor.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { appendPlanVersion, readCurrentPlan } from '../plan/plan-rows.ts';
import { insertSupervision } from './supervision-rows.ts';

export type RecordSupervisionResult =
  | { ok: true; value: RecordedSupervision }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  /** `refused`: a problem of who took part (audited as denied), not a slip in the form. */
  | { ok: false; code: 'invalid'; message: string; problems: SupervisionProblem[]; refused: boolean };

const INVALID = 'The supervision cannot be recorded like this: see the problems.';

/** `submission`: the one-time id of the form it was posted from, noted with what it records so that a second post records nothing (ADR 0026). */
export async function recordSupervision(ctx: AppContext, actor: UserActor, caseId: string, draft: SupervisionDraft, submission?: string): Promise<RecordSupervisionResult> {
  return changeCase<RecordSupervisionResult>(
    ctx,
    actor,
    caseId,
    { action: 'supervision.record', submission },
    (refusal) =>
      refusal.code === 'not-found'
        ? { ok: false, code: 'not-found', message: 'There is no case with this id.' }
        : { ok: false, code: 'forbidden', message: 'Only the team around the family can record a supervision of the case.' },
    async ({ trx, recorder, record, today, now }) => {
      const named = [draft.practitionerId, draft.supervisorId].filter((id): id is string => typeof id === 'string' && id.trim() !== '').map((id) => id.trim());
      const accounts = named.length === 0 ? [] : await trx.selectFrom('users').select(['id', 'name', 'organisation_id', 'role', 'disabled_at']).where('id', 'in', named).execute();
      const checked = checkSupervision(draft, {
        today,
        recorderId: actor.userId,
        accounts: new Map(accounts.flatMap((a) => (isRole(a.role) ? [[a.id, { id: a.id, organisationId: a.organisation_id, role: a.role, active: a.disabled_at === null }] as const] : []))),
        teamUserIds: new Set(record.team.map((member) => member.userId)),
      });
      const refuse = (problems: SupervisionProblem[]) => {
        const refused = isRefusal(problems);
        return {
          changed: false as const,
          answer: { ok: false as const, code: 'invalid' as const, message: INVALID, problems, refused },
          audit: { action: 'supervision.record', outcome: refused ? ('denied' as const) : ('failure' as const), caseId, subjectType: 'case', subjectId: caseId, details: { reason: refused ? 'not-allowed' : 'invalid', problems: [...new Set(problems.map((p) => p.code))] } },
        };
      };
      if (!checked.ok) return refuse(checked.problems);
      const { supervision } = checked;
      let planVersion: number | null = null;
      if (supervision.actions.length > 0) {
        const current = await readCurrentPlan(trx, caseId);
        const joined = withSupervisionActions(current, supervision.actions, { caseLevel: isCaseLevel(record.level) ? record.level : 'universal', newId: () => ctx.newId() });
        if (joined === null) return refuse([{ path: '/actions', code: 'plan-full' }]);
        planVersion = (await appendPlanVersion(trx, caseId, (current?.version ?? 0) + 1, joined, recorder, now)).version;
      }
      const id = ctx.newId();
      const nameOf = (userId: string) => accounts.find((a) => a.id === userId)!.name;
      const saved = await insertSupervision(
        trx,
        caseId,
        id,
        supervision,
        { profileVersion: record.profileVersion, planVersion, practitionerName: nameOf(supervision.practitionerId), supervisorName: nameOf(supervision.supervisorId) },
        recorder,
        now,
      );
      return {
        changed: true,
        version: null,
        entriesAdded: [],
        audit: () => ({
          action: 'supervision.record',
          caseId,
          subjectType: 'supervision',
          subjectId: id,
          details: { heldOn: saved.heldOn, practitionerId: saved.practitionerId, supervisorId: saved.supervisorId, stuck: saved.stuck, profileVersion: saved.profileVersion, actions: saved.actions.length, ...(planVersion === null ? {} : { planVersion }) },
        }),
        answer: () => ({ ok: true, value: saved }),
        recordId: id,
      };
    },
  );
}
