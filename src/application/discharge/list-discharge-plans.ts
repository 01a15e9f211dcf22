// Reading a case's discharge plans from its chronology: every current entry of kind `discharge-plan`
// (a corrected one gives way to its correction), the plan the discharge plan form kept in its
// details (an entry an agency system sent without one is listed with its summary only), the latest
// stay's plan first, each with what a page notes about it (still missing, or later than it should
// be). Also what the form needs to know: whether the baby is born and fragile, and whether the team
// has a social worker. Access as for the meetings: the team, organisation oversight and emergency
// access read them; the look, a refusal and a missing case are each one audit entry
// (discharge-plan.list). With an intent (opening the form), refused and audited unless the user
// may change the case.
import type { AccessBasis } from '../../domain/access/case-access.ts';
import { currentEntries } from '../../domain/chronology/current-entries.ts';
import { dischargePlanNotes, fragileReasons } from '../../domain/discharge/discharge-plan-rules.ts';
import type { DischargeContext, DischargePlan, FragileReason } from '../../domain/discharge/discharge-plan.types.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { dayOf } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { refusedForIntent, refusedOutsideTeam, type CaseIntent } from '../cases/case-intent.ts';
import type { AppContext } from '../context.ts';
import { dischargeContext, entryDetails, homeVisitsSeen, planFromDetails } from './discharge-plan-rows.ts';
import type { RecordedDischargePlan } from './record-discharge-plan.ts';

/** A discharge plan entry as listed: the plan when the form recorded it, or null for an entry sent without one. */
export interface ListedDischargePlan extends Omit<RecordedDischargePlan, 'plan'> {
  plan: DischargePlan | null;
  /** A later plan was recorded for the same stay (same kind, same discharge day). */
  superseded: boolean;
}

export interface DischargePlansView {
  caseId: string;
  babyName: string;
  /** The latest stay's plan first; for one stay, the latest recorded first. */
  plans: ListedDischargePlan[];
  context: DischargeContext;
  /** Why the baby is fragile, whatever the stay (a neonatal unit stay adds one). */
  fragile: FragileReason[];
  basis: AccessBasis;
  canChange: boolean;
  today: string;
}

export type ListDischargePlansResult = { ok: true; value: DischargePlansView } | { ok: false; code: 'not-found' | 'forbidden'; message: string };

const LIST = 'discharge-plan.list';

export async function listDischargePlans(ctx: AppContext, actor: UserActor, caseId: string, intent?: CaseIntent): Promise<ListDischargePlansResult> {
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const theCase = await ctx.db.selectFrom('cases').select(['status', 'given_name', 'family_name']).where('id', '=', caseId).executeTakeFirst();
  if (!theCase) {
    await recordAuditAlone(ctx, actor, { action: LIST, outcome: 'failure', subjectType: 'case', subjectId: caseId, details: { reason: 'not-found' } });
    return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  }
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed) return refusedOutsideTeam(ctx, actor, caseId, { action: LIST }, intent);
  if (await refusedForIntent(ctx, actor, caseId, access, intent)) return { ok: false, code: 'forbidden', message: 'Your access to this record does not allow this.' };
  const chronology = (await ctx.chronologies.read(ctx.db, caseId)) ?? [];
  const context = (await dischargeContext(ctx.db, caseId, today, chronology))!;
  const entries = currentEntries(chronology).filter((entry) => entry.kind === 'discharge-plan');
  const details = await entryDetails(ctx.db, caseId, entries.map((entry) => entry.id));
  const visits = homeVisitsSeen(chronology);
  const listed = entries.map((entry) => {
    const plan = planFromDetails(details.get(entry.id));
    return {
      entryId: entry.id,
      recordedOn: dayOf(entry.occurredAt) ?? entry.occurredAt,
      recordedAt: entry.recordedAt,
      recordedBy: entry.recordedBy,
      agency: entry.agency,
      summary: entry.summary,
      plan,
      notes: plan ? dischargePlanNotes(plan, today, visits) : [],
      superseded: false,
    };
  });
  const stayDay = (item: ListedDischargePlan) => item.plan?.dischargeOn ?? item.recordedOn;
  listed.sort((a, b) => (stayDay(a) === stayDay(b) ? b.recordedAt.localeCompare(a.recordedAt) : stayDay(b).localeCompare(stayDay(a))));
  const seen = new Set<string>();
  for (const item of listed) {
    if (!item.plan) continue;
    const stay = `${item.plan.stay} ${item.plan.dischargeOn}`;
    item.superseded = seen.has(stay);
    seen.add(stay);
  }
  await recordAuditAlone(ctx, actor, { action: LIST, caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, plans: listed.length } });
  return {
    ok: true,
    value: {
      caseId,
      babyName: infantDisplayName({ status: theCase.status, givenName: theCase.given_name, familyName: theCase.family_name }),
      plans: listed,
      context,
      fragile: fragileReasons(context, null),
      basis: access.basis,
      canChange: access.canChange,
      today,
    },
  };
}
