// Changing a case's plan, through the one way to change a case (cases/change-case.ts): the case is
// locked and the caller's access decided there; then the plan as it stands is read, the version the
// user read is checked against it (a stale one changes nothing), the plan as sent is checked by the
// domain (plan/plan-rules.ts), and the whole plan is appended as the next version, audited. Who may
// change the plan: anyone who may change the case (the team and organisation oversight, as
// lockCasesForChange decides canChange); emergency access reads it and changes nothing. The profile
// reads only which check items the plan holds (a check missed twice for an item no longer in it is
// history: domain/chronology/plan-check-missed.ts), so a change that takes items off the plan writes a
// profile version of kind 'plan', with the findings it leaves; any other change writes none
// (version: null). The audit entry names the plan's own version (and the profile's, when written).
import { checkPlanDraft, ownerUserIds, planChangeSummary, type PlanProblem } from '../../domain/plan/plan-rules.ts';
import type { PlanDraft, PlanVersion } from '../../domain/plan/plan.types.ts';
import type { UserActor } from '../actor.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { appendPlanVersion, readCurrentPlan } from './plan-rows.ts';

export type UpdatePlanResult =
  | { ok: true; value: PlanVersion }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'stale'; message: string; current: PlanVersion | null }
  | { ok: false; code: 'invalid'; message: string; problems: PlanProblem[] };

export const STALE_PLAN_MESSAGE = 'Someone else changed the plan since you read it. Look at their plan, then make your changes to it and save again.';

/**
 * `submission`: the one-time id of the form it was posted from, noted with the plan's version so that
 * a second post is answered as the first, not refused as stale against the version it saved (ADR 0026).
 */
export async function updatePlan(ctx: AppContext, actor: UserActor, caseId: string, input: { version: number; plan: PlanDraft }, submission?: string): Promise<UpdatePlanResult> {
  return changeCase<UpdatePlanResult>(
    ctx,
    actor,
    caseId,
    { action: 'plan.update', refusalSubject: { subjectType: 'plan', subjectId: caseId }, submission },
    (refusal) =>
      refusal.code === 'not-found'
        ? { ok: false, code: 'not-found', message: 'There is no case with this id.' }
        : { ok: false, code: 'forbidden', message: 'Only the team around the family can change the plan.' },
    async ({ trx, recorder, today, now }) => {
      const current = await readCurrentPlan(trx, caseId);
      const currentVersion = current?.version ?? 0;
      const failure = (reason: string, details: Record<string, unknown>) => ({ action: 'plan.update', outcome: 'failure' as const, caseId, subjectType: 'plan', subjectId: caseId, details: { reason, ...details } });
      if (input.version !== currentVersion) {
        return { changed: false, answer: { ok: false, code: 'stale', message: STALE_PLAN_MESSAGE, current }, audit: failure('stale', { sentVersion: input.version, planVersion: currentVersion }) };
      }
      const named = ownerUserIds(input.plan);
      const [people, users] = await Promise.all([
        trx.selectFrom('people').select('id').where('case_id', '=', caseId).execute(),
        named.length === 0 ? [] : trx.selectFrom('users').select('id').where('id', 'in', named).where('disabled_at', 'is', null).execute(),
      ]);
      // An owner already on the plan stays acceptable after their account is switched off.
      const existingOwners = (current?.actions ?? []).flatMap((action) => ('userId' in action.owner ? [action.owner.userId] : []));
      const checked = checkPlanDraft(input.plan, {
        today,
        personIds: new Set(people.map((p) => p.id)),
        userIds: new Set([...users.map((u) => u.id), ...existingOwners]),
        current,
        newId: () => ctx.newId(),
      });
      if (!checked.ok) {
        return {
          changed: false,
          answer: { ok: false, code: 'invalid', message: 'The plan cannot be saved like this: see the problems.', problems: checked.problems },
          audit: failure('invalid', { problems: [...new Set(checked.problems.map((p) => p.code))] }),
        };
      }
      const version = currentVersion + 1;
      const saved = await appendPlanVersion(trx, caseId, version, checked.plan, recorder, now);
      const summary = planChangeSummary(current, saved);
      const kept = new Set(saved.checkItems.map((item) => item.id));
      const removed = (current?.checkItems ?? []).filter((item) => !kept.has(item.id));
      return {
        changed: true,
        version:
          removed.length === 0
            ? null
            : { kind: 'plan', change: { summary: `Plan: ${removed.length === 1 ? 'a check item' : `${String(removed.length)} check items`} taken off`, planVersion: version, itemsRemoved: removed.map((item) => ({ id: item.id, text: item.text })) }, why: null },
        entriesAdded: [],
        audit: ({ profileVersion }) => ({
          action: 'plan.update',
          caseId,
          subjectType: 'plan',
          subjectId: caseId,
          details: { planVersion: version, level: saved.level, ...summary, ...(removed.length === 0 ? {} : { profileVersion }) },
        }),
        answer: () => ({ ok: true, value: saved }),
        recordId: String(version),
      };
    },
  );
}
