// POST /api/v1/fhir/Bundle: a hospital, GP or maternity system sends a FHIR R4 Bundle of UK Core
// resources about a baby and the adults around them, in JSON or XML, and they join the chronology
// of each baby they are about. An import, not a FHIR server: it answers with this API's JSON, which
// carries a FHIR OperationOutcome with one issue a Bundle entry; whatever it refuses (a body it
// cannot read, too large, not a Bundle, no record) it answers with an OperationOutcome alone. The
// schema checks the shape loosely (FHIR resources carry many fields); domain/fhir reads it.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { importFhirBundle } from '../../application/chronology/import-fhir.ts';
import { BUNDLE_PROBLEM_MESSAGES } from '../../domain/fhir/import/fhir-import-words.ts';
import { fhirPathOf, operationOutcome } from '../../domain/fhir/operation-outcome.ts';
import { BUNDLE_TYPES } from '../../domain/fhir/import/read-bundle.ts';
import { requireBearer } from './bearer-auth.ts';
import { FhirBodyRefusal, fhirJsonParser, FhirOperationOutcome, refusalIssue, sendFastifyRefusalAsOutcome, sendInputProblemAsOutcome, sendOutcome } from './fhir-outcome.ts';
import { FHIR_BODY_LIMIT, FhirBundle, FhirImportResult } from './fhir.schemas.ts';
import { readFhirXml } from './fhir-xml.ts';
import { alternativesInWords, errorResponses } from './schemas.ts';

const XML_TYPES = ['application/fhir+xml', 'application/xml'];
const JSON_TYPES = ['application/json', 'application/fhir+json'];

const REFUSAL_WORDS = {
  tooLarge: `The Bundle is larger than ${String(FHIR_BODY_LIMIT / 1_048_576)} MB: send it in smaller Bundles`,
  mediaTypes: `Send the Bundle as ${alternativesInWords([...JSON_TYPES, ...XML_TYPES])}`,
};

/** Fastify's refusals of the body (unreadable, too large, wrong type, not the schema's shape) as OperationOutcomes; anything else to the API's handler. */
function fhirErrorHandler(error: FastifyError, reply: FastifyReply) {
  if (!sendFastifyRefusalAsOutcome(error, reply, REFUSAL_WORDS)) throw error;
}

export async function fhirApiRoutes(app: FastifyInstance): Promise<void> {
  // Both JSON types here: a body that is empty, not JSON or not an object is an OperationOutcome saying so.
  app.addContentTypeParser(JSON_TYPES, { parseAs: 'string', bodyLimit: FHIR_BODY_LIMIT }, fhirJsonParser(app));
  app.addContentTypeParser(XML_TYPES, { parseAs: 'string', bodyLimit: FHIR_BODY_LIMIT }, (_request, body, done) => {
    const read = readFhirXml(String(body));
    if (read.ok) done(null, read.value);
    else done(new FhirBodyRefusal(read.message), undefined);
  });

  app.post<{ Body: Static<typeof FhirBundle> }>(
    '/fhir/Bundle',
    {
      preHandler: requireBearer,
      bodyLimit: FHIR_BODY_LIMIT,
      config: { scope: 'feed', sendInputProblem: sendInputProblemAsOutcome },
      errorHandler: (error, _request, reply) => {
        fhirErrorHandler(error, reply);
      },
      schema: {
        tags: ['chronology'],
        security: [{ bearer: [] }],
        summary: `Import a FHIR R4 Bundle (${alternativesInWords(BUNDLE_TYPES)}) of UK Core resources about babies and the adults around them, in JSON or XML: each Patient is matched by NHS number to a baby's record or a person around a baby (a record you may not open is answered as no record: unmatched, 404 when nothing else matched), and each resource joins the chronology of the record it is about. Each resource stands alone; a re-import stores nothing twice, a changed resource is a correction, and one entered in error marks what it gave before. An import, not a FHIR server: the answer is this JSON, with an OperationOutcome of one issue a Bundle entry.`,
        body: { content: Object.fromEntries([...JSON_TYPES, ...XML_TYPES].map((type) => [type, { schema: FhirBundle }])) },
        response: {
          200: FhirImportResult,
          ...errorResponses(401),
          // Sent as application/fhir+json (sendOutcome); a token without the feed scope is the API's error (403).
          ...Object.fromEntries([400, 404, 409, 413, 415, 422].map((status) => [status, { description: 'An OperationOutcome', content: { 'application/fhir+json': { schema: FhirOperationOutcome } } }])),
          403: { description: 'Not allowed: an OperationOutcome, or the API\'s error for a token without the feed scope', content: { 'application/fhir+json': { schema: FhirOperationOutcome }, 'application/json': { schema: Type.Ref('Error') } } },
        },
      },
    },
    async (request, reply) => {
      const result = await importFhirBundle(app.ctx, actorFor(request.user!, 'api', request.ip), request.body);
      if (result.ok) return result.value;
      if (result.code === 'bad-bundle') {
        const status = result.problem === 'message-without-header' ? 422 : 400;
        return sendOutcome(reply, status, operationOutcome([refusalIssue(status === 400 ? 'structure' : 'business-rule', result.problem, BUNDLE_PROBLEM_MESSAGES[result.problem], fhirPathOf(result.path))]));
      }
      return sendOutcome(reply, { 'not-found': 404, forbidden: 403, 'closed-for-transfer': 409, unreadable: 422 }[result.code], result.outcome);
    },
  );
}
