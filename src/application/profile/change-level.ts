// Changing the level of support around the baby (universal … child protection), which sets how
// often the profile is reviewed. Only those the level rule allows (domain/access/level-change.ts)
// may: a refusal is audited and says what to do instead. A profile version records the change and
// why; audited.
import { decideLevelChange, LEVEL_CHANGE_REFUSALS } from '../../domain/access/level-change.ts';
import { caseLevelLabel, type CaseLevel } from '../../domain/shared/case-levels.ts';
import type { UserActor } from '../actor.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';

export type ChangeLevelResult =
  | { ok: true; profileVersion: number }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'level-not-allowed'; message: string }
  | { ok: false; code: 'reason-needed'; message: string }
  | { ok: false; code: 'unchanged'; message: string };

export async function changeLevel(ctx: AppContext, actor: UserActor, caseId: string, input: { level: CaseLevel; why: string }): Promise<ChangeLevelResult> {
  return changeCase<ChangeLevelResult>(
    ctx,
    actor,
    caseId,
    { action: 'case.level-change' },
    (refusal) => ({ ok: false, ...refusal }),
    async ({ trx, record, now }) => {
      const refuse = (answer: ChangeLevelResult) => ({ changed: false as const, answer });
      const why = input.why.trim();
      if (why === '') return refuse({ ok: false, code: 'reason-needed', message: 'Say why the level is changing.' });
      const before = record.level as CaseLevel;
      if (before === input.level) return refuse({ ok: false, code: 'unchanged', message: `The level is already ${caseLevelLabel(before).toLowerCase()}: choose a different one.` });
      const { kind: organisationKind } = await trx.selectFrom('organisations').select('kind').where('id', '=', actor.organisationId).executeTakeFirstOrThrow();
      const decision = decideLevelChange({ basis: record.basis, organisationKind, from: before, to: input.level });
      if (!decision.allowed) {
        return {
          changed: false,
          answer: { ok: false, code: 'level-not-allowed', message: LEVEL_CHANGE_REFUSALS[decision.reason] },
          audit: { action: 'case.level-change', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId, details: { before, after: input.level, reason: decision.reason } },
        };
      }
      await trx.updateTable('cases').set({ level: input.level, updated_at: now }).where('id', '=', caseId).execute();
      return {
        changed: true,
        version: {
          kind: 'level',
          change: { before, after: input.level, summary: `Level changed from ${caseLevelLabel(before).toLowerCase()} to ${caseLevelLabel(input.level).toLowerCase()}` },
          why,
        },
        entriesAdded: [],
        audit: ({ profileVersion }) => ({ action: 'case.level-change', caseId, subjectType: 'case', subjectId: caseId, details: { before, after: input.level, profileVersion } }),
        answer: ({ profileVersion }) => ({ ok: true, profileVersion }),
      };
    },
  );
}
