// API schemas for correcting a born baby's birth details (docs/domain.md, "Recording the birth"):
// the request (the version read, a reason and the details to correct) and the answer (the details as
// corrected, each change from and to, the profile version written, the Birth entries corrected).
import { Type, type Static } from 'typebox';
import { CORRECTION_REASON_MAX_LENGTH } from '../../domain/people/birth-details.ts';
import { BIRTH_WEIGHT_GRAMS, GESTATION_WEEKS, NAME_MAX_LENGTH, SEXES } from '../../domain/people/record-matching.ts';
import { oneOf, requiredText } from './schemas.ts';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const GESTATION_WEEKS_WORDS = `Completed weeks of pregnancy at birth, ${String(GESTATION_WEEKS.min)} to ${String(GESTATION_WEEKS.max)} (422 otherwise); null when not known`;
const GESTATION_DAYS_WORDS = 'Days past the completed weeks, 0 to 6 (29+3 is 29 weeks and 3 days), only beside weeks (422 otherwise); null when only the weeks are known';

/** The details a correction may change; each may be left out (it stays as it is), null clears it where it may be cleared. */
const correctableDetails = {
  givenName: Type.Optional(nullable(Type.String({ maxLength: NAME_MAX_LENGTH }))),
  familyName: Type.Optional(nullable(Type.String({ maxLength: NAME_MAX_LENGTH }))),
  sex: Type.Optional(nullable(oneOf(SEXES))),
  dateOfBirth: Type.Optional(Type.String({ format: 'date', description: 'ISO 8601 date: today or before, within the ages the service holds (422 otherwise)' })),
  nhsNumber: Type.Optional(nullable(Type.String({ maxLength: 20, description: 'Ten digits (spaces allowed) with a valid check digit; 409 duplicate-nhs-number when another record has it' }))),
  gestationAtBirthWeeks: Type.Optional(nullable(Type.Integer({ description: `${GESTATION_WEEKS_WORDS}. Sent without gestationAtBirthDays, the days are cleared` }))),
  gestationAtBirthDays: Type.Optional(nullable(Type.Integer({ description: GESTATION_DAYS_WORDS }))),
  birthWeightGrams: Type.Optional(nullable(Type.Integer({ description: `Grams, ${String(BIRTH_WEIGHT_GRAMS.min)} to ${String(BIRTH_WEIGHT_GRAMS.max)} (422 otherwise)` }))),
};

export const BirthDetailsCorrection = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version of the case you read (409 version-conflict if it changed)' }),
    reason: requiredText(CORRECTION_REASON_MAX_LENGTH, 'Why the details are corrected, and where the right ones come from (kept with the audit entry, the profile version and any Birth entry corrected)'),
    ...correctableDetails,
  },
  { additionalProperties: false, description: 'A detail left out stays as the record has it; at least one must change (422 invalid-birth-details otherwise)' },
);
export type BirthDetailsCorrection = Static<typeof BirthDetailsCorrection>;

export const BirthDetailsJson = Type.Object({
  givenName: nullable(Type.String()),
  familyName: nullable(Type.String()),
  sex: nullable(Type.String()),
  dateOfBirth: Type.String({ format: 'date' }),
  nhsNumber: nullable(Type.String({ description: 'Ten digits' })),
  gestationAtBirthWeeks: nullable(Type.Integer({ description: GESTATION_WEEKS_WORDS })),
  gestationAtBirthDays: nullable(Type.Integer({ description: GESTATION_DAYS_WORDS })),
  birthWeightGrams: nullable(Type.Integer()),
});

const detailValue = nullable(Type.Union([Type.String(), Type.Integer()]));

export const BirthDetailsCorrected = Type.Object({
  id: Type.String(),
  version: Type.Integer({ description: 'The case’s version after the correction' }),
  details: BirthDetailsJson,
  changed: Type.Array(Type.Object({ field: oneOf(Object.keys(correctableDetails) as (keyof typeof correctableDetails)[]), from: detailValue, to: detailValue }), { description: 'Each detail that changed, from and to, as the audit entry records it' }),
  profileVersion: Type.Integer({ description: 'The profile version the correction wrote: the profile evaluated again from the corrected details' }),
  entriesCorrected: Type.Array(Type.String(), { description: 'The ids of the Birth entries corrected in the chronology (a correction entry each, with the reason), when the day or the words changed' }),
});
