// The disposal run (issue 21): `icp retention run` lists every case whose disposal date has come
// (domain/retention/disposal-date.ts), with its rule and date, and why any of them may not be
// disposed of: a legal hold standing, an alert nobody has taken up, an open action in its plan, a
// clock still running, a transfer whose receipt is not confirmed (domain/retention/open-work.ts). The list is audited (retention.list). With `--confirm` each case that may go
// is disposed of in a transaction of its own: the hold and the open work (alerts, plan actions,
// clocks, a transfer's receipt) checked again with the case locked, every row holding its personal data deleted as for a
// record made in error (cases/remove-case-data.ts: every table with a case_id, found from the schema
// so a new table is not missed, the alerts' recipients and emails, kept forms), the details of the
// audit entries about it redacted, and one tombstone left in the audit chain (case id, dates, rule,
// who confirmed): infrastructure/audit/audit-tombstone.ts. Released subject access disclosures past
// their own period are listed and removed beside the cases, each with its tombstone
// (application/subject-access/release-retention.ts; docs/adr/0014). Only an operator at the command
// line runs it.
import { sql } from 'kysely';
import { RETENTION_RULES, type RetentionRuleId } from '../../domain/retention/retention-schedule.ts';
import { openWorkKeeping } from '../../domain/retention/open-work.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Queryable, Tx } from '../../infrastructure/db/schema.ts';
import { actorMay } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAuditAlone, recordTombstone } from '../audit.ts';
import { removeCaseData } from '../cases/remove-case-data.ts';
import { notTakenUp } from '../alerts/open-alerts.ts';
import type { AppContext } from '../context.ts';
import { readCurrentPlans } from '../plan/plan-rows.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { releasedDisclosuresDue, removeReleasedDisclosure, type DueDisclosure } from '../subject-access/release-retention.ts';
import { readClocksOfCases } from '../timescales/case-clocks.ts';
import { retentionOfCases } from './retention-rows.ts';

export interface DueCase {
  caseId: string;
  rule: RetentionRuleId;
  ruleLabel: string;
  /** YYYY-MM-DD: the disposal date, today or before. */
  disposeOn: string;
  because: string;
  /** Why it may not be disposed of now; empty when it may. */
  kept: string[];
}

export interface DisposalList {
  today: string;
  due: DueCase[];
  /** Released subject access disclosures whose own period has ended, each with what keeps it. */
  disclosures: DueDisclosure[];
}

/** Cases that may be due: born (or due) at least the shortest period ago; the domain decides each. */
async function candidateIds(db: Queryable, shortestAge: number, today: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM cases
    WHERE coalesce(date_of_birth, expected_delivery_date) <= (${today}::date + 1 - make_interval(years => ${shortestAge}))
    ORDER BY id`.execute(db);
  return rows.map((row) => row.id);
}

async function openAlertCases(db: Queryable, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db.selectFrom('alerts').select('case_id').distinct().where('case_id', 'in', caseIds).where(notTakenUp).execute();
  return new Set(rows.map((row) => row.case_id));
}

/** The cases waiting for the receiving area to confirm a transfer's receipt (one not cancelled): where to and when it was due. */
async function receiptsAwaited(db: Queryable, caseIds: readonly string[]): Promise<Map<string, { toArea: string; dueOn: string }>> {
  const rows = await db.selectFrom('case_transfers').select(['case_id', 'to_area', 'receipt_due_on']).where('case_id', 'in', caseIds).where('receipt_confirmed_at', 'is', null).where('cancelled_at', 'is', null).execute();
  return new Map(rows.map((row) => [row.case_id, { toArea: row.to_area, dueOn: row.receipt_due_on }]));
}

/**
 * The open work that keeps each case besides a hold (domain/retention/open-work.ts): an alert nobody
 * has taken up, an open action in its plan, a clock still running, a transfer's receipt not yet
 * confirmed. Read with `db`: the disposal reads it again in its transaction, with the case locked.
 */
async function openWorkOfCases(ctx: AppContext, db: Queryable, caseIds: readonly string[], today: string): Promise<Map<string, string[]>> {
  const dates = await db.selectFrom('cases').select(['id', 'date_of_birth', 'expected_delivery_date']).where('id', 'in', caseIds).execute();
  const [alerts, plans, clocks, receipts] = await Promise.all([
    openAlertCases(db, caseIds),
    readCurrentPlans(db, caseIds),
    readClocksOfCases({ ...ctx, db }, dates.map((row) => ({ id: row.id, bornOn: row.date_of_birth, expectedDeliveryOn: row.expected_delivery_date })), today),
    receiptsAwaited(db, caseIds),
  ]);
  return new Map(
    caseIds.map((caseId) => [
      caseId,
      openWorkKeeping({
        alertNotTakenUp: alerts.has(caseId),
        openPlanAction: plans.get(caseId)?.actions.some((action) => action.status === 'open') ?? false,
        clocksRunning: (clocks.get(caseId) ?? []).filter((clock) => clock.status !== 'met').map((clock) => clock.label),
        receiptAwaited: receipts.get(caseId) ?? null,
      }),
    ]),
  );
}

/** What is due on the service's day, each with what keeps it (read without a lock: the disposal checks it all again). */
async function readDue(ctx: AppContext): Promise<DisposalList> {
  const today = serviceToday(ctx.clock.now());
  const { retention } = (await settingsInForce(ctx)).settings;
  const ids = await candidateIds(ctx.db, Math.min(retention.childRecordUntilAge, retention.safeguardingRecordUntilAge), today);
  const retained = await retentionOfCases(ctx.db, ids, retention, today);
  const dated = [...retained].filter(([, { disposal }]) => disposal.disposeOn <= today);
  const datedIds = dated.map(([id]) => id);
  const disclosures = await releasedDisclosuresDue(ctx, today);
  if (datedIds.length === 0) return { today, due: [], disclosures };
  const openWork = await openWorkOfCases(ctx, ctx.db, datedIds, today);
  const due = dated.map(([caseId, { disposal }]): DueCase => {
    const kept = [...disposal.holds.map((hold) => `a legal hold stands: ${hold.reason}`), ...(openWork.get(caseId) ?? [])];
    return { caseId, rule: disposal.rule, ruleLabel: RETENTION_RULES[disposal.rule].label, disposeOn: disposal.disposeOn, because: disposal.because, kept };
  });
  return { today, due, disclosures };
}

const OPERATOR_ONLY = 'Only an operator at the command line runs the disposal of records.';

/** The dry run: what is due and what keeps each, audited. */
export async function listDisposals(ctx: AppContext, actor: Actor): Promise<{ ok: true; value: DisposalList } | { ok: false; code: 'forbidden'; message: string }> {
  if (actor.kind !== 'operator' || !actorMay(actor, 'manage-settings')) {
    await recordAuditAlone(ctx, actor, { action: 'retention.list', outcome: 'denied', subjectType: 'retention' });
    return { ok: false, code: 'forbidden', message: OPERATOR_ONLY };
  }
  const list = await readDue(ctx);
  await recordAuditAlone(ctx, actor, {
    action: 'retention.list',
    subjectType: 'retention',
    details: {
      today: list.today,
      due: list.due.filter((c) => c.kept.length === 0).map((c) => c.caseId),
      kept: list.due.filter((c) => c.kept.length > 0).map((c) => c.caseId),
      disclosuresDue: list.disclosures.filter((d) => d.kept.length === 0).map((d) => d.requestId),
      disclosuresKept: list.disclosures.filter((d) => d.kept.length > 0).map((d) => d.requestId),
    },
  });
  return { ok: true, value: list };
}

export interface DisposalReport {
  today: string;
  disposed: DueCase[];
  /** Due, but kept: with why (listed in the dry run, or found at the disposal itself). */
  kept: DueCase[];
  /** Released disclosures removed, each with its tombstone. */
  disclosuresRemoved: DueDisclosure[];
  /** Past their period but kept, with why. */
  disclosuresKept: DueDisclosure[];
}

/** What identifies the people removed, for redacting audit entries about no case: names and NHS numbers. */
async function mentionsOf(trx: Tx, caseId: string): Promise<string[]> {
  const [baby, people] = await Promise.all([
    trx.selectFrom('cases').select(['given_name', 'family_name', 'nhs_number', 'mother_nhs_number', 'mother_given_name', 'mother_family_name']).where('id', '=', caseId).executeTakeFirstOrThrow(),
    trx.selectFrom('people').select(['given_name', 'family_name', 'nhs_number']).where('case_id', '=', caseId).execute(),
  ]);
  return [baby.given_name, baby.family_name, baby.nhs_number, baby.mother_nhs_number, baby.mother_given_name, baby.mother_family_name, ...people.flatMap((p) => [p.given_name, p.family_name, p.nhs_number])].filter((text): text is string => typeof text === 'string' && text.trim().length >= 3);
}

/**
 * Disposes of one case listed as due, in a transaction of its own, unless what keeps a case came to it
 * since the list was read: everything is checked again with the case locked (a hold, open work, the
 * date). Returns why it was kept; empty when it was disposed of.
 */
export async function disposeOfListed(ctx: AppContext, actor: Actor, listed: DueCase, confirmedBy: string, today: string): Promise<string[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('cases').select(['id', 'created_at']).where('id', '=', listed.caseId).forUpdate().executeTakeFirst();
    if (!locked) return ['it was no longer on the record'];
    const { retention } = (await settingsInForce(ctx, trx)).settings;
    const now = (await retentionOfCases(trx, [listed.caseId], retention, today)).get(listed.caseId)!;
    const openWork = (await openWorkOfCases(ctx, trx, [listed.caseId], today)).get(listed.caseId) ?? [];
    const kept = [...now.disposal.holds.map((hold) => `a legal hold stands: ${hold.reason}`), ...openWork, ...(now.disposal.due ? [] : ['its disposal date has not come'])];
    if (kept.length > 0) return kept;
    const mentions = await mentionsOf(trx, listed.caseId);
    await removeCaseData(trx, listed.caseId);
    const { disposal } = now;
    await recordTombstone(
      trx,
      ctx,
      actor,
      {
        action: 'retention.dispose',
        subjectType: 'case',
        subjectId: listed.caseId,
        caseId: listed.caseId,
        details: { rule: disposal.rule, untilAge: disposal.untilAge, disposeOn: disposal.disposeOn, disposedOn: today, createdOn: serviceToday(locked.created_at), confirmedBy },
      },
      { caseId: listed.caseId, mentions },
    );
    return [];
  });
}

/** `--confirm`: disposes of every case due and not kept, one transaction each; `confirmedBy` names the operator who confirmed. */
export async function runDisposal(ctx: AppContext, actor: Actor, confirmedBy: string): Promise<{ ok: true; value: DisposalReport } | { ok: false; code: 'forbidden' | 'invalid'; message: string }> {
  if (actor.kind !== 'operator' || !actorMay(actor, 'manage-settings')) {
    await recordAuditAlone(ctx, actor, { action: 'retention.dispose', outcome: 'denied', subjectType: 'retention' });
    return { ok: false, code: 'forbidden', message: OPERATOR_ONLY };
  }
  if (confirmedBy.trim() === '') return { ok: false, code: 'invalid', message: 'Say who confirms the disposal: --by "Your name"' };
  const list = await readDue(ctx);
  const report: DisposalReport = { today: list.today, disposed: [], kept: [], disclosuresRemoved: [], disclosuresKept: [] };
  for (const listed of list.due) {
    if (listed.kept.length > 0) {
      report.kept.push(listed);
      continue;
    }
    const kept = await disposeOfListed(ctx, actor, listed, confirmedBy.trim(), list.today);
    if (kept.length > 0) report.kept.push({ ...listed, kept });
    else report.disposed.push(listed);
  }
  for (const listed of list.disclosures) {
    const kept = listed.kept.length > 0 ? listed.kept : await removeReleasedDisclosure(ctx, actor, listed, confirmedBy.trim(), list.today);
    if (kept.length > 0) report.disclosuresKept.push({ ...listed, kept });
    else report.disclosuresRemoved.push(listed);
  }
  await recordAuditAlone(ctx, actor, {
    action: 'retention.run',
    subjectType: 'retention',
    details: {
      today: list.today,
      disposed: report.disposed.length,
      kept: report.kept.map((c) => ({ caseId: c.caseId, reasons: c.kept.length })),
      disclosuresRemoved: report.disclosuresRemoved.length,
      disclosuresKept: report.disclosuresKept.map((d) => ({ requestId: d.requestId, reasons: d.kept.length })),
      confirmedBy: confirmedBy.trim(),
    },
  });
  return { ok: true, value: report };
}
