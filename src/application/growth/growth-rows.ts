// Growth measurements as stored (migration 027): read for the growth page and the API, and written
// inside a change to the case, from the page, the API or (later) an agency's FHIR message.
import type { MeasurementSource, MeasurementKind } from '../../domain/growth/growth.types.ts';
import type { ValidMeasurement } from '../../domain/growth/measurement-rules.ts';
import type { Queryable, Tx } from '../../infrastructure/db/schema.ts';
import type { Recorder } from '../recorder.ts';

export interface StoredMeasurement {
  id: string;
  kind: MeasurementKind;
  /** Grams for a weight, centimetres otherwise. */
  value: number;
  unit: 'g' | 'cm';
  measuredOn: string;
  recordedAt: string;
  recordedBy: string;
  agency: string;
  source: MeasurementSource;
  entryId: string | null;
}

const COLUMNS = ['id', 'kind', 'value', 'measured_on', 'recorded_at', 'recorded_by_name', 'agency', 'source', 'entry_id'] as const;

interface Row {
  id: string;
  kind: MeasurementKind;
  value: number;
  measured_on: string;
  recorded_at: Date;
  recorded_by_name: string;
  agency: string;
  source: MeasurementSource;
  entry_id: string | null;
}

function fromRow(row: Row): StoredMeasurement {
  return {
    id: row.id,
    kind: row.kind,
    value: row.value,
    unit: row.kind === 'weight' ? 'g' : 'cm',
    measuredOn: row.measured_on,
    recordedAt: new Date(row.recorded_at).toISOString(),
    recordedBy: row.recorded_by_name,
    agency: row.agency,
    source: row.source,
    entryId: row.entry_id,
  };
}

/** A case's measurements, oldest first (by the day measured, then when recorded). */
export async function readMeasurements(db: Queryable, caseId: string): Promise<StoredMeasurement[]> {
  const rows = await db.selectFrom('growth_measurements').select(COLUMNS).where('case_id', '=', caseId).orderBy('measured_on').orderBy('recorded_at').orderBy('id').execute();
  return rows.map(fromRow);
}

export interface MeasurementsToStore {
  caseId: string;
  measurements: readonly (ValidMeasurement & { id: string })[];
  recorder: Recorder;
  now: Date;
  source: MeasurementSource;
  /** The chronology entry they came with, if any. */
  entryId?: string | null;
}

/** Stores checked measurements inside the caller's change (which locked the case and writes the version). */
export async function insertMeasurements(trx: Tx, { caseId, measurements, recorder, now, source, entryId = null }: MeasurementsToStore): Promise<StoredMeasurement[]> {
  if (measurements.length === 0) return [];
  const rows = await trx
    .insertInto('growth_measurements')
    .values(
      measurements.map((m) => ({
        case_id: caseId,
        id: m.id,
        kind: m.kind,
        value: m.value,
        measured_on: m.measuredOn,
        recorded_at: now,
        recorded_by: recorder.userId,
        recorded_by_name: recorder.name,
        organisation_id: recorder.organisationId,
        agency: recorder.organisation,
        source,
        entry_id: entryId,
      })),
    )
    .returning(COLUMNS)
    .execute();
  return rows.map(fromRow);
}
