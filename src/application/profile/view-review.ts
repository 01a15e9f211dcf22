// The review page's reading: the profile behind one access check (audited as profile.view), the
// clocks from the chronology the profile was evaluated from, the next review capped at the next
// clock not yet met (domain/profile/review-sign-off.ts), and the proposals to change the level with
// whether this user may answer them. No second access check and no second read of the chronology.
import { mayDecideLevelProposal } from '../../domain/access/level-change.ts';
import { capReviewByClocks, type ReviewCap } from '../../domain/profile/review-sign-off.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Clock } from '../../domain/timescales/clocks.ts';
import type { UserActor } from '../actor.ts';
import type { CaseIntent } from '../cases/case-intent.ts';
import type { AppContext } from '../context.ts';
import { readCaseClocks } from '../timescales/case-clocks.ts';
import { readLevelProposals, type LevelProposal } from './level-proposals.ts';
import { profileViewOf, readProfileForView, type ProfileView, type ReadProfileForViewResult } from './view-profile.ts';

export interface ReviewView {
  profile: ProfileView;
  clocks: Clock[];
  /** The clock that brings the next review forward, when one does. */
  reviewCap: ReviewCap | null;
  proposals: LevelProposal[];
  /** The lead professional, or a safeguarding lead overseeing the case, answers proposals. */
  mayDecide: boolean;
}

export type ViewReviewResult = { ok: true; value: ReviewView } | Extract<ReadProfileForViewResult, { ok: false }>;

/** The review's page; with the intent of a review posted, so that a refusal is audited as the review. */
export async function viewReview(ctx: AppContext, actor: UserActor, caseId: string, intent?: CaseIntent): Promise<ViewReviewResult> {
  const opened = await readProfileForView(ctx, actor, caseId, intent);
  if (!opened.ok) return opened;
  const { evaluated, access } = opened.value;
  const today = serviceToday(ctx.clock.now());
  const { infant } = evaluated.stored.facts;
  const [profile, clocks, proposals] = await Promise.all([
    profileViewOf(ctx.db, caseId, evaluated, access.canChange),
    readCaseClocks(ctx, caseId, today, { entries: evaluated.stored.chronology, dates: { bornOn: infant.dateOfBirth, expectedDeliveryOn: infant.expectedDeliveryDate } }),
    readLevelProposals(ctx.db, caseId),
  ]);
  const running = clocks ?? [];
  return {
    ok: true,
    value: { profile, clocks: running, reviewCap: capReviewByClocks(profile.review.next.dueOn, running, today), proposals, mayDecide: mayDecideLevelProposal(access.basis, actor.role) },
  };
}
