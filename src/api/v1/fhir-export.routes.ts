// The FHIR R4 export (issue 15), as a FHIR server answers: GET /api/v1/fhir/metadata (what it does),
// Patient/{caseId} (the baby), Patient/{caseId}/$everything (every resource of the record in one
// searchset Bundle) and a search by patient for each other type (RelatedPerson?patient={caseId} …).
// UK Core resources in application/fhir+json (application/json when that is all the client accepts);
// a refusal is an OperationOutcome: 403 outside the team, 404 for no such case, 400 without a patient
// or with a parameter that is not valid (fhir-outcome.ts).
// Reads go through exportCaseFhir, which checks access and audits every look and every refusal.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { exportCaseFhir, type ExportCaseResult, type FhirExportRequest } from '../../application/fhir/export-case.ts';
import { capabilityStatement } from '../../domain/fhir/export/capability-statement.ts';
import { searchBundle } from '../../domain/fhir/export/search-bundle.ts';
import { EXPORTED_RESOURCE_TYPES, type ExportedResourceType } from '../../domain/fhir/export/uk-core.ts';
import { operationOutcome, plainIssue, type IssueType } from '../../domain/fhir/operation-outcome.ts';
import { requireBearer } from './bearer-auth.ts';
import { patientIdOf } from './case-in-address.ts';
import { CaseIdParams } from './case.schemas.ts';
import { EverythingBundle, FhirCapabilityStatement, FhirPatient, SEARCHED_RESOURCES, searchsetOf } from './fhir-export.schemas.ts';
import { FhirOperationOutcome, sendFastifyRefusalAsOutcome, sendInputProblemAsOutcome, sendOutcome } from './fhir-outcome.ts';
import { errorResponse, SCOPE_REFUSAL } from './schemas.ts';

const FHIR_JSON = 'application/fhir+json';
type SearchedType = keyof typeof SEARCHED_RESOURCES;

/** The same schema for both media types the export answers in. */
const inBoth = (schema: TSchema, description: string) => ({ description, content: { [FHIR_JSON]: { schema }, 'application/json': { schema } } });
/** A refusal of this route's own: an OperationOutcome; the token check's own refusals (401, 403) are the API's JSON errors. */
const refusal = (description: string) => ({ description, content: { [FHIR_JSON]: { schema: FhirOperationOutcome }, 'application/json': { schema: Type.Ref('Error') } } });
/** A refusal of the request's shape, always an OperationOutcome, never the API's error (fhir-outcome.ts). */
const shapeRefusal = (description: string) => ({ description, content: { [FHIR_JSON]: { schema: FhirOperationOutcome } } });
const tokenRefusal = errorResponse(401);

const common = { tags: ['fhir'], security: [{ bearer: [] }] };
const caseResponses = {
  400: shapeRefusal('A parameter that is not valid (an OperationOutcome)'),
  401: tokenRefusal,
  403: refusal(`An OperationOutcome, code forbidden: your access to the case stops short of this (audited as refused); or the API's error, ${SCOPE_REFUSAL}`),
  404: refusal('An OperationOutcome, code not-found: no such case, or one you may not see (the same answer, so that it never tells whether a case exists; audited)'),
};

const SearchQuery = Type.Object(
  {
    patient: Type.Optional(Type.String({ maxLength: 200, description: 'The baby: Patient/<case id> or the case id' })),
    _count: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'AuditEvent only: entries a page, up to 500 (100 when not given)' })),
    _page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'AuditEvent only: the page, from 1' })),
  },
  { additionalProperties: false },
);
type SearchQueryValue = { patient?: string; _count?: number; _page?: number };

/** application/json only when the client accepts it and not FHIR's own JSON. */
export function fhirMediaType(request: FastifyRequest): string {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes(FHIR_JSON) ? 'application/json' : FHIR_JSON;
}

function sendFhir(request: FastifyRequest, reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).type(`${fhirMediaType(request)}; charset=utf-8`).send(body);
}

function sendIssue(reply: FastifyReply, status: number, type: IssueType, message: string, expression?: string) {
  return sendOutcome(reply, status, operationOutcome([plainIssue(type, message, expression)]));
}

function sendRefusal(reply: FastifyReply, result: Extract<ExportCaseResult, { ok: false }>) {
  return result.code === 'not-found' ? sendIssue(reply, 404, 'not-found', result.message) : sendIssue(reply, 403, 'forbidden', result.message);
}

/** A query or address not of the schema's shape, or text no database can store, as an OperationOutcome too. */
const refusalsAsOutcomes = {
  config: { sendInputProblem: sendInputProblemAsOutcome },
  errorHandler: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    if (!sendFastifyRefusalAsOutcome(error, reply)) throw error;
  },
};

const baseOf = (request: FastifyRequest) => `${request.protocol}://${request.host}/api/v1/fhir`;
const selfOf = (request: FastifyRequest) => `${request.protocol}://${request.host}${request.url}`;

export async function fhirExportApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get(
    '/fhir/metadata',
    { preHandler: requireBearer, schema: { ...common, summary: 'The CapabilityStatement: what this FHIR endpoint does (FHIR R4, UK Core profiles)', response: { 200: inBoth(FhirCapabilityStatement, 'CapabilityStatement'), 401: tokenRefusal, 403: errorResponse(403) } } },
    async (request, reply) => sendFhir(request, reply, 200, capabilityStatement(baseOf(request))),
  );

  app.get<{ Params: { caseId: string } }>(
    '/fhir/Patient/:caseId',
    { preHandler: requireBearer, ...refusalsAsOutcomes, schema: { ...common, summary: 'The baby as a UK Core Patient (fetal status and no birth date when not yet born), audited as a look at the record', params: CaseIdParams, response: { 200: inBoth(FhirPatient, 'UK Core Patient'), ...caseResponses } } },
    async (request, reply) => {
      const result = await exportCaseFhir(ctx, actor(request), request.params.caseId, { kind: 'patient' });
      if (!result.ok) return sendRefusal(reply, result);
      return sendFhir(request, reply, 200, result.value.resources.Patient![0]);
    },
  );

  app.get<{ Params: { caseId: string } }>(
    '/fhir/Patient/:caseId/$everything',
    {
      preHandler: requireBearer,
      ...refusalsAsOutcomes,
      schema: {
        ...common,
        summary: 'Every resource of the record in one searchset Bundle: Patient, RelatedPerson, Flag, CarePlan, CareTeam, Consent, Encounter, Observation (the gestation at birth), and AuditEvent (the newest 100; only for those who may read the access log). An OperationOutcome entry (search mode outcome) says when the access log goes on past this page or is left out',
        params: CaseIdParams,
        response: { 200: inBoth(EverythingBundle, 'searchset Bundle'), ...caseResponses },
      },
    },
    async (request, reply) => {
      const result = await exportCaseFhir(ctx, actor(request), request.params.caseId, { kind: 'everything' });
      if (!result.ok) return sendRefusal(reply, result);
      const { resources, accessLog, accessLogWithheld } = result.value;
      const all = EXPORTED_RESOURCE_TYPES.flatMap((type) => resources[type] ?? []);
      const more = accessLog && accessLog.total > accessLog.count
        ? [operationOutcome([plainIssue('informational', `The access log has ${String(accessLog.total)} entries: the newest ${String(accessLog.count)} are here. The rest: GET AuditEvent?patient=${request.params.caseId}&_page=2.`)])]
        : [];
      if (accessLogWithheld) more.push(operationOutcome([plainIssue('informational', 'The access log (AuditEvent) is left out: only the lead professional and the safeguarding leads and managers who oversee the case may read it.')]));
      return sendFhir(request, reply, 200, searchBundle({ base: baseOf(request), self: selfOf(request), lastUpdated: ctx.clock.now().toISOString(), total: all.length, parts: [{ resources: all, mode: 'match' }, { resources: more, mode: 'outcome' }] }));
    },
  );

  for (const type of Object.keys(SEARCHED_RESOURCES) as SearchedType[]) {
    app.get<{ Querystring: SearchQueryValue }>(
      `/fhir/${type}`,
      {
        preHandler: requireBearer,
        ...refusalsAsOutcomes,
        schema: {
          ...common,
          summary: `Search ${type} by patient (the case): ${type === 'AuditEvent' ? 'the access log, newest first, a page at a time; only for the lead professional and the safeguarding leads and managers who oversee the case (403 otherwise, audited)' : 'a searchset Bundle'}`,
          querystring: SearchQuery,
          response: { 200: inBoth(searchsetOf([SEARCHED_RESOURCES[type]], `searchset Bundle of ${type}`), `searchset Bundle of ${type}`), ...caseResponses, 400: shapeRefusal('No patient named, or a parameter that is not valid') },
        },
      },
      async (request, reply) => {
        const { patient, _count: count, _page: page } = request.query;
        if (!patient?.trim()) return sendIssue(reply, 400, 'required', 'Name the baby: ?patient=<case id>.', 'patient');
        if (type !== 'AuditEvent' && (count !== undefined || page !== undefined)) return sendIssue(reply, 400, 'invalid', `${type} is not paged: it takes only patient.`, count !== undefined ? '_count' : '_page');
        const caseId = patientIdOf(patient.trim());
        const search: FhirExportRequest = { kind: 'search', type, ...(count !== undefined ? { count } : {}), ...(page !== undefined ? { page } : {}) };
        const result = await exportCaseFhir(ctx, actor(request), caseId, search);
        if (!result.ok) return sendRefusal(reply, result);
        const found = result.value.resources[type as ExportedResourceType] ?? [];
        const log = result.value.accessLog;
        const next = log && log.page * log.count < log.total ? `${baseOf(request)}/AuditEvent?patient=${encodeURIComponent(caseId)}&_count=${String(log.count)}&_page=${String(log.page + 1)}` : undefined;
        return sendFhir(request, reply, 200, searchBundle({ base: baseOf(request), self: selfOf(request), ...(next ? { next } : {}), lastUpdated: ctx.clock.now().toISOString(), total: log?.total ?? found.length, parts: [{ resources: found, mode: 'match' }] }));
      },
    );
  }
}
