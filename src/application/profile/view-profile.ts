// Reading a case's Infant Care Profile: the access check, the evaluation by the domain rules, and
// the audit entry. Findings are computed on every read from what is stored; none is stored.
import type { CaseAccess } from '../../domain/access/case-access.ts';
import type { Finding, ProfileEvaluation } from '../../domain/profile/profile.types.ts';
import type { ReceivedMark } from '../../domain/transfer/transfer-record.ts';
import type { NextReview } from '../../domain/profile/review-schedule.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { refusedForIntent, refusedOutsideTeam, type CaseIntent } from '../cases/case-intent.ts';
import type { AppContext } from '../context.ts';
import { findingsNeedingDecision, loadDecisions, type RecordedDecision } from './profile-decisions.ts';
import type { EvaluatedProfile } from './profile-facts.ts';

export interface ProfileView {
  evaluation: ProfileEvaluation;
  profileVersion: number;
  /** Each stored assessment's version, by `factorId|subjectKey`. */
  versions: Map<string, number>;
  /** Assessments received from another area and not yet confirmed or re-assessed here, by `factorId|subjectKey`. */
  receivedUnconfirmed: Map<string, ReceivedMark>;
  level: string;
  review: { lastReviewedAt: string | null; next: NextReview };
  decisions: RecordedDecision[];
  /** Critical findings that need a decision before the profile can be marked reviewed. */
  needingDecision: Finding[];
  canChange: boolean;
}

export type ViewProfileResult =
  | { ok: true; value: ProfileView }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string };

/** The profile; with an intent, refused (and audited under its action) unless the user may also do that. */
export async function viewProfile(ctx: AppContext, actor: UserActor, caseId: string, intent?: CaseIntent): Promise<ViewProfileResult> {
  const opened = await readProfileForView(ctx, actor, caseId, intent);
  if (!opened.ok) return opened;
  return { ok: true, value: await profileViewOf(ctx.db, caseId, opened.value.evaluated, opened.value.access.canChange) };
}

export type ReadProfileForViewResult =
  | { ok: true; value: { evaluated: EvaluatedProfile; access: Extract<CaseAccess, { allowed: true }> } }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string };

/** The evaluated profile behind the access check, the view audited as profile.view (a refusal as denied): for pages that show more beside it. */
export async function readProfileForView(ctx: AppContext, actor: UserActor, caseId: string, intent?: CaseIntent): Promise<ReadProfileForViewResult> {
  const now = ctx.clock.now();
  const evaluated = await ctx.profiles.read(ctx, caseId);
  if (!evaluated) return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed) return refusedOutsideTeam(ctx, actor, caseId, { action: 'profile.view' }, intent);
  if (await refusedForIntent(ctx, actor, caseId, access, intent)) return { ok: false, code: 'forbidden', message: 'Your access to this record does not allow this.' };
  await recordAuditAlone(ctx, actor, { action: 'profile.view', caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, profileVersion: evaluated.stored.profileVersion } });
  return { ok: true, value: { evaluated, access } };
}

/** The profile as viewProfile shows it, from an evaluation already made; checking and auditing access is the caller's. */
export async function profileViewOf(db: Queryable, caseId: string, evaluated: EvaluatedProfile, canChange: boolean): Promise<ProfileView> {
  const { stored, evaluation, review } = evaluated;
  const decisions = await loadDecisions(db, caseId);
  return {
    evaluation,
    profileVersion: stored.profileVersion,
    versions: stored.versions,
    receivedUnconfirmed: stored.receivedUnconfirmed,
    level: stored.level,
    review: { lastReviewedAt: stored.reviewedAt?.toISOString() ?? null, next: review },
    decisions,
    needingDecision: findingsNeedingDecision(evaluation, decisions, stored.reviewedAt),
    canChange,
  };
}
