// Marking the profile reviewed: the next review is then scheduled by level. Refused while a
// critical finding has no escalation decision recorded since the last review (issue 4).
import type { FindingInView } from '../../domain/profile/escalation.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { findingsNeedingDecision, loadDecisions } from './profile-decisions.ts';
import { lockProfileForChange } from './profile-change-guard.ts';
import { evaluateStoredProfile } from './profile-facts.ts';
import { appendProfileVersion } from './profile-versions.ts';

export type MarkReviewedResult =
  | { ok: true; profileVersion: number }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'decision-needed'; message: string; findings: FindingInView[] }
  | { ok: false; code: 'profile-changed'; message: string; currentVersion: number };

export async function markProfileReviewed(ctx: AppContext, actor: UserActor, caseId: string, input: { profileVersion: number; note?: string }): Promise<MarkReviewedResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const guard = await lockProfileForChange(trx, ctx, actor, caseId, 'profile.review');
    if (!guard.ok) return guard;
    if (guard.record.profileVersion !== input.profileVersion) {
      return { ok: false, code: 'profile-changed', message: 'The profile changed since you opened this page. Look at it again before marking it reviewed.', currentVersion: guard.record.profileVersion };
    }
    const evaluated = await evaluateStoredProfile(trx, ctx, caseId);
    const needing = evaluated ? findingsNeedingDecision(evaluated.evaluation, await loadDecisions(trx, caseId), guard.record.reviewedAt) : [];
    if (needing.length > 0) {
      await recordAudit(trx, ctx, actor, { action: 'profile.review', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId, details: { decisionNeededFor: needing.map((f) => f.id) } });
      return { ok: false, code: 'decision-needed', message: 'Record an escalation decision for the critical findings before marking the profile reviewed.', findings: needing };
    }
    const now = ctx.clock.now();
    await trx.updateTable('cases').set({ profile_reviewed_at: now }).where('id', '=', caseId).execute();
    const note = input.note?.trim() ?? '';
    const profileVersion = await appendProfileVersion(trx, ctx, actor, caseId, {
      kind: 'review',
      change: { summary: 'Marked reviewed', previousReviewAt: guard.record.reviewedAt?.toISOString() ?? null },
      why: note === '' ? null : note,
    });
    await recordAudit(trx, ctx, actor, { action: 'profile.review', caseId, subjectType: 'case', subjectId: caseId, details: { profileVersion } });
    return { ok: true, profileVersion };
  });
}
