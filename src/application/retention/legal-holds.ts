// Legal holds (issue 21). A hold on one case is set and lifted through the one way to change a case
// (cases/change-case.ts): the case locked and the caller's access decided there, then the role checked
// (domain/retention/legal-holds.ts: a safeguarding lead or a manager), the hold written and the change
// audited in one transaction. Nothing the profile is evaluated from changes, so no profile version is
// written. A hold on every case a rule matches is an administrator's (the area's settings permission),
// in a transaction of its own. Every refusal is audited (denied), every slip in the form too (failure).
// Either form's submission id is noted with the hold, so that a form posted twice sets one (ADR 0026).
import { checkHoldReason, checkHoldRule, mayHoldCase, type HoldProblem, type HoldRuleDraft } from '../../domain/retention/legal-holds.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { sql } from 'kysely';
import { actorMay } from '../access.ts';
import type { Actor, UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { changeCase } from '../cases/change-case.ts';
import { noteSubmissionWithoutCase } from '../cases/form-submissions.ts';
import type { AppContext } from '../context.ts';
import { recorderFor } from '../recorder.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { HOLD_COLUMNS, holdFromRow, retentionOfCases, type CaseRetention, type HoldRow, type LegalHold } from './retention-rows.ts';

export type HoldChangeResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'not-found' | 'forbidden' | 'conflict'; message: string }
  | { ok: false; code: 'invalid'; message: string; problems: HoldProblem[] };

/** The audit action, and what the form of a hold by rule is known by (it has no case). */
export const PLACE_LEGAL_HOLD = 'legal-hold.place';

const NOT_A_HOLDER = 'Only a safeguarding lead or a manager who works with this case can set or lift a legal hold on it. Ask your safeguarding lead.';
const NO_SUCH_CASE = { ok: false as const, code: 'not-found' as const, message: 'There is no case with this id.' };
const NOT_THE_TEAM = { ok: false as const, code: 'forbidden' as const, message: NOT_A_HOLDER };

/** `submission`: the one-time id of the form it was posted from, noted with the hold so that a second post sets no second hold (ADR 0026). */
export async function placeCaseHold(ctx: AppContext, actor: UserActor, caseId: string, typedReason: string, submission?: string): Promise<HoldChangeResult<{ id: string }>> {
  const action = PLACE_LEGAL_HOLD;
  return changeCase<HoldChangeResult<{ id: string }>>(ctx, actor, caseId, { action, onClosedCase: 'allowed', submission }, (refusal) => (refusal.code === 'not-found' ? NO_SUCH_CASE : NOT_THE_TEAM), async ({ trx, recorder, now }) => {
    if (!mayHoldCase(actor.role)) return { changed: false, answer: NOT_THE_TEAM, audit: { action, outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId, details: { reason: 'role' } } };
    const reason = checkHoldReason(typedReason);
    if (!reason.ok) {
      return { changed: false, answer: { ok: false, code: 'invalid', message: reason.problem.message, problems: [reason.problem] }, audit: { action, outcome: 'failure', caseId, subjectType: 'case', subjectId: caseId, details: { reason: 'invalid' } } };
    }
    const id = ctx.newId();
    await trx.insertInto('legal_holds').values({ id, case_id: caseId, reason: reason.reason, set_at: now, set_by: actor.userId, set_by_name: recorder.name }).execute();
    return {
      changed: true,
      version: null,
      entriesAdded: [],
      audit: () => ({ action, caseId, subjectType: 'legal-hold', subjectId: id, details: { scope: 'case' } }),
      answer: () => ({ ok: true, value: { id } }),
      recordId: id,
    };
  });
}

export async function liftCaseHold(ctx: AppContext, actor: UserActor, caseId: string, holdId: string): Promise<HoldChangeResult<{ id: string; liftedAt: Date }>> {
  const action = 'legal-hold.lift';
  return changeCase<HoldChangeResult<{ id: string; liftedAt: Date }>>(ctx, actor, caseId, { action, refusalSubject: { subjectType: 'legal-hold', subjectId: holdId }, onClosedCase: 'allowed' }, (refusal) => (refusal.code === 'not-found' ? NO_SUCH_CASE : NOT_THE_TEAM), async ({ trx, recorder, now }) => {
    const audited = { caseId, subjectType: 'legal-hold', subjectId: holdId };
    if (!mayHoldCase(actor.role)) return { changed: false, answer: NOT_THE_TEAM, audit: { action, outcome: 'denied', ...audited, details: { reason: 'role' } } };
    const hold = await trx.selectFrom('legal_holds').select(['id', 'lifted_at']).where('id', '=', holdId).where('case_id', '=', caseId).forUpdate().executeTakeFirst();
    if (!hold) return { changed: false, answer: { ok: false, code: 'not-found', message: 'This case has no legal hold with this id.' }, audit: { action, outcome: 'failure', ...audited, details: { reason: 'not-found' } } };
    if (hold.lifted_at !== null) return { changed: false, answer: { ok: false, code: 'conflict', message: 'This legal hold was already lifted.' }, audit: { action, outcome: 'failure', ...audited, details: { reason: 'already-lifted' } } };
    await trx.updateTable('legal_holds').set({ lifted_at: now, lifted_by: actor.userId, lifted_by_name: recorder.name }).where('id', '=', holdId).execute();
    return {
      changed: true,
      version: null,
      entriesAdded: [],
      audit: () => ({ action, ...audited, details: { scope: 'case' } }),
      answer: () => ({ ok: true, value: { id: holdId, liftedAt: now } }),
    };
  });
}

export interface CaseHoldsView {
  caseId: string;
  retention: CaseRetention;
  /** May set and lift holds on this case. */
  mayHold: boolean;
  today: string;
}

/** The case's disposal date, why, and the holds that reach it: for anyone who may read the case; the look is audited (legal-hold.list). */
export async function viewCaseHolds(ctx: AppContext, actor: UserActor, caseId: string): Promise<{ ok: true; value: CaseHoldsView } | { ok: false; code: 'not-found' | 'forbidden'; message: string }> {
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const exists = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!exists) {
    await recordAuditAlone(ctx, actor, { action: 'legal-hold.list', outcome: 'failure', subjectType: 'case', subjectId: caseId, details: { reason: 'not-found' } });
    return NO_SUCH_CASE;
  }
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed) {
    await recordAuditAlone(ctx, actor, { action: 'legal-hold.list', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return { ok: false, code: 'forbidden', message: 'You are not in the team around this baby.' };
  }
  const retention = (await retentionOfCases(ctx.db, [caseId], (await settingsInForce(ctx)).settings.retention, today)).get(caseId)!;
  await recordAuditAlone(ctx, actor, { action: 'legal-hold.list', caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, holds: retention.holds.length } });
  return { ok: true, value: { caseId, retention, mayHold: access.canChange && mayHoldCase(actor.role), today } };
}

const ADMIN_ONLY = 'Only an administrator can set or lift a legal hold by rule.';

export interface RuleHoldsView {
  /** Every hold set by a rule, standing ones first, each with how many cases it reaches now. */
  holds: (LegalHold & { cases: number })[];
  organisations: { id: string; name: string }[];
}

export async function viewRuleHolds(ctx: AppContext, actor: Actor): Promise<{ ok: true; value: RuleHoldsView } | { ok: false; code: 'forbidden'; message: string }> {
  if (!actorMay(actor, 'manage-settings')) {
    await recordAuditAlone(ctx, actor, { action: 'legal-hold.list', outcome: 'denied', subjectType: 'legal-hold-rule' });
    return { ok: false, code: 'forbidden', message: ADMIN_ONLY };
  }
  const [{ rows }, organisations] = await Promise.all([
    sql<HoldRow & { cases: string | number }>`
      SELECT ${HOLD_COLUMNS}, (SELECT count(*) FROM cases AS c WHERE
        (h.organisation_id IS NULL OR EXISTS (SELECT 1 FROM case_team AS t JOIN users AS u ON u.id = t.user_id WHERE t.case_id = c.id AND u.organisation_id = h.organisation_id))
        AND (h.born_from IS NULL OR coalesce(c.date_of_birth, c.expected_delivery_date) >= h.born_from)
        AND (h.born_to IS NULL OR coalesce(c.date_of_birth, c.expected_delivery_date) <= h.born_to)) AS cases
      FROM legal_holds AS h LEFT JOIN organisations AS o ON o.id = h.organisation_id
      WHERE h.case_id IS NULL ORDER BY h.lifted_at IS NOT NULL, h.set_at DESC, h.id`.execute(ctx.db),
    ctx.db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute(),
  ]);
  await recordAuditAlone(ctx, actor, { action: 'legal-hold.list', subjectType: 'legal-hold-rule', details: { holds: rows.length } });
  return { ok: true, value: { holds: rows.map((row) => ({ ...holdFromRow(row), cases: Number(row.cases) })), organisations } };
}

/** `submission`: the one-time id of the page's form, noted with the hold so that a second post sets none (ADR 0026). */
export async function placeRuleHold(ctx: AppContext, actor: Actor, draft: HoldRuleDraft, submission?: string): Promise<HoldChangeResult<{ id: string }>> {
  const action = PLACE_LEGAL_HOLD;
  if (!actorMay(actor, 'manage-settings')) {
    await recordAuditAlone(ctx, actor, { action, outcome: 'denied', subjectType: 'legal-hold-rule' });
    return { ok: false, code: 'forbidden', message: ADMIN_ONLY };
  }
  const organisations = new Set((await ctx.db.selectFrom('organisations').select('id').execute()).map((row) => row.id));
  const checked = checkHoldRule(draft, organisations);
  if (!checked.ok) {
    await recordAuditAlone(ctx, actor, { action, outcome: 'failure', subjectType: 'legal-hold-rule', details: { invalid: checked.problems.map((p) => p.field) } });
    return { ok: false, code: 'invalid', message: checked.problems[0]!.message, problems: checked.problems };
  }
  const { rule } = checked;
  const id = ctx.newId();
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const name = actor.kind === 'user' ? (await recorderFor(trx, actor)).name : 'An operator at the command line';
    await trx
      .insertInto('legal_holds')
      .values({ id, organisation_id: rule.organisationId, born_from: rule.bornFrom, born_to: rule.bornTo, reason: rule.reason, set_at: now, set_by: actor.kind === 'user' ? actor.userId : null, set_by_name: name })
      .execute();
    await recordAudit(trx, ctx, actor, { action, subjectType: 'legal-hold-rule', subjectId: id, details: { scope: 'rule', organisationId: rule.organisationId, bornFrom: rule.bornFrom, bornTo: rule.bornTo } });
    if (submission !== undefined && actor.kind === 'user') await noteSubmissionWithoutCase(trx, actor, now, { submissionId: submission, action, recordId: id });
  });
  return { ok: true, value: { id } };
}

export async function liftRuleHold(ctx: AppContext, actor: Actor, holdId: string): Promise<HoldChangeResult<{ id: string }>> {
  const action = 'legal-hold.lift';
  if (!actorMay(actor, 'manage-settings')) {
    await recordAuditAlone(ctx, actor, { action, outcome: 'denied', subjectType: 'legal-hold-rule', subjectId: holdId });
    return { ok: false, code: 'forbidden', message: ADMIN_ONLY };
  }
  return ctx.db.transaction().execute(async (trx): Promise<HoldChangeResult<{ id: string }>> => {
    const hold = await trx.selectFrom('legal_holds').select(['id', 'lifted_at']).where('id', '=', holdId).where('case_id', 'is', null).forUpdate().executeTakeFirst();
    const refuse = async (reason: string) => recordAudit(trx, ctx, actor, { action, outcome: 'failure', subjectType: 'legal-hold-rule', subjectId: holdId, details: { reason } });
    if (!hold) {
      await refuse('not-found');
      return { ok: false, code: 'not-found', message: 'There is no legal hold by rule with this id.' };
    }
    if (hold.lifted_at !== null) {
      await refuse('already-lifted');
      return { ok: false, code: 'conflict', message: 'This legal hold was already lifted.' };
    }
    const name = actor.kind === 'user' ? (await recorderFor(trx, actor)).name : 'An operator at the command line';
    await trx.updateTable('legal_holds').set({ lifted_at: ctx.clock.now(), lifted_by: actor.kind === 'user' ? actor.userId : null, lifted_by_name: name }).where('id', '=', holdId).execute();
    await recordAudit(trx, ctx, actor, { action, subjectType: 'legal-hold-rule', subjectId: holdId, details: { scope: 'rule' } });
    return { ok: true, value: { id: holdId } };
  });
}
