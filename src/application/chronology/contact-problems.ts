// What recordContact would refuse a contact's answers for, found without recording or auditing
// anything: the domain's problems with the answers (contact-record.ts planContact) and with the
// answers to the plan's check items (at a call too: domain/plan/checks-on-a-call.ts), against the
// case as it stands. For the contact form, when it refuses a field for its length before anything
// is recorded: the page still reports every other problem in the same pass. Reads only; the refusal
// itself is the form's (nothing was asked of the record), and recordContact checks again when saved.
import { planContact, type ContactAnswers, type ContactProblem } from '../../domain/chronology/contact-record.ts';
import { callAnswersRefused } from '../../domain/plan/checks-on-a-call.ts';
import type { PlanCheckProblem } from '../../domain/plan/plan-checks.ts';
import type { CheckItem } from '../../domain/plan/plan.types.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import type { AppContext } from '../context.ts';
import { readDueChecks } from '../plan/plan-check-rows.ts';
import { loadStoredProfile } from '../profile/profile-facts.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';

export interface ContactProblems {
  problems: ContactProblem[];
  planCheckProblems: PlanCheckProblem[];
  /** The plan's check items due for this user today: the form words their problems with them. */
  due: CheckItem[];
}

const NONE: ContactProblems = { problems: [], planCheckProblems: [], due: [] };

/** Every problem with the answers, as recordContact would find them now; none for someone who may not change the case (the form has checked and audited that). */
export async function contactProblems(ctx: AppContext, actor: UserActor, caseId: string, answers: ContactAnswers): Promise<ContactProblems> {
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed || !access.canChange) return NONE;
  const stored = await loadStoredProfile(ctx.db, caseId, today, (await settingsInForce(ctx)).settings);
  if (!stored) return NONE;
  const organisation = await ctx.db.selectFrom('organisations').select('kind').where('id', '=', actor.organisationId).executeTakeFirst();
  const { plan, due } = await readDueChecks(ctx.db, caseId, organisation?.kind ?? '', today);
  const planned = planContact(answers, { today, born: stored.facts.infant.status === 'born', people: stored.facts.people, plan, dueItems: due });
  const onACall = callAnswersRefused(answers.kind ?? '', answers.planChecks ?? [], plan?.checkItems ?? []);
  return { problems: planned.ok ? [] : planned.problems, planCheckProblems: [...onACall, ...(planned.ok ? [] : planned.planCheckProblems)], due };
}
