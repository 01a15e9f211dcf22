// The alerts page: the user's alerts, open or all, each with its steps, and a form to acknowledge an
// open one with a note. An empty note re-shows the page with the error at that alert's form. The
// note is checked by the use case, after it has checked (and audited) that the alert is the user's.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acknowledgeAlert } from '../../../application/alerts/acknowledge-alert.ts';
import { listMyAlerts, ALL_ALERTS_SHOWN, type AlertStatus } from '../../../application/alerts/list-alerts.ts';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { formErrors, type FormErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { presentAlert } from './alerts.presenter.ts';

type Locals = Partial<FormErrors> & { values?: Record<string, string> };

const statusOf = (value: unknown): AlertStatus => (value === 'all' ? 'all' : 'open');
const noteField = (alertId: string) => `note-${alertId}`;
const field = (body: unknown, name: string): string | undefined => {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
};

export async function alertRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  async function alertsPage(request: FastifyRequest, reply: FastifyReply, status: AlertStatus, locals: Locals = {}, statusCode = 200) {
    const { alerts, counts } = await listMyAlerts(ctx, actor(request), status);
    return reply.page(
      'alerts/alerts.njk',
      {
        title: status === 'open' ? 'Open alerts' : 'All alerts',
        status,
        alerts: alerts.map(presentAlert),
        counts,
        allShown: ALL_ALERTS_SHOWN,
        escalationHours: ctx.config.alertEscalationHours,
        values: {},
        ...locals,
      },
      statusCode,
    );
  }

  app.get<{ Querystring: { status?: string } }>('/alerts', { preHandler: requireUser }, async (request, reply) => alertsPage(request, reply, statusOf(request.query.status)));

  app.post<{ Params: { alertId: string } }>('/alerts/:alertId/acknowledge', { preHandler: requireUser }, async (request, reply) => {
    const { alertId } = request.params;
    const status = statusOf(field(request.body, 'status'));
    const note = field(request.body, 'note');
    const result = await acknowledgeAlert(ctx, actor(request), alertId, note);
    if (result.ok) {
      flashSuccess(request, 'Alert acknowledged. Your note is kept with it.', 'acknowledged-banner');
      return reply.redirect(status === 'all' ? '/alerts?status=all' : '/alerts', 303);
    }
    switch (result.code) {
      case 'not-found':
      case 'forbidden':
        return sendErrorPage(reply, result.code);
      case 'already-acknowledged':
        return reply.redirect(`/alerts?status=all#alert-${encodeURIComponent(alertId)}`, 303);
      case 'answer-needed':
        // A request for a decision's answer is closed by answering it, not by a note (ADR 0027, amendment): its page has no note form.
        return reply.redirect(`/cases/${encodeURIComponent(result.caseId)}/profile/decisions/${encodeURIComponent(result.decisionId)}/confirmation`, 303);
      default:
        return alertsPage(request, reply, status, { ...formErrors({ [noteField(alertId)]: result.message }), values: { [noteField(alertId)]: note ?? '' } }, 400);
    }
  });
}
