// Recording who the other children living with the baby are (docs/domain.md, "Another child under two
// at home"): all recorded among the people on the record, or none. Through the one way to change a
// case (cases/change-case.ts): access, one transaction, the audit entry and a profile version, since
// the factor fills itself from it. A form refused for its content is audited as a failure.
import { householdChildrenFrom, householdChildrenProblems, type HouseholdChildren, type HouseholdChildrenProblem } from '../../domain/people/household-children.ts';
import type { EvidenceSource } from '../../domain/catalogue/evidence-sources.ts';
import type { UserActor } from '../actor.ts';
import { changeCase, type CaseRefusal } from '../cases/change-case.ts';
import { readCaseForView, type CaseView } from '../cases/view-case.ts';
import type { AppContext } from '../context.ts';
import { recordAuditAlone } from '../audit.ts';

export const HOUSEHOLD_CHILDREN_ACTION = 'case.household-children';

export interface HouseholdChildrenInput {
  answer: unknown;
  source: unknown;
  givenBy?: unknown;
}

export type HouseholdChildrenResult =
  | { ok: true; value: HouseholdChildren }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'invalid'; message: string; problems: HouseholdChildrenProblem[] };

export interface HouseholdChildrenView {
  view: CaseView;
  current: HouseholdChildren | null;
}

const refused = (refusal: CaseRefusal): HouseholdChildrenResult =>
  refusal.code === 'not-found'
    ? { ok: false, code: 'not-found', message: 'There is no record at this address.' }
    : { ok: false, code: 'forbidden', message: 'Only the team around the family can change this record.' };

/** The case and the answer recorded so far, for the form: refused (and audited under the form's action) to anyone who may not change the case. */
export async function loadHouseholdChildren(ctx: AppContext, actor: UserActor, caseId: string): Promise<{ ok: true; value: HouseholdChildrenView } | { ok: false; code: 'not-found' | 'forbidden'; message: string }> {
  const result = await readCaseForView(ctx, actor, caseId, { action: HOUSEHOLD_CHILDREN_ACTION, need: 'change' });
  if (!result.ok) return result;
  const row = await ctx.db.selectFrom('cases').select('household_children').where('id', '=', caseId).executeTakeFirst();
  await recordAuditAlone(ctx, actor, { action: 'case.view', caseId, subjectType: 'case', subjectId: caseId, details: { page: 'household-children', basis: result.value.access.basis } });
  return { ok: true, value: { view: result.value, current: householdChildrenFrom(row?.household_children ?? null) } };
}

/** `submission`: the one-time id of the form it was posted from (ADR 0026): a second post with it records nothing. */
export async function recordHouseholdChildren(ctx: AppContext, actor: UserActor, caseId: string, input: HouseholdChildrenInput, submission?: string): Promise<HouseholdChildrenResult> {
  const action = HOUSEHOLD_CHILDREN_ACTION;
  return changeCase<HouseholdChildrenResult>(ctx, actor, caseId, { action, submission }, refused, async ({ trx, recorder, now }) => {
    const problems = householdChildrenProblems(input);
    if (problems.length > 0) {
      return {
        changed: false,
        answer: { ok: false, code: 'invalid', message: 'This cannot be recorded like this: see the problems.', problems },
        audit: { action, outcome: 'failure', caseId, subjectType: 'case', subjectId: caseId, details: { reason: 'invalid', problems } },
      };
    }
    const givenBy = typeof input.givenBy === 'string' ? input.givenBy.trim() : '';
    const answer: HouseholdChildren = {
      answer: input.answer as HouseholdChildren['answer'],
      source: input.source as EvidenceSource,
      recordedAt: now.toISOString(),
      recordedBy: recorder.name,
      agency: recorder.organisation,
      ...(givenBy ? { givenBy } : {}),
    };
    await trx.updateTable('cases').set({ household_children: JSON.stringify(answer), updated_at: now, updated_by: actor.userId }).where('id', '=', caseId).execute();
    // The entry names the answer and its source, never who gave it (that may name a person).
    const summary = answer.answer === 'none' ? 'Recorded that no other child lives with the baby' : 'Recorded that the other children living with the baby are all on the record';
    return {
      changed: true,
      version: { kind: 'person', change: { summary, householdChildren: answer.answer, source: answer.source }, why: null },
      entriesAdded: [],
      audit: ({ profileVersion }) => ({ action, caseId, subjectType: 'case', subjectId: caseId, details: { answer: answer.answer, source: answer.source, profileVersion } }),
      answer: () => ({ ok: true, value: answer }),
      recordId: caseId,
    };
  });
}
