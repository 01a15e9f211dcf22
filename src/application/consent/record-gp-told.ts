// Recording that the GP was told of the concerns: a chronology entry of kind `gp-informed` (its day,
// who told the GP, what was shared), recorded through the normal path for entries
// (chronology/record-entry.ts: access, the profile version, the audit entry chronology.record). The
// small form is checked first (domain/consent/gp-told.ts); a form refused for its content is audited
// as a failure under the same action, after the caller's access is known, so someone outside the
// team is told only that they may not (docs/domain.md "Consent and information sharing").
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { checkGpTold, gpToldEntry, type GpToldDraft, type GpToldProblem } from '../../domain/consent/gp-told.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import type { AppContext } from '../context.ts';

export type RecordGpToldResult =
  | { ok: true; entry: ChronologyEntry }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'invalid'; message: string; problems: GpToldProblem[] };

const NOT_FOUND = { ok: false, code: 'not-found', message: 'There is no case with this id.' } as const;
const FORBIDDEN = { ok: false, code: 'forbidden', message: 'Only the team around the family can record that the GP was told.' } as const;
const INVALID = 'This cannot be recorded like this: see the problems.';

/** `submission`: the one-time id of the form it was posted from, noted with what it records so that a second post records nothing (ADR 0026). */
export async function recordGpTold(ctx: AppContext, actor: UserActor, caseId: string, draft: GpToldDraft, submission?: string): Promise<RecordGpToldResult> {
  const now = ctx.clock.now();
  const problems = checkGpTold(draft, serviceToday(now));
  if (problems.length > 0) {
    const exists = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
    if (!exists) {
      await recordAuditAlone(ctx, actor, { action: 'chronology.record', outcome: 'failure', subjectType: 'case', subjectId: caseId, details: { kind: 'gp-informed', reason: 'not-found' } });
      return NOT_FOUND;
    }
    const access = await loadCaseAccess(ctx.db, actor, caseId, now);
    if (!access.allowed || !access.canChange) {
      await recordAuditAlone(ctx, actor, { action: 'chronology.record', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId, details: { kind: 'gp-informed' } });
      return FORBIDDEN;
    }
    await recordAuditAlone(ctx, actor, { action: 'chronology.record', outcome: 'failure', caseId, subjectType: 'case', subjectId: caseId, details: { kind: 'gp-informed', reason: 'invalid', problems: [...new Set(problems.map((p) => p.code))] } });
    return { ok: false, code: 'invalid', message: INVALID, problems };
  }
  const recorder = await ctx.db.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirst();
  const result = await recordEntry(ctx, actor, caseId, gpToldEntry(draft, recorder?.name ?? 'the recorder'), submission);
  if (result.ok) return { ok: true, entry: result.entry };
  switch (result.code) {
    case 'not-found':
      return NOT_FOUND;
    case 'forbidden':
      return FORBIDDEN;
    case 'invalid':
      // Checked above; the entry's own rules name the day or the words if they still differ.
      return { ok: false, code: 'invalid', message: INVALID, problems: result.problems.map((p): GpToldProblem =>
          p.path === '/occurredAt' ? { path: '/toldOn', code: p.code === 'occurred-in-future' ? 'in-future' : 'not-a-date' } : { path: '/shared', code: 'shared-needed' },
        ) };
    default:
      return { ok: false, code: 'invalid', message: result.message, problems: [] };
  }
}
