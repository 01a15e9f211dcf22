// GET /api/v1/quality-audits and GET /api/v1/quality-audits/{auditId} (issue 16), read-only: the
// quality assurance audits of the caller's organisation, each with how far it has got, and one
// audit's results (each question's answers and shares, the themes, every case with its answers).
// For the organisation's safeguarding leads and managers: anyone else 403 not-allowed, an audit that
// does not exist 404, each audited by the use cases the pages use (quality-audit.list, .report).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import type { Refusal } from '../../application/quality-audits/open-audit.ts';
import { listQualityAudits, qualityAuditReport } from '../../application/quality-audits/view-quality-audits.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { AuditIdParams, QualityAuditList, QualityAuditResults } from './quality-audits.schemas.ts';
import { errorResponses } from './schemas.ts';

const common = { tags: ['quality-audits'], security: [{ bearer: [] }] };

const sendRefusal = (reply: FastifyReply, refusal: Refusal) => sendApiError(reply, refusal.code === 'not-found' ? 404 : 403, refusal.code === 'not-found' ? 'not-found' : 'not-allowed', refusal.message);

export async function qualityAuditsApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get(
    '/quality-audits',
    {
      preHandler: requireBearer,
      schema: { ...common, summary: 'The quality assurance audits of your organisation, each with how far it has got (safeguarding leads and managers; 403 not-allowed otherwise)', response: { 200: QualityAuditList, ...errorResponses(401, 403) } },
    },
    async (request, reply): Promise<Static<typeof QualityAuditList> | undefined> => {
      const result = await listQualityAudits(ctx, actor(request));
      if (!result.ok) return sendRefusal(reply, result);
      return { items: result.value.audits };
    },
  );

  app.get<{ Params: Static<typeof AuditIdParams> }>(
    '/quality-audits/:auditId',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'One audit’s results: each question’s yes, no and not applicable with their shares, the themes (questions answered no, most often first), and every case with its answers. 403 not-allowed outside the organisation, 404 no such audit',
        params: AuditIdParams,
        response: { 200: QualityAuditResults, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply): Promise<Static<typeof QualityAuditResults> | undefined> => {
      const result = await qualityAuditReport(ctx, actor(request), request.params.auditId, 'api');
      if (!result.ok) return sendRefusal(reply, result);
      const { audit, results, cases } = result.value;
      return {
        audit,
        results,
        cases: cases.map((c) => ({ caseId: c.caseId, babyName: c.babyName, position: c.position, answers: c.answers })),
      };
    },
  );
}
