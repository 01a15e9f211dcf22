// POST and GET /api/v1/cases/{caseId}/consents: consent and information sharing for agency systems
// (issue 13). One resource for three kinds of record: a consent sought (given or refused), a
// withdrawal of a consent given, and information shared without consent with its lawful basis and
// who decided. POST needs the write scope and answers 201 with the record as stored (422
// invalid-consent with a path per problem); GET needs read and lists them with a summary in words and
// when the GP was last told. The GP told is a chronology entry (POST .../events, kind gp-informed).
// Same use cases as the consent page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { recordConsent } from '../../application/consent/record-consent.ts';
import { viewConsent } from '../../application/consent/view-consent.ts';
import { CONSENT_PROBLEM_MESSAGES } from '../../domain/consent/consent-rules.ts';
import type { ConsentLine } from '../../domain/consent/consent-summary.ts';
import { LAWFUL_BASIS_LABELS, type ConsentDraft, type RecordedConsent } from '../../domain/consent/consent.types.ts';
import { sendApiError, sendCaseChangeRefusal } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { CaseIdParams } from './case.schemas.ts';
import { ConsentList, ConsentRecord, ConsentRecordSent, type ConsentRecordSentBody } from './consent.schemas.ts';
import { errorResponses } from './schemas.ts';

const common = { tags: ['consent'], security: [{ bearer: [] }] };

function recordBody(record: RecordedConsent, lines: readonly ConsentLine[] = []) {
  if (record.kind === 'consent') return { ...record, status: lines.find((line) => line.id === record.id)?.status === 'withdrawn' ? 'withdrawn' : record.answer };
  if (record.kind === 'shared-without-consent') return { ...record, basisLabel: LAWFUL_BASIS_LABELS[record.basis] };
  return record;
}

const draftFrom = (body: ConsentRecordSentBody): ConsentDraft => Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as unknown as ConsentDraft;

export async function consentApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get<{ Params: { caseId: string } }>(
    '/cases/:caseId/consents',
    { preHandler: requireBearer, schema: { ...common, summary: 'The consents sought, withdrawn and the information shared without consent, latest first, with a summary in words and when the GP was last told', params: CaseIdParams, response: { 200: ConsentList, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      const result = await viewConsent(ctx, actor(request), request.params.caseId);
      if (!result.ok) return sendApiError(reply, result.code === 'not-found' ? 404 : 403, result.code, result.message);
      const { records, lines, gpLastTold } = result.value;
      return { records: records.map((record) => recordBody(record, lines)), summary: lines, gpLastTold };
    },
  );

  app.post<{ Params: { caseId: string }; Body: ConsentRecordSentBody }>(
    '/cases/:caseId/consents',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Record a consent sought (kind consent), its withdrawal (kind withdrawal) or information shared without consent (kind shared-without-consent): 201 with the record as stored. 422 invalid-consent names each problem by its path (a date in the future, sharing without a basis, a decider or a reason, a withdrawal of a consent refused)',
        params: CaseIdParams,
        body: ConsentRecordSent,
        response: { 201: ConsentRecord, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await recordConsent(ctx, actor(request), request.params.caseId, draftFrom(request.body));
      if (result.ok) return reply.code(201).send(recordBody(result.value));
      if (result.code === 'invalid') return sendApiError(reply, 422, 'invalid-consent', result.message, result.problems.map((p) => ({ path: p.path, message: CONSENT_PROBLEM_MESSAGES[p.code] })));
      return sendCaseChangeRefusal(reply, result);
    },
  );
}
