// The weights, lengths and head circumferences a FHIR import's new entries about a baby carry
// (domain/fhir/import/measurement-codes.ts), stored for the growth record with the entry each came with,
// inside the import's change (which locked the records). Each is checked by the growth record's own
// rules first; one they refuse stays in the chronology in words only. Measurements about an adult
// are not growth.
import { dayOfOccurrence } from '../../domain/chronology/entry-rules.ts';
import type { Measurement } from '../../domain/fhir/import/measurement-codes.ts';
import { checkMeasurement, type ValidMeasurement } from '../../domain/growth/measurement-rules.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { insertMeasurements } from '../growth/growth-rows.ts';
import { recorderFor } from '../recorder.ts';

export interface ImportedMeasurement {
  caseId: string;
  entryId: string;
  occurredAt: string;
  measurement: Measurement;
}

/** How many were stored. */
export async function storeImportedMeasurements(trx: Tx, ctx: AppContext, actor: UserActor, imported: readonly ImportedMeasurement[]): Promise<number> {
  if (imported.length === 0) return 0;
  const caseIds = [...new Set(imported.map((m) => m.caseId))];
  const births = new Map((await trx.selectFrom('cases').select(['id', 'date_of_birth']).where('id', 'in', caseIds).execute()).map((row) => [row.id, row.date_of_birth]));
  const recorder = await recorderFor(trx, actor);
  const now = ctx.clock.now();
  const today = serviceToday(now);
  let stored = 0;
  for (const { caseId, entryId, occurredAt, measurement } of imported) {
    const checked = checkMeasurement({ ...measurement, measuredOn: dayOfOccurrence(occurredAt) }, births.get(caseId) ?? null, today);
    if (!checked.ok) continue;
    const valid: ValidMeasurement & { id: string } = { ...checked.measurement, id: ctx.newId() };
    stored += (await insertMeasurements(trx, { caseId, measurements: [valid], recorder, now, source: 'fhir', entryId })).length;
  }
  return stored;
}
