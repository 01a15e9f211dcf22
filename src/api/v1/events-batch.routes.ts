// POST /api/v1/events:batch: an agency feed of up to 1,000 chronology entries across cases. Each
// entry is checked and stored on its own; the answer says which were stored, which were already
// there (by externalId) and why each of the others was refused, by its index in the batch.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { BATCH_LIMIT, recordBatch, type BatchItem } from '../../application/chronology/record-batch.ts';
import { apiRejection, entryPath, readBatchEntry, type ApiRejection } from './batch-entries.ts';
import { requireBearer } from './bearer-auth.ts';
import { errorResponses } from './schemas.ts';
import { oneAnswerForBatchCases } from './unseen-case.ts';

const BatchBody = Type.Object(
  {
    entries: Type.Array(
      Type.Object({}, { additionalProperties: true, description: 'caseId and the fields of POST /cases/{caseId}/events. Each entry is checked on its own: a bad one is reported, not fatal.' }),
      { minItems: 1, maxItems: BATCH_LIMIT },
    ),
  },
  { additionalProperties: false },
);

const Written = Type.Object({ index: Type.Integer(), id: Type.String() });
const Rejected = Type.Object({
  index: Type.Integer(),
  code: Type.String({ description: 'validation-failed, invalid-entry, unknown-correction, already-corrected, forbidden, not-found or closed-for-transfer' }),
  message: Type.String(),
  details: Type.Array(Type.Object({ path: Type.String({ description: 'For example /entries/3/occurredAt' }), message: Type.String() })),
});
const BatchResult = Type.Object({
  stored: Type.Array(Written),
  duplicates: Type.Array(Written, { description: 'Entries whose externalId your organisation sent before: id is the entry stored then' }),
  rejected: Type.Array(Rejected),
});

/** Room for 1,000 entries with long summaries. */
const BATCH_BODY_LIMIT = 10 * 1_048_576;

export async function eventBatchApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  // "::" is Fastify's escape for a literal colon: the address is /api/v1/events:batch.
  app.post<{ Body: Static<typeof BatchBody> }>(
    '/events::batch',
    {
      preHandler: requireBearer,
      bodyLimit: BATCH_BODY_LIMIT,
      // One entry with text that cannot be stored refuses only itself (readBatchEntry).
      config: { checksStorableTextItself: true, scope: 'feed' },
      schema: {
        tags: ['chronology'],
        security: [{ bearer: [] }],
        summary: `Record up to ${String(BATCH_LIMIT)} chronology entries for cases you can change, each stored or refused on its own; a retry stores nothing twice (externalId)`,
        body: BatchBody,
        response: { 200: BatchResult, ...errorResponses(400, 401, 413) },
      },
    },
    async (request) => {
      const items: BatchItem[] = [];
      const refused: ApiRejection[] = [];
      request.body.entries.forEach((raw, index) => {
        const read = readBatchEntry(raw, index);
        if (read.ok) items.push(read.item);
        else refused.push(read.rejection);
      });
      const outcome = await recordBatch(ctx, actorFor(request.user!, 'api', request.ip), items);
      // An entry naming a case the caller may not see is refused as one naming a case there is not, each audited once (unseen-case.ts).
      const caseOf = new Map(items.map((item) => [item.index, item.caseId]));
      const byCase = await oneAnswerForBatchCases(request, outcome.rejected.map((rejection) => ({ rejection, index: rejection.index, caseId: caseOf.get(rejection.index)!, code: rejection.code, message: rejection.message })));
      const answered = byCase.map(({ rejection, code, message }) => (code === rejection.code && message === rejection.message ? apiRejection(rejection) : { index: rejection.index, code, message, details: [{ path: entryPath(rejection.index, '/caseId'), message }] }));
      const rejected = [...refused, ...answered].sort((a, b) => a.index - b.index);
      return { stored: outcome.stored, duplicates: outcome.duplicates, rejected };
    },
  );
}
