// Marking the profile reviewed: the next review is then scheduled by level. Refused while a
// critical finding has no escalation decision recorded since the last review (issue 4).
import type { FindingInView } from '../../domain/profile/escalation.ts';
import type { UserActor } from '../actor.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { findingsNeedingDecision, loadDecisions } from './profile-decisions.ts';
import { evaluateStoredProfile } from './profile-facts.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';

export type MarkReviewedResult =
  | { ok: true; profileVersion: number }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'decision-needed'; message: string; findings: FindingInView[] }
  | { ok: false; code: 'profile-changed'; message: string; currentVersion: number };

export async function markProfileReviewed(ctx: AppContext, actor: UserActor, caseId: string, input: { profileVersion: number; note?: string }): Promise<MarkReviewedResult> {
  return changeCase<MarkReviewedResult>(
    ctx,
    actor,
    caseId,
    { action: 'profile.review' },
    (refusal) => ({ ok: false, ...refusal }),
    async ({ trx, record, now, today }) => {
      if (record.profileVersion !== input.profileVersion) {
        return {
          changed: false,
          answer: { ok: false, code: 'profile-changed', message: 'The profile changed since you opened this page. Look at it again before marking it reviewed.', currentVersion: record.profileVersion },
        };
      }
      const evaluated = await evaluateStoredProfile(trx, caseId, today, (await settingsInForce(ctx, trx)).settings);
      const needing = evaluated ? findingsNeedingDecision(evaluated.evaluation, await loadDecisions(trx, caseId), record.reviewedAt) : [];
      if (needing.length > 0) {
        return {
          changed: false,
          answer: { ok: false, code: 'decision-needed', message: 'Record an escalation decision for the critical findings before marking the profile reviewed.', findings: needing },
          audit: { action: 'profile.review', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId, details: { decisionNeededFor: needing.map((f) => f.id) } },
        };
      }
      await trx.updateTable('cases').set({ profile_reviewed_at: now }).where('id', '=', caseId).execute();
      const note = input.note?.trim() ?? '';
      return {
        changed: true,
        version: { kind: 'review', change: { summary: 'Marked reviewed', previousReviewAt: record.reviewedAt?.toISOString() ?? null }, why: note === '' ? null : note },
        entriesAdded: [],
        audit: ({ profileVersion }) => ({ action: 'profile.review', caseId, subjectType: 'case', subjectId: caseId, details: { profileVersion } }),
        answer: ({ profileVersion }) => ({ ok: true, profileVersion }),
      };
    },
  );
}
