// Recording a weight, length or head circumference through the one way to change a case
// (cases/change-case.ts): the case is locked and the caller's access decided there (anyone who may
// change the case), the measurement is checked by the domain (growth/measurement-rules.ts) against
// the baby's date of birth and the service's day, stored, and written as a profile version of kind
// 'growth', since faltering growth is derived from the weights. Audited as growth.record; a refused
// measurement changes nothing and is audited as a failure naming its fields.
import { checkMeasurement, type MeasurementInput as UncheckedMeasurement, type MeasurementProblem } from '../../domain/growth/measurement-rules.ts';
import { measurementInWords, KIND_NAMES } from '../../domain/growth/growth-words.ts';
import type { MeasurementKind, MeasurementUnit } from '../../domain/growth/growth.types.ts';
import { dayInWords } from '../../domain/shared/calendar-date.ts';
import type { UserActor } from '../actor.ts';
import { recordAudits } from '../audit.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { insertMeasurements } from './growth-rows.ts';
import { readAgainstCharts, type MeasurementRead } from './view-growth.ts';
import { referenceSexOf } from '../../domain/growth/growth.types.ts';

export const GROWTH_RECORD_ACTION = 'growth.record';

/** What a page, the API or an agency's message hands over: the measurement and the day it was taken. */
export interface MeasurementInput {
  kind: MeasurementKind;
  value: number;
  unit: MeasurementUnit;
  /** YYYY-MM-DD. */
  measuredOn: string;
}

export type RecordMeasurementResult =
  | { ok: true; value: { measurement: MeasurementRead; profileVersion: number } }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'invalid'; message: string; problems: MeasurementProblem[] };

/** `input` as typed (MeasurementInput) or as a form gave it: the domain checks every field. `submission`: the form's one-time id (ADR 0026). */
export async function recordMeasurement(ctx: AppContext, actor: UserActor, caseId: string, input: MeasurementInput | UncheckedMeasurement, source: 'page' | 'api', submission?: string): Promise<RecordMeasurementResult> {
  return changeCase<RecordMeasurementResult>(
    ctx,
    actor,
    caseId,
    { action: GROWTH_RECORD_ACTION, submission },
    async (refusal, trx) => {
      if (refusal.code === 'forbidden') return { ok: false, code: 'forbidden', message: 'Only the team around the family can record measurements.' };
      await recordAudits(trx, ctx, actor, [{ action: GROWTH_RECORD_ACTION, outcome: 'failure', subjectType: 'case', subjectId: caseId, details: { reason: 'not-found' } }]);
      return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
    },
    async ({ trx, recorder, now, today }) => {
      const baby = await trx.selectFrom('cases').select(['date_of_birth', 'gestation_at_birth_weeks', 'sex']).where('id', '=', caseId).executeTakeFirstOrThrow();
      const checked = checkMeasurement(input, baby.date_of_birth, today);
      if (!checked.ok) {
        return {
          changed: false,
          answer: { ok: false, code: 'invalid', message: 'This measurement cannot be recorded: see the problems.', problems: checked.problems },
          audit: { action: GROWTH_RECORD_ACTION, outcome: 'failure', caseId, subjectType: 'case', subjectId: caseId, details: { reason: 'invalid', fields: checked.problems.map((p) => p.field) } },
        };
      }
      const [saved] = await insertMeasurements(trx, { caseId, measurements: [{ ...checked.measurement, id: ctx.newId() }], recorder, now, source });
      const measurement = readAgainstCharts({ dateOfBirth: baby.date_of_birth, gestationAtBirthWeeks: baby.gestation_at_birth_weeks, sex: referenceSexOf(baby.sex) }, saved!);
      const summary = `${KIND_NAMES[measurement.kind]} ${measurementInWords(measurement.kind, measurement.value)} measured on ${dayInWords(measurement.measuredOn)}`;
      const details = { kind: measurement.kind, value: measurement.value, measuredOn: measurement.measuredOn, source };
      return {
        changed: true,
        version: { kind: 'growth', change: { summary, ...details }, why: null },
        entriesAdded: [],
        audit: (written) => ({ action: GROWTH_RECORD_ACTION, caseId, subjectType: 'growth-measurement', subjectId: measurement.id, details: { ...details, profileVersion: written.profileVersion } }),
        answer: (written) => ({ ok: true, value: { measurement, profileVersion: written.profileVersion } }),
        recordId: measurement.id,
      };
    },
  );
}
