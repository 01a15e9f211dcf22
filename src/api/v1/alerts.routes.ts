// GET /api/v1/alerts and POST /api/v1/alerts/{alertId}/acknowledge (README.md, API): the caller's own
// alerts, and acknowledging one with a note of what was done.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { acknowledgeAlert } from '../../application/alerts/acknowledge-alert.ts';
import { listMyAlerts, type MyAlert } from '../../application/alerts/list-alerts.ts';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { ACKNOWLEDGEMENT_NOTE_MAX } from '../../domain/alerts/acknowledgement.ts';
import { ALERT_REASONS, REACHED_AS } from '../../domain/alerts/alert.types.ts';
import { SEVERITIES } from '../../domain/catalogue/finding-definitions.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { alternativesInWords, errorResponses, requiredText } from './schemas.ts';

const Query = Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')], { description: 'open (the default): those waiting for your acknowledgement; all: the newest 100 as well' })) }, { additionalProperties: false });
const Params = Type.Object({ alertId: Type.String({ minLength: 1, maxLength: 100 }) });
const AcknowledgeBody = Type.Object({ note: requiredText(ACKNOWLEDGEMENT_NOTE_MAX, 'What you have done or will do about the alert') }, { additionalProperties: false });

const Alert = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseName: Type.String(),
  reason: Type.String({ description: alternativesInWords(ALERT_REASONS) }),
  severity: Type.String({ description: alternativesInWords(SEVERITIES) }),
  title: Type.String(),
  message: Type.String(),
  steps: Type.Array(Type.String()),
  findingId: Type.Optional(Type.String()),
  raisedAt: Type.String({ format: 'date-time' }),
  escalatedAt: Type.Optional(Type.String({ format: 'date-time' })),
  escalationUnreached: Type.Optional(
    Type.String({
      description:
        'Only when the escalation found no safeguarding lead to reach (no organisation in the team around the family has one, and the partnership has none designated): the note the alert keeps saying so. An administrator has been emailed; until a lead is given the partnership view, or an organisation in the team a lead, such alerts reach nobody beyond the team',
    }),
  ),
  decisionId: Type.Optional(
    Type.String({
      description:
        'Only on a decision-to-confirm alert: the decision to confirm or overturn, at POST /api/v1/cases/{caseId}/profile/decisions/{decisionId}/confirmation. Acknowledging cannot close it while the decision awaits an answer (409 answer-needed); it stays open, and escalates, until a safeguarding lead answers, and then closes for everyone it reached',
    }),
  ),
  reachedAs: Type.String({ description: alternativesInWords(REACHED_AS) }),
  acknowledgedAt: Type.Optional(Type.String({ format: 'date-time' })),
  acknowledgedNote: Type.Optional(Type.String()),
  acknowledgedAutomatically: Type.Boolean({ description: 'You raised it, so it was acknowledged for you' }),
});
const AlertList = Type.Object({ alerts: Type.Array(Alert), counts: Type.Object({ open: Type.Integer(), all: Type.Integer() }) });
const Acknowledged = Type.Object({ id: Type.String(), caseId: Type.String(), acknowledgedAt: Type.String({ format: 'date-time' }) });

function toApi(alert: MyAlert): Static<typeof Alert> {
  const { findingId, escalatedAt, escalationUnreached, decisionId, acknowledgedAt, acknowledgedNote, raisedAt, ...rest } = alert;
  return {
    ...rest,
    raisedAt: raisedAt.toISOString(),
    ...(findingId ? { findingId } : {}),
    ...(escalatedAt ? { escalatedAt: escalatedAt.toISOString() } : {}),
    ...(escalationUnreached === null ? {} : { escalationUnreached }),
    ...(decisionId === null ? {} : { decisionId }),
    ...(acknowledgedAt ? { acknowledgedAt: acknowledgedAt.toISOString() } : {}),
    ...(acknowledgedNote ? { acknowledgedNote } : {}),
  };
}

const common = { tags: ['alerts'], security: [{ bearer: [] }] };

export async function alertApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get<{ Querystring: Static<typeof Query> }>(
    '/alerts',
    { preHandler: requireBearer, schema: { ...common, summary: 'Your alerts, newest first, with the counts of open and all', querystring: Query, response: { 200: AlertList, ...errorResponses(400, 401) } } },
    async (request) => {
      const { alerts, counts } = await listMyAlerts(ctx, actor(request), request.query.status ?? 'open');
      return { alerts: alerts.map(toApi), counts };
    },
  );

  app.post<{ Params: Static<typeof Params>; Body: Static<typeof AcknowledgeBody> }>(
    '/alerts/:alertId/acknowledge',
    {
      preHandler: requireBearer,
      schema: { ...common, summary: 'Acknowledge an alert sent to you, with a note of what you have done or will do', params: Params, body: AcknowledgeBody, response: { 200: Acknowledged, ...errorResponses(400, 401, 403, 404, 409, 422) } },
    },
    async (request, reply) => {
      const result = await acknowledgeAlert(ctx, actor(request), request.params.alertId, request.body.note);
      if (result.ok) return { id: result.value.alertId, caseId: result.value.caseId, acknowledgedAt: result.value.acknowledgedAt.toISOString() };
      switch (result.code) {
        case 'not-found':
          return sendApiError(reply, 404, result.code, result.message);
        case 'forbidden':
          return sendApiError(reply, 403, result.code, result.message);
        case 'already-acknowledged':
        case 'answer-needed':
          return sendApiError(reply, 409, result.code, result.message);
        default:
          return sendApiError(reply, 422, result.code, result.message, [{ path: '/note', message: result.message }]);
      }
    },
  );
}
