// Reading the plan's checks recorded so far: the contacts whose details keep answers to the plan's
// check items, and the entries that correct anything (a corrected contact's answers no longer count),
// as the domain's checks (domain/plan/plan-checks.ts); and the items due for a visitor today (for the
// contact form, visitor-checks.ts asks these for the signed-in user).
import { sql } from 'kysely';
import { checksFromEntries, dueCheckItems, type RecordedCheck } from '../../domain/plan/plan-checks.ts';
import type { CheckItem, PlanVersion } from '../../domain/plan/plan.types.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import { entryFromRow } from '../chronology/chronology-rows.ts';
import { readCurrentPlan } from './plan-rows.ts';

/** Every check recorded for the case, oldest first, from its current entries. */
export async function readRecordedChecks(db: Queryable, caseId: string): Promise<RecordedCheck[]> {
  const rows = await db
    .selectFrom('chronology_entries')
    .selectAll()
    .where('case_id', '=', caseId)
    .where((eb) => eb.or([sql<boolean>`details ? 'planChecks'`, eb('corrects', 'is not', null)]))
    .orderBy('occurred_on')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  return checksFromEntries(rows.map(entryFromRow));
}

export interface DueChecks {
  plan: PlanVersion | null;
  checks: RecordedCheck[];
  due: CheckItem[];
}

/** The current plan, the checks so far and the items due today for a visitor from this kind of agency; nothing is read beyond the plan when there is none. */
export async function readDueChecks(db: Queryable, caseId: string, visitorKind: string, today: string): Promise<DueChecks> {
  const plan = await readCurrentPlan(db, caseId);
  if (plan === null) return { plan, checks: [], due: [] };
  const checks = await readRecordedChecks(db, caseId);
  return { plan, checks, due: dueCheckItems(plan, visitorKind, checks, today) };
}
