// Recording one chronology entry (an agency's single event, a practitioner's entry): a batch of one
// through the one path for entries (record-batch.ts), answered with the entry, whether it was a
// duplicate of one stored before, and the alerts it raised. A contact may answer the plan's check items
// (`planChecks`), taken as the contact form takes them (plan-check-entries.ts).
//
// Single events from one caller that arrive while one of its events is being recorded wait in the
// process and are then recorded together, as one batch, whatever their cases: one transaction, and
// for each case one profile version and one audit entry naming its events (ADR 0021), instead of a
// transaction each, queueing at a case's row lock or costing its round trips and its commit alone.
// Each is still answered alone: its entry, its duplicate flag, its own entry's alert and the alerts
// of the findings its case's version newly shows; an entry refused costs only itself; a transaction
// that fails before its commit is tried again case by case, so only the failing case's events fail.
// A correction and a contact answering the plan are recorded alone, as before.
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { EntryProblem } from '../../domain/chronology/entry-rules.ts';
import { eventKindById } from '../../domain/catalogue/catalogue.ts';
import { reasonForKind } from '../../domain/alerts/entry-alert.ts';
import type { UserActor } from '../actor.ts';
import type { RaisedAlert } from '../alerts/raise-alerts.ts';
import type { AppContext } from '../context.ts';
import { CaseClosedForTransferError, noteRefusedWhenClosed } from '../cases/case-closed-for-transfer.ts';
import { currentRequestId } from '../../infrastructure/process/request-scope.ts';
import { keepChronologies, recordEntriesIn, type BatchRejection, type BatchSource, type CaseWritten, type EntriesRecorded } from './record-batch.ts';
import type { PlanCheckProblem } from '../../domain/plan/plan-checks.ts';
import type { EntryWithPlanChecks } from './plan-check-entries.ts';
import type { WriteEntryResult } from './write-entry.ts';
import { TogetherWhileBusy } from './together-while-busy.ts';
import { noteSubmission } from '../cases/form-submissions.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';

export type { EntryInput } from './write-entry.ts';

export type RecordEntryResult =
  | { ok: true; entry: ChronologyEntry; duplicate: boolean; alerts: RaisedAlert[] }
  | Exclude<WriteEntryResult, { ok: true }>
  | { ok: false; code: 'invalid'; message: string; problems: EntryProblem[]; planCheckProblems: PlanCheckProblem[] }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string };

/** One entry is its own profile version and audit entry, named after it. */
const SINGLE_ENTRY: BatchSource = {
  action: 'chronology.record',
  description: 'a single entry',
  versionChange: ([entry]) => {
    const label = eventKindById(entry!.kind)?.label ?? entry!.kind;
    return {
      kind: 'event',
      change: { entryId: entry!.id, entryKind: entry!.kind, summary: `${entry!.corrects ? 'Correction to the chronology' : 'Chronology'}: ${label}` },
      why: entry!.correctionReason ?? entry!.summary,
    };
  },
  auditEvent: ({ caseId, written: [entry], profileVersion, alerts }) => ({
    action: 'chronology.record',
    caseId,
    subjectType: 'chronology-entry',
    subjectId: entry!.id,
    details: {
      kind: entry!.kind,
      profileVersion,
      ...(entry!.corrects ? { corrects: entry!.corrects } : {}),
      ...(entry!.externalId ? { externalId: entry!.externalId } : {}),
      ...(entry!.planChecks ? { planChecks: entry!.planChecks.map(({ itemId, outcome }) => ({ itemId, outcome })) } : {}),
      ...(alerts.length > 0 ? { alerts: alerts.map((a) => a.id) } : {}),
    },
  }),
};

/** Single events recorded together: one profile version and one audit entry naming each (ADR 0021). */
const TOGETHER: BatchSource = {
  action: 'chronology.record',
  description: 'single events recorded together',
  versionChange: (written) => {
    if (written.length === 1) return SINGLE_ENTRY.versionChange!(written);
    return { kind: 'event', change: { entryIds: written.map((entry) => entry.id), summary: `Chronology: ${String(written.length)} entries from single events recorded together` }, why: null };
  },
  auditEvent: (part) => {
    if (part.written.length === 1) return SINGLE_ENTRY.auditEvent!(part);
    return {
      action: 'chronology.record',
      caseId: part.caseId,
      subjectType: 'case',
      subjectId: part.caseId,
      details: {
        together: part.written.length,
        profileVersion: part.profileVersion,
        entries: part.written.map((entry) => ({ id: entry.id, kind: entry.kind, ...(entry.externalId ? { externalId: entry.externalId } : {}) })),
        ...(part.alerts.length > 0 ? { alerts: part.alerts.map((a) => a.id) } : {}),
      },
    };
  },
};

/** At most this many single events recorded together; more wait for the next group. */
const RECORDED_TOGETHER_LIMIT = 50;

/** A single event as it waits: its case, its entry and the request it came in. */
interface SingleEvent {
  caseId: string;
  entry: EntryWithPlanChecks;
  requestId: string | null;
  /** The one-time id of the form it was posted from (ADR 0026). */
  submission?: string | undefined;
}

/** An answer, or what is thrown to that call alone: the refusal of a case closed for transfer, or its case's failure. */
type Answer = RecordEntryResult | CaseClosedForTransferError | { failed: unknown };

const waitingByContext = new WeakMap<AppContext, TogetherWhileBusy<SingleEvent, Answer>>();

/** The single events waiting in this process, by caller. */
function singleEventsWaiting(ctx: AppContext): TogetherWhileBusy<SingleEvent, Answer> {
  let waiting = waitingByContext.get(ctx);
  if (!waiting) waitingByContext.set(ctx, (waiting = new TogetherWhileBusy(RECORDED_TOGETHER_LIMIT)));
  return waiting;
}

/** Only one caller's events go together: the audit entries name one actor, channel and address. */
function sameCaller(actor: UserActor): string {
  return JSON.stringify([actor.userId, actor.organisationId, actor.role, actor.channel, actor.ip]);
}

/** `submission`: the one-time id of the form it was posted from, noted with the entry so that a second post records nothing (form-submissions.ts). */
export async function recordEntry(ctx: AppContext, actor: UserActor, caseId: string, input: EntryWithPlanChecks, submission?: string): Promise<RecordEntryResult> {
  noteRefusedWhenClosed();
  const event: SingleEvent = { caseId, entry: input, requestId: currentRequestId(), submission };
  const record = (events: SingleEvent[]) => recordTogether(ctx, actor, events);
  // A correction reads the chain it extends, a contact's answers are audited on their own, and a
  // form's post is kept to one by its submission id, which fails its whole transaction if posted twice: each alone.
  const alone = input.corrects !== undefined || input.planChecks !== undefined || submission !== undefined;
  const answer = alone ? (await record([event]))[0]! : await singleEventsWaiting(ctx).call(sameCaller(actor), event, record);
  if (answer instanceof CaseClosedForTransferError) throw answer;
  if ('failed' in answer) throw answer.failed;
  return answer;
}

/**
 * The events recorded in one transaction, each answered. If it fails before its commit (so nothing
 * of it is stored) and the events are on more than one case, each case's events are recorded again
 * on their own: a case whose change fails then fails only its own events. A failed commit is not
 * tried again (it may have been stored): it fails every event.
 */
async function recordTogether(ctx: AppContext, actor: UserActor, events: readonly SingleEvent[]): Promise<Answer[]> {
  const items = events.map(({ caseId, entry }, index) => ({ index, caseId, entry }));
  const source = sourceNamingRequests(items.length === 1 ? SINGLE_ENTRY : TOGETHER, events);
  let failedBeforeCommit = false;
  let recorded: EntriesRecorded;
  try {
    recorded = await ctx.db.transaction().execute((trx) =>
      recordEntriesIn(trx, ctx, actor, items, source).then((written) => noteSubmissions(trx, actor, events, written)).catch((error: unknown) => {
        failedBeforeCommit = true;
        throw error;
      }),
    );
  } catch (error) {
    const cases = new Set(events.map((event) => event.caseId));
    if (!failedBeforeCommit || cases.size === 1) throw error;
    return eachCaseAlone(ctx, actor, events, cases);
  }
  keepChronologies(ctx, recorded);
  return items.map(({ index, caseId }) => answerFor(recorded, caseId, index));
}

/** Each form's submission id noted with the entry it recorded (an event refused, or a duplicate of one stored before, recorded nothing). */
async function noteSubmissions(trx: Tx, actor: UserActor, events: readonly SingleEvent[], recorded: EntriesRecorded): Promise<EntriesRecorded> {
  for (const [index, { caseId, submission }] of events.entries()) {
    const entry = recorded.entries.get(index);
    const recordedNothing = recorded.refused.has(caseId) || [...recorded.outcome.rejected, ...recorded.outcome.duplicates].some((r) => r.index === index);
    if (submission === undefined || !entry || recordedNothing) continue;
    await noteSubmission(trx, actor, new Date(entry.recordedAt), { caseId, submissionId: submission, action: 'chronology.record', recordId: entry.id });
  }
  return recorded;
}

async function eachCaseAlone(ctx: AppContext, actor: UserActor, events: readonly SingleEvent[], cases: ReadonlySet<string>): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const caseId of cases) {
    const positions = events.flatMap((event, position) => (event.caseId === caseId ? [position] : []));
    const own = await recordTogether(ctx, actor, positions.map((position) => events[position]!)).catch((error: unknown) => positions.map(() => ({ failed: error })));
    positions.forEach((position, i) => (answers[position] = own[i]!));
  }
  return answers;
}

/** Each case's audit entry in the request of its case's first event, not the group's first. */
function sourceNamingRequests(source: BatchSource, events: readonly SingleEvent[]): BatchSource {
  const requestOfCase = new Map<string, string | null>();
  for (const { caseId, requestId } of events) if (!requestOfCase.has(caseId)) requestOfCase.set(caseId, requestId);
  return { ...source, auditEvent: (part) => ({ ...source.auditEvent!(part), requestId: requestOfCase.get(part.caseId) ?? null }) };
}

function answerFor(recorded: EntriesRecorded, caseId: string, index: number): Answer {
  const refusal = recorded.refused.get(caseId);
  // Audited and committed with the rest; answered as every change to a closed case is (cases/case-closed-for-transfer.ts).
  if (refusal?.code === 'closed-for-transfer') return new CaseClosedForTransferError(caseId, refusal.closed, refusal.message);
  if (refusal) return { ok: false, ...refusal };
  // The case's refusals are answered above, so what is left is about the entry itself.
  const rejected = recorded.outcome.rejected.find((r) => r.index === index);
  if (rejected) return withoutIndex(rejected as Exclude<BatchRejection, { code: 'closed-for-transfer' }>);
  const entry = recorded.entries.get(index)!;
  const duplicate = recorded.outcome.duplicates.some((d) => d.index === index);
  const part = recorded.cases.get(caseId);
  return { ok: true, entry, duplicate, alerts: duplicate || !part ? [] : alertsOf(part, entry) };
}

/**
 * The alerts an entry is answered with: its own (by its kind) and those of the findings the version
 * newly shows, which every entry of the version shares. A version's alerts are its findings' then its
 * entries', in the entries' order (profile-versions.ts); an entry recorded together is never a
 * correction, so it raises its kind's alert or none.
 */
function alertsOf(part: CaseWritten, entry: ChronologyEntry): RaisedAlert[] {
  if (part.written.length === 1) return part.alerts;
  const raising = part.written.filter((written) => reasonForKind(written.kind) !== null);
  const findings = part.alerts.length - raising.length;
  const own = raising.indexOf(entry);
  return [...part.alerts.slice(0, findings), ...(own === -1 ? [] : [part.alerts[findings + own]!])];
}

function withoutIndex(rejection: Exclude<BatchRejection, { code: 'closed-for-transfer' }>): RecordEntryResult {
  switch (rejection.code) {
    case 'invalid':
      return { ok: false, code: rejection.code, message: rejection.message, problems: rejection.problems, planCheckProblems: rejection.planCheckProblems ?? [] };
    case 'already-corrected':
      return { ok: false, code: rejection.code, message: rejection.message, newestId: rejection.newestId };
    default:
      return { ok: false, code: rejection.code, message: rejection.message };
  }
}
