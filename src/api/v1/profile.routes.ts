// GET /api/v1/cases/{caseId}/profile and PUT .../profile/factors/{factorId}: the Infant Care Profile
// as the OpenAPI description (/api/docs) gives it: every factor with status, verified and conflict, and the findings.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { updateFactor } from '../../application/profile/update-factor.ts';
import { assessSubject } from '../../application/profile/assess-subject.ts';
import { assessmentKey } from '../../application/profile/profile-facts.ts';
import { viewProfile } from '../../application/profile/view-profile.ts';
import { STRESS_RESPONSE_IDS, isStressResponseId } from '../../domain/catalogue/stress-responses.ts';
import { sendApiError, sendCaseChangeRefusal } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { findingForApi } from './finding-citations.ts';
import { EVIDENCE_SOURCE_IDS } from '../../domain/catalogue/evidence-sources.ts';
import { EVIDENCE_DIRECTIONS } from '../../domain/profile/profile.types.ts';
import { countReceivedNotConfirmed } from '../../domain/profile/received-not-confirmed.ts';
import { FactorRecorded, FactorStatusSchema, ProfileResponse, SubjectAssessed, SubjectAssessmentBody, SubstancePatternSchema } from './profile.schemas.ts';
import type { ReceivedMark } from '../../domain/transfer/transfer-record.ts';
import { errorResponses, oneOf, requiredText } from './schemas.ts';

const Params = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 100 }) });
const FactorParams = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 100 }), factorId: Type.String({ minLength: 1, maxLength: 100 }) });
const SubjectParams = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 100 }), subjectKey: Type.String({ minLength: 1, maxLength: 100, description: 'infant, household, or the id of the adult' }) });
const source = oneOf(EVIDENCE_SOURCE_IDS);

const FactorBody = Type.Object(
  {
    personId: Type.Optional(Type.String({ maxLength: 100 })),
    status: FactorStatusSchema,
    detail: Type.Optional(Type.String({ maxLength: 4000 })),
    pattern: Type.Optional(SubstancePatternSchema),
    reason: Type.Optional(Type.String({ maxLength: 4000, description: 'Why the factor cannot be assessed' })),
    protection: Type.Optional(
      Type.Object(
        { how: Type.String({ maxLength: 2000 }), whenPresent: Type.String({ maxLength: 2000 }) },
        { additionalProperties: false, description: 'supportive-partner only: how the partner protects the baby, and when they are there' },
      ),
    ),
    responses: Type.Optional(
      Type.Array(Type.String({ maxLength: 100 }), {
        maxItems: 20,
        description: `harmful-stress-response only: how the carer is known to respond to stress. One of: ${STRESS_RESPONSE_IDS.join(', ')}`,
      }),
    ),
    evidence: Type.Array(
      Type.Object(
        {
          source,
          note: requiredText(4000),
          indicates: Type.Optional(oneOf(EVIDENCE_DIRECTIONS)),
          givenBy: Type.Optional(Type.String({ maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    version: Type.Integer({ minimum: 0, description: 'The factor version you read; 0 for a factor never recorded' }),
  },
  { additionalProperties: false },
);

/** Where a received assessment not yet confirmed here came from; null for one made or confirmed here. */
function receivedFromFor(received: ReadonlyMap<string, ReceivedMark>, factor: { factorId: string; subject: string; personId?: string }) {
  const mark = received.get(assessmentKey(factor.factorId, factor.personId ?? factor.subject));
  return mark ? { area: mark.area, receivedOn: mark.receivedOn } : null;
}

const common = { tags: ['profile'], security: [{ bearer: [] }] };

export async function profileApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  async function profileJson(request: FastifyRequest, caseId: string) {
    const result = await viewProfile(ctx, actor(request), caseId);
    if (!result.ok) return result;
    const { evaluation, profileVersion, versions, receivedUnconfirmed, review } = result.value;
    const factors = evaluation.subjects.flatMap((subject) =>
      [...subject.risk, ...subject.protective].map((factor) => ({
        factorId: factor.factorId,
        subject: factor.subject,
        ...(factor.personId ? { personId: factor.personId } : {}),
        status: factor.status,
        effectiveStatus: factor.effectiveStatus,
        verified: factor.verified,
        conflict: factor.conflict,
        derived: factor.derived,
        version: versions.get(assessmentKey(factor.factorId, factor.personId ?? factor.subject)) ?? 0,
        receivedFrom: receivedFromFor(receivedUnconfirmed, factor),
        ...(factor.detail ? { detail: factor.detail } : {}),
        ...(factor.pattern ? { pattern: factor.pattern } : {}),
        ...(factor.responses?.length ? { responses: factor.responses } : {}),
        evidence: factor.evidence,
      })),
    );
    return {
      ok: true as const,
      value: {
        catalogueVersion: evaluation.catalogueVersion,
        version: profileVersion,
        ...(review.next.dueOn ? { reviewDue: review.next.dueOn } : {}),
        factors,
        findings: evaluation.findings.map(findingForApi),
        summary: { ...evaluation.summary, receivedNotConfirmed: countReceivedNotConfirmed(evaluation.subjects, receivedUnconfirmed) },
      },
    };
  }

  app.get<{ Params: Static<typeof Params> }>(
    '/cases/:caseId/profile',
    { preHandler: requireBearer, schema: { ...common, summary: 'The Infant Care Profile: every factor, and the findings computed from them', params: Params, response: { 200: ProfileResponse, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      const result = await profileJson(request, request.params.caseId);
      if (!result.ok) return sendApiError(reply, result.code === 'not-found' ? 404 : 403, result.code, result.message);
      return result.value;
    },
  );

  app.put<{ Params: Static<typeof FactorParams>; Body: Static<typeof FactorBody> }>(
    '/cases/:caseId/profile/factors/:factorId',
    {
      preHandler: requireBearer,
      schema: { ...common, summary: 'Record a factor: status, detail and new evidence, with the version you read (409 if it changed)', params: FactorParams, body: FactorBody, response: { 200: FactorRecorded, ...errorResponses(400, 401, 403, 404, 409, 422) } },
    },
    async (request, reply) => {
      const { responses, ...body } = request.body;
      const unknown = (responses ?? []).flatMap((value, index) => (isStressResponseId(value) ? [] : [{ path: `/responses/${index}`, message: `"${value}" is not a known response to stress` }]));
      if (unknown.length > 0) {
        const named = unknown.map((detail) => detail.message).join('; ');
        return sendApiError(reply, 400, 'validation-failed', `${named}. Use one of: ${STRESS_RESPONSE_IDS.join(', ')}.`, unknown);
      }
      const known = responses?.filter(isStressResponseId);
      const result = await updateFactor(ctx, actor(request), request.params.caseId, { ...body, ...(known ? { responses: known } : {}), factorId: request.params.factorId });
      if (!result.ok) {
        if (result.code === 'not-found' || result.code === 'forbidden') return sendCaseChangeRefusal(reply, result);
        if (result.code === 'version-conflict') return sendCaseChangeRefusal(reply, { code: result.code, message: result.message, current: { version: result.currentVersion } });
        if (result.code === 'unknown-person') return sendApiError(reply, 422, 'unknown-person', result.message);
        return sendApiError(reply, 422, 'invalid-factor', result.message, result.problems.map((problem) => ({ path: '/', message: problem })));
      }
      const profile = await profileJson(request, request.params.caseId);
      const factor = profile.ok ? profile.value.factors.find((f) => f.factorId === request.params.factorId && (f.personId ?? null) === (body.personId ?? null)) : undefined;
      return factor ?? { factorId: request.params.factorId, version: result.version };
    },
  );

  app.put<{ Params: Static<typeof SubjectParams>; Body: Static<typeof SubjectAssessmentBody> }>(
    '/cases/:caseId/profile/subjects/:subjectKey',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary:
          'Assess a subject in one sitting: every answer about the baby, one adult or the household as ONE profile version, only the answers that change something written. 409 version-conflict when someone changed a factor since profileVersion that this also changes (details: /answers/<index>, who and what they left); 422 invalid-answers (details: /answers/<index>, the problem), invalid-evidence-date (details: /evidence/seenOn, after today or before the record began) or nothing-changed',
        params: SubjectParams,
        body: SubjectAssessmentBody,
        response: { 200: SubjectAssessed, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { answers, evidence, profileVersion } = request.body;
      const result = await assessSubject(ctx, actor(request), request.params.caseId, { subjectKey: request.params.subjectKey, answers: answers.map((a) => ({ ...a, ...(a.responses ? { responses: [...a.responses] } : {}) })), ...(evidence ? { evidence } : {}), profileVersion });
      if (result.ok) return { profileVersion: result.profileVersion, written: result.written };
      const at = (factorId: string) => `/answers/${String(answers.findIndex((a) => a.factorId === factorId))}`;
      switch (result.code) {
        case 'not-found':
        case 'forbidden':
          return sendCaseChangeRefusal(reply, result);
        case 'unknown-person':
          return sendApiError(reply, 404, 'not-found', result.message);
        case 'version-conflict':
          return sendApiError(reply, 409, 'version-conflict', `${result.message} Current version: ${String(result.profileVersion)}.`, result.conflicts.map((c) => ({ path: at(c.factorId), message: `${c.by} changed it to ${c.theirs?.status ?? 'not-assessed'}` })));
        case 'nothing-changed':
          return sendApiError(reply, 422, 'nothing-changed', result.message);
        case 'invalid':
          return sendApiError(reply, 422, 'invalid-answers', result.message, result.problems.map((p) => ({ path: at(p.factorId), message: p.problem })));
        case 'evidence-date':
          return sendApiError(reply, 422, 'invalid-evidence-date', result.message, [{ path: '/evidence/seenOn', message: result.problem }]);
      }
    },
  );
}
