// PUT /api/v1/cases/{caseId}/birth-details: correcting a born baby's birth details (docs/domain.md,
// "Recording the birth") with a reason, from the version read. The same use case as the page
// (correct-birth-details.ts): same access (a member of the team who may change the case; a refusal
// audited), same rules (every problem at once, 422 invalid-birth-details with a path each), the same
// audit entry, profile version and Birth entry corrections. Needs the write scope.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { correctBirthDetails } from '../../application/cases/correct-birth-details.ts';
import { BIRTH_DETAIL_FIELDS, type BirthDetails } from '../../domain/people/birth-details.ts';
import { sendApiError, sendCaseChangeRefusal } from '../api-error.ts';
import { BirthDetailsCorrected, BirthDetailsCorrection } from './birth-details.schemas.ts';
import { requireBearer } from './bearer-auth.ts';
import { CaseIdParams } from './case.schemas.ts';
import { errorResponses } from './schemas.ts';

/** The details sent, as the use case takes them: weeks sent without days clear the days (a new gestation, not the old days beside new weeks). */
function detailsSent(body: BirthDetailsCorrection): Partial<BirthDetails> {
  const details: Partial<BirthDetails> = {};
  for (const field of BIRTH_DETAIL_FIELDS) if (body[field] !== undefined) Object.assign(details, { [field]: body[field] });
  if (details.gestationAtBirthWeeks !== undefined && details.gestationAtBirthDays === undefined) return { ...details, gestationAtBirthDays: null };
  return details;
}

export async function birthDetailsApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.put<{ Params: { caseId: string }; Body: BirthDetailsCorrection }>(
    '/cases/:caseId/birth-details',
    {
      preHandler: requireBearer,
      schema: {
        tags: ['cases'],
        security: [{ bearer: [] }],
        summary:
          'Correct a born baby’s birth details (name, sex, date of birth, NHS number, gestation at birth in weeks and days, birth weight) with a reason; send the version you read. 200 with the details as corrected, each change from and to, the profile version it wrote and the Birth entries it corrected. 409 version-conflict, not-born (record the birth first) or duplicate-nhs-number; 422 invalid-birth-details names each problem by its path',
        params: CaseIdParams,
        body: BirthDetailsCorrection,
        response: { 200: BirthDetailsCorrected, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { version, reason } = request.body;
      const result = await correctBirthDetails(ctx, actor(request), request.params.caseId, version, detailsSent(request.body), reason);
      if (result.ok) return result.value;
      switch (result.code) {
        case 'invalid':
          return sendApiError(reply, 422, 'invalid-birth-details', result.message, result.problems.map((problem) => ({ path: problem.field === 'changes' ? '/' : `/${problem.field}`, message: problem.message })));
        case 'not-born':
          return sendApiError(reply, 409, 'not-born', result.message);
        case 'duplicate-nhs-number':
          return sendApiError(reply, 409, 'duplicate-nhs-number', result.message, [{ path: '/nhsNumber', message: 'Another record has this NHS number' }]);
        default:
          return sendCaseChangeRefusal(reply, result);
      }
    },
  );
}
