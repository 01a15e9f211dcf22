// Reading and writing a case's plan: each version a row of case_plans (migration 014), the whole
// plan in it; the current plan is the highest version.
import type { CheckItem, Plan, PlanAction, PlanVersion, VisitCommitment } from '../../domain/plan/plan.types.ts';
import type { Selectable } from 'kysely';
import type { CasePlansTable, Queryable, Tx } from '../../infrastructure/db/schema.ts';
import type { Recorder } from '../recorder.ts';

type PlanRow = Selectable<CasePlansTable>;

/** The case's current plan, or null when it has none yet (version 0). */
export async function readCurrentPlan(db: Queryable, caseId: string): Promise<PlanVersion | null> {
  const row = await db.selectFrom('case_plans').selectAll().where('case_id', '=', caseId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? planFromRow(row) : null;
}

/** The current plans of many cases by one statement, by case id; a case with no plan is left out. */
export async function readCurrentPlans(db: Queryable, caseIds: readonly string[]): Promise<Map<string, PlanVersion>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('case_plans')
    .selectAll()
    .where('case_id', 'in', [...new Set(caseIds)])
    .where('version', '=', (eb) => eb.selectFrom('case_plans as latest').select((latest) => latest.fn.max('latest.version').as('v')).whereRef('latest.case_id', '=', 'case_plans.case_id'))
    .execute();
  return new Map(rows.map((row) => [row.case_id, planFromRow(row)]));
}

function planFromRow(row: PlanRow): PlanVersion {
  return {
    version: row.version,
    level: row.level,
    outcomes: row.outcomes,
    checkItems: row.check_items as unknown as CheckItem[],
    actions: row.actions as unknown as PlanAction[],
    visits: row.visits as unknown as VisitCommitment[],
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
      visits: JSON.stringify(plan.visits),
      recorded_at: now,
      recorded_by: recorder.userId,
      recorded_by_name: recorder.name,
    })
    .execute();
  return { ...plan, version, recordedAt: now.toISOString(), recordedBy: recorder.name };
}
