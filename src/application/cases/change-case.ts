// The one way to change a case (issue 12): one transaction that locks the case and decides the
// caller's access once (lock-cases-for-change.ts), audits a refusal in one place, hands the change
// the case as locked, the recorder and today's date, then evaluates the profile once and writes the
// version, the alerts the version raises and the change's audit entry (in the version's statement when
// no alert is raised: profile-versions.ts), and commits. A change says
// what it did (the version's change and its audit entry) or why it did nothing; it never writes a
// version, an alert or a refusal itself. Changes to chronology entries, for one case or many, take
// the same steps as sets (chronology/record-batch.ts). A case closed for transfer takes no change
// but those whose intent says `onClosedCase: 'allowed'`: the refusal is audited and committed, then
// thrown (case-closed-for-transfer.ts), for the API and the pages to answer in one place.
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { withNewEntries } from '../../domain/chronology/chronology-order.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import type { AlertToStore, RaisedAlert } from '../alerts/raise-alerts.ts';
import { recordAudits, type AuditEvent } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { msSince, type ChangeOutcome } from '../metrics.ts';
import { appendProfileVersionsRaisingAlerts, type AppendedVersion, type ProfileChange } from '../profile/profile-versions.ts';
import { writeCaseSummaries } from '../dashboards/case-summaries.ts';
import type { Recorder } from '../recorder.ts';
import { CaseClosedForTransferError, noteRefusedWhenClosed } from './case-closed-for-transfer.ts';
import { inSpan } from '../tracing.ts';
import { noteSubmission } from './form-submissions.ts';
import { lockCasesForChange, type CaseForChange, type CaseRefusal } from './lock-cases-for-change.ts';

export type { CaseRefusal } from './lock-cases-for-change.ts';
export type { ProfileChange } from '../profile/profile-versions.ts';

/** What a change is given: the case as locked (the caller may change it), who records, and when. */
export interface CaseChange {
  trx: Tx;
  ctx: AppContext;
  actor: UserActor;
  recorder: Recorder;
  record: CaseForChange;
  now: Date;
  /** The service's day (London). */
  today: string;
}

/** The version a change wrote: its number and the alerts it raised (for a change not versioned, the version it left and none). */
export interface VersionWritten {
  profileVersion: number;
  alerts: RaisedAlert[];
}

const writtenOf = ({ version, alerts }: AppendedVersion): VersionWritten => ({ profileVersion: version, alerts });

export type CaseChangeOutcome<R> =
  /** Nothing changed (the input was refused, or was stale); `audit` when the refusal is audited (denied). */
  | { changed: false; answer: R; audit?: AuditEvent }
  | {
      changed: true;
      /** The profile version's change; null for a change to nothing the profile is evaluated from (audited, not versioned). */
      version: ProfileChange | null;
      /** Chronology entries the change stored, so a kept chronology can be brought up to date. */
      entriesAdded: readonly ChronologyEntry[];
      /** Entries already stored that the change gave more to (a dispute beside one): each replaces itself in a kept chronology. */
      entriesChanged?: readonly ChronologyEntry[];
      /** Ids of entries the change removed (a person withdrawn with the entries only about them): gone from a kept chronology. */
      entriesRemoved?: readonly string[];
      /** Alerts the change's own entries raise by their kind (the birth's: record-birth.ts), stored with the version after its findings'. */
      entryAlerts?: readonly AlertToStore[];
      audit: (written: VersionWritten) => AuditEvent;
      answer: (written: VersionWritten) => R;
      /** The id of what the change recorded, noted with the intent's submission (form-submissions.ts). */
      recordId?: string;
    };

export interface ChangeIntent {
  /** The audit action, for the change and for a refusal. */
  action: string;
  /** What a refusal is audited against, when not the case itself. */
  refusalSubject?: { subjectType: string; subjectId: string };
  /** May still be made on a case closed for transfer (the receipt, cancelling the transfer, a legal hold); refused there otherwise. */
  onClosedCase?: 'allowed';
  /** The one-time id of the form that asked for the change, noted with what it recorded so that a second post records nothing (ADR 0026). */
  submission?: string | undefined;
}

export async function changeCase<R>(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  intent: ChangeIntent,
  refused: (refusal: CaseRefusal, trx: Tx) => R | Promise<R>,
  change: (given: CaseChange) => Promise<CaseChangeOutcome<R>>,
): Promise<R> {
  // Timed (ctx.metrics) and traced from the transaction's start to its commit, each step a span.
  const started = performance.now();
  if (intent.onClosedCase !== 'allowed') noteRefusedWhenClosed();
  let ended: ChangeOutcome = 'failed';
  let entries = 0;
  const done = await inSpan('changeCase', () => ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const locked = await inSpan('changeCase.lock', () => lockCasesForChange(trx, actor, [caseId], intent.action, now, intent.onClosedCase ?? 'refused'));
    const recorder = locked.recorder;
    const refusal = locked.refused.get(caseId);
    if (refusal) {
      ended = 'refused';
      await inSpan('changeCase.audit', () => recordAudits(
        trx,
        ctx,
        actor,
        locked.refusalAudit.map((event) => ({ ...event, ...intent.refusalSubject })),
      ));
      if (refusal.code === 'closed-for-transfer') return { closed: new CaseClosedForTransferError(caseId, refusal.closed, refusal.message) };
      return { answer: await refused(refusal, trx) };
    }
    const record = locked.cases.get(caseId)!;
    const outcome = await inSpan('changeCase.change', () => change({ trx, ctx, actor, recorder, record, now, today: serviceToday(now) }));
    if (!outcome.changed) {
      ended = 'unchanged';
      if (outcome.audit) await inSpan('changeCase.audit', () => recordAudits(trx, ctx, actor, [outcome.audit!]));
      return { answer: outcome.answer };
    }
    [ended, entries] = ['changed', outcome.entriesAdded.length];
    if (intent.submission !== undefined && outcome.recordId !== undefined) {
      await noteSubmission(trx, actor, now, { caseId, submissionId: intent.submission, action: intent.action, recordId: outcome.recordId });
    }
    const changed = new Map((outcome.entriesChanged ?? []).map((entry) => [entry.id, entry]));
    const removed = new Set(outcome.entriesRemoved ?? []);
    const kept = ctx.chronologies.at(caseId, record.profileVersion)?.filter((entry) => !removed.has(entry.id)).map((entry) => changed.get(entry.id) ?? entry);
    const chronologies = kept ? new Map([[caseId, withNewEntries(kept, outcome.entriesAdded)]]) : undefined;
    if (outcome.version === null) {
      const unversioned: VersionWritten = { profileVersion: record.profileVersion, alerts: [] };
      // Not versioned, but it may run a clock (a meeting): the dashboards' summary of the case (ADR 0017) is written again.
      await inSpan('changeCase.dashboard-summary', () => writeCaseSummaries(trx, ctx, [caseId], chronologies));
      await inSpan('changeCase.audit', () => recordAudits(trx, ctx, actor, [outcome.audit(unversioned)]));
      return { answer: outcome.answer(unversioned) };
    }
    const versions = await inSpan('changeCase.evaluate-and-version', () => appendProfileVersionsRaisingAlerts(trx, ctx, actor, new Map([[caseId, outcome.version!]]), {
      cases: new Map([[caseId, record]]),
      actorName: recorder.name,
      ...(chronologies ? { chronologies } : {}),
    }, (appended) => [outcome.audit(writtenOf(appended.get(caseId)!))], outcome.entryAlerts));
    const appended = versions.get(caseId)!;
    const written = writtenOf(appended);
    return { answer: outcome.answer(written), keep: appended };
  }), { 'icp.action': intent.action })
    .catch((error: unknown) => {
      ended = 'failed'; // the commit too
      throw error;
    })
    .finally(() => ctx.metrics.observeCaseChange(intent.action, ended, msSince(started), ended === 'changed' ? entries : 0));
  // Committed: the refusal of a closed case is audited, and thrown for the API and the pages to answer.
  if ('closed' in done) throw done.closed as Error;
  // Committed: the chronology the version was evaluated from is the case's at that version.
  if (done.keep) ctx.chronologies.keep(caseId, done.keep.version, done.keep.chronology);
  return done.answer;
}
