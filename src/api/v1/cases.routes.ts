// /api/v1/cases/{caseId}, its people and its team: the same use cases, access rules and audit as the pages.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { revealAddress, updateCaseDetails } from '../../application/cases/case-details.ts';
import { addToTeam } from '../../application/cases/manage-team.ts';
import { viewCase, type CaseView } from '../../application/cases/view-case.ts';
import { addPerson, updatePerson, type PersonInput, type SavePersonResult } from '../../application/people/save-person.ts';
import { mayOpenInEmergency } from '../../domain/access/case-access.ts';
import { answerOfBoolean, PERSON_PROBLEM_WORDS } from '../../domain/people/person-rules.ts';
import { sendApiError, sendCaseChangeRefusal } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { birthDetailsApiRoutes } from './birth-details.routes.ts';
import {
  AddressResponse,
  CaseIdParams,
  CaseResponse,
  PersonBody,
  PersonParams,
  PersonResponse,
  PersonUpdateBody,
  RecordDetailsBody,
  RecordDetailsResponse,
  TeamBody,
} from './case.schemas.ts';
import { errorResponses } from './schemas.ts';

const common = { preHandler: requireBearer, tags: ['cases'], security: [{ bearer: [] }] };

function toPersonDetails(body: PersonBody): PersonInput {
  const named = Boolean(body.givenName?.trim() || body.familyName?.trim());
  return {
    givenName: body.givenName ?? null,
    familyName: body.familyName ?? null,
    identityKnown: body.identityKnown ?? named,
    description: body.description ?? null,
    relationshipToInfant: body.relationshipToInfant,
    dateOfBirth: body.dateOfBirth ?? null,
    nhsNumber: body.nhsNumber ?? null,
    sex: body.sex ?? null,
    livesInHousehold: body.livesInHousehold,
    caresForInfant: body.caresForInfant,
    visitsRegularly: body.visitsRegularly ?? false,
    // true and false from clients written before "not known" was kept: yes and no (case.schemas.ts).
    parentalResponsibility: answerOfBoolean(body.parentalResponsibility ?? null),
    paternityConfirmed: answerOfBoolean(body.paternityConfirmed ?? null),
    deceased: body.deceased ?? false,
    address: body.address ?? null,
    addressRestricted: body.addressRestricted ?? false,
    historyChecked: body.historyChecked,
  };
}

function caseJson(view: CaseView) {
  const { record } = view;
  return {
    id: record.id,
    status: record.status,
    level: record.level,
    version: record.version,
    infant: {
      givenName: record.givenName,
      familyName: record.familyName,
      sex: record.sex,
      nhsNumber: record.nhsNumber,
      dateOfBirth: record.dateOfBirth,
      expectedDeliveryDate: record.expectedDeliveryDate,
      gestationAtBirthWeeks: record.gestationAtBirthWeeks,
      gestationAtBirthDays: record.gestationAtBirthDays,
      birthWeightGrams: record.birthWeightGrams,
      multipleBirth: record.multipleBirth,
      independentlyMobile: record.independentlyMobile,
    },
    details: record.details,
    team: view.team.map((m) => ({ userId: m.userId, name: m.name, email: m.email, organisation: m.organisationName, role: m.role })),
    access: view.access.basis,
  };
}

/** Outside the team: whom to ask, and the way to open it in an emergency unless the caller's role gives none (an administrator's). */
async function sendViewFailure(request: FastifyRequest, reply: FastifyReply, result: { code: 'not-found' | 'forbidden' }) {
  if (result.code === 'not-found') return sendApiError(reply, 404, 'not-found', 'There is no case with this id.');
  const next = mayOpenInEmergency(request.user!.role) ? 'Ask the lead professional, or open it in an emergency through the web pages.' : 'As an administrator, your role gives no access to families’ records, in an emergency or not.';
  return sendApiError(reply, 403, 'forbidden', `You are not in the team around this baby. ${next}`);
}

async function sendSaveFailure(reply: FastifyReply, result: Exclude<SavePersonResult, { ok: true }>) {
  if (result.code !== 'invalid') return sendCaseChangeRefusal(reply, result);
  return sendApiError(
    reply,
    422,
    'invalid-person',
    'The person was refused: see details.',
    Object.entries(result.problems).map(([field, problem]) => ({ path: `/${field}`, message: problem ? PERSON_PROBLEM_WORDS[problem] : 'invalid' })),
  );
}

export async function caseApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);
  // Correcting the birth details, beside the case's other details.
  await app.register(birthDetailsApiRoutes);

  app.get<{ Params: Static<typeof CaseIdParams> }>(
    '/cases/:caseId',
    { preHandler: common.preHandler, schema: { summary: 'One case: the infant or unborn baby and the team', tags: common.tags, security: common.security, params: CaseIdParams, response: { 200: CaseResponse, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      const result = await viewCase(ctx, actor(request), request.params.caseId);
      if (!result.ok) return sendViewFailure(request, reply, result);
      return caseJson(result.value);
    },
  );

  app.get<{ Params: Static<typeof CaseIdParams> }>(
    '/cases/:caseId/people',
    { preHandler: common.preHandler, schema: { summary: 'The people around the baby', tags: common.tags, security: common.security, params: CaseIdParams, response: { 200: Type.Object({ items: Type.Array(PersonResponse) }), ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      const result = await viewCase(ctx, actor(request), request.params.caseId);
      if (!result.ok) return sendViewFailure(request, reply, result);
      return { items: result.value.people };
    },
  );

  async function personAfterSave(request: FastifyRequest<{ Params: Static<typeof CaseIdParams> }>, personId: string) {
    const view = await viewCase(ctx, actor(request), request.params.caseId);
    return view.ok ? view.value.people.find((p) => p.id === personId) : undefined;
  }

  app.post<{ Params: Static<typeof CaseIdParams>; Body: PersonBody }>(
    '/cases/:caseId/people',
    { preHandler: common.preHandler, schema: { summary: 'Add a significant adult or another child', tags: common.tags, security: common.security, params: CaseIdParams, body: PersonBody, response: { 201: PersonResponse, ...errorResponses(400, 401, 403, 404, 409, 422) } } },
    async (request, reply) => {
      const result = await addPerson(ctx, actor(request), request.params.caseId, toPersonDetails(request.body));
      if (!result.ok) return sendSaveFailure(reply, result);
      const person = await personAfterSave(request, result.personId);
      return reply.code(201).send(person ?? { id: result.personId, version: result.version });
    },
  );

  app.put<{ Params: Static<typeof PersonParams>; Body: PersonBody & { version: number } }>(
    '/cases/:caseId/people/:personId',
    { preHandler: common.preHandler, schema: { summary: 'Change a person; send the version you read (409 if it changed)', tags: common.tags, security: common.security, params: PersonParams, body: PersonUpdateBody, response: { 200: PersonResponse, ...errorResponses(400, 401, 403, 404, 409, 422) } } },
    async (request, reply) => {
      const { version, ...body } = request.body;
      const result = await updatePerson(ctx, actor(request), request.params.caseId, request.params.personId, toPersonDetails(body), version);
      if (!result.ok) return sendSaveFailure(reply, result);
      const person = await personAfterSave(request, result.personId);
      return person ?? { id: result.personId, version: result.version };
    },
  );

  app.post<{ Params: Static<typeof CaseIdParams>; Body: Static<typeof TeamBody> }>(
    '/cases/:caseId/team',
    { preHandler: common.preHandler, schema: { summary: 'Add a practitioner to the team around the family', tags: common.tags, security: common.security, params: CaseIdParams, body: TeamBody, response: { 201: Type.Object({ userId: Type.String(), role: Type.String() }), ...errorResponses(400, 401, 403, 404, 409, 422) } } },
    async (request, reply) => {
      const result = await addToTeam(ctx, actor(request), { caseId: request.params.caseId, userId: request.body.userId, role: request.body.role });
      if (!result.ok) {
        if (result.code === 'not-found') return sendApiError(reply, 404, 'not-found', result.message);
        if (result.code === 'forbidden') return sendApiError(reply, 403, 'forbidden', result.message);
        if (result.code === 'already-in-team') return sendApiError(reply, 409, 'already-in-team', result.message);
        return sendApiError(reply, 422, 'unknown-user', result.message);
      }
      return reply.code(201).send({ userId: result.value.userId, role: request.body.role });
    },
  );

  app.put<{ Params: Static<typeof CaseIdParams>; Body: RecordDetailsBody }>(
    '/cases/:caseId/details',
    {
      preHandler: common.preHandler,
      schema: {
        summary: "Change the household's address, GP practice, birth hospital or mother's NHS number; send the version you read (409 if it changed)",
        tags: common.tags,
        security: common.security,
        params: CaseIdParams,
        body: RecordDetailsBody,
        response: { 200: RecordDetailsResponse, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { version, ...details } = request.body;
      const result = await updateCaseDetails(ctx, actor(request), request.params.caseId, details, version);
      if (result.ok) {
        const view = await viewCase(ctx, actor(request), request.params.caseId);
        if (!view.ok) return sendViewFailure(request, reply, view);
        return { ...result.value, details: view.value.record.details };
      }
      if (result.code !== 'invalid') return sendCaseChangeRefusal(reply, result);
      return sendApiError(reply, 422, 'invalid-details', 'The details were refused: see details.', result.problems.map((problem) => ({ path: `/${problem.field}`, message: problem.message })));
    },
  );

  app.get<{ Params: Static<typeof CaseIdParams> }>(
    '/cases/:caseId/address',
    {
      preHandler: common.preHandler,
      schema: {
        summary: "The household's address. A restricted one only for the lead professional and oversight; every reveal and refusal is audited",
        tags: common.tags,
        security: common.security,
        params: CaseIdParams,
        response: { 200: AddressResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const result = await revealAddress(ctx, actor(request), request.params.caseId);
      if (result.ok) return result.value;
      if (result.code === 'not-found') return sendApiError(reply, 404, 'not-found', result.message);
      return sendApiError(reply, 403, 'forbidden', result.message);
    },
  );
}
