// GET /api/v1/lookup?nhsNumber=: is this person, or are they around, a baby on the record, and whom
// to contact? For the agencies application/lookup names (a token of any other gets 403 not-allowed),
// with the `read` scope. Every question is audited by the use case.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { lookUpNhsNumber } from '../../application/lookup/look-up-nhs-number.ts';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { LookupAnswer, LookupQuery } from './lookup.schemas.ts';
import { errorResponses } from './schemas.ts';

export async function lookupApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  app.get<{ Querystring: Static<typeof LookupQuery> }>(
    '/lookup',
    {
      preHandler: requireBearer,
      schema: {
        tags: ['cases'],
        security: [{ bearer: [] }],
        summary: 'Whether the person with this NHS number is, or is around, a baby on the record, and whom to contact (hospitals, midwives, GPs, police and children’s social care)',
        querystring: LookupQuery,
        response: { 200: LookupAnswer, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const result = await lookUpNhsNumber(ctx, actorFor(request.user!, 'api', request.ip), request.query.nhsNumber);
      if (!result.ok) return sendApiError(reply, result.code === 'not-allowed' ? 403 : 400, result.code, result.message);
      const { nhsNumber, records, more } = result.value;
      return {
        nhsNumber,
        found: records.length > 0,
        records: records.map((record) => ({ ...record, emergencyAccess: record.mayOpen ? null : `/cases/${record.caseId}/emergency-access` })),
        more,
      };
    },
  );
}
