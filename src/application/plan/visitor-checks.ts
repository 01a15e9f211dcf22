// The plan's check items a visitor is asked at a contact (issue 13), for the contact form: the items
// due today for the user's kind of agency, and the answers as a contact of that kind gives them.
// Reads only: the answers are checked against the plan (domain/plan/plan-checks.ts) by recordContact,
// or without recording by chronology/contact-problems.ts for a form refused before anything is recorded.
// At a phone or video call, the items that need the baby or the home seen and were left unanswered
// are answered "could not check", with the reason, before anything checks or records the answers;
// "checked, no concern" for such an item is refused and a concern stays a concern
// (domain/plan/checks-on-a-call.ts).
import { isCall } from '../../domain/chronology/contact-record.ts';
import { answersForContactKind } from '../../domain/plan/checks-on-a-call.ts';
import type { PlanCheckDraft } from '../../domain/plan/plan-checks.ts';
import type { CheckItem } from '../../domain/plan/plan.types.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import type { AppContext } from '../context.ts';
import { readDueChecks, type DueChecks } from './plan-check-rows.ts';

const NOTHING: DueChecks = { plan: null, checks: [], due: [] };

/** The plan and the items due for this user today; nothing for someone who may not change the case (the form has checked and audited that already). */
async function visitorChecks(ctx: AppContext, actor: UserActor, caseId: string): Promise<DueChecks> {
  const now = ctx.clock.now();
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed || !access.canChange) return NOTHING;
  const organisation = await ctx.db.selectFrom('organisations').select('kind').where('id', '=', actor.organisationId).executeTakeFirst();
  return readDueChecks(ctx.db, caseId, organisation?.kind ?? '', serviceToday(now));
}

/** The check items due for this user at a contact today, in the plan's order. */
export async function dueChecksForVisitor(ctx: AppContext, actor: UserActor, caseId: string): Promise<CheckItem[]> {
  return (await visitorChecks(ctx, actor, caseId)).due;
}

/** The answers as a contact of this kind gives them: at a call, each item that needs a visit and was not answered, or answered could not check, not checked with the reason. */
export async function answersAtContact(ctx: AppContext, actor: UserActor, caseId: string, kind: string, answers: readonly PlanCheckDraft[]): Promise<PlanCheckDraft[]> {
  if (!isCall(kind)) return [...answers];
  const { plan, due } = await visitorChecks(ctx, actor, caseId);
  return answersForContactKind(kind, answers, plan?.checkItems ?? [], due);
}
