// POST /api/v1/fhir/Bundle: a hospital or GP system sends a FHIR R4 Bundle of UK Core Encounters
// and Observations for one patient, named by NHS number, and they join that baby's chronology.
// An import, not a FHIR server: it answers in this API's JSON, not with a transaction-response
// Bundle. The schema checks the shape loosely (FHIR resources carry many fields); domain/fhir reads it.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { importFhirBundle } from '../../application/chronology/import-fhir.ts';
import { BUNDLE_PROBLEM_MESSAGES } from '../../domain/fhir/fhir-import-words.ts';
import { BUNDLE_TYPES } from '../../domain/fhir/read-bundle.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { alternativesInWords, errorResponses } from './schemas.ts';

const loose = { additionalProperties: true };

const FhirBundle = Type.Object(
  {
    resourceType: Type.Optional(Type.String({ description: 'Bundle' })),
    type: Type.Optional(Type.String({ description: alternativesInWords(BUNDLE_TYPES) })),
    entry: Type.Optional(
      Type.Array(
        Type.Object({ fullUrl: Type.Optional(Type.String()), resource: Type.Optional(Type.Object({ resourceType: Type.Optional(Type.String()), id: Type.Optional(Type.String()) }, loose)) }, loose),
        { maxItems: 1000, description: 'A Patient with an identifier of system https://fhir.nhs.uk/Id/nhs-number (or that identifier as each resource’s subject), and Encounters and Observations' },
      ),
    ),
  },
  { ...loose, description: 'A FHIR R4 Bundle, as application/fhir+json or application/json' },
);

const Imported = Type.Object({ index: Type.Integer({ description: 'Position in Bundle.entry' }), resource: Type.String({ description: 'Encounter/<id>' }), kind: Type.String(), id: Type.String() });
const Outcome = Type.Object({ index: Type.Integer(), resource: Type.String(), code: Type.String(), message: Type.String(), details: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })) });
const ImportResult = Type.Object({
  caseId: Type.String(),
  stored: Type.Array(Imported),
  duplicates: Type.Array(Imported, { description: 'Already imported: the external id is fhir:<resource>' }),
  rejected: Type.Array(Outcome, { description: 'Resources that should be in the chronology but could not be read or recorded' }),
  skipped: Type.Array(Outcome, { description: 'Resources left out on purpose: other resource types, planned, cancelled or entered in error' }),
});

/** FHIR is verbose: room for 1,000 resources. */
const FHIR_BODY_LIMIT = 10 * 1_048_576;

export async function fhirApiRoutes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser('application/fhir+json', { parseAs: 'string', bodyLimit: FHIR_BODY_LIMIT }, app.getDefaultJsonParser('error', 'ignore'));

  app.post<{ Body: Static<typeof FhirBundle> }>(
    '/fhir/Bundle',
    {
      preHandler: requireBearer,
      config: { scope: 'feed' },
      bodyLimit: FHIR_BODY_LIMIT,
      schema: {
        tags: ['chronology'],
        security: [{ bearer: [] }],
        summary:
          `Import a FHIR R4 Bundle (${alternativesInWords(BUNDLE_TYPES)}) of UK Core Encounters and Observations for the baby with its NHS number, into the chronology. Each resource stands alone; a re-import stores nothing twice. An import, not a FHIR server: the answer is this JSON.`,
        body: FhirBundle,
        response: { 200: ImportResult, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const result = await importFhirBundle(app.ctx, actorFor(request.user!, 'api', request.ip), request.body);
      if (result.ok) return result.value;
      if (result.code === 'bad-bundle') {
        const message = BUNDLE_PROBLEM_MESSAGES[result.problem];
        const status = result.problem === 'not-a-bundle' || result.problem === 'unsupported-bundle-type' ? 400 : 422;
        return sendApiError(reply, status, result.problem, message, [{ path: result.path, message }]);
      }
      if (result.code === 'not-found') return sendApiError(reply, 404, 'not-found', result.message);
      if (result.code === 'forbidden') return sendApiError(reply, 403, 'forbidden', result.message);
      return sendApiError(reply, 422, result.code, result.message);
    },
  );
}
