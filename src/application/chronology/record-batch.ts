// Recording chronology entries, for one case or many, in one transaction: the one path for an
// agency's single event (a batch of one), a feed's batch and a FHIR import. Each entry stands or
// falls alone: a bad one is reported and costs only itself (new entries are checked before one
// INSERT stores them together; a correction is written in a savepoint of its own, since it reads
// the chain it extends). A retried batch finds its entries by external id and stores nothing twice.
//
// The work is done as sets, whatever the number of entries and cases: the cases locked and the
// access decided and the recorder read by two statements (lock-cases-for-change.ts), the second of
// which also finds the duplicates and the cases' people (write-entries-together.ts; ADR 0022), the
// entries stored by one, the profiles read and evaluated together and their versions written by one,
// every alert stored by three, and every audit entry (refusals, the record of each case's change, the
// alerts) appended by one: the versions' own when no alert is raised. Each case touched gets one
// profile version and one audit entry for the whole batch, not one per entry; each new entry raises
// the alert its kind raises.
// An entry answering the plan's check items (a contact's `planChecks`) is answered against its case's
// plan as it stands (plan-check-entries.ts): refused, and audited as a failure, when an answer is
// wrong; otherwise a concern's evidence is added before the profile is evaluated.
import { sql } from 'kysely';
import { alertForEntry } from '../../domain/alerts/entry-alert.ts';
import { withNewEntries } from '../../domain/chronology/chronology-order.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { birthEntryProblem, type EntryProblem } from '../../domain/chronology/entry-rules.ts';
import type { PlanCheckProblem } from '../../domain/plan/plan-checks.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import type { AlertToStore, RaisedAlert } from '../alerts/raise-alerts.ts';
import type { AuditEvent } from '../audit.ts';
import { lockCasesForChange, type CaseForChange, type CaseRefusal, type ClosedCaseRefusal } from '../cases/lock-cases-for-change.ts';
import type { AppContext } from '../context.ts';
import { msSince, type ChangeOutcome } from '../metrics.ts';
import { appendProfileVersionsRaisingAlerts, evaluateChangedProfiles, type AppendedVersion, type EvaluatedForVersion, type ProfileChange } from '../profile/profile-versions.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import type { Recorder } from '../recorder.ts';
import { inSpan } from '../tracing.ts';
import { writeEntry, type WriteEntryResult } from './write-entry.ts';
import type { ChronologyRow } from './chronology-rows.ts';
import { checkEntriesTogether, readAccessDuplicatesAndPeople, storeCheckedEntries, type DuplicatesAndPeople } from './write-entries-together.ts';
import { addPlanCheckEvidence, answerEntriesPlanChecks, entryProblemsOf, storedBefore, type EntryWithPlanChecks } from './plan-check-entries.ts';
import { settledTogether } from '../settled-together.ts';

export const BATCH_LIMIT = 1000;

export interface BatchItem {
  /** Where the entry was in what the caller sent, to report it back. */
  index: number;
  caseId: string;
  entry: EntryWithPlanChecks;
}

export interface BatchWritten {
  index: number;
  id: string;
}

export type BatchRejection =
  | { index: number; code: 'not-found'; message: string }
  | { index: number; code: 'forbidden'; message: string }
  /** The case was closed for transfer to another area: the message says when, where to, and what to do. */
  | { index: number; code: 'closed-for-transfer'; message: string }
  | { index: number; code: 'invalid'; message: string; problems: EntryProblem[]; planCheckProblems?: PlanCheckProblem[] }
  | { index: number; code: 'unknown-correction'; message: string }
  | { index: number; code: 'already-corrected'; message: string; newestId: string };

export interface BatchOutcome {
  stored: BatchWritten[];
  /** Entries whose external id was already stored: the id is the stored entry's. */
  duplicates: BatchWritten[];
  rejected: BatchRejection[];
}

/** What one case's part of the change wrote: for its profile version and its audit entry. */
export interface CaseWritten {
  caseId: string;
  written: ChronologyEntry[];
  duplicates: number;
  rejected: number;
  profileVersion: number;
  alerts: RaisedAlert[];
  /** The case's whole chronology after the change. */
  chronology: readonly ChronologyEntry[];
}

/** How the change is named in the profile history and the audit trail. */
export interface BatchSource {
  action: string;
  /** Completes "Chronology: 3 entries from …". */
  description: string;
  auditDetails?: Record<string, unknown>;
  /** The profile version's change, when not "Chronology: n entries from …". */
  versionChange?: (written: readonly ChronologyEntry[]) => ProfileChange;
  /** The case's audit entry, when not the batch's record of counts and ids. */
  auditEvent?: (part: CaseWritten) => AuditEvent;
}

/** Everything the change did, for the callers to answer with. */
export interface EntriesRecorded {
  outcome: BatchOutcome;
  refused: Map<string, CaseRefusal | ClosedCaseRefusal>;
  /** The entry each stored or duplicate item is now, by index. */
  entries: Map<number, ChronologyEntry>;
  /** Each changed case's part, by case id. */
  cases: Map<string, CaseWritten>;
}

/** What became of one entry: written (or found stored), or refused by the entry's checks or its answers to the plan. */
type EntryResult = WriteEntryResult | { ok: false; code: 'invalid'; message: string; problems: EntryProblem[]; planCheckProblems: PlanCheckProblem[] };

const AGENCY_BATCH: BatchSource = { action: 'chronology.batch', description: 'an agency feed' };

export async function recordBatch(ctx: AppContext, actor: UserActor, items: readonly BatchItem[]): Promise<BatchOutcome> {
  const recorded = await ctx.db.transaction().execute((trx) => recordEntriesIn(trx, ctx, actor, items, AGENCY_BATCH));
  keepChronologies(ctx, recorded);
  return recorded.outcome;
}

/**
 * Once the change has committed, its cases' chronologies are kept at their new versions, so the
 * next change or page view of these cases does not read them again (application/chronology/
 * chronology-cache.ts). Call only after the transaction has committed.
 */
export function keepChronologies(ctx: AppContext, recorded: EntriesRecorded): void {
  for (const part of recorded.cases.values()) ctx.chronologies.keep(part.caseId, part.profileVersion, part.chronology);
}

/** The chronologies after the change of the cases whose chronology is kept at the version locked: the kept entries and the new ones. */
function chronologiesKept(ctx: AppContext, cases: ReadonlyMap<string, CaseForChange>, changed: readonly [string, { written: ChronologyEntry[] }][]): Map<string, readonly ChronologyEntry[]> {
  const known = new Map<string, readonly ChronologyEntry[]>();
  for (const [caseId, part] of changed) {
    const kept = ctx.chronologies.at(caseId, cases.get(caseId)!.profileVersion);
    if (kept) known.set(caseId, withNewEntries(kept, part.written));
  }
  return known;
}

/**
 * The whole change inside the caller's transaction: lock, check, store, version, alert, audit.
 * `caseIds`: the cases to lock and check even when no item names them (an import with no entries).
 */
export async function recordEntriesIn(trx: Tx, ctx: AppContext, actor: UserActor, items: readonly BatchItem[], source: BatchSource, caseIds: readonly string[] = []): Promise<EntriesRecorded> {
  // Timed (ctx.metrics: inside the caller's transaction, so without its commit) and traced, each step a span.
  const started = performance.now();
  return inSpan('recordEntries', () => recordEntriesSteps(trx, ctx, actor, items, source, caseIds), { 'icp.action': source.action, 'icp.entries': items.length }).then(
    (recorded) => {
      const { stored, duplicates, rejected } = recorded.outcome;
      const refusedOnly = rejected.length > 0 && rejected.every((r) => r.code === 'forbidden' || r.code === 'not-found' || r.code === 'closed-for-transfer');
      const ended: ChangeOutcome = recorded.cases.size > 0 ? 'changed' : refusedOnly ? 'refused' : 'unchanged';
      ctx.metrics.observeCaseChange(source.action, ended, msSince(started), stored.length);
      ctx.metrics.countEntries(source.action, 'stored', stored.length);
      ctx.metrics.countEntries(source.action, 'duplicate', duplicates.length);
      ctx.metrics.countEntries(source.action, 'rejected', rejected.length);
      return recorded;
    },
    (error: unknown) => {
      ctx.metrics.observeCaseChange(source.action, 'failed', msSince(started), 0);
      throw error;
    },
  );
}

async function recordEntriesSteps(trx: Tx, ctx: AppContext, actor: UserActor, items: readonly BatchItem[], source: BatchSource, caseIds: readonly string[]): Promise<EntriesRecorded> {
  const now = ctx.clock.now();
  // The new entries' duplicates and the cases' people are read with the access facts, by one statement once the cases are locked.
  let found: DuplicatesAndPeople = { duplicateIds: [], people: [] };
  const readFacts = async (cases: readonly string[], recorder: Recorder) => {
    const read = await readAccessDuplicatesAndPeople(trx, cases, actor.userId, now, recorder.organisationId, items);
    found = read.found;
    return read.access;
  };
  const locked = await inSpan('recordEntries.lock', () => lockCasesForChange(trx, actor, [...caseIds, ...items.map((item) => item.caseId)], source.action, now, 'refused', readFacts));
  const recorder = locked.recorder;
  const outcome: BatchOutcome = { stored: [], duplicates: [], rejected: [] };
  const allowed: BatchItem[] = [];
  for (const item of items) {
    const refusal = locked.refused.get(item.caseId);
    if (refusal) outcome.rejected.push({ index: item.index, code: refusal.code, message: refusal.message });
    else allowed.push(item);
  }
  // A Birth entry that would be a second truth beside the record's is not written (entry-rules.ts, birthEntryProblem):
  // on an unborn baby's record the birth is recorded on its own page, which writes the entry itself.
  const birthProblems = new Map<number, EntryProblem>();
  for (const item of allowed) {
    const problem = birthEntryProblem(item.entry, locked.cases.get(item.caseId)!);
    if (problem) birthProblems.set(item.index, problem);
  }
  // Answers to the plan's checks first: an entry with a wrong answer is not written at all.
  const answered = await inSpan('recordEntries.plan-checks', () => answerEntriesPlanChecks(trx, allowed.filter((item) => !birthProblems.has(item.index))));
  const wrongAnswers = allowed.filter((item) => answered.get(item.index)?.ok === false);
  const retried = await storedBefore(trx, recorder, wrongAnswers);
  const toWrite: BatchItem[] = [];
  const refusedForAnswers: BatchItem[] = [];
  const refusedForBirth = allowed.filter((item) => birthProblems.has(item.index));
  for (const item of allowed) {
    const answer = answered.get(item.index);
    if (birthProblems.has(item.index)) continue;
    if (answer === undefined) toWrite.push(item);
    else if (answer.ok) toWrite.push({ ...item, entry: answer.entry });
    else if (retried.has(item.index)) toWrite.push(item);
    else refusedForAnswers.push(item);
  }
  const otherProblems = await entryProblemsOf(trx, ctx, [...refusedForAnswers, ...refusedForBirth]);
  // A plan check's evidence changes what the profile is evaluated from after the entries are stored: no evaluating meanwhile then.
  const addsEvidence = toWrite.some((item) => { const answer = answered.get(item.index); return answer?.ok === true && answer.evidence.length > 0; });
  const written = await inSpan('recordEntries.write', () => writeAll(trx, ctx, recorder, toWrite, found, addsEvidence ? undefined : locked.cases));
  const results: Map<number, EntryResult> = written.results;
  for (const item of refusedForAnswers) {
    const answer = answered.get(item.index);
    const planCheckProblems = answer?.ok === false ? answer.problems : [];
    results.set(item.index, { ok: false, code: 'invalid', message: 'The entry cannot be recorded like this: see the problems.', problems: otherProblems.get(item.index) ?? [], planCheckProblems });
  }
  for (const item of refusedForBirth) {
    const problems = [...(otherProblems.get(item.index) ?? []).filter((problem) => problem.path !== birthProblems.get(item.index)!.path), birthProblems.get(item.index)!];
    results.set(item.index, { ok: false, code: 'invalid', message: 'The entry cannot be recorded like this: see the problems.', problems });
  }
  const withEvidence = toWrite.flatMap((item) => {
    const answer = answered.get(item.index);
    const result = results.get(item.index);
    return answer?.ok === true && answer.evidence.length > 0 && result?.ok === true && !result.duplicate ? [{ caseId: item.caseId, entry: result.entry, evidence: answer.evidence }] : [];
  });
  await addPlanCheckEvidence(trx, ctx, recorder, withEvidence);
  const answerAudits: AuditEvent[] = refusedForAnswers.map((item) => {
    const result = results.get(item.index);
    const codes = result && !result.ok && result.code === 'invalid' && 'planCheckProblems' in result ? result.planCheckProblems.map((problem) => problem.code) : [];
    return { action: source.action, outcome: 'failure', caseId: item.caseId, subjectType: 'case', subjectId: item.caseId, details: { reason: 'plan-checks', index: item.index, planChecks: [...new Set(codes)] } };
  });
  for (const item of refusedForBirth) {
    answerAudits.push({ action: source.action, outcome: 'failure', caseId: item.caseId, subjectType: 'case', subjectId: item.caseId, details: { reason: birthProblems.get(item.index)!.code, index: item.index } });
  }
  const entries = new Map<number, ChronologyEntry>();
  const writtenByCase = new Map<string, { written: ChronologyEntry[]; duplicates: number; rejected: number }>();
  for (const item of allowed) {
    const result = results.get(item.index)!;
    const part = writtenByCase.get(item.caseId) ?? { written: [], duplicates: 0, rejected: 0 };
    writtenByCase.set(item.caseId, part);
    if (!result.ok) {
      outcome.rejected.push({ index: item.index, ...result });
      part.rejected++;
      continue;
    }
    entries.set(item.index, result.entry);
    if (result.duplicate) {
      outcome.duplicates.push({ index: item.index, id: result.entry.id });
      part.duplicates++;
    } else {
      outcome.stored.push({ index: item.index, id: result.entry.id });
      part.written.push(result.entry);
    }
  }
  const changed = [...writtenByCase].filter(([, part]) => part.written.length > 0);
  const versionOf = source.versionChange ?? ((written) => batchVersionChange(written, source));
  const entryAlerts = await inSpan('recordEntries.alerts', () => entryAlertsToStore(trx, ctx, locked.cases, changed));
  // Evaluated while the entries were stored (then every entry was, so the cases changed are those evaluated), or now.
  const evaluated = written.evaluated ? { evaluated: written.evaluated } : { chronologies: chronologiesKept(ctx, locked.cases, changed) };
  const partsOf = (versions: ReadonlyMap<string, AppendedVersion>) =>
    new Map<string, CaseWritten>(changed.map(([caseId, part]) => {
      const version = versions.get(caseId)!;
      return [caseId, { caseId, ...part, profileVersion: version.version, alerts: version.alerts, chronology: version.chronology }];
    }));
  const auditOf = source.auditEvent ?? ((part) => batchAuditEvent(part, source));
  // Every audit entry (the alerts', the refusals', each case's change, naming its version) appended by the version writer.
  const versions = await inSpan('recordEntries.evaluate-and-version', () => appendProfileVersionsRaisingAlerts(trx, ctx, actor, new Map(changed.map(([caseId, part]) => [caseId, versionOf(part.written)])), {
    cases: locked.cases,
    actorName: recorder.name,
    ...evaluated,
  }, (written) => [...locked.refusalAudit, ...answerAudits, ...[...partsOf(written).values()].map(auditOf)], entryAlerts));
  const cases = partsOf(versions);
  const byIndex = <T extends { index: number }>(list: T[]) => list.sort((a, b) => a.index - b.index);
  return { outcome: { stored: byIndex(outcome.stored), duplicates: byIndex(outcome.duplicates), rejected: byIndex(outcome.rejected) }, refused: locked.refused, entries, cases };
}

/**
 * New entries together (their duplicates and people `found` with the lock); each correction alone, in its savepoint. `cases` (the locked cases, given when
 * nothing but the entries changes what the profiles are evaluated from): when there are no corrections
 * and every case given new entries has its chronology kept at the version locked, the profiles are
 * read before the entries' INSERT and evaluated while the database runs it (ADR 0011), the INSERT
 * queued on the connection behind the read. The evaluation is kept only if every entry was stored
 * (another batch may have stored an external id meanwhile): otherwise the profiles are evaluated again.
 */
async function writeAll(trx: Tx, ctx: AppContext, recorder: Recorder, items: readonly BatchItem[], found: DuplicatesAndPeople, cases?: ReadonlyMap<string, CaseForChange>): Promise<{ results: Map<number, WriteEntryResult>; evaluated?: Map<string, EvaluatedForVersion> }> {
  const corrections = items.filter((item) => item.entry.corrects !== undefined);
  const checked = await checkEntriesTogether(trx, ctx, recorder, items.filter((item) => item.entry.corrects === undefined), found);
  const chronologies = cases && corrections.length === 0 ? chronologiesWithRows(ctx, cases, checked.pending) : undefined;
  if (chronologies) {
    const settings = (await settingsInForce(ctx, trx)).settings;
    // The INSERT is queued one turn of the event loop later, so the read is sent before it. Both are
    // awaited from the start, and both settle before either's error is thrown: a read refused at once
    // (a connection lost in a failover) is this change's error, never an unhandled rejection that
    // would stop the service, and the transaction is not rolled back while the INSERT is still to come.
    const storing = new Promise((resolve) => setImmediate(resolve)).then(() => storeCheckedEntries(trx, recorder, checked));
    const [evaluated, results] = await settledTogether([evaluateChangedProfiles(trx, ctx, [...chronologies.keys()], settings, chronologies), storing] as const);
    const allStored = checked.pending.every(({ index }) => { const result = results.get(index); return result?.ok === true && !result.duplicate; });
    return allStored ? { results, evaluated } : { results };
  }
  const results = await storeCheckedEntries(trx, recorder, checked);
  for (const item of corrections) results.set(item.index, await allOrNothing(trx, () => writeEntry(trx, ctx, recorder, item.caseId, item.entry)));
  return { results };
}

/**
 * The chronologies after the change of the cases given these rows, if every one is kept at the
 * version locked: the kept entries and the new ones. Undefined when any is not kept, or no row.
 */
function chronologiesWithRows(ctx: AppContext, cases: ReadonlyMap<string, CaseForChange>, pending: readonly { row: ChronologyRow; entry: ChronologyEntry }[]): Map<string, readonly ChronologyEntry[]> | undefined {
  const added = new Map<string, ChronologyEntry[]>();
  for (const { row, entry } of pending) {
    const entries = added.get(row.case_id);
    if (entries) entries.push(entry);
    else added.set(row.case_id, [entry]);
  }
  const known = new Map<string, readonly ChronologyEntry[]>();
  for (const [caseId, entries] of added) {
    const kept = ctx.chronologies.at(caseId, cases.get(caseId)!.profileVersion);
    if (!kept) return undefined;
    known.set(caseId, withNewEntries(kept, entries));
  }
  return known.size > 0 ? known : undefined;
}

/** The alert each new entry raises by its kind (a trigger, a discharge, an emergency attendance), to store with the findings' alerts. */
async function entryAlertsToStore(trx: Tx, ctx: AppContext, cases: ReadonlyMap<string, CaseForChange>, changed: readonly [string, { written: ChronologyEntry[] }][]): Promise<AlertToStore[]> {
  const corrected = changed.flatMap(([, part]) => part.written.flatMap((entry) => (entry.corrects ? [entry.corrects] : [])));
  const kindsCorrected =
    corrected.length === 0 ? new Map<string, string>() : new Map((await trx.selectFrom('chronology_entries').select(['id', 'kind']).where('id', 'in', corrected).execute()).map((row) => [row.id, row.kind]));
  const today = serviceToday(ctx.clock.now());
  const toStore: AlertToStore[] = [];
  for (const [caseId, part] of changed) {
    const locked = cases.get(caseId)!;
    const team = locked.team.filter((member) => !member.disabled);
    for (const entry of part.written) {
      const correctsKind = entry.corrects ? kindsCorrected.get(entry.corrects) : undefined;
      const draft = alertForEntry(entry, { babyName: locked.babyName, today, ...(correctsKind ? { correctsKind } : {}) });
      if (draft) toStore.push({ caseId, draft, entryId: entry.id, team });
    }
  }
  return toStore;
}

function batchVersionChange(written: readonly ChronologyEntry[], source: BatchSource): ProfileChange {
  const count = `${String(written.length)} ${written.length === 1 ? 'entry' : 'entries'}`;
  return { kind: 'event', change: { entryIds: written.map((entry) => entry.id), summary: `Chronology: ${count} from ${source.description}` }, why: null };
}

function batchAuditEvent(part: CaseWritten, source: BatchSource): AuditEvent {
  return {
    action: source.action,
    caseId: part.caseId,
    subjectType: 'case',
    subjectId: part.caseId,
    details: {
      count: part.written.length,
      duplicates: part.duplicates,
      rejected: part.rejected,
      profileVersion: part.profileVersion,
      entryIds: part.written.map((entry) => entry.id),
      ...(part.alerts.length > 0 ? { alerts: part.alerts.map((a) => a.id) } : {}),
      ...source.auditDetails,
    },
  };
}

/** Runs one entry's write in a savepoint, undone unless a new entry was stored. */
async function allOrNothing(trx: Tx, write: () => Promise<WriteEntryResult>): Promise<WriteEntryResult> {
  await sql`SAVEPOINT batch_entry`.execute(trx);
  const result = await write();
  const kept = result.ok && !result.duplicate;
  await (kept ? sql`RELEASE SAVEPOINT batch_entry` : sql`ROLLBACK TO SAVEPOINT batch_entry`).execute(trx);
  return result;
}
