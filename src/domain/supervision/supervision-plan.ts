// A supervision's actions join the case's plan (issue 16), as a meeting's do: open, owned by the
// name typed, due when agreed; a case with no plan gets a first plan at its level holding them. The
// plan keeps everything else as it was. Null when the plan has no room for them.
import { PLAN_LIMITS, type Plan, type PlanAction, type PlanLevel } from '../plan/plan.types.ts';
import type { SupervisionAction } from './supervision.types.ts';

export function withSupervisionActions(current: Plan | null, actions: readonly SupervisionAction[], context: { caseLevel: PlanLevel; newId: () => string }): Plan | null {
  const before: Plan = current ?? { level: context.caseLevel, outcomes: [], checkItems: [], actions: [], visits: [] };
  if (before.actions.length + actions.length > PLAN_LIMITS.actions) return null;
  const joining = actions.map((action): PlanAction => ({ id: context.newId(), text: action.text, owner: { name: action.owner }, dueOn: action.dueOn, status: 'open' }));
  return { ...before, actions: [...before.actions, ...joining] };
}
