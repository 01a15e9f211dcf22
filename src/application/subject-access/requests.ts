// Subject access requests (issue 21): a data protection officer records one for a person (by NHS
// number or person id) with the day it was received, and the one-month clock starts
// (domain/subject-access/response-due.ts); lists their organisation's with the days they are due;
// extends one once, by two months, with the reason. Every step and every refusal audited.
import { EXTENSION_REASON_MAX, checkReceivedOn, extendedDueOn, responseDueOn } from '../../domain/subject-access/response-due.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { recorderFor } from '../recorder.ts';
import { officersRequest, refuseUnlessOfficer, type Refusal } from './officer-guard.ts';
import { findSubject, type SubjectProblem } from './subject.ts';

export interface RequestTyped {
  nhsNumber?: string | undefined;
  personId?: string | undefined;
  parentNhsNumber?: string | undefined;
  receivedOn: string;
}

export type RequestProblem = SubjectProblem | { field: 'receivedOn'; message: string };
export type Invalid<P> = { ok: false; code: 'invalid'; message: string; problems: P[] };

export async function createRequest(ctx: AppContext, actor: UserActor, typed: RequestTyped): Promise<{ ok: true; value: { id: string; dueOn: string } } | Refusal | Invalid<RequestProblem>> {
  const action = 'subject-access.request';
  const refused = await refuseUnlessOfficer(ctx, actor, action);
  if (refused) return refused;
  const received = checkReceivedOn(typed.receivedOn.trim(), serviceToday(ctx.clock.now()));
  const found = await findSubject(ctx.db, { nhsNumber: typed.nhsNumber ?? null, personId: typed.personId ?? null, parentNhsNumber: typed.parentNhsNumber ?? null });
  const problems: RequestProblem[] = [...(found.ok ? [] : found.problems), ...(received ? [received] : [])];
  if (!found.ok || problems.length > 0) {
    await recordAuditAlone(ctx, actor, { action, outcome: 'failure', subjectType: 'subject-access-request', details: { invalid: problems.map((p) => p.field) } });
    return { ok: false, code: 'invalid', message: problems[0]!.message, problems };
  }
  const receivedOn = typed.receivedOn.trim();
  const id = ctx.newId();
  const dueOn = responseDueOn(receivedOn);
  await ctx.db.transaction().execute(async (trx) => {
    const recorder = await recorderFor(trx, actor);
    await trx
      .insertInto('subject_access_requests')
      .values({ id, organisation_id: actor.organisationId, received_on: receivedOn, due_on: dueOn, nhs_number: found.named.nhsNumber, person_id: found.named.personId, parent_nhs_number: found.named.parentNhsNumber, subject_name: found.subject.name, created_at: ctx.clock.now(), created_by: actor.userId, created_by_name: recorder.name })
      .execute();
    await recordAudit(trx, ctx, actor, { action, subjectType: 'subject-access-request', subjectId: id, details: { receivedOn, dueOn, cases: new Set([...found.subject.babyOf, ...found.subject.rows.map((r) => r.caseId)]).size } });
  });
  return { ok: true, value: { id, dueOn } };
}

export interface RequestSummary {
  id: string;
  subjectName: string;
  receivedOn: string;
  /** The day due, extended or not. */
  dueOn: string;
  extended: { reason: string; byName: string } | null;
  releasedAt: Date | null;
}

/** The officer's organisation's requests, the soonest due first, released ones last. */
export async function listRequests(ctx: AppContext, actor: UserActor): Promise<{ ok: true; value: RequestSummary[] } | Refusal> {
  const action = 'subject-access.list';
  const refused = await refuseUnlessOfficer(ctx, actor, action);
  if (refused) return refused;
  const rows = await ctx.db
    .selectFrom('subject_access_requests as r')
    .leftJoin('subject_access_extensions as x', 'x.request_id', 'r.id')
    .leftJoin('subject_access_releases as l', 'l.request_id', 'r.id')
    .select(['r.id', 'r.subject_name', 'r.received_on', 'r.due_on', 'x.due_on as extended_due_on', 'x.reason as extension_reason', 'x.extended_by_name', 'l.released_at'])
    .where('r.organisation_id', '=', actor.organisationId)
    .execute();
  await recordAuditAlone(ctx, actor, { action, subjectType: 'subject-access-request', details: { requests: rows.length } });
  const requests = rows.map((r) => ({
    id: r.id,
    subjectName: r.subject_name,
    receivedOn: r.received_on,
    dueOn: r.extended_due_on ?? r.due_on,
    extended: r.extension_reason !== null ? { reason: r.extension_reason, byName: r.extended_by_name ?? '' } : null,
    releasedAt: r.released_at,
  }));
  return { ok: true, value: requests.sort((a, b) => Number(a.releasedAt !== null) - Number(b.releasedAt !== null) || a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id)) };
}

export type ExtensionProblem = { field: 'reason'; message: string };

/** Extends the clock by two months from the day received, once, with the reason told to the requester. */
export async function extendRequest(ctx: AppContext, actor: UserActor, requestId: string, typedReason: string): Promise<{ ok: true; value: { dueOn: string } } | Refusal | Invalid<ExtensionProblem> | { ok: false; code: 'conflict'; message: string }> {
  const action = 'subject-access.extend';
  const found = await officersRequest(ctx, actor, action, requestId);
  if (!found.ok) return found;
  const audited = { action, subjectType: 'subject-access-request', subjectId: requestId };
  const reason = typedReason.trim();
  const problem = reason === '' ? 'Enter why more time is needed, as you will tell the person asking, such as the number of records to review' : reason.length > EXTENSION_REASON_MAX ? `The reason must be ${String(EXTENSION_REASON_MAX)} characters or fewer` : null;
  if (problem) {
    await recordAuditAlone(ctx, actor, { ...audited, outcome: 'failure', details: { reason: 'invalid' } });
    return { ok: false, code: 'invalid', message: problem, problems: [{ field: 'reason', message: problem }] };
  }
  const dueOn = extendedDueOn(found.request.received_on);
  return ctx.db.transaction().execute(async (trx) => {
    const [extended, released] = await Promise.all([
      trx.selectFrom('subject_access_extensions').select('request_id').where('request_id', '=', requestId).executeTakeFirst(),
      trx.selectFrom('subject_access_releases').select('request_id').where('request_id', '=', requestId).executeTakeFirst(),
    ]);
    if (extended || released) {
      await recordAudit(trx, ctx, actor, { ...audited, outcome: 'failure', details: { reason: extended ? 'already-extended' : 'released' } });
      return { ok: false as const, code: 'conflict' as const, message: extended ? 'This request has been extended already: the law allows two further months once.' : 'This request has been answered: there is nothing to extend.' };
    }
    const recorder = await recorderFor(trx, actor);
    await trx.insertInto('subject_access_extensions').values({ request_id: requestId, due_on: dueOn, reason, extended_at: ctx.clock.now(), extended_by: actor.userId, extended_by_name: recorder.name }).execute();
    await recordAudit(trx, ctx, actor, { ...audited, details: { dueOn } });
    return { ok: true as const, value: { dueOn } };
  });
}
