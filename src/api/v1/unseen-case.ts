// The API answers a case id that is no case and a case its caller may not see the same way: 404
// not-found, "There is no case with this id.", so that it never tells whether a case exists
// (docs/adr/0024-refused-requests-audited.md, "Unknown and unseen cases"). Each is audited once:
// - an id that is no case is answered here, before any use case runs (answerUnknownCase), with one
//   entry request.unknown-case, outcome failure, naming the id asked (application/audit/record-unknown-case.ts);
// - a case that exists is left to its use case, which asks the access rules and audits its refusal
//   (denied, on the case, under the action asked for, so its lead professional sees the attempt);
//   when the caller may not open the case at all (outside the team, an administrator), the use case's
//   refusal is then answered as an unknown case is (answerUnseenCaseAsUnknown). Access that stops short
//   (reading in an emergency, a member asking what only the lead may do) stays 403: they may see the case.
// Only the API: a page still tells a practitioner whom to ask and offers emergency access.
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { namedCase } from '../../application/audit/record-refused-request.ts';
import { recordUnknownCase } from '../../application/audit/record-unknown-case.ts';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { mayOpenCase } from '../../application/cases/case-access.ts';
import { operationOutcome } from '../../domain/fhir/operation-outcome.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { caseIdInAddress } from './case-in-address.ts';
import { FHIR_ADDRESSES, refusalIssue, sendOutcome } from './fhir-outcome.ts';
import { refuseInvalidInput } from './refused-input.ts';

/** The one wording for a case that is not one and a case the caller may not see. */
export const NO_SUCH_CASE = 'There is no case with this id.';

declare module 'fastify' {
  interface FastifyRequest {
    /** The case its address names was found (answerUnknownCase): a refusal of it may be answered as unseen. */
    caseFound?: string;
  }
}

const isFhir = (request: FastifyRequest) => (request.routeOptions.url ?? '').startsWith(FHIR_ADDRESSES);

/** The not-found answer as an object: the API's error shape, or a FHIR route's OperationOutcome. */
export function noSuchCaseBody(fhir: boolean): unknown {
  return fhir ? operationOutcome([refusalIssue('not-found', 'not-found', NO_SUCH_CASE)]) : { error: { code: 'not-found', message: NO_SUCH_CASE, details: [] } };
}

function sendNoSuchCase(request: FastifyRequest, reply: FastifyReply) {
  return isFhir(request) ? sendOutcome(reply, 404, noSuchCaseBody(true) as ReturnType<typeof operationOutcome>) : sendApiError(reply, 404, 'not-found', NO_SUCH_CASE);
}

/** preHandler, after the token and input checks: an id that is no case is answered 404 and audited once, as a failure naming the id asked. */
export async function answerUnknownCase(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const asked = caseIdInAddress(request);
  if (asked === undefined || !request.user) return undefined;
  const found = await namedCase(request.server.ctx, asked);
  if (found) {
    request.caseFound = found;
    return undefined;
  }
  await recordUnknownCase(request.server.ctx, actorFor(request.user, 'api', request.ip), { method: request.method, route: request.routeOptions.url ?? '', asked, tokenId: request.apiTokenId });
  return sendNoSuchCase(request, reply);
}

/** Statuses that say nothing of the case (the caller's own request or the service): never rewritten. */
const SAYS_NOTHING_OF_THE_CASE = new Set([401, 413, 415, 429]);

/**
 * onSend: a use case's refusal (any 4xx but those) of a case the caller may not open at all is
 * answered as a case there is not. The use case has audited it; this only changes the answer.
 */
export async function answerUnseenCaseAsUnknown(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const status = reply.statusCode;
  if (request.caseFound === undefined || !request.user || status < 400 || status >= 500 || SAYS_NOTHING_OF_THE_CASE.has(status)) return payload;
  const { ctx } = request.server;
  if (await mayOpenCase(ctx, actorFor(request.user, 'api', request.ip), request.caseFound)) return payload;
  void reply.code(404);
  // The answer keeps its media type (a FHIR route's own, or the API's JSON).
  return JSON.stringify(noSuchCaseBody(isFhir(request)));
}

/** A refusal of a batch's entry that names a case: its index, the case id as sent, the code and its words. */
export interface CaseEntryRefusal {
  index: number;
  caseId: string;
  code: string;
  message: string;
}

/**
 * The refusals of a batch's entries (POST /events:batch) as the API answers a case in an address: an
 * entry naming a case the caller may not see at all is refused as one naming a case there is not
 * (not-found, the one wording), the rest as they were. The use case audited each unseen case's refusal
 * (denied, on the case); each id that is no case is audited here, once, naming the entries that sent it.
 */
export async function oneAnswerForBatchCases<T extends CaseEntryRefusal>(request: FastifyRequest, refusals: readonly T[]): Promise<T[]> {
  const { ctx } = request.server;
  const actor = actorFor(request.user!, 'api', request.ip);
  const forbidden = [...new Set(refusals.filter((r) => r.code === 'forbidden').map((r) => r.caseId))];
  const unseen = new Set<string>();
  for (const caseId of forbidden) if (!(await mayOpenCase(ctx, actor, caseId))) unseen.add(caseId);
  const unknown = new Map<string, number[]>();
  for (const refusal of refusals) if (refusal.code === 'not-found') unknown.set(refusal.caseId, [...(unknown.get(refusal.caseId) ?? []), refusal.index]);
  for (const [asked, entries] of unknown) await recordUnknownCase(ctx, actor, { method: request.method, route: request.routeOptions.url ?? '', asked, entries, tokenId: request.apiTokenId });
  return refusals.map((refusal) => (refusal.code === 'not-found' || unseen.has(refusal.caseId) ? { ...refusal, code: 'not-found', message: NO_SUCH_CASE } : refusal));
}

function hooksOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Whether a route names a case: a :caseId in its address, or a FHIR search's ?patient=. */
function namesCase(route: RouteOptions): boolean {
  if (route.url.includes(':caseId')) return true;
  const query = route.schema?.querystring as { properties?: Record<string, unknown> } | undefined;
  return query?.properties?.['patient'] !== undefined;
}

/** onRoute: every API operation naming a case answers an unknown and an unseen case as one. */
export function oneAnswerForUnknownAndUnseenCases(route: RouteOptions): void {
  const preHandlers = hooksOf(route.preHandler);
  if (!preHandlers.includes(requireBearer) || !namesCase(route)) return;
  const after = Math.max(preHandlers.indexOf(requireBearer), preHandlers.indexOf(refuseInvalidInput));
  route.preHandler = [...preHandlers.slice(0, after + 1), answerUnknownCase, ...preHandlers.slice(after + 1)] as RouteOptions['preHandler'];
  route.onSend = [...hooksOf(route.onSend), answerUnseenCaseAsUnknown] as RouteOptions['onSend'];
}
