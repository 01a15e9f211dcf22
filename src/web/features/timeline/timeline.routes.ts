// The chronology as a timeline picture: one lane per agency, patterns shaded, with the key and the
// same facts in words beside it. Drawn on the server (src/timeline), so it needs no JavaScript.
import type { FastifyInstance } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { viewTimeline } from '../../../application/chronology/view-timeline.ts';
import { renderTimeline } from '../../drawings/timeline/render-timeline.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/sessions.ts';

export async function timelineRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  app.get<{ Params: { caseId: string } }>('/cases/:caseId/chronology/timeline', { preHandler: requireUser }, async (request, reply) => {
    const { caseId } = request.params;
    const result = await viewTimeline(ctx, actorFor(request.user!, 'web', request.ip), caseId);
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { caseName, ...facts } = result.value;
    return reply.page('timeline/timeline.njk', {
      title: `Chronology timeline: ${caseName}`,
      caseId,
      caseName,
      timeline: renderTimeline(facts),
      backLink: `/cases/${caseId}/chronology`,
    });
  });
}
