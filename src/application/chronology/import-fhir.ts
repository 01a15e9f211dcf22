// Importing a FHIR R4 Bundle from a hospital or GP system into the chronology of the baby it names
// by NHS number: read into entries by domain/fhir, then written as a batch for that one case by the
// one path for chronology entries (record-batch.ts: each entry on its own, a re-import storing
// nothing twice), with one profile version and one audit entry.
import { ENTRY_PROBLEM_MESSAGES } from '../../domain/chronology/entry-rules.ts';
import type { BundleProblemCode, MappedEntry, ResourceNote, ResourceProblemCode } from '../../domain/fhir/fhir-import.types.ts';
import { RESOURCE_PROBLEM_MESSAGES, SKIP_MESSAGES } from '../../domain/fhir/fhir-import-words.ts';
import { bundlePathOf, readBundle } from '../../domain/fhir/read-bundle.ts';
import type { UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { recordEntriesIn, type BatchRejection, type BatchSource, type BatchWritten } from './record-batch.ts';

export interface ImportedResource {
  /** The position of the resource in `Bundle.entry`: an inpatient Encounter gives two entries. */
  index: number;
  resource: string;
  kind: string;
  id: string;
}

export interface ResourceOutcome {
  index: number;
  resource: string;
  code: string;
  message: string;
  details: { path: string; message: string }[];
}

export interface FhirImport {
  caseId: string;
  stored: ImportedResource[];
  duplicates: ImportedResource[];
  rejected: ResourceOutcome[];
  skipped: ResourceOutcome[];
}

export type ImportFhirResult =
  | { ok: true; value: FhirImport }
  | { ok: false; code: 'bad-bundle'; problem: BundleProblemCode; path: string }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'several-records'; message: string }
  | { ok: false; code: 'forbidden'; message: string };

const FHIR_IMPORT: BatchSource = { action: 'chronology.fhir-import', description: 'a FHIR import' };

export async function importFhirBundle(ctx: AppContext, actor: UserActor, body: unknown): Promise<ImportFhirResult> {
  const reading = readBundle(body);
  if (!reading.ok) return { ok: false, code: 'bad-bundle', problem: reading.code, path: reading.path };
  return ctx.db.transaction().execute(async (trx): Promise<ImportFhirResult> => {
    const records = await trx.selectFrom('cases').select('id').where('nhs_number', '=', reading.nhsNumber).limit(2).execute();
    const [record] = records;
    if (!record) return { ok: false, code: 'not-found', message: 'There is no record with this NHS number.' };
    if (records.length > 1) return { ok: false, code: 'several-records', message: 'More than one record has this NHS number: ask the safeguarding team to resolve the duplicate, then send the Bundle again.' };
    const items = reading.entries.map((mapped, position) => ({ index: position, caseId: record.id, entry: mapped.entry }));
    const source = { ...FHIR_IMPORT, auditDetails: { resourcesRejected: reading.rejected.length, resourcesSkipped: reading.skipped.length } };
    const { outcome, refused: refusedCases } = await recordEntriesIn(trx, ctx, actor, items, source, [record.id]);
    const refusal = refusedCases.get(record.id);
    if (refusal) return { ok: false, ...refusal };
    const mappedAt = (position: number) => reading.entries[position]!;
    const traced = (written: BatchWritten): ImportedResource => {
      const mapped = mappedAt(written.index);
      return { index: mapped.index, resource: mapped.resource, kind: mapped.entry.kind, id: written.id };
    };
    const rejected = [...reading.rejected.map(unreadable), ...outcome.rejected.map((rejection) => refused(rejection, mappedAt(rejection.index)))];
    return {
      ok: true,
      value: {
        caseId: record.id,
        stored: outcome.stored.map(traced),
        duplicates: outcome.duplicates.map(traced),
        rejected: rejected.sort((a, b) => a.index - b.index),
        skipped: reading.skipped.map((note) => ({ index: note.index, resource: note.resource, code: note.code, message: SKIP_MESSAGES[note.code], details: [{ path: note.path, message: SKIP_MESSAGES[note.code] }] })),
      },
    };
  });
}

function unreadable(note: ResourceNote<ResourceProblemCode>): ResourceOutcome {
  const message = RESOURCE_PROBLEM_MESSAGES[note.code];
  return { index: note.index, resource: note.resource, code: note.code, message, details: [{ path: note.path, message }] };
}

/** An entry the chronology's rules refused, with each problem pointed at the part of the Bundle it came from. */
function refused(rejection: BatchRejection, mapped: MappedEntry): ResourceOutcome {
  const { index, resource } = mapped;
  if (rejection.code !== 'invalid') return { index, resource, code: rejection.code, message: rejection.message, details: [{ path: bundlePathOf(mapped, ''), message: rejection.message }] };
  const details = rejection.problems.map((problem) => ({ path: bundlePathOf(mapped, problem.path), message: ENTRY_PROBLEM_MESSAGES[problem.code] }));
  return { index, resource, code: 'invalid-entry', message: rejection.message, details };
}
