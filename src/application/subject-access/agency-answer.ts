// Another agency's agreement (or refusal, with its reason) for all of its items in a subject access
// request at once (issue 21; domain/subject-access/agency-answer.ts): the officer records it, and
// the decisions it settles are written in one transaction, each as the officer's decision on the item
// would be (draft.ts), so the officer can still change any one afterwards. Audited once for each case
// the items are in, so each case's "who has looked" shows it; refused, audited, once released or
// when the form is wrong.
import { checkAgencyAnswer, type AgencyAnswerProblem, type AgencyAnswerKind } from '../../domain/subject-access/agency-answer.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone, recordAudits } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { recorderFor } from '../recorder.ts';
import { REDACTIONS_FIXED, unreleasedDraft } from './draft.ts';
import type { Refusal } from './officer-guard.ts';
import type { Invalid } from './requests.ts';

export interface AgencyAnswerRecorded {
  agencyName: string;
  answer: AgencyAnswerKind;
  /** Items decided by the answer. */
  decided: number;
  /** The agency's items still to decide one by one: marked for another reason too. */
  left: number;
  /** Items marked for redaction in the whole draft with no decision yet. */
  unreviewed: number;
}

export async function recordAgencyAnswer(
  ctx: AppContext,
  actor: UserActor,
  requestId: string,
  typed: { agency: string; answer: string; reason: string },
): Promise<{ ok: true; value: AgencyAnswerRecorded } | Refusal | Invalid<AgencyAnswerProblem> | { ok: false; code: 'conflict'; message: string }> {
  const open = await unreleasedDraft(ctx, actor, 'subject-access.agency-answer', requestId, REDACTIONS_FIXED);
  if (!open.ok) return open;
  const { draft, audited } = open;
  const checked = checkAgencyAnswer(typed, draft.items, draft.organisations);
  if (!checked.ok) {
    await recordAuditAlone(ctx, actor, { ...audited, outcome: 'failure', details: { invalid: checked.problems.map((p) => p.field) } });
    return { ok: false, code: 'invalid', message: checked.problems[0]!.message, problems: checked.problems };
  }
  const { agency, answer, decisions, left } = checked.value;
  const itemsByKey = new Map(draft.items.map((item) => [item.key, item]));
  const settled = decisions.map((d) => itemsByKey.get(d.itemKey)!);
  await ctx.db.transaction().execute(async (trx) => {
    const recorder = await recorderFor(trx, actor);
    for (const decision of decisions) {
      const row = { decision: decision.decision, reason: decision.reason, decided_at: ctx.clock.now(), decided_by: actor.userId, decided_by_name: recorder.name };
      await trx
        .insertInto('subject_access_redactions')
        .values({ request_id: requestId, item_key: decision.itemKey, ...row })
        .onConflict((oc) => oc.columns(['request_id', 'item_key']).doUpdateSet(row))
        .execute();
    }
    const caseIds = [...new Set([...settled.map((item) => item.caseId), ...left.map((key) => itemsByKey.get(key)!.caseId)])].sort();
    await recordAudits(trx, ctx, actor, caseIds.map((caseId) => ({ ...audited, caseId, details: { agency: agency.key, answer, decided: settled.filter((item) => item.caseId === caseId).length, left: left.filter((key) => itemsByKey.get(key)!.caseId === caseId).length } })));
  });
  const newlyDecided = settled.filter((item) => item.decision === null).length;
  return { ok: true, value: { agencyName: agency.name, answer, decided: decisions.length, left: left.length, unreviewed: draft.unreviewed - newlyDecided } };
}
