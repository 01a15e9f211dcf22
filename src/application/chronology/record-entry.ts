// Recording one chronology entry (an agency's single event, a practitioner's entry): a batch of one
// through the one path for entries (record-batch.ts), answered with the entry, whether it was a
// duplicate of one stored before, and the alerts it raised. A contact may answer the plan's check items
// (`planChecks`), taken as the contact form takes them (plan-check-entries.ts).
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { EntryProblem } from '../../domain/chronology/entry-rules.ts';
import { eventKindById } from '../../domain/catalogue/catalogue.ts';
import type { UserActor } from '../actor.ts';
import type { RaisedAlert } from '../alerts/raise-alerts.ts';
import type { AppContext } from '../context.ts';
import { CaseClosedForTransferError, noteRefusedWhenClosed } from '../cases/case-closed-for-transfer.ts';
import { keepChronologies, recordEntriesIn, type BatchRejection, type BatchSource, type EntriesRecorded } from './record-batch.ts';
import type { PlanCheckProblem } from '../../domain/plan/plan-checks.ts';
import type { EntryWithPlanChecks } from './plan-check-entries.ts';
import type { WriteEntryResult } from './write-entry.ts';

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

export async function recordEntry(ctx: AppContext, actor: UserActor, caseId: string, input: EntryWithPlanChecks): Promise<RecordEntryResult> {
  noteRefusedWhenClosed();
  const recorded = await ctx.db.transaction().execute((trx) => recordEntriesIn(trx, ctx, actor, [{ index: 0, caseId, entry: input }], SINGLE_ENTRY));
  keepChronologies(ctx, recorded);
  return answer(recorded, caseId);
}

function answer(recorded: EntriesRecorded, caseId: string): RecordEntryResult {
  const refusal = recorded.refused.get(caseId);
  // Audited and committed with the rest; answered as every change to a closed case is (cases/case-closed-for-transfer.ts).
  if (refusal?.code === 'closed-for-transfer') throw new CaseClosedForTransferError(caseId, refusal.closed, refusal.message);
  if (refusal) return { ok: false, ...refusal };
  const [rejected] = recorded.outcome.rejected;
  // A batch of one: its case's refusals are answered above, so what is left is about the entry itself.
  if (rejected) return withoutIndex(rejected as Exclude<BatchRejection, { code: 'closed-for-transfer' }>);
  const entry = recorded.entries.get(0)!;
  return { ok: true, entry, duplicate: recorded.outcome.duplicates.length > 0, alerts: recorded.cases.get(caseId)?.alerts ?? [] };
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
