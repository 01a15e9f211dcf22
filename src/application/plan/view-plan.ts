// Reading a case's plan: the access check (as for the case and the profile: the team, organisation
// oversight and emergency access read it), the plan as it stands, the check items the profile
// suggests today, the last answer to each of its check items (when, by whom for which agency, what
// was found), the state of each visiting commitment (kept, due, overdue: domain/plan/visiting-pattern.ts,
// from the chronology the profile was evaluated from, not read again), and who the people and owners
// it names are; one audit entry for the look, and a
// refusal or a missing case audited too. Someone outside the team sees nothing of it.
import { lastChecks, type RecordedCheck } from '../../domain/plan/plan-checks.ts';
import { suggestCheckItems, type SuggestedCheckItem } from '../../domain/plan/suggested-checks.ts';
import { visitingPattern, type VisitState } from '../../domain/plan/visiting-pattern.ts';
import type { PlanVersion } from '../../domain/plan/plan.types.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { AccessBasis } from '../../domain/access/case-access.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { refusedForIntent, refusedOutsideTeam, type CaseIntent } from '../cases/case-intent.ts';
import type { AppContext } from '../context.ts';
import { readRecordedChecks } from './plan-check-rows.ts';
import { readCurrentPlan } from './plan-rows.ts';

export interface PlanTeamMember {
  userId: string;
  name: string;
  organisationName: string;
  organisationKind: string;
  role: 'lead-professional' | 'member';
}

export interface PlanView {
  caseId: string;
  babyName: string;
  born: boolean;
  /** The case's level of support (a new plan serves it unless the user says otherwise). */
  caseLevel: string;
  /** Null while the case has no plan (version 0). */
  plan: PlanVersion | null;
  /** The latest answer to each of the plan's check items, by item id; an item never answered has none. */
  lastChecks: Record<string, RecordedCheck>;
  /** Whether each of the plan's visiting commitments was kept, in the plan's order, on the service's day. */
  visits: VisitState[];
  /** What the profile suggests checking today, whether or not the plan has it yet. */
  suggestions: SuggestedCheckItem[];
  /** Everyone in the record, by id, as shown to practitioners. */
  people: { id: string; name: string }[];
  team: PlanTeamMember[];
  /** The name of every account an action is owned by, the team's and others'. */
  ownerNames: Record<string, string>;
  basis: AccessBasis;
  canChange: boolean;
  /** The service's day: what is overdue is counted from it. */
  today: string;
}

export type ViewPlanResult = { ok: true; value: PlanView } | { ok: false; code: 'not-found' | 'forbidden'; message: string };

/** The plan; with an intent (opening the form to change it), refused and audited unless the user may change the case. */
export async function viewPlan(ctx: AppContext, actor: UserActor, caseId: string, intent?: CaseIntent): Promise<ViewPlanResult> {
  const now = ctx.clock.now();
  const notFound = async (): Promise<ViewPlanResult> => {
    await recordAuditAlone(ctx, actor, { action: 'plan.view', outcome: 'failure', subjectType: 'plan', subjectId: caseId, details: { reason: 'not-found' } });
    return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  };
  if (!(await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) return notFound();
  // Access first: someone outside the team never has the profile evaluated for them.
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed) return refusedOutsideTeam(ctx, actor, caseId, { action: 'plan.view', subjectType: 'plan' }, intent);
  if (await refusedForIntent(ctx, actor, caseId, access, intent)) return { ok: false, code: 'forbidden', message: 'Your access to this record does not allow this.' };
  const evaluated = await ctx.profiles.read(ctx, caseId);
  if (!evaluated) return notFound();

  const [plan, team] = await Promise.all([
    readCurrentPlan(ctx.db, caseId),
    ctx.db
      .selectFrom('case_team')
      .innerJoin('users', 'users.id', 'case_team.user_id')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['users.id as userId', 'users.name', 'organisations.name as organisationName', 'organisations.kind as organisationKind', 'case_team.role'])
      .where('case_team.case_id', '=', caseId)
      .orderBy('case_team.role')
      .orderBy('users.name')
      .execute(),
  ]);
  const checks = plan === null ? [] : await readRecordedChecks(ctx.db, caseId);
  const ownerNames: Record<string, string> = Object.fromEntries(team.map((member) => [member.userId, member.name]));
  const others = [...new Set((plan?.actions ?? []).flatMap((action) => ('userId' in action.owner ? [action.owner.userId] : [])))].filter((id) => !(id in ownerNames));
  if (others.length > 0) {
    for (const user of await ctx.db.selectFrom('users').select(['id', 'name']).where('id', 'in', others).execute()) ownerNames[user.id] = user.name;
  }
  const { facts } = evaluated.stored;
  const born = facts.infant.status === 'born';
  const today = serviceToday(now);
  await recordAuditAlone(ctx, actor, { action: 'plan.view', caseId, subjectType: 'plan', subjectId: caseId, details: { basis: access.basis, planVersion: plan?.version ?? 0 } });
  return {
    ok: true,
    value: {
      caseId,
      babyName: evaluated.evaluation.subjects.find((s) => s.subject === 'infant')?.name ?? facts.infant.name ?? 'the baby',
      born,
      caseLevel: evaluated.stored.level,
      plan,
      lastChecks: Object.fromEntries(lastChecks(plan, checks)),
      visits: visitingPattern(plan?.visits ?? [], evaluated.stored.chronology, today),
      suggestions: suggestCheckItems(evaluated.evaluation, { born }),
      people: facts.people.map((p) => ({ id: p.id, name: p.name })),
      team,
      ownerNames,
      basis: access.basis,
      canChange: access.canChange,
      today,
    },
  };
}
