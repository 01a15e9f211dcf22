// "Who has looked at this record": the case's audit entries, for the lead professional and the
// safeguarding leads and managers who oversee it. Emergency accesses (opening the record in an
// emergency, and anything done on that basis) and refused attempts come first; then the newest.
// Filtered by period and by kind (emergency access, refused attempts, looks, changes), 50 a page,
// with everyone who did something in the period grouped by person and organisation, with their
// place in the team now. Looking at them is itself audited, and so is a refusal.
import { sql, type ExpressionBuilder } from 'kysely';
import { mayManageTeam, type TeamRole } from '../../domain/access/case-access.ts';
import { actionsOfKind, isEmergencyAccess, type PrintedAs } from '../../domain/access/audit-words.ts';
import type { Database } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { loadCaseAccess } from './case-access.ts';

export const LOOK_PERIODS = ['all', 'day', 'week', 'month', 'year'] as const;
export type LookPeriod = (typeof LOOK_PERIODS)[number];
export const LOOK_KINDS = ['all', 'emergency', 'refused', 'looks', 'changes'] as const;
export type LookKind = (typeof LOOK_KINDS)[number];

/** Entries on one page. */
export const LOOKS_PER_PAGE = 50;

const PERIOD_DAYS: Readonly<Record<Exclude<LookPeriod, 'all'>, number>> = { day: 1, week: 7, month: 30, year: 365 };

export interface LooksFilter {
  period: LookPeriod;
  kind: LookKind;
  /** 1-based; a page past the last shows the last. */
  page: number;
}

/** Who did it: a person (with their organisation and their place in the team now), or the service. */
export interface Looker {
  name: string;
  organisation: string | null;
  /** Null for someone not in the team, and for the service itself. */
  role: TeamRole | null;
  person: boolean;
}

export interface CaseLookEntry extends Looker {
  occurredAt: Date;
  action: string;
  outcome: string;
  basis: string | null;
  emergency: boolean;
  /** For a view of the record to print: what was printed and in which form. */
  printed: PrintedAs | null;
}

export interface CaseLookPerson extends Looker {
  entries: number;
  emergencies: number;
  refusals: number;
  lastAt: Date;
}

export interface CaseLooks {
  /** The page of entries: emergency accesses and refused attempts first, then the newest. */
  entries: CaseLookEntry[];
  /** Everyone with an entry the filter keeps: those with emergency accesses or refusals first, then the latest. */
  people: CaseLookPerson[];
  page: number;
  pages: number;
  total: number;
  emergencies: number;
  refusals: number;
}

type Eb = ExpressionBuilder<Database, 'audit_log'>;
const emergency = sql<boolean>`(audit_log.action = 'case.break-glass' or audit_log.details->>'basis' = 'break-glass')`;
const refused = sql<boolean>`(audit_log.outcome = 'denied')`;
/** A person is one person whatever the channel (web or API); the service is told apart by its channel (command line or system). */
const operator = sql<string>`case when audit_log.actor_user_id is null then audit_log.channel else '' end`;

export async function listLooksAtCase(ctx: AppContext, actor: UserActor, caseId: string, filter: LooksFilter): Promise<Result<CaseLooks, 'forbidden' | 'not-found'>> {
  const exists = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!exists) return fail('not-found', 'There is no record at this address.');
  const now = ctx.clock.now();
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!mayManageTeam(access)) {
    await recordAuditAlone(ctx, actor, { action: 'case.audit-view', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return fail('forbidden', 'Only the lead professional and safeguarding leads can see who has looked at this record.');
  }
  const kept = (eb: Eb) => {
    const conditions = [eb('audit_log.case_id', '=', caseId)];
    if (filter.period !== 'all') conditions.push(eb('audit_log.occurred_at', '>=', new Date(now.getTime() - PERIOD_DAYS[filter.period] * 86_400_000)));
    if (filter.kind === 'emergency') conditions.push(eb(emergency, '=', true));
    if (filter.kind === 'refused') conditions.push(eb(refused, '=', true));
    if (filter.kind === 'looks') conditions.push(eb('audit_log.action', 'in', actionsOfKind('look')));
    if (filter.kind === 'changes') conditions.push(eb('audit_log.action', 'in', actionsOfKind('change')));
    return eb.and(conditions);
  };
  const from = () =>
    ctx.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
      .leftJoin('organisations', 'organisations.id', 'audit_log.actor_organisation_id')
      .leftJoin('case_team', (join) => join.onRef('case_team.user_id', '=', 'audit_log.actor_user_id').on('case_team.case_id', '=', caseId))
      .where(kept);
  // Who did what first: it gives the total, so the page asked for is kept within the pages there are.
  const people = await from()
    .select((eb) => [
      'audit_log.actor_user_id',
      operator.as('channel'),
      eb.fn.max('users.name').as('name'),
      eb.fn.max('organisations.name').as('organisation'),
      eb.fn.max('case_team.role').as('role'),
      eb.fn.countAll<string>().as('entries'),
      sql<string>`count(*) filter (where ${emergency})`.as('emergencies'),
      sql<string>`count(*) filter (where ${refused})`.as('refusals'),
      eb.fn.max('audit_log.occurred_at').as('last_at'),
    ])
    .groupBy(['audit_log.actor_user_id', 'audit_log.actor_organisation_id', operator])
    .execute();
  const total = people.reduce((sum, p) => sum + Number(p.entries), 0);
  const pages = Math.max(1, Math.ceil(total / LOOKS_PER_PAGE));
  const page = Math.min(Math.max(filter.page, 1), pages);
  const rows = await from()
    .select(['audit_log.occurred_at', 'audit_log.actor_user_id', 'audit_log.channel', 'audit_log.action', 'audit_log.outcome', 'audit_log.details', 'case_team.role'])
    .select(['users.name', 'organisations.name as organisation'])
    .orderBy(sql`case when ${emergency} or ${refused} then 0 else 1 end`)
    .orderBy('audit_log.seq', 'desc')
    .limit(LOOKS_PER_PAGE)
    .offset((page - 1) * LOOKS_PER_PAGE)
    .execute();
  const looker = (row: { actor_user_id: string | null; channel: string; name: string | null; organisation: string | null; role: TeamRole | null }): Looker =>
    row.actor_user_id === null
      ? { name: row.channel === 'cli' ? 'The command line' : 'The service itself', organisation: null, role: null, person: false }
      : { name: row.name ?? 'Someone whose account was removed', organisation: row.organisation, role: row.role, person: true };
  await recordAuditAlone(ctx, actor, {
    action: 'case.audit-view',
    caseId,
    subjectType: 'case',
    subjectId: caseId,
    details: { ...(access.allowed ? { basis: access.basis } : {}), ...(filter.period !== 'all' ? { period: filter.period } : {}), ...(filter.kind !== 'all' ? { kind: filter.kind } : {}), ...(page > 1 ? { page } : {}) },
  });
  const flagged = (p: CaseLookPerson) => (p.emergencies > 0 || p.refusals > 0 ? 0 : 1);
  return ok({
    entries: rows.map((r) => {
      const basis = typeof r.details['basis'] === 'string' ? r.details['basis'] : null;
      const { print, format } = r.details;
      const printed = typeof print === 'string' && typeof format === 'string' ? { print, format } : null;
      return { ...looker(r), occurredAt: r.occurred_at, action: r.action, outcome: r.outcome, basis, emergency: isEmergencyAccess(r.action, basis), printed };
    }),
    people: people
      .map((p) => ({ ...looker(p), entries: Number(p.entries), emergencies: Number(p.emergencies), refusals: Number(p.refusals), lastAt: new Date(p.last_at) }))
      .sort((a, b) => flagged(a) - flagged(b) || b.lastAt.getTime() - a.lastAt.getTime()),
    page,
    pages,
    total,
    emergencies: people.reduce((sum, p) => sum + Number(p.emergencies), 0),
    refusals: people.reduce((sum, p) => sum + Number(p.refusals), 0),
  });
}
