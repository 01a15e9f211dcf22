// The case overview page's reading: the case, its profile, its chronology, its plan and its clocks,
// and an open proposal to change the level, behind one access check, with the chronology read once
// and one audit entry naming everything shown.
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import type { PlanVersion } from '../../domain/plan/plan.types.ts';
import { readCurrentPlan } from '../plan/plan-rows.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { readCaseClocks, type Clock } from '../timescales/case-clocks.ts';
import type { ProfileView } from '../profile/view-profile.ts';
import { readCaseForView, type CaseView, type ViewCaseResult } from './view-case.ts';
import { mayDecideLevelProposal } from '../../domain/access/level-change.ts';
import { readLevelProposals, type LevelProposal } from '../profile/level-proposals.ts';
import { retentionOfCases, type CaseRetention } from '../retention/retention-rows.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { readCaseClosure, type CaseClosure } from './case-closure.ts';

export interface CaseOverview {
  case: CaseView;
  /**
   * The profile's evaluation, for its findings, and its version: null only if the case went between
   * reading it and evaluating its profile. Not the profile page's view: the decisions on findings
   * it would read are not shown here.
   */
  profile: Pick<ProfileView, 'evaluation' | 'profileVersion'> | null;
  /** Every entry, corrected ones included, for the recent ones the page shows. */
  chronology: readonly ChronologyEntry[];
  /** The current plan, for its summary; null while there is none. */
  plan: PlanVersion | null;
  /** The timescales running or met on the service's day (application/timescales). */
  clocks: Clock[];
  /** The service's day everything here was read for. */
  today: string;
  /** An open proposal to change the level, and whether this user may accept or decline it here. */
  levelProposal: { open: LevelProposal; mayDecide: boolean } | null;
  /** Its disposal date, why, and the legal holds that reach it (application/retention). */
  retention: CaseRetention;
  /** The transfer that closed it and whom to send anything new to; null while it is open. */
  closedForTransfer: CaseClosure;
}

export type ViewCaseOverviewResult = { ok: true; value: CaseOverview } | Extract<ViewCaseResult, { ok: false }>;

export async function viewCaseOverview(ctx: AppContext, actor: UserActor, caseId: string): Promise<ViewCaseOverviewResult> {
  const opened = await readCaseForView(ctx, actor, caseId);
  if (!opened.ok) return opened;
  const { access } = opened.value;
  const today = serviceToday(ctx.clock.now());
  const dates = { bornOn: opened.value.record.dateOfBirth, expectedDeliveryOn: opened.value.record.expectedDeliveryDate };
  const read = ctx.profiles.read(ctx, caseId, opened.value.profileVersion);
  // The clocks take the chronology the profile read (kept, most often), of which they read only the entries
  // not read before (timescales/clock-entries-kept.ts), and read their meetings beside the rest.
  const [evaluated, clocks, plan, proposals, retention, closedForTransfer] = await Promise.all([
    read,
    read.then((evaluated) => readCaseClocks(ctx, caseId, today, { entries: evaluated?.stored.chronology ?? [], dates })),
    readCurrentPlan(ctx.db, caseId),
    readLevelProposals(ctx.db, caseId),
    settingsInForce(ctx).then(({ settings }) => retentionOfCases(ctx.db, [caseId], settings.retention, today)),
    readCaseClosure(ctx.db, caseId),
  ]);
  const openProposal = proposals.find((proposal) => proposal.status === 'open');
  const levelProposal = openProposal ? { open: openProposal, mayDecide: mayDecideLevelProposal(access.basis, actor.role) } : null;
  const chronology = evaluated?.stored.chronology ?? [];
  const profile = evaluated ? { evaluation: evaluated.evaluation, profileVersion: evaluated.stored.profileVersion } : null;
  const showed = [...(profile ? ['case', 'profile', 'recent-entries'] : ['case', 'recent-entries']), ...(plan ? ['plan'] : []), ...((clocks ?? []).length > 0 ? ['clocks'] : []), ...(levelProposal ? ['level-proposal'] : []), 'retention'];
  await recordAuditAlone(ctx, actor, {
    action: 'case.view',
    caseId,
    subjectType: 'case',
    subjectId: caseId,
    details: { basis: access.basis, showed, ...(profile ? { profileVersion: profile.profileVersion } : {}), ...(plan ? { planVersion: plan.version } : {}) },
  });
  return { ok: true, value: { case: opened.value, profile, chronology, plan, clocks: clocks ?? [], today, levelProposal, retention: retention.get(caseId)!, closedForTransfer } };
}
