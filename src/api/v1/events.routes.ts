// POST and GET /api/v1/cases/{caseId}/events: the chronology for agency systems (README.md, API). An entry
// is checked like one from the pages; an `externalId` makes a retry return the entry already stored.
// A contact may answer the plan's check items (`planChecks`), checked as the contact form's answers are.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { recordEntry } from '../../application/chronology/record-entry.ts';
import { viewChronology } from '../../application/chronology/view-chronology.ts';
import { ENTRY_PROBLEM_MESSAGES } from '../../domain/chronology/entry-rules.ts';
import { EVENT_KIND_IDS } from '../../domain/catalogue/event-kinds.ts';
import { EVIDENCE_SOURCE_IDS } from '../../domain/catalogue/evidence-sources.ts';
import { SUBSTANCES } from '../../domain/chronology/chronology.types.ts';
import { sendApiError, sendCaseChangeRefusal } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { ChronologyList, RecordedChronologyEntry, REFERRAL_SOURCE_DESCRIPTION } from './chronology.schemas.ts';
import { REFERRAL_SOURCE_CODES } from '../../domain/chronology/referral-source.ts';
import { errorResponses, oneOf, requiredText } from './schemas.ts';
import { CONTACT_KINDS, RESERVED_DETAIL_KEYS } from '../../domain/chronology/contact-record.ts';
import { PLAN_CHECK_NOTE_LIMIT, PLAN_CHECK_OUTCOMES, planCheckProblemMessage } from '../../domain/plan/plan-checks.ts';
import { PLAN_LIMITS } from '../../domain/plan/plan.types.ts';

const Params = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 100 }) });
const ids = Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 }));
const day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const EventBody = Type.Object(
  {
    kind: oneOf(EVENT_KIND_IDS, { description: 'What kind of entry it is' }),
    occurredAt: Type.String({ minLength: 10, maxLength: 40, description: 'YYYY-MM-DD, or an ISO date-time with its offset' }),
    summary: requiredText(4000),
    agency: Type.Optional(Type.String({ maxLength: 200, description: "The agency the information came from; the caller's organisation when not given" })),
    source: oneOf(EVIDENCE_SOURCE_IDS, { description: 'Where the information comes from' }),
    personIds: ids,
    presentIds: ids,
    victimIds: ids,
    perpetratorIds: ids,
    indicates: Type.Optional(Type.Array(Type.Object({ factorId: Type.String({ maxLength: 100 }), personId: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }), { maxItems: 20 })),
    significant: Type.Optional(Type.Boolean()),
    babySeen: Type.Optional(Type.Boolean()),
    substance: Type.Optional(oneOf(SUBSTANCES)),
    gestationWeeks: Type.Optional(Type.Integer()),
    referralSource: Type.Optional(oneOf(REFERRAL_SOURCE_CODES, { description: REFERRAL_SOURCE_DESCRIPTION })),
    corrects: Type.Optional(Type.String({ maxLength: 100, description: 'The id of the entry this one corrects' })),
    correctionReason: Type.Optional(Type.String({ maxLength: 2000 })),
    details: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        propertyNames: { not: { enum: [...RESERVED_DETAIL_KEYS] } },
        description: `Anything your system wants kept with the entry, except ${RESERVED_DETAIL_KEYS.map((key) => `"${key}"`).join(' and ')}, which only the service's own forms write`,
      }),
    ),
    externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Your system's id: sending it again returns the stored entry" })),
    planChecks: Type.Optional(
      Type.Array(
        Type.Object(
          {
            itemId: Type.String({ minLength: 1, maxLength: 100, description: "The id of a check item in the case's current plan (GET /cases/{caseId}/plan)" }),
            outcome: oneOf(PLAN_CHECK_OUTCOMES, { description: 'no-concern: checked, no concern; concern: checked, concern (say what was seen in the note); not-checked: could not check (say why in the note)' }),
            note: Type.Optional(Type.String({ maxLength: PLAN_CHECK_NOTE_LIMIT, description: 'What was seen (a concern), why it could not be checked, or anything said; needed for a concern or not-checked' })),
          },
          { additionalProperties: false },
        ),
        {
          maxItems: PLAN_LIMITS.checkItems,
          description: `A contact's answers to the plan's check items (${CONTACT_KINDS.join(', ')} only), each item once: a concern adds observed evidence to the factor the item names. An answer for an item not in the plan, a concern or not-checked without a note, or at a phone-or-video-call no-concern on an item that needs the baby or the home seen (an injury, where the baby sleeps, the state of the home, smoking in it), refuses the entry (422, details at /planChecks/…). Answer the items you checked; the contact form asks every item due`,
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type EventBodyType = Static<typeof EventBody>;

const Query = Type.Object(
  {
    from: Type.Optional(day),
    to: Type.Optional(day),
    agency: Type.Optional(Type.String({ maxLength: 200 })),
    kind: Type.Optional(oneOf(EVENT_KIND_IDS, { description: 'Only entries of this kind: the same kinds as the entry’s kind when it is recorded' })),
    personId: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

const common = { tags: ['chronology'], security: [{ bearer: [] }] };

export async function eventApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.post<{ Params: Static<typeof Params>; Body: EventBodyType }>(
    '/cases/:caseId/events',
    { preHandler: requireBearer, config: { scope: 'feed' }, schema: { ...common, summary: 'Record a chronology entry (201; 200 with the stored entry when the externalId was seen before). Scope: feed or write', params: Params, body: EventBody, response: { 200: RecordedChronologyEntry, 201: RecordedChronologyEntry, ...errorResponses(400, 401, 403, 404, 409, 422) } } },
    async (request, reply) => {
      const result = await recordEntry(ctx, actor(request), request.params.caseId, request.body);
      if (!result.ok) {
        if (result.code === 'not-found' || result.code === 'forbidden') return sendCaseChangeRefusal(reply, result);
        if (result.code === 'unknown-correction') return sendApiError(reply, 422, 'unknown-correction', result.message, [{ path: '/corrects', message: result.message }]);
        if (result.code === 'already-corrected') return sendApiError(reply, 409, 'already-corrected', `${result.message} Newest version: ${result.newestId}.`, [{ path: '/corrects', message: result.newestId }]);
        const planChecks = 'planCheckProblems' in result ? result.planCheckProblems : [];
        return sendApiError(reply, 422, 'invalid-entry', result.message, [
          ...result.problems.map((p) => ({ path: p.path, message: ENTRY_PROBLEM_MESSAGES[p.code] })),
          ...planChecks.map((p) => ({ path: p.path, message: planCheckProblemMessage(p) })),
        ]);
      }
      const alerts = result.alerts.map((a) => ({ id: a.id, ...(a.findingId ? { findingId: a.findingId } : {}), severity: a.severity, message: a.message }));
      return reply.code(result.duplicate ? 200 : 201).send({ ...result.entry, alerts });
    },
  );

  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof Query> }>(
    '/cases/:caseId/events',
    { preHandler: requireBearer, schema: { ...common, summary: 'The chronology, filtered by period, agency (name or kind), kind and person; corrected entries stay, marked, and each entry carries its disputes', params: Params, querystring: Query, response: { 200: ChronologyList, ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => {
      const result = await viewChronology(ctx, actor(request), request.params.caseId, request.query);
      if (!result.ok) return sendApiError(reply, result.code === 'not-found' ? 404 : 403, result.code, result.message);
      return { events: result.value.entries.map((entry) => ({ ...entry, disputes: entry.disputes ?? [] })) };
    },
  );
}
