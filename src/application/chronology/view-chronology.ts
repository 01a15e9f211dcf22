// Reading a baby's chronology, filtered: the access check and the audit entry.
import { filterEntries, type ChronologyFilters, type ListedEntry } from '../../domain/chronology/filter-entries.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import type { AppContext } from '../context.ts';

export interface ChronologyView {
  entries: ListedEntry[];
  canChange: boolean;
}

export type ViewChronologyResult =
  | { ok: true; value: ChronologyView }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string };

export async function viewChronology(ctx: AppContext, actor: UserActor, caseId: string, filters: ChronologyFilters = {}): Promise<ViewChronologyResult> {
  const now = ctx.clock.now();
  const exists = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!exists) return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed) {
    await recordAuditAlone(ctx, actor, { action: 'chronology.view', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return { ok: false, code: 'forbidden', message: 'You are not in the team around this baby.' };
  }
  const all = (await ctx.chronologies.read(ctx.db, caseId)) ?? [];
  const entries = filterEntries(all, filters);
  await recordAuditAlone(ctx, actor, { action: 'chronology.view', caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, filters: { ...filters }, shown: entries.length } });
  return { ok: true, value: { entries, canChange: access.canChange } };
}
