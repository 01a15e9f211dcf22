// Changing the level of support around the baby (universal … child protection), which sets how
// often the profile is reviewed. A profile version records the change and why; audited.
import { caseLevelLabel, type CaseLevel } from '../../domain/shared/case-levels.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { lockProfileForChange } from './profile-change-guard.ts';
import { appendProfileVersion } from './profile-versions.ts';

export type ChangeLevelResult =
  | { ok: true; profileVersion: number }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'reason-needed'; message: string }
  | { ok: false; code: 'unchanged'; message: string };

export async function changeLevel(ctx: AppContext, actor: UserActor, caseId: string, input: { level: CaseLevel; why: string }): Promise<ChangeLevelResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const guard = await lockProfileForChange(trx, ctx, actor, caseId, 'case.level-change');
    if (!guard.ok) return guard;
    const why = input.why.trim();
    if (why === '') return { ok: false, code: 'reason-needed', message: 'Say why the level is changing.' };
    const before = guard.record.level;
    if (before === input.level) return { ok: false, code: 'unchanged', message: `The level is already ${caseLevelLabel(before).toLowerCase()}: choose a different one.` };
    await trx.updateTable('cases').set({ level: input.level, updated_at: ctx.clock.now() }).where('id', '=', caseId).execute();
    const profileVersion = await appendProfileVersion(trx, ctx, actor, caseId, {
      kind: 'level',
      change: { before, after: input.level, summary: `Level changed from ${caseLevelLabel(before).toLowerCase()} to ${caseLevelLabel(input.level).toLowerCase()}` },
      why,
    });
    await recordAudit(trx, ctx, actor, { action: 'case.level-change', caseId, subjectType: 'case', subjectId: caseId, details: { before, after: input.level, profileVersion } });
    return { ok: true, profileVersion };
  });
}
