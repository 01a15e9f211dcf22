// Importing a FHIR R4 Bundle from a hospital, GP or maternity system into the chronologies of the
// babies it is about. domain/fhir reads the Bundle (the Patients, and each resource with whose it
// is); each Patient is matched by NHS number to a baby's record or to a person around a baby
// (application/fhir/match-patients.ts), a record the caller may not open being for them no record
// (domain/fhir/import/matches-as-seen.ts: the answer is the same as for none, the refusal audited on
// the record); what each resource becomes on each record is planned
// (domain/fhir/import/plan-import.ts: new, unchanged, a correction, entered in error, or refused); then
// the entries are written by the one path for chronology entries (record-batch.ts), which locks
// the records, checks the caller may change them, and gives each changed record one profile
// version and one audit entry. Everything happens in one transaction: a resource is stored whole
// or not at all, and one resource's refusal never stores or undoes another's.
import { RESOURCE_PROBLEM_MESSAGES, SKIP_MESSAGES } from '../../domain/fhir/import/fhir-import-words.ts';
import type { BundleProblemCode, ReadBundle } from '../../domain/fhir/import/fhir-import.types.ts';
import type { OperationOutcome } from '../../domain/fhir/operation-outcome.ts';
import { babiesMatched, matchesAsSeen, recordsMatched, unseenTargets } from '../../domain/fhir/import/matches-as-seen.ts';
import { planOnRecord, targetsOf, type PlannedEntry, type RecordFacts, type Refusal, type Target } from '../../domain/fhir/import/plan-import.ts';
import { readBundle } from '../../domain/fhir/import/read-bundle.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAudits } from '../audit.ts';
import { noteRefusedWhenClosed } from '../cases/case-closed-for-transfer.ts';
import type { AppContext } from '../context.ts';
import { earlierImports } from '../fhir/earlier-imports.ts';
import { importOutcome, patientOutcome, type FhirImport, type ImportedResource, type MeasurementNote, type ResourceOutcome } from '../fhir/import-outcome.ts';
import { matchPatients, recordsOpenTo } from '../fhir/match-patients.ts';
import { storeImportedMeasurements } from '../fhir/store-measurements.ts';
import { storeProposedPeople, type ProposalOnRecord } from '../fhir/store-proposed-people.ts';
import { keepChronologies, recordEntriesIn, type BatchItem, type BatchSource, type EntriesRecorded } from './record-batch.ts';

export type { FhirImport } from '../fhir/import-outcome.ts';

export type ImportFhirResult =
  | { ok: true; value: FhirImport }
  | { ok: false; code: 'bad-bundle'; problem: BundleProblemCode; path: string }
  /** No Patient matched a record the caller may change: 404 when none matched one they may open, 403 when refused, 409 when closed for transfer, 422 when none could be told. */
  | { ok: false; code: 'not-found' | 'forbidden' | 'closed-for-transfer' | 'unreadable'; message: string; outcome: OperationOutcome };

const FHIR_IMPORT: BatchSource = { action: 'chronology.fhir-import', description: 'a FHIR import' };

export async function importFhirBundle(ctx: AppContext, actor: UserActor, body: unknown): Promise<ImportFhirResult> {
  const reading = readBundle(body);
  if (!reading.ok) return { ok: false, code: 'bad-bundle', problem: reading.code, path: reading.path };
  const { answer, recorded } = await ctx.db.transaction().execute((trx) => importIn(trx, ctx, actor, reading));
  if (recorded) keepChronologies(ctx, recorded);
  return answer;
}

interface Placed {
  index: number;
  name: string;
  planned: PlannedEntry;
  /** About the record's baby (not an adult around them). */
  aboutBaby: boolean;
  /** The resource came back entered in error: its entries mark what it gave before. */
  markedInError: boolean;
}

async function importIn(trx: Tx, ctx: AppContext, actor: UserActor, reading: ReadBundle): Promise<{ answer: ImportFhirResult; recorded?: EntriesRecorded }> {
  const subjectNumbers = reading.resources.flatMap((resource) => (resource.subject.kind === 'nhs-number' ? [resource.subject.nhsNumber] : []));
  const found = await matchPatients(trx, reading.patients, subjectNumbers);
  const mayOpen = await recordsOpenTo(trx, actor, recordsMatched(found), ctx.clock.now());
  const matches = matchesAsSeen(found, mayOpen);
  // Refused on each record the caller may not open that a resource would have gone to, as a change to it is: denied, on the record.
  const unseen = unseenTargets(reading.resources, found, mayOpen);
  await recordAudits(trx, ctx, actor, unseen.map((caseId) => ({ action: FHIR_IMPORT.action, outcome: 'denied' as const, caseId, subjectType: 'case', subjectId: caseId })));
  const babies = babiesMatched(matches);
  // One line a resource, naming each of its problems (a resource not keeping to UK Core may have several).
  const rejected: ResourceOutcome[] = [...new Set(reading.unread.rejected.map((note) => note.index))].map((index) => {
    const notes = reading.unread.rejected.filter((note) => note.index === index);
    const { resource, code } = notes[0]!;
    return { index, resource, code, message: RESOURCE_PROBLEM_MESSAGES[code], details: notes.map((note) => ({ path: note.path, message: note.message ?? RESOURCE_PROBLEM_MESSAGES[note.code] })) };
  });
  const skipped: ResourceOutcome[] = reading.unread.skipped.map((note) => ({ index: note.index, resource: note.resource, code: note.code, message: SKIP_MESSAGES[note.code], details: [{ path: note.path, message: SKIP_MESSAGES[note.code] }] }));
  const refuse = (index: number, resource: string, refusal: Refusal) => rejected.push({ index, resource, ...refusal });

  const targeted: { resource: ReadBundle['resources'][number]; targets: Target[] }[] = [];
  for (const resource of reading.resources) {
    const found = targetsOf(resource, matches, babies);
    if (found.ok) targeted.push({ resource, targets: found.targets });
    else refuse(resource.index, resource.name, found.refusal);
  }
  const caseIds = [...new Set(targeted.flatMap(({ targets }) => targets.map((target) => target.caseId)))];
  const patients = reading.patients.map((patient) => {
    const match = matches.patients.get(patient.index)!;
    return patientOutcome(patient.index, match.kind === 'nhs-number-invalid' ? 'nhs-number-invalid' : match.kind);
  });
  const answerOf = (lists: Pick<FhirImport, 'stored' | 'duplicates' | 'corrected'>): Omit<FhirImport, 'outcome'> => ({ patients, ...lists, rejected: byIndex(rejected), skipped: byIndex(skipped) });
  const noRecord = [...babies, ...[...matches.patients.values(), ...matches.byNhsNumber.values()].flatMap((match) => (match.kind === 'person' ? [match] : []))].length === 0;
  if (caseIds.length === 0 && noRecord) {
    const told = [...matches.byNhsNumber.values()].some((match) => match.kind === 'unmatched');
    const outcome = importOutcome(answerOf({ stored: [], duplicates: [], corrected: [] }), [], reading.patientProblems);
    // Audited once: on each record it was refused on, else as a failure naming no record and no NHS number.
    if (unseen.length === 0) await recordAudits(trx, ctx, actor, [{ action: FHIR_IMPORT.action, outcome: 'failure', details: { reason: told ? 'no-record' : 'nothing-matched', patients: patients.length, resources: reading.resources.length } }]);
    return { answer: told ? { ok: false, code: 'not-found', message: 'No record you may open has this NHS number.', outcome } : { ok: false, code: 'unreadable', message: 'Nothing in the Bundle could be matched to a record: see the issues.', outcome } };
  }

  const facts = await factsOf(trx, actor.organisationId, caseIds);
  const today = serviceToday(ctx.clock.now());
  const placed: Placed[] = [];
  const proposing = new Set<number>();
  const proposals: ProposalOnRecord[] = [];
  for (const { resource, targets } of targeted) {
    let toCorrect = false;
    for (const target of targets) {
      const plan = planOnRecord(resource, target, facts.get(target.caseId)!, today);
      if (plan.refusal) refuse(resource.index, resource.name, plan.refusal);
      if (plan.nothingToCorrect) toCorrect = true;
      if (plan.proposedPeople) proposing.add(resource.index);
      for (const person of plan.proposedPeople ?? []) proposals.push({ caseId: target.caseId, person });
      for (const planned of plan.entries) placed.push({ index: resource.index, name: resource.name, planned, aboutBaby: target.whose.kind === 'infant', markedInError: resource.enteredInErrorPath !== undefined });
    }
    const { enteredInErrorPath } = resource;
    if (toCorrect && enteredInErrorPath !== undefined && !placed.some((p) => p.index === resource.index)) skipped.push({ index: resource.index, resource: resource.name, code: 'entered-in-error', message: SKIP_MESSAGES['entered-in-error'], details: [{ path: enteredInErrorPath, message: SKIP_MESSAGES['entered-in-error'] }] });
  }

  for (const resource of reading.resources) {
    for (const note of resource.reading.skipped) skipped.push({ index: note.index, resource: note.resource, code: note.code, message: SKIP_MESSAGES[note.code], details: [{ path: note.path, message: SKIP_MESSAGES[note.code] }] });
    const told = [...rejected, ...skipped, ...placed].some((line) => line.index === resource.index);
    const code = proposing.has(resource.index) ? 'person-proposed' : 'nothing-to-record';
    if (!told) skipped.push({ index: resource.index, resource: resource.name, code, message: SKIP_MESSAGES[code], details: [{ path: `/entry/${String(resource.index)}/resource`, message: SKIP_MESSAGES[code] }] });
  }

  const items: BatchItem[] = [];
  placed.forEach(({ planned }, position) => {
    if (planned.how !== 'duplicate') items.push({ index: position, caseId: planned.caseId, entry: planned.entry });
  });
  const counts = { resources: reading.resources.length + reading.unread.rejected.length + reading.unread.skipped.length, patients: reading.patients.length, patientsUnmatched: patients.filter((p) => p.match !== 'infant' && p.match !== 'person').length, peopleProposed: proposals.length };
  // Refused, when every case it names was closed for transfer, as any change to them is (409).
  noteRefusedWhenClosed();
  const recorded = await recordEntriesIn(trx, ctx, actor, items, { ...FHIR_IMPORT, auditDetails: counts }, caseIds);
  if (caseIds.length > 0 && recorded.refused.size === caseIds.length) {
    const [refusal] = [...recorded.refused.values()];
    for (const { resource } of targeted) refuse(resource.index, resource.name, { code: refusal!.code, message: refusal!.message, details: [{ path: `/entry/${String(resource.index)}/resource`, message: refusal!.message }] });
    const outcome = importOutcome(answerOf({ stored: [], duplicates: [], corrected: [] }), [], reading.patientProblems);
    // A case closed for transfer is a conflict with the case's state, answered 409 as every change to it is.
    const code = refusal!.code === 'closed-for-transfer' ? 'closed-for-transfer' : refusal!.code === 'not-found' ? 'not-found' : 'forbidden';
    return { answer: { ok: false, code, message: refusal!.message, outcome } };
  }

  const lists = { stored: [] as ImportedResource[], duplicates: [] as ImportedResource[], corrected: [] as ImportedResource[] };
  const written = new Map([...recorded.outcome.stored.map((w): [number, string] => [w.index, 'stored']), ...recorded.outcome.duplicates.map((w): [number, string] => [w.index, 'duplicate'])]);
  const ids = new Map([...recorded.outcome.stored, ...recorded.outcome.duplicates].map((w) => [w.index, w.id]));
  const refusedAt = new Map(recorded.outcome.rejected.map((r) => [r.index, r]));
  const measurementNotes: MeasurementNote[] = [];
  placed.forEach(({ index, name, planned, aboutBaby, markedInError }, position) => {
    const caseRefusal = recorded.refused.get(planned.caseId);
    if (caseRefusal) return refuse(index, name, { code: caseRefusal.code, message: caseRefusal.message, details: [{ path: `/entry/${String(index)}/resource`, message: caseRefusal.message }] });
    const imported = (id: string): ImportedResource => {
      const refusedMeasurement = planned.mapped.measurementRefused;
      if (aboutBaby && refusedMeasurement !== undefined) measurementNotes.push({ index, ...refusedMeasurement });
      return { index, resource: name, kind: planned.mapped.entry.kind, id, caseId: planned.caseId, ...(markedInError ? { enteredInError: true as const } : {}) };
    };
    if (planned.how === 'duplicate') return lists.duplicates.push(imported(planned.id));
    const failed = refusedAt.get(position);
    if (failed) return refuse(index, name, { code: failed.code, message: failed.message, details: [{ path: `/entry/${String(index)}/resource`, message: failed.message }] });
    const how = written.get(position) === 'duplicate' ? 'duplicates' : planned.how === 'correction' ? 'corrected' : 'stored';
    return lists[how].push(imported(ids.get(position)!));
  });
  const grown = recorded.outcome.stored.flatMap(({ index: position, id }) => {
    const { planned, aboutBaby } = placed[position]!;
    const { measurement } = planned.mapped;
    return planned.how === 'new' && aboutBaby && measurement !== undefined ? [{ caseId: planned.caseId, entryId: id, occurredAt: planned.mapped.entry.occurredAt, measurement }] : [];
  });
  await storeImportedMeasurements(trx, ctx, actor, grown);
  await storeProposedPeople(trx, ctx, actor, proposals.filter((proposal) => !recorded.refused.has(proposal.caseId)));
  const unchanged = caseIds.filter((caseId) => !recorded.cases.has(caseId) && !recorded.refused.has(caseId));
  await recordAudits(trx, ctx, actor, unchanged.map((caseId) => ({ action: FHIR_IMPORT.action, caseId, subjectType: 'case', subjectId: caseId, details: { count: 0, duplicates: lists.duplicates.filter((d) => d.caseId === caseId).length, ...counts } })));
  const answer = answerOf({ stored: byIndex(lists.stored), duplicates: byIndex(lists.duplicates), corrected: byIndex(lists.corrected) });
  return { answer: { ok: true, value: { ...answer, outcome: importOutcome(answer, measurementNotes, reading.patientProblems) } }, recorded };
}

/** Each record's dates, people and what this agency imported to it before. */
async function factsOf(trx: Tx, organisationId: string, caseIds: readonly string[]): Promise<Map<string, RecordFacts>> {
  if (caseIds.length === 0) return new Map();
  const cases = await trx.selectFrom('cases').select(['id', 'date_of_birth', 'expected_delivery_date', 'gestation_at_birth_weeks']).where('id', 'in', caseIds).execute();
  const people = await trx.selectFrom('people').select(['case_id', 'id']).where('case_id', 'in', caseIds).execute();
  const earlier = await earlierImports(trx, organisationId, caseIds);
  return new Map(
    cases.map((row) => [
      row.id,
      {
        dates: { dateOfBirth: row.date_of_birth, expectedDeliveryDate: row.expected_delivery_date, gestationAtBirthWeeks: row.gestation_at_birth_weeks },
        personIds: new Set(people.filter((person) => person.case_id === row.id).map((person) => person.id)),
        earlier: earlier.get(row.id) ?? [],
      },
    ]),
  );
}

function byIndex<T extends { index: number }>(list: T[]): T[] {
  return list.sort((a, b) => a.index - b.index);
}
