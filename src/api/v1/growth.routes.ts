// GET and POST /api/v1/cases/{caseId}/growth/measurements: the baby's weights, lengths and head
// circumferences for agency systems (issue 15). GET needs read and lists them, each read against the
// UK-WHO charts, after the birth weight on the record (the first weight, which the growth page starts
// from), with faltering growth as the profile derives it; POST needs write and records one
// through the same use case as the growth page (201 with the measurement and the profile version it
// wrote; 422 invalid-measurement with a path per problem).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { recordMeasurement } from '../../application/growth/record-measurement.ts';
import { viewGrowth, type ChartReading, type GrowthView, type MeasurementRead } from '../../application/growth/view-growth.ts';
import { BIRTH_WEIGHT_ID, recordedBirthWeight } from '../../domain/growth/birth-weight.ts';
import type { FalteringGrowth } from '../../domain/growth/faltering-growth.ts';
import { sendApiError } from '../api-error.ts';
import { requireBearer } from './bearer-auth.ts';
import { CaseIdParams } from './case.schemas.ts';
import { GrowthList, MeasurementRecorded, MeasurementSent, type MeasurementSentBody } from './growth.schemas.ts';
import { errorResponses } from './schemas.ts';

const common = { tags: ['growth'], security: [{ bearer: [] }] };
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

function readingBody({ reading, positionWords }: ChartReading) {
  return reading ? { ageDays: reading.age.days, corrected: reading.age.corrected, zScore: round(reading.z, 2), centile: round(reading.centile, 1), position: positionWords! } : null;
}

function measurementBody(m: MeasurementRead) {
  return {
    id: m.id,
    kind: m.kind,
    value: m.value,
    unit: m.unit,
    measuredOn: m.measuredOn,
    recordedAt: m.recordedAt,
    recordedBy: m.recordedBy,
    agency: m.agency,
    source: m.source,
    entryId: m.entryId,
    reading: readingBody(m),
    unreadable: m.unreadable,
  };
}

/**
 * The record's birth weight, as the page starts from it: read as the page reads it, or, when a weight
 * measured on the day of birth says the same (the page shows that one once), as that one reads.
 */
function birthWeightBody(view: GrowthView) {
  const recorded = recordedBirthWeight({ dateOfBirth: view.born ? view.subject.dateOfBirth : null, birthWeightGrams: view.birthWeightGrams });
  if (recorded === null) return null;
  const read = view.birthWeight ?? view.measurements.find((m) => m.kind === 'weight' && m.measuredOn === recorded.measuredOn && m.value === recorded.value);
  return { id: BIRTH_WEIGHT_ID, value: recorded.value, unit: 'g' as const, measuredOn: recorded.measuredOn, reading: read ? readingBody(read) : null, unreadable: read?.unreadable ?? null };
}

function falteringBody(faltering: FalteringGrowth) {
  if (faltering.status === 'present') {
    return {
      status: faltering.status,
      rules: faltering.findings.map((f) => f.rule),
      detail: faltering.findings.map((f) => f.detail).join(' '),
      weightIds: [...new Set(faltering.findings.flatMap((f) => f.weights.map((w) => w.measurement.id)))],
    };
  }
  return { status: faltering.status, rules: [], detail: faltering.detail, weightIds: faltering.status === 'excluded' ? faltering.weights.map((w) => w.measurement.id) : [] };
}

export async function growthApiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'api', request.ip);

  app.get<{ Params: { caseId: string } }>(
    '/cases/:caseId/growth/measurements',
    { preHandler: requireBearer, schema: { ...common, summary: "The baby's birth weight on the record (the first weight), then the weights, lengths and head circumferences measured, oldest first, each read against the UK-WHO charts, with faltering growth as the profile derives it", params: CaseIdParams, response: { 200: GrowthList, ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      const result = await viewGrowth(ctx, actor(request), request.params.caseId);
      if (!result.ok) return sendApiError(reply, result.code === 'not-found' ? 404 : 403, result.code, result.message);
      return { birthWeight: birthWeightBody(result.value), measurements: result.value.measurements.map(measurementBody), falteringGrowth: falteringBody(result.value.faltering) };
    },
  );

  app.post<{ Params: { caseId: string }; Body: MeasurementSentBody }>(
    '/cases/:caseId/growth/measurements',
    {
      preHandler: requireBearer,
      schema: {
        ...common,
        summary: 'Record a weight (g), length or head circumference (cm) on a day: 201 with the measurement as stored and read against the charts, and the profile version it wrote. 422 invalid-measurement names each problem by its path (a unit that does not fit the kind, a value outside what a baby can measure, a day before the birth or in the future)',
        params: CaseIdParams,
        body: MeasurementSent,
        response: { 201: MeasurementRecorded, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await recordMeasurement(ctx, actor(request), request.params.caseId, request.body, 'api');
      if (result.ok) return reply.code(201).send({ measurement: measurementBody(result.value.measurement), profileVersion: result.value.profileVersion });
      if (result.code === 'invalid') return sendApiError(reply, 422, 'invalid-measurement', result.message, result.problems.map((p) => ({ path: `/${p.field}`, message: p.message })));
      return sendApiError(reply, result.code === 'not-found' ? 404 : 403, result.code, result.message);
    },
  );
}
