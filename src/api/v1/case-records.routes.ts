// GET /api/v1/cases (search) and POST /api/v1/cases (create), over the same use cases as the pages:
// a search shows records the caller may not open only as "exists, contact X"; a create that may
// duplicate a record (the baby's NHS number, the mother's, names and dates; its likely duplicates:
// docs/domain.md, "Who is in the record") is refused with 409 and the matches until the caller confirms the matches they checked
// and says why none is this baby.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { createCase } from '../../application/cases/create-case.ts';
import { searchCases } from '../../application/cases/search-cases.ts';
import { MATCH_REASONS, NO_RECORD_DETAILS, type MatchReason } from '../../domain/people/record-details.ts';
import { MATCH_GROUNDS, SEXES } from '../../domain/people/record-matching.ts';
import { DIFFERENT_BABY_REASON_MAX_LENGTH } from '../../domain/people/duplicate-override.ts';
import type { PossibleMatch } from '../../application/cases/create-case.ts';
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
    gestationAtBirthWeeks: Type.Optional(nullable(Type.Integer({ description: 'Completed weeks, 22 to 44' }))),
    gestationAtBirthDays: Type.Optional(nullable(Type.Integer({ description: 'Days past the completed weeks, 0 to 6, only with gestationAtBirthWeeks: 38+4 is 38 and 4' }))),
    birthWeightGrams: Type.Optional(nullable(Type.Integer())),
    multipleBirth: Type.Optional(nullable(Type.Boolean())),
    independentlyMobile: Type.Optional(
      nullable(Type.Boolean({ description: 'Not kept for a baby under 6 months, who counts as not independently mobile (true is refused 422 for one)' })),
    ),
    motherGivenName: Type.Optional(nullable(Type.String({ maxLength: 100, description: "With motherFamilyName and motherDateOfBirth, finds a record another agency holds when the mother's NHS number is not to hand" }))),
    motherFamilyName: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
    motherDateOfBirth: Type.Optional(nullable(Type.String({ format: 'date', description: "The mother's date of birth: she is 10 to 70 on the day the record is made" }))),
  },
  { additionalProperties: false },
);

const CreateBody = Type.Object(
  {
    infant: NewInfant,
    details: Type.Optional(NewRecordDetails),
    confirmedNoDuplicate: Type.Optional(Type.Boolean({ description: 'Set after checking the possible matches a 409 listed (needs differentBabyReason and checkedCaseIds)' })),
    checkedCaseIds: Type.Optional(Type.Array(Type.String(), { maxItems: 50, description: 'The ids of the matches you checked: a match that has appeared since still stops the create' })),
    differentBabyReason: Type.Optional(
      Type.String({
        maxLength: DIFFERENT_BABY_REASON_MAX_LENGTH,
        description: 'With confirmedNoDuplicate, when a 409 listed matches: why none of them is this baby, such as "Different mother and due date; checked with the GP" (audited with the record). Without it the create is refused 422 reason-needed',
      }),
    ),
  },
  { additionalProperties: false },
);

/** A record that may be the same baby, as a 409 lists it: all of it only when the caller may open it. */
const PossibleMatchItem = Type.Object(
  {
    id: Type.String({ description: 'The record: send it in checkedCaseIds once checked' }),
    restricted: Type.Boolean({ description: 'True for a record you may not open: only who holds it and the grounds are given; ask the contact for access' }),
    strength: oneOf(['certain', 'likely', 'possible'] as const, {
      description:
        "certain: the same NHS number; likely: the same mother's NHS number with dates that fit, the same mother's name and date of birth with a close date, or a like name and a close date; possible: less (as a brother or sister of the same mother)",
    }),
    grounds: Type.Array(oneOf(MATCH_GROUNDS), {
      description: "What the match rests on, strongest first: nhs-number, mother-nhs-number (the same mother's NHS number), mother-name-and-date-of-birth (the same mother's name and date of birth), name, date",
    }),
    reasons: Type.Optional(Type.Array(Type.String(), { description: 'For a record you may open: every reason in words, strongest first' })),
    heldBy: Type.Optional(nullable(Type.String({ description: 'For a record you may not open: the organisation of its lead professional (null when it has none)' }))),
    contact: Type.Optional(nullable(Type.Object({ name: Type.String(), organisation: Type.String(), email: Type.String() }, { description: 'Whom to ask for access' }))),
    name: Type.Optional(Type.String()),
    status: Type.Optional(Type.String()),
    dateOfBirth: Type.Optional(nullable(Type.String())),
    expectedDeliveryDate: Type.Optional(nullable(Type.String())),
    nhsNumber: Type.Optional(nullable(Type.String())),
  },
  { additionalProperties: false },
);

/** The 409 of a create: the Error shape with the matches. */
const DuplicateRefusal = Type.Object(
  {
    error: Type.Object(
      {
        code: oneOf(['possible-duplicate', 'duplicate-nhs-number'] as const, {
          description: 'duplicate-nhs-number: a record has this NHS number, use it (no way on); possible-duplicate: records may be the same baby, check them, then send again with confirmedNoDuplicate, checkedCaseIds and differentBabyReason',
        }),
        message: Type.String({ description: 'Plain words saying what to do' }),
        details: Type.Array(Type.Object({ path: Type.String({ description: 'A match’s id' }), message: Type.String({ description: 'Why it may be the same baby, or who holds it' }) })),
        matches: Type.Array(PossibleMatchItem),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** A match as the 409 gives it: a record the caller may not open by who holds it and the grounds only (audited as shown). */
function matchItem(match: PossibleMatch) {
  if (match.restricted) return { id: match.id, restricted: true, strength: match.strength, grounds: match.grounds, heldBy: match.contact?.organisation ?? null, contact: match.contact };
  return {
    id: match.id,
    restricted: false,
    strength: match.strength,
    grounds: match.grounds,
    reasons: match.reasons,
    name: match.name,
    status: match.status,
    dateOfBirth: match.dateOfBirth,
    expectedDeliveryDate: match.expectedDeliveryDate,
    nhsNumber: match.nhsNumber,
  };
}

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
        summary:
          "Create a record for an unborn baby (expectedDeliveryDate) or an infant (dateOfBirth). Records that may be the same baby (the same NHS number, the same mother's NHS number in details.motherNhsNumber, the same mother's name and date of birth, a like name and a close date) refuse it 409 with the matches (each audited as shown); send it again with confirmedNoDuplicate, checkedCaseIds and differentBabyReason to create it anyway (422 reason-needed without a reason)",
        body: CreateBody,
        response: {
          201: Type.Object({ id: Type.String(), status: Type.String(), level: Type.String(), version: Type.Integer(), infant: NewInfant }),
          ...errorResponses(400, 401, 403, 422),
          409: {
            description: 'possible-duplicate or duplicate-nhs-number: records that may be the same baby, listed in matches (a record you may not open only by who holds it and the grounds); audited',
            content: { 'application/json': { schema: DuplicateRefusal } },
          },
        },
      },
    },
    async (request, reply) => {
      const { infant, details, confirmedNoDuplicate, checkedCaseIds, differentBabyReason } = request.body;
      if (Boolean(infant.dateOfBirth) === Boolean(infant.expectedDeliveryDate)) {
        return sendApiError(reply, 400, 'validation-failed', 'Give either dateOfBirth (a born infant) or expectedDeliveryDate (an unborn baby), not both.', [{ path: '/infant', message: 'needs exactly one of dateOfBirth or expectedDeliveryDate' }]);
      }
      const status = infant.dateOfBirth ? 'born' : 'unborn';
      const result = await createCase(ctx, actor(request), { status, ...infant, ...(details ? { details } : {}) }, {
        confirmedNoDuplicate: confirmedNoDuplicate ?? false,
        checkedCaseIds: checkedCaseIds ?? [],
        differentBabyReason: differentBabyReason ?? null,
      });
      if (!result.ok) {
        if (result.code === 'forbidden') return sendApiError(reply, 403, 'forbidden', result.message);
        if (result.code === 'invalid') return sendApiError(reply, 422, 'invalid-record', result.message, result.problems.map((p) => ({ path: `/${p.field in NO_RECORD_DETAILS ? 'details' : 'infant'}/${p.field}`, message: p.message })));
        if (result.code === 'reason-needed') return sendApiError(reply, 422, 'reason-needed', result.message, [{ path: '/differentBabyReason', message: result.message }]);
        const details = result.matches.map((match) => ({
          path: match.id,
          message: match.restricted ? `a record you cannot open${match.contact ? `, held by ${match.contact.organisation}: ask ${match.contact.name} for access` : ''}` : match.reasons.join('; '),
        }));
        return reply.code(409).type('application/json; charset=utf-8').send({ error: { code: result.code, message: result.message, details, matches: result.matches.map(matchItem) } });
      }
      return reply.code(201).send({ id: result.value.id, status, level: 'universal', version: result.value.version, infant });
    },
  );
}
