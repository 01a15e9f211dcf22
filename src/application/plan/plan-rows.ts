// Reading and writing a case's plan: each version a row of case_plans (migration 014), the whole
// plan in it; the current plan is the highest version.
import type { CheckItem, Plan, PlanAction, PlanVersion } from '../../domain/plan/plan.types.ts';
import type { Queryable, Tx } from '../../infrastructure/db/schema.ts';
import type { Recorder } from '../recorder.ts';

/** The case's current plan, or null when it has none yet (version 0). */
export async function readCurrentPlan(db: Queryable, caseId: string): Promise<PlanVersion | null> {
  const row = await db.selectFrom('case_plans').selectAll().where('case_id', '=', caseId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return {
    version: row.version,
    level: row.level,
    outcomes: row.outcomes,
    checkItems: row.check_items as unknown as CheckItem[],
    actions: row.actions as unknown as PlanAction[],
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by_name,
  };
}

/** Appends the plan as the given version. */
export async function appendPlanVersion(trx: Tx, caseId: string, version: number, plan: Plan, recorder: Recorder, now: Date): Promise<PlanVersion> {
  await trx
    .insertInto('case_plans')
    .values({
      case_id: caseId,
      version,
      level: plan.level,
      outcomes: JSON.stringify(plan.outcomes),
      check_items: JSON.stringify(plan.checkItems),
      actions: JSON.stringify(plan.actions),
      recorded_at: now,
      recorded_by: recorder.userId,
      recorded_by_name: recorder.name,
    })
    .execute();
  return { ...plan, version, recordedAt: now.toISOString(), recordedBy: recorder.name };
}
