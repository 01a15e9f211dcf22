// Marking the profile reviewed: the next review is then scheduled by level. Refused (audited as
// denied) while a critical or high finding has no escalation decision recorded since the last
// review, or while the level is below the level the findings suggest and no decision since the last
// review and the last lowering of the level says why it stays (docs/domain.md, Review and sign-off).
import type { FindingInView } from '../../domain/profile/escalation.ts';
import { decideSignOff, type SignOffProblem } from '../../domain/profile/review-sign-off.ts';
import { findingDefinition } from '../../domain/catalogue/catalogue.ts';
import { FINDING_IDS, type FindingId } from '../../domain/catalogue/finding-definitions.ts';
import { caseLevelLabel, type CaseLevel } from '../../domain/shared/case-levels.ts';
import type { UserActor } from '../actor.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { lastLevelLoweredAt, loadDecisions } from './profile-decisions.ts';
import { evaluateStoredProfile } from './profile-facts.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';

export type SignOffRefusalCode = SignOffProblem['code'];

export type MarkReviewedResult =
  | { ok: true; profileVersion: number }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | {
      ok: false;
      code: SignOffRefusalCode;
      message: string;
      /** Every finding that stops the sign-off, once. */
      findings: FindingInView[];
      /** Each rule that stops it, with its findings (the first gives `code`). */
      problems: (SignOffProblem & { message: string })[];
    }
  | { ok: false; code: 'profile-changed'; message: string; currentVersion: number };

const titleOf = (id: string) => ((FINDING_IDS as readonly string[]).includes(id) ? findingDefinition(id as FindingId).title : id);
const titles = (findings: readonly FindingInView[]) => findings.map((f) => titleOf(f.id)).join(', ');

/** What a person is told for each rule, naming the findings. */
export function signOffMessage(problem: SignOffProblem): string {
  if (problem.code === 'decision-needed') {
    return `Record an escalation decision for the critical and high findings before marking the profile reviewed: ${titles(problem.findings)}.`;
  }
  return `The level of support is ${caseLevelLabel(problem.level).toLowerCase()}, below the ${caseLevelLabel(problem.suggested).toLowerCase()} level the findings suggest (${titles(problem.findings)}). Change the level, or record a decision that says why it stays.`;
}

/** `submission`: the one-time id of the form it was posted from, noted with what it records so that a second post is answered as the first, not refused as stale (ADR 0026). */
export async function markProfileReviewed(ctx: AppContext, actor: UserActor, caseId: string, input: { profileVersion: number; note?: string }, submission?: string): Promise<MarkReviewedResult> {
  return changeCase<MarkReviewedResult>(
    ctx,
    actor,
    caseId,
    { action: 'profile.review', submission },
    (refusal) => ({ ok: false, ...refusal }),
    async ({ trx, record, now, today }) => {
      if (record.profileVersion !== input.profileVersion) {
        return {
          changed: false,
          answer: { ok: false, code: 'profile-changed', message: 'The profile changed since you opened this page. Look at it again before marking it reviewed.', currentVersion: record.profileVersion },
        };
      }
      const evaluated = await evaluateStoredProfile(trx, caseId, today, (await settingsInForce(ctx, trx)).settings);
      if (evaluated) {
        const [decisions, levelLoweredAt] = await Promise.all([loadDecisions(trx, caseId), lastLevelLoweredAt(trx, caseId)]);
        const signOff = decideSignOff({
          level: record.level as CaseLevel,
          findings: evaluated.evaluation.findings,
          decisions,
          lastReviewedAt: record.reviewedAt?.toISOString() ?? null,
          levelLoweredAt: levelLoweredAt?.toISOString() ?? null,
        });
        if (!signOff.ok) {
          const problems = signOff.problems.map((p) => ({ ...p, message: signOffMessage(p) }));
          const findings = [...new Map(problems.flatMap((p) => p.findings).map((f) => [f.id, { id: f.id, severity: f.severity }])).values()];
          const first = problems[0]!;
          return {
            changed: false,
            answer: { ok: false, code: first.code, message: first.message, findings, problems },
            audit: {
              action: 'profile.review',
              outcome: 'denied',
              caseId,
              subjectType: 'case',
              subjectId: caseId,
              details: { refused: problems.map((p) => p.code), decisionNeededFor: problems.find((p) => p.code === 'decision-needed')?.findings.map((f) => f.id) ?? [], level: record.level, findings: findings.map((f) => f.id) },
            },
          };
        }
      }
      await trx.updateTable('cases').set({ profile_reviewed_at: now }).where('id', '=', caseId).execute();
      const note = input.note?.trim() ?? '';
      return {
        changed: true,
        version: { kind: 'review', change: { summary: 'Marked reviewed', previousReviewAt: record.reviewedAt?.toISOString() ?? null }, why: note === '' ? null : note },
        entriesAdded: [],
        audit: ({ profileVersion }) => ({ action: 'profile.review', caseId, subjectType: 'case', subjectId: caseId, details: { profileVersion } }),
        answer: ({ profileVersion }) => ({ ok: true, profileVersion }),
        recordId: caseId,
      };
    },
  );
}
