// Recording one chronology entry (an agency's single event, a practitioner's entry): a batch of one
// through the one path for entries (record-batch.ts), answered with the entry, whether it was a
// duplicate of one stored before, and the alerts it raised. A contact may answer the plan's check items
// (`planChecks`), taken as the contact form takes them (plan-check-entries.ts).
//
// Single events for one case from one caller that arrive while one of them is being recorded wait in
// the process and are then recorded together, as one batch: one transaction, one profile version and
// one audit entry naming each of them (ADR 0021), instead of each queueing at the case's row lock for
// a transaction of its own. Each is still answered alone: its entry, its duplicate flag, its own
// entry's alert and the alerts of the findings the version newly shows; an entry refused costs only
// itself; a transaction that fails fails them all. A correction and a contact answering the plan are
// recorded alone, as before.
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { EntryProblem } from '../../domain/chronology/entry-rules.ts';
import { eventKindById } from '../../domain/catalogue/catalogue.ts';
import { reasonForKind } from '../../domain/alerts/entry-alert.ts';
import type { UserActor } from '../actor.ts';
import type { RaisedAlert } from '../alerts/raise-alerts.ts';
import type { AppContext } from '../context.ts';
import { CaseClosedForTransferError, noteRefusedWhenClosed } from '../cases/case-closed-for-transfer.ts';
import { keepChronologies, recordEntriesIn, type BatchRejection, type BatchSource, type CaseWritten, type EntriesRecorded } from './record-batch.ts';
import type { PlanCheckProblem } from '../../domain/plan/plan-checks.ts';
import type { EntryWithPlanChecks } from './plan-check-entries.ts';
import type { WriteEntryResult } from './write-entry.ts';
import { TogetherWhileBusy } from './together-while-busy.ts';

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

/** An answer, or the refusal of a case closed for transfer, thrown to that call alone. */
type Answer = RecordEntryResult | CaseClosedForTransferError;

const waitingByContext = new WeakMap<AppContext, TogetherWhileBusy<EntryWithPlanChecks, Answer>>();

/** The single events waiting in this process, by case and caller. */
function singleEventsWaiting(ctx: AppContext): TogetherWhileBusy<EntryWithPlanChecks, Answer> {
  let waiting = waitingByContext.get(ctx);
  if (!waiting) waitingByContext.set(ctx, (waiting = new TogetherWhileBusy(RECORDED_TOGETHER_LIMIT)));
  return waiting;
}

/** Only one caller's events go together: the audit entry names one actor, channel and address. */
function sameCallerOnCase(actor: UserActor, caseId: string): string {
  return JSON.stringify([caseId, actor.userId, actor.organisationId, actor.role, actor.channel, actor.ip]);
}

export async function recordEntry(ctx: AppContext, actor: UserActor, caseId: string, input: EntryWithPlanChecks): Promise<RecordEntryResult> {
  noteRefusedWhenClosed();
  const record = (inputs: EntryWithPlanChecks[]) => recordTogether(ctx, actor, caseId, inputs);
  // A correction reads the chain it extends, and a contact's answers are audited on their own: each alone.
  const alone = input.corrects !== undefined || input.planChecks !== undefined;
  const answer = alone ? (await record([input]))[0]! : await singleEventsWaiting(ctx).call(sameCallerOnCase(actor, caseId), input, record);
  if (answer instanceof CaseClosedForTransferError) throw answer;
  return answer;
}

async function recordTogether(ctx: AppContext, actor: UserActor, caseId: string, inputs: readonly EntryWithPlanChecks[]): Promise<Answer[]> {
  const items = inputs.map((entry, index) => ({ index, caseId, entry }));
  const recorded = await ctx.db.transaction().execute((trx) => recordEntriesIn(trx, ctx, actor, items, items.length === 1 ? SINGLE_ENTRY : TOGETHER));
  keepChronologies(ctx, recorded);
  return items.map(({ index }) => answerFor(recorded, caseId, index));
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
