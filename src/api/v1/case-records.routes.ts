// GET /api/v1/cases (search) and POST /api/v1/cases (create), over the same use cases as the pages:
// a search shows records the caller may not open only as "exists, contact X"; a create that may
// duplicate a record is refused until the caller confirms the matches they checked.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { createCase } from '../../application/cases/create-case.ts';
import { searchCases } from '../../application/cases/search-cases.ts';
import { MATCH_REASONS, NO_RECORD_DETAILS, type MatchReason } from '../../domain/people/record-details.ts';
import { SEXES } from '../../domain/people/record-matching.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { NewRecordDetails } from './case.schemas.ts';
import { PersonMatched } from './lookup.schemas.ts';
import { errorResponses, oneOf } from './schemas.ts';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const SearchQuery = Type.Object(
  {
    nhsNumber: Type.Optional(Type.String({ maxLength: 20 })),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    dateOfBirth: Type.Optional(Type.String({ format: 'date', description: 'A date of birth, or a due date (matches due dates within 7 days)' })),
    postcode: Type.Optional(Type.String({ maxLength: 10, description: "The household's postcode; never finds a restricted address. Not for administrators (403)" })),
  },
  { additionalProperties: false },
);

const NewInfant = Type.Object(
  {
    givenName: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
    familyName: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
    sex: Type.Optional(nullable(oneOf(SEXES))),
    nhsNumber: Type.Optional(nullable(Type.String({ maxLength: 20 }))),
    dateOfBirth: Type.Optional(Type.String({ format: 'date' })),
    expectedDeliveryDate: Type.Optional(Type.String({ format: 'date' })),
    gestationAtBirthWeeks: Type.Optional(nullable(Type.Integer())),
    birthWeightGrams: Type.Optional(nullable(Type.Integer())),
    multipleBirth: Type.Optional(nullable(Type.Boolean())),
    independentlyMobile: Type.Optional(nullable(Type.Boolean())),
  },
  { additionalProperties: false },
);

const CreateBody = Type.Object(
  {
    infant: NewInfant,
    details: Type.Optional(NewRecordDetails),
    confirmedNoDuplicate: Type.Optional(Type.Boolean({ description: 'Set after checking the possible matches a 409 listed' })),
    checkedCaseIds: Type.Optional(Type.Array(Type.String(), { maxItems: 50, description: 'The ids of the matches you checked' })),
  },
  { additionalProperties: false },
);

const Hit = Type.Object({
  id: Type.String(),
  restricted: Type.Boolean({ description: 'True for a record you may not open: only its contact is given' }),
  status: Type.Optional(Type.String()),
  givenName: Type.Optional(nullable(Type.String())),
  familyName: Type.Optional(nullable(Type.String())),
  dateOfBirth: Type.Optional(nullable(Type.String())),
  expectedDeliveryDate: Type.Optional(nullable(Type.String())),
  nhsNumber: Type.Optional(nullable(Type.String())),
  level: Type.Optional(Type.String()),
  version: Type.Optional(Type.Integer()),
  contact: Type.Optional(nullable(Type.Object({ name: Type.String(), organisation: Type.String(), email: Type.String() }))),
  ageBand: Type.Optional(Type.String({ description: 'For a record you may not open, how old the baby is in a wide band: "unborn, due March 2027", "under 3 months", "3 to 6 months", "6 to 12 months", "1 to 2 years" or "2 years or older"' })),
  matchedOn: Type.Array(oneOf(Object.keys(MATCH_REASONS) as MatchReason[]), { description: 'Why the baby matched, strongest first (and the postcode, which is the household’s); empty when only people around the baby matched' }),
  peopleMatched: Type.Array(PersonMatched, { description: 'Each person around the baby who matched, as their relationship to the baby (never a name): a parent’s name, date of birth or NHS number finds the babies they are around' }),
  own: Type.Boolean({ description: 'You are in the team around this baby; your own cases come first' }),
});

const common = { tags: ['cases'], security: [{ bearer: [] }] };

export async function caseRecordApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get<{ Querystring: Static<typeof SearchQuery> }>(
    '/cases',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary:
          "Search by NHS number (the baby's, the mother's for an unborn baby, or a person's around the baby), name (forgiving misspelling), date of birth or due date (the baby's, or a person's), or postcode; what is given must all be true of the baby or of one person; one item a case, your own first",
        querystring: SearchQuery,
        response: { 200: Type.Object({ items: Type.Array(Hit), more: Type.Boolean() }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const result = await searchCases(ctx, actor(request), request.query);
      if (!result.ok) return sendApiError(reply, result.code === 'postcode-not-allowed' ? 403 : 400, result.code, result.message);
      const items = result.value.hits.map((hit) =>
        hit.restricted
          ? { id: hit.id, restricted: true, contact: hit.contact, ageBand: hit.ageBand, matchedOn: hit.matchedOn, peopleMatched: hit.peopleMatched, own: hit.own }
          : {
              id: hit.id,
              restricted: false,
              status: hit.status,
              givenName: hit.givenName,
              familyName: hit.familyName,
              dateOfBirth: hit.dateOfBirth,
              expectedDeliveryDate: hit.expectedDeliveryDate,
              nhsNumber: hit.nhsNumber,
              level: hit.level,
              version: hit.version,
              matchedOn: hit.matchedOn,
              peopleMatched: hit.peopleMatched,
              own: hit.own,
            },
      );
      return { items, more: result.value.more };
    },
  );

  app.post<{ Body: Static<typeof CreateBody> }>(
    '/cases',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Create a record for an unborn baby (expectedDeliveryDate) or an infant (dateOfBirth); 409 lists possible duplicates',
        body: CreateBody,
        response: { 201: Type.Object({ id: Type.String(), status: Type.String(), level: Type.String(), version: Type.Integer(), infant: NewInfant }), ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const { infant, details, confirmedNoDuplicate, checkedCaseIds } = request.body;
      if (Boolean(infant.dateOfBirth) === Boolean(infant.expectedDeliveryDate)) {
        return sendApiError(reply, 400, 'validation-failed', 'Give either dateOfBirth (a born infant) or expectedDeliveryDate (an unborn baby), not both.', [{ path: '/infant', message: 'needs exactly one of dateOfBirth or expectedDeliveryDate' }]);
      }
      const status = infant.dateOfBirth ? 'born' : 'unborn';
      const result = await createCase(ctx, actor(request), { status, ...infant, ...(details ? { details } : {}) }, { confirmedNoDuplicate: confirmedNoDuplicate ?? false, checkedCaseIds: checkedCaseIds ?? [] });
      if (!result.ok) {
        if (result.code === 'forbidden') return sendApiError(reply, 403, 'forbidden', result.message);
        if (result.code === 'invalid') return sendApiError(reply, 422, 'invalid-record', result.message, result.problems.map((p) => ({ path: `/${p.field in NO_RECORD_DETAILS ? 'details' : 'infant'}/${p.field}`, message: p.message })));
        const details = result.matches.map((match) => ({
          path: match.id,
          message: match.restricted ? `a record you cannot open${match.contact ? `: contact ${match.contact.name}, ${match.contact.organisation}` : ''}` : match.reasons.join('; '),
        }));
        return sendApiError(reply, 409, result.code, result.message, details);
      }
      return reply.code(201).send({ id: result.value.id, status, level: 'universal', version: result.value.version, infant });
    },
  );
}
