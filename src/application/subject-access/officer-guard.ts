// The door of every subject access use case (issue 21): only a data protection officer passes, and a
// request only to an officer of the organisation answering it. Every refusal is audited (denied), a
// request that is not there too (failure); the draft is never shown to anyone else, the team included.
import type { Selectable } from 'kysely';
import type { SubjectAccessRequestsTable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { isDataProtectionOfficer } from './officers.ts';

export type Refusal = { ok: false; code: 'forbidden' | 'not-found'; message: string };
export type RequestRow = Selectable<SubjectAccessRequestsTable>;

export const NOT_AN_OFFICER = 'Only a data protection officer can see or answer subject access requests. Ask your administrator if you answer them.';

/** Refuses, audited, anyone who is not a data protection officer. */
export async function refuseUnlessOfficer(ctx: AppContext, actor: UserActor, action: string, requestId?: string): Promise<Refusal | null> {
  if (await isDataProtectionOfficer(ctx.db, actor)) return null;
  await recordAuditAlone(ctx, actor, { action, outcome: 'denied', subjectType: 'subject-access-request', ...(requestId ? { subjectId: requestId } : {}) });
  return { ok: false, code: 'forbidden', message: NOT_AN_OFFICER };
}

/** The request, for an officer of the organisation answering it; a refusal otherwise. */
export async function officersRequest(ctx: AppContext, actor: UserActor, action: string, requestId: string): Promise<{ ok: true; request: RequestRow } | Refusal> {
  const refused = await refuseUnlessOfficer(ctx, actor, action, requestId);
  if (refused) return refused;
  const request = await ctx.db.selectFrom('subject_access_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  const audited = { action, subjectType: 'subject-access-request', subjectId: requestId };
  if (!request) {
    await recordAuditAlone(ctx, actor, { ...audited, outcome: 'failure', details: { reason: 'not-found' } });
    return { ok: false, code: 'not-found', message: 'There is no subject access request with this id.' };
  }
  if (request.organisation_id !== actor.organisationId) {
    await recordAuditAlone(ctx, actor, { ...audited, outcome: 'denied', details: { reason: 'organisation' } });
    return { ok: false, code: 'forbidden', message: 'This request is another organisation’s to answer: its own data protection officer answers it.' };
  }
  return { ok: true, request };
}
