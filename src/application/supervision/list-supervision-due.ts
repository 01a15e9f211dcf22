// The list of cases due supervision (issue 16), for the /supervision page: each case the caller
// works on or oversees whose profile shows a high or critical finding and which has had no
// supervision within the area's period (domain/supervision/supervision-due.ts, the setting
// supervision.periodDays). A manager or a safeguarding lead sees every case their organisation works
// on; a practitioner, the cases they are in the team of; an administrator, who works on no case, is
// refused. The look and a refusal are each one audit entry (supervision.due-list).
import type { FindingSnapshot } from '../../domain/profile/profile-history.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { OVERSIGHT_ROLES } from '../../domain/access/case-access.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { supervisionDue } from '../../domain/supervision/supervision-due.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';

export interface DueCase {
  caseId: string;
  babyName: string;
  level: string;
  /** The high and critical findings the profile shows now. */
  serious: FindingSnapshot[];
  lastHeldOn: string | null;
  daysSinceLast: number | null;
}

export interface SupervisionDueView {
  /** Never supervised first, then the longest since. */
  cases: DueCase[];
  periodDays: number;
  /** Whose cases: the organisation's (oversight) or the caller's own. */
  scope: 'organisation' | 'own';
  today: string;
}

export type ListSupervisionDueResult = { ok: true; value: SupervisionDueView } | { ok: false; code: 'forbidden'; message: string };

export async function listSupervisionDue(ctx: AppContext, actor: UserActor): Promise<ListSupervisionDueResult> {
  if (actor.role === 'admin') {
    await recordAuditAlone(ctx, actor, { action: 'supervision.due-list', outcome: 'denied', subjectType: 'supervision' });
    return { ok: false, code: 'forbidden', message: 'An administrator works on no case, so has none to supervise.' };
  }
  const today = serviceToday(ctx.clock.now());
  const scope = OVERSIGHT_ROLES.includes(actor.role) ? 'organisation' : 'own';
  const teamOf = ctx.db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select('case_team.case_id');
  const caseIds = scope === 'organisation' ? teamOf.where('users.organisation_id', '=', actor.organisationId) : teamOf.where('case_team.user_id', '=', actor.userId);
  const [rows, { settings }] = await Promise.all([
    ctx.db
      .selectFrom('cases')
      .innerJoin('profile_versions', (join) => join.onRef('profile_versions.case_id', '=', 'cases.id').onRef('profile_versions.version', '=', 'cases.profile_version'))
      .leftJoin(
        (eb) => eb.selectFrom('case_supervisions').select((s) => ['case_id', s.fn.max('held_on').as('last_held_on')]).groupBy('case_id').as('latest'),
        (join) => join.onRef('latest.case_id', '=', 'cases.id'),
      )
      .select(['cases.id', 'cases.status', 'cases.given_name', 'cases.family_name', 'cases.level', 'profile_versions.findings', 'latest.last_held_on'])
      .where('cases.id', 'in', caseIds)
      .execute(),
    settingsInForce(ctx),
  ]);
  const periodDays = settings.supervisionPeriodDays;
  const cases = rows.flatMap((row): DueCase[] => {
    const findings = row.findings ?? [];
    const lastHeldOn = row.last_held_on ?? null;
    const due = supervisionDue({ findings, lastHeldOn, today, periodDays });
    if (!due.due) return [];
    return [
      {
        caseId: row.id,
        babyName: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
        level: row.level,
        serious: findings.filter((f) => f.severity === 'critical' || f.severity === 'high'),
        lastHeldOn,
        daysSinceLast: due.daysSinceLast,
      },
    ];
  });
  cases.sort((a, b) => (b.daysSinceLast ?? Infinity) - (a.daysSinceLast ?? Infinity) || a.babyName.localeCompare(b.babyName));
  await recordAuditAlone(ctx, actor, { action: 'supervision.due-list', subjectType: 'supervision', details: { scope, cases: cases.length } });
  return { ok: true, value: { cases, periodDays, scope, today } };
}
