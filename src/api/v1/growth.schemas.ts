// API schemas for growth (GET and POST /api/v1/cases/{caseId}/growth/measurements): JSON Schema
// (TypeBox) that validates the request, types the handler and is published in OpenAPI; every test
// run checks each reply against them. A measurement is a weight in grams, or a length or head
// circumference in centimetres, on a day; each is read against the UK-WHO charts (corrected age for
// a baby born before 37 weeks), and faltering growth is derived from the weights (NICE NG75), the
// birth weight on the record first.
import { Type, type Static, type TSchema } from 'typebox';
import { BIRTH_WEIGHT_ID } from '../../domain/growth/birth-weight.ts';
import { MEASUREMENT_KINDS, MEASUREMENT_SOURCES, MEASUREMENT_UNITS } from '../../domain/growth/growth.types.ts';
import { PLAUSIBLE_RANGES } from '../../domain/growth/measurement-rules.ts';
import { oneOf } from './schemas.ts';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const ranges = MEASUREMENT_KINDS.map((kind) => `${kind} ${PLAUSIBLE_RANGES[kind].min} to ${PLAUSIBLE_RANGES[kind].max}`).join(', ');

export const MeasurementSent = Type.Object(
  {
    kind: oneOf(MEASUREMENT_KINDS, { description: 'What was measured' }),
    value: Type.Number({ description: `Grams for a weight (rounded to the gram), centimetres for a length or a head circumference (rounded to 1 decimal place). 422 at /value outside ${ranges}` }),
    unit: oneOf(MEASUREMENT_UNITS, { description: 'g for a weight, cm for the others (422 at /unit otherwise)' }),
    measuredOn: Type.String({ maxLength: 10, description: 'YYYY-MM-DD: on or after the date of birth, and not after today (422 at /measuredOn otherwise, and while the baby is not born)' }),
  },
  { additionalProperties: false },
);
export type MeasurementSentBody = Static<typeof MeasurementSent>;

/** A point read against the UK-WHO charts; null when it cannot be (unreadable says why). */
const ChartReading = nullable(
  Type.Object(
    {
      ageDays: Type.Integer({ description: 'Days from 40 weeks of gestation at which it is read (negative before term)' }),
      corrected: Type.Boolean({ description: 'Read at corrected age (born before 37 weeks: to 1 year corrected, or 2 years when born before 32 weeks)' }),
      zScore: Type.Number({ description: 'Standard deviation score against the UK-WHO reference, to 2 decimal places' }),
      centile: Type.Number({ description: '0 to 100, to 1 decimal place' }),
      position: Type.String({ description: 'Where it sits among the chart’s centile lines, in words' }),
    },
    { additionalProperties: false },
  ),
);
const Unreadable = nullable(Type.String({ description: 'Why it cannot be read against the charts (the baby’s sex or gestation not recorded, outside 23 weeks of gestation to 4 years)' }));

export const Measurement = Type.Object(
  {
    id: Type.String(),
    kind: oneOf(MEASUREMENT_KINDS),
    value: Type.Number(),
    unit: oneOf(MEASUREMENT_UNITS),
    measuredOn: Type.String({ format: 'date' }),
    recordedAt: Type.String({ format: 'date-time' }),
    recordedBy: Type.String(),
    agency: Type.String(),
    source: oneOf(MEASUREMENT_SOURCES, { description: 'page (the growth page), api, or fhir (an agency’s FHIR message)' }),
    entryId: nullable(Type.String({ description: 'The chronology entry it came with' })),
    reading: ChartReading,
    unreadable: Unreadable,
  },
  { additionalProperties: false },
);

export const BirthWeight = Type.Object(
  {
    id: Type.Literal(BIRTH_WEIGHT_ID, { description: 'How falteringGrowth.weightIds names it' }),
    value: Type.Integer({ description: 'Grams' }),
    unit: Type.Literal('g'),
    measuredOn: Type.String({ format: 'date', description: 'The date of birth' }),
    reading: ChartReading,
    unreadable: Unreadable,
  },
  {
    additionalProperties: false,
    description:
      'The birth weight on the record (recorded with the birth, or corrected since): the baby’s first weight, which the growth page starts from and from which faltering growth measures a loss after birth and a fall across centile spaces. Not a stored measurement: it is among measurements only if a weight was also measured on the day of birth. Null before the birth or without one',
  },
);

export const MeasurementRecorded = Type.Object(
  {
    measurement: Measurement,
    profileVersion: Type.Integer({ minimum: 1, description: 'The profile version the measurement wrote (faltering growth is derived from the weights)' }),
  },
  { additionalProperties: false },
);

export const GrowthList = Type.Object(
  {
    birthWeight: nullable(BirthWeight),
    measurements: Type.Array(Measurement, { description: 'Oldest first' }),
    falteringGrowth: Type.Object(
      {
        status: oneOf(['not-assessed', 'present', 'excluded'] as const),
        rules: Type.Array(oneOf(['early-weight-loss', 'below-second-centile', 'fall-across-centile-spaces'] as const), { description: 'The NICE NG75 thresholds met, when present' }),
        detail: Type.String({ description: 'In words: the thresholds met and the weights they rest on, or why none is, or why it cannot be said yet' }),
        weightIds: Type.Array(Type.String(), { description: 'The measurements the decision rests on ("birth-weight" for the birth weight on the record)' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
