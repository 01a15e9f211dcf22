// What this agency's FHIR imports stored before on the cases a Bundle is about: every version of
// every entry they made (external ids `fhir:…`), so that a re-sent resource is known as unchanged,
// changed or entered in error. One case's chronology is small: one query reads them all.
import type { StoredImport } from '../../domain/fhir/import/import-keys.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import { entryFromRow } from '../chronology/chronology-rows.ts';

/** By case id. */
export async function earlierImports(trx: Tx, organisationId: string, caseIds: readonly string[]): Promise<Map<string, StoredImport[]>> {
  const byCase = new Map<string, StoredImport[]>(caseIds.map((caseId) => [caseId, []]));
  if (caseIds.length === 0) return byCase;
  const rows = await trx.selectFrom('chronology_entries').selectAll().where('case_id', 'in', caseIds).where('organisation_id', '=', organisationId).where('external_id', 'like', 'fhir:%').orderBy('recorded_at').orderBy('id').execute();
  for (const row of rows) {
    const entry = entryFromRow(row);
    byCase.get(row.case_id)!.push({
      id: entry.id,
      externalId: entry.externalId!,
      ...(entry.corrects === undefined ? {} : { corrects: entry.corrects }),
      kind: entry.kind,
      occurredAt: entry.occurredAt,
      summary: entry.summary,
      agency: entry.agency,
      personIds: entry.personIds,
    });
  }
  return byCase;
}
