// The page refusing one of a case's pages (anything under /cases/:caseId), the same whichever page:
// someone outside the team around the baby is told so, whom to ask and, if their role may, how to
// open the record in an emergency; someone in the team whose access stops short of what they asked
// is told that, and whom to ask. The use case that refused has audited the refusal.
import type { FastifyReply } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { readCaseRefusal } from '../../../application/cases/case-refusal.ts';

/** The case of the page being refused, if it is a case's page; what a route's own address calls it. */
export function refusedCaseId(reply: FastifyReply): string | undefined {
  const { request } = reply;
  if (!request.routeOptions.url?.startsWith('/cases/:caseId')) return undefined;
  const { caseId } = request.params as { caseId?: string };
  return caseId;
}

/**
 * One supervision's page: who may read it is fixed by its part in the supervision (docs/domain.md,
 * "Supervision of a case": the practitioner supervised, the supervisor, a safeguarding lead), so the
 * lead professional cannot grant it and the page names who can read it instead.
 */
const SUPERVISION_PAGE = '/cases/:caseId/supervision/:supervisionId';

/** The refusal page (403); false, with nothing sent, when there is no such case or no user to tell. */
export async function sendCaseRefusal(reply: FastifyReply, caseId: string): Promise<boolean> {
  const { request } = reply;
  if (!request.user) return false;
  const refusal = await readCaseRefusal(request.server.ctx, actorFor(request.user, 'web', request.ip), caseId);
  if (!refusal) return false;
  const title = refusal.basis ? 'Your access to this record does not allow this' : 'You are not in the team around this baby';
  await reply.page('errors/case-refusal.njk', { title, refusal, supervisionNotes: request.routeOptions.url === SUPERVISION_PAGE }, 403);
  return true;
}
