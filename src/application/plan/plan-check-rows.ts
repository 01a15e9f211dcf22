// Reading the plan's checks recorded so far: the contacts whose details keep answers to the plan's
// check items, and the entries that correct anything (a corrected contact's answers no longer count),
// as the domain's checks (domain/plan/plan-checks.ts); and the items due for a visitor today.
import { sql } from 'kysely';
import { checksFromEntries, dueCheckItems, type RecordedCheck } from '../../domain/plan/plan-checks.ts';
import type { CheckItem, PlanVersion } from '../../domain/plan/plan.types.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import { entryFromRow } from '../chronology/chronology-rows.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import type { AppContext } from '../context.ts';
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

/**
 * The check items due for this user at a contact today, for the contact form. The form has already
 * checked (and audited) the user's access to change the case; this answers nothing to someone who may not.
 */
export async function dueChecksForVisitor(ctx: AppContext, actor: UserActor, caseId: string): Promise<CheckItem[]> {
  const now = ctx.clock.now();
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed || !access.canChange) return [];
  const organisation = await ctx.db.selectFrom('organisations').select('kind').where('id', '=', actor.organisationId).executeTakeFirst();
  return (await readDueChecks(ctx.db, caseId, organisation?.kind ?? '', serviceToday(now))).due;
}
