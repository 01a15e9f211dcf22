// Reading a case's Infant Care Profile: the access check, the evaluation by the domain rules, and
// the audit entry. Findings are computed on every read from what is stored; none is stored.
import { evaluateProfile } from '../../domain/profile/evaluate-profile.ts';
import type { ProfileEvaluation } from '../../domain/profile/profile.types.ts';
import { nextReviewDate, type CaseLevel } from '../../domain/profile/review-schedule.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import type { AppContext } from '../context.ts';
import { serviceToday } from '../cases/create-case.ts';
import { loadStoredProfile } from './profile-facts.ts';

export type ViewProfileResult =
  | { ok: true; value: { evaluation: ProfileEvaluation; profileVersion: number; versions: Map<string, number>; reviewDueOn: string | null; canChange: boolean } }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string };

export async function viewProfile(ctx: AppContext, actor: UserActor, caseId: string): Promise<ViewProfileResult> {
  const now = ctx.clock.now();
  const stored = await loadStoredProfile(ctx.db, caseId, serviceToday(now));
  if (!stored) return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed) {
    await recordAuditAlone(ctx, actor, { action: 'profile.view', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return { ok: false, code: 'forbidden', message: 'You are not in the team around this baby.' };
  }
  const review = nextReviewDate(stored.level as CaseLevel, stored.facts.lastReviewedAt, stored.facts.events);
  const evaluation = evaluateProfile({ ...stored.facts, reviewDueOn: review.dueOn });
  await recordAuditAlone(ctx, actor, { action: 'profile.view', caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, profileVersion: stored.profileVersion } });
  return { ok: true, value: { evaluation, profileVersion: stored.profileVersion, versions: stored.versions, reviewDueOn: review.dueOn, canChange: access.canChange } };
}
