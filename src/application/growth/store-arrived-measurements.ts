// Measurements that arrive with something else, such as an agency's FHIR message (a body weight, a
// body length or a head circumference Observation), in the shape every door takes:
// `{ kind, value, unit, measuredOn }`. Stored inside the change that already holds the case (it
// locked the case, and it writes the profile version and the audit entry): each is checked by the
// domain against the baby's date of birth and the service's day; those that pass are stored, the
// others answered with their problems, by their place in the list.
import { checkMeasurement, type MeasurementProblem, type ValidMeasurement } from '../../domain/growth/measurement-rules.ts';
import type { MeasurementSource } from '../../domain/growth/growth.types.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { Recorder } from '../recorder.ts';
import { insertMeasurements, type StoredMeasurement } from './growth-rows.ts';
import type { MeasurementInput } from './record-measurement.ts';

export interface ArrivedMeasurements {
  caseId: string;
  measurements: readonly MeasurementInput[];
  source: MeasurementSource;
  /** The chronology entry they came with (already stored in the same change), if any. */
  entryId?: string | null;
}

/** What the change that holds the case gives: who records, when, the service's day and new ids. */
export interface HeldChange {
  trx: Tx;
  recorder: Recorder;
  now: Date;
  today: string;
  newId: () => string;
}

export interface ArrivedResult {
  stored: StoredMeasurement[];
  refused: { index: number; problems: MeasurementProblem[] }[];
}

export async function storeArrivedMeasurements(change: HeldChange, arrived: ArrivedMeasurements): Promise<ArrivedResult> {
  const baby = await change.trx.selectFrom('cases').select('date_of_birth').where('id', '=', arrived.caseId).executeTakeFirstOrThrow();
  const passed: (ValidMeasurement & { id: string })[] = [];
  const refused: ArrivedResult['refused'] = [];
  arrived.measurements.forEach((input, index) => {
    const checked = checkMeasurement(input, baby.date_of_birth, change.today);
    if (checked.ok) passed.push({ ...checked.measurement, id: change.newId() });
    else refused.push({ index, problems: checked.problems });
  });
  const stored = await insertMeasurements(change.trx, { caseId: arrived.caseId, measurements: passed, recorder: change.recorder, now: change.now, source: arrived.source, entryId: arrived.entryId ?? null });
  return { stored, refused };
}
