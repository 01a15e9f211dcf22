// The printable pages' reading (issue 14, "Feedback and print"): the printable profile and the
// printable case summary for conferences and courts, as a page or as a PDF made from it. Behind one
// access check (readCaseForView: a refusal or a missing case audited there), with the chronology
// read once (the one the profile was evaluated from), and one audit entry like the case page's
// (case.view), naming what was printed, in which form and what it showed.
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { AlertReason } from '../../domain/alerts/alert.types.ts';
import type { Severity } from '../../domain/catalogue/finding-definitions.ts';
import type { PlanVersion } from '../../domain/plan/plan.types.ts';
import { visitingPattern, type VisitState } from '../../domain/plan/visiting-pattern.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { mayPrintTransferPack, NO_TRANSFER_PACK_MESSAGE } from '../../domain/transfer/transfer-rules.ts';
import type { UserActor } from '../actor.ts';
import { notTakenUp } from '../alerts/open-alerts.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { readCurrentPlan } from '../plan/plan-rows.ts';
import { assessmentKey } from '../profile/profile-facts.ts';
import { profileViewOf, type ProfileView } from '../profile/view-profile.ts';
import { readCaseForView, type CaseView, type ViewCaseResult } from './view-case.ts';

/** The printable profile (every factor by subject), the case summary (level, plan, team, alerts), or the transfer pack's PDF (both, and the chronology). */
export const PRINT_KINDS = ['profile', 'summary', 'transfer'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];
/** A page to print from the browser, or a PDF made on the server from the same page. */
export type PrintFormat = 'html' | 'pdf';

/** Who last set a factor's status and when, by `factorId|subjectKey`. */
export interface FactorAssessedBy {
  at: Date;
  by: string | null;
}

/** One change of the level of support, as its profile version holds it. */
export interface LevelChange {
  at: Date;
  by: string | null;
  from: string | null;
  to: string | null;
  why: string | null;
}

/** An alert on the case that nobody it reached has taken up yet. */
export interface CaseOpenAlert {
  id: string;
  reason: AlertReason;
  findingId: string | null;
  severity: Severity;
  message: string;
  steps: string[];
  raisedAt: Date;
  escalatedAt: Date | null;
}

export interface CasePrint {
  kind: PrintKind;
  case: CaseView;
  /** Null only if the case went between reading it and evaluating its profile. */
  profile: ProfileView | null;
  /** The printable profile's and the transfer pack's: who last assessed each factor and when. Empty for the summary. */
  assessedBy: Map<string, FactorAssessedBy>;
  /** The summary's, oldest first: every change of the level of support. Empty for the profile. */
  levelHistory: LevelChange[];
  /** The summary's: the current plan (null while there is none), its visits' states and the names of its actions' owners. */
  plan: PlanVersion | null;
  visits: VisitState[];
  ownerNames: Record<string, string>;
  /** The summary's: alerts nobody has taken up, most severe first. */
  openAlerts: CaseOpenAlert[];
  /** The transfer pack's: every chronology entry (empty for the others), and where and when the case was sent, once it was. */
  chronology: readonly ChronologyEntry[];
  transfer: { toArea: string; fromArea: string; sentAt: Date } | null;
  /** The service's day everything here was read for, and the moment it was printed. */
  today: string;
  printedAt: Date;
}

/** `not-transferred`: the transfer pack asked for a case with no transfer in force (domain/transfer/transfer-rules.ts mayPrintTransferPack). */
export type ViewCasePrintResult = { ok: true; value: CasePrint } | Extract<ViewCaseResult, { ok: false }> | { ok: false; code: 'not-transferred'; message: string };

export async function viewCasePrint(ctx: AppContext, actor: UserActor, caseId: string, kind: PrintKind, format: PrintFormat): Promise<ViewCasePrintResult> {
  const opened = await readCaseForView(ctx, actor, caseId);
  if (!opened.ok) return opened;
  const { access } = opened.value;
  const printedAt = ctx.clock.now();
  // The transfer pack is printed only for a transfer in force, as its link on the transfer page is shown: the refusal audited.
  const transfer =
    kind === 'transfer'
      ? await ctx.db.selectFrom('case_transfers').select(['to_area as toArea', 'from_area as fromArea', 'sent_at as sentAt', 'cancelled_at as cancelledAt', 'receipt_confirmed_at as receiptConfirmedAt']).where('case_id', '=', caseId).orderBy('sent_at', 'desc').orderBy('cancelled_at', 'desc').limit(1).executeTakeFirst()
      : undefined;
  if (kind === 'transfer' && !mayPrintTransferPack(transfer ? { cancelled: transfer.cancelledAt !== null, receiptConfirmed: transfer.receiptConfirmedAt !== null } : null)) {
    await recordAuditAlone(ctx, actor, { action: 'case.view', outcome: 'failure', caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, print: kind, format, reason: 'not-transferred' } });
    return { ok: false, code: 'not-transferred', message: NO_TRANSFER_PACK_MESSAGE };
  }
  const today = serviceToday(printedAt);
  const evaluated = await ctx.profiles.read(ctx, caseId);
  const chronology: readonly ChronologyEntry[] = evaluated?.stored.chronology ?? [];
  // The transfer pack holds what both the profile and the summary hold, and the chronology.
  const summary = kind !== 'profile';
  const factors = kind !== 'summary';
  const [profile, assessedBy, levelHistory, plan, openAlerts] = await Promise.all([
    evaluated ? profileViewOf(ctx.db, caseId, evaluated, access.canChange) : null,
    factors ? readAssessedBy(ctx, caseId) : new Map<string, FactorAssessedBy>(),
    summary ? readLevelHistory(ctx, caseId) : [],
    summary ? readCurrentPlan(ctx.db, caseId) : null,
    summary ? readOpenAlerts(ctx, caseId) : [],
  ]);
  const ownerNames = plan ? await readOwnerNames(ctx, opened.value, plan) : {};
  const showed = [
    'case',
    ...(summary ? ['people', 'team'] : []),
    ...(profile ? ['findings'] : []),
    ...(profile && factors ? ['profile'] : []),
    ...(summary ? ['level-history', ...(plan ? ['plan'] : []), ...(openAlerts.length > 0 ? ['open-alerts'] : [])] : []),
    ...(kind === 'transfer' ? ['chronology'] : []),
  ];
  await recordAuditAlone(ctx, actor, {
    action: 'case.view',
    caseId,
    subjectType: 'case',
    subjectId: caseId,
    details: { basis: access.basis, print: kind, format, showed, ...(profile ? { profileVersion: profile.profileVersion } : {}), ...(plan ? { planVersion: plan.version } : {}) },
  });
  return {
    ok: true,
    value: {
      kind,
      case: opened.value,
      profile,
      assessedBy,
      levelHistory,
      plan,
      visits: plan ? visitingPattern(plan.visits, chronology, today) : [],
      ownerNames,
      openAlerts,
      chronology: kind === 'transfer' ? chronology : [],
      transfer: transfer ? { toArea: transfer.toArea, fromArea: transfer.fromArea, sentAt: transfer.sentAt } : null,
      today,
      printedAt,
    },
  };
}

async function readAssessedBy(ctx: AppContext, caseId: string): Promise<Map<string, FactorAssessedBy>> {
  const rows = await ctx.db
    .selectFrom('profile_assessments')
    .leftJoin('users', 'users.id', 'profile_assessments.updated_by')
    .select(['profile_assessments.factor_id', 'profile_assessments.subject_key', 'profile_assessments.updated_at', 'users.name'])
    .where('profile_assessments.case_id', '=', caseId)
    .execute();
  return new Map(rows.map((row) => [assessmentKey(row.factor_id, row.subject_key), { at: new Date(row.updated_at), by: row.name }]));
}

async function readLevelHistory(ctx: AppContext, caseId: string): Promise<LevelChange[]> {
  const rows = await ctx.db
    .selectFrom('profile_versions')
    .select(['changed_at', 'changed_by_name', 'change', 'why'])
    .where('case_id', '=', caseId)
    .where('kind', '=', 'level')
    .orderBy('version')
    .execute();
  const level = (value: unknown) => (typeof value === 'string' ? value : null);
  return rows.map((row) => ({ at: new Date(row.changed_at), by: row.changed_by_name, from: level(row.change['before']), to: level(row.change['after']), why: row.why }));
}

async function readOpenAlerts(ctx: AppContext, caseId: string): Promise<CaseOpenAlert[]> {
  const rows = await ctx.db
    .selectFrom('alerts')
    .select(['id', 'reason', 'finding_id', 'severity', 'message', 'steps', 'raised_at', 'escalated_at'])
    .where('case_id', '=', caseId)
    .where(notTakenUp)
    .orderBy('raised_at', 'desc')
    .orderBy('id')
    .execute();
  const rank: Record<Severity, number> = { critical: 0, high: 1, attention: 2 };
  return rows
    .map((row) => ({
      id: row.id,
      reason: row.reason,
      findingId: row.finding_id,
      severity: row.severity,
      message: row.message,
      steps: row.steps,
      raisedAt: new Date(row.raised_at),
      escalatedAt: row.escalated_at ? new Date(row.escalated_at) : null,
    }))
    .sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** The names of the accounts the plan's actions are owned by: the team's from the case, others read. */
async function readOwnerNames(ctx: AppContext, view: CaseView, plan: PlanVersion): Promise<Record<string, string>> {
  const names: Record<string, string> = Object.fromEntries(view.team.map((member) => [member.userId, member.name]));
  const others = [...new Set(plan.actions.flatMap((action) => ('userId' in action.owner ? [action.owner.userId] : [])))].filter((id) => !(id in names));
  if (others.length > 0) {
    for (const user of await ctx.db.selectFrom('users').select(['id', 'name']).where('id', 'in', others).execute()) names[user.id] = user.name;
  }
  return names;
}
