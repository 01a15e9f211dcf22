// The administrator's page of data protection officers (issue 21; docs/adr/0012): who holds the duty,
// a form to grant it by email and a button to end it. The use cases refuse, audited, anyone else; a
// form that is wrong comes back 422 with the error at its field; granting it again changes nothing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { grantOfficer, listOfficers, revokeOfficer } from '../../../application/subject-access/officers.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';

const PATH = '/admin/data-protection-officers';

export async function officerRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  async function page(request: FastifyRequest, reply: FastifyReply, locals: object = {}, status = 200) {
    const result = await listOfficers(ctx, actor(request));
    if (!result.ok) return sendErrorPage(reply, 'forbidden');
    const officers = result.value.map((o) => ({ ...o, grantedOn: dayInWords(o.grantedAt.toISOString()) }));
    return reply.page('subject-access/officers.njk', { title: 'Data protection officers', officers, values: {}, fieldErrors: {}, backLink: '/admin', ...locals }, status);
  }

  app.get(PATH, { preHandler: requireUser }, async (request, reply) => page(request, reply));

  app.post(PATH, { preHandler: requireUser }, async (request, reply) => {
    const body = request.body !== null && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    // As typed, however long (an address too long matches no account, and comes back whole to mend).
    const email = typeof body['email'] === 'string' ? body['email'].trim() : '';
    const problem = email === '' ? 'Enter the email address of the account' : null;
    const result = problem === null ? await grantOfficer(ctx, actor(request), email) : null;
    if (result?.ok) {
      flashSuccess(request, `${email} is now a data protection officer`);
      return reply.redirect(PATH, 303);
    }
    if (result?.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
    // Asked again (a second press, the back button): what was asked for is so already, nothing changes.
    if (result?.code === 'already-granted') {
      flashSuccess(request, `${email} is a data protection officer already: nothing has changed`);
      return reply.redirect(PATH, 303);
    }
    const message = problem ?? result!.message;
    return page(request, reply, { values: { email }, errorList: [{ text: message, href: '#email' }], fieldErrors: { email: { text: message } } }, 422);
  });

  app.post<{ Params: { userId: string } }>(`${PATH}/:userId/revoke`, { preHandler: requireUser }, async (request, reply) => {
    const result = await revokeOfficer(ctx, actor(request), request.params.userId);
    if (!result.ok) return sendErrorPage(reply, result.code);
    flashSuccess(request, 'The account is no longer a data protection officer');
    return reply.redirect(PATH, 303);
  });
}
