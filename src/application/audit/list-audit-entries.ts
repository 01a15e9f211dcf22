// The audit trail for administrators, newest first, with filters. Looking at it is itself audited.
// The from and to days are London's, as every day the service shows. Days the domain refuses (not
// real, before 1900, a to day before the from day) are a refusal, audited naming the problems.
import { addDays } from '../../domain/shared/calendar-date.ts';
import { auditDaysProblems, type AuditDaysProblem } from '../../domain/shared/audit-filter-days.ts';
import type { AuditOutcome } from '../../domain/shared/audit-outcomes.ts';
import { londonDateTime } from '../../domain/shared/service-day.ts';
import { actorMay } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export interface AuditFilters {
  actorEmail?: string | undefined;
  action?: string | undefined;
  outcome?: AuditOutcome | undefined;
  caseId?: string | undefined;
  from?: string | undefined; // a London day (YYYY-MM-DD), inclusive: from its midnight
  to?: string | undefined; // a London day (YYYY-MM-DD), inclusive: up to the next day's midnight
  page: number;
}

export interface AuditEntryView {
  seq: string;
  occurredAt: Date;
  actorName: string | null;
  actorEmail: string | null;
  channel: string;
  action: string;
  outcome: string;
  subjectType: string | null;
  subjectId: string | null;
  caseId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditDaysRefusal = { ok: false; code: 'invalid'; message: string; problems: AuditDaysProblem[] };

/** The moment a London day begins: its midnight, at +01:00 in summer and +00:00 in winter (a day is 23 or 25 hours when the clocks change). */
function londonMidnight(day: string): Date {
  return new Date(londonDateTime(day, '00:00'));
}

export async function listAuditEntries(
  ctx: AppContext,
  actor: Actor,
  filters: AuditFilters,
): Promise<Result<{ entries: AuditEntryView[]; hasMore: boolean }, 'forbidden'> | AuditDaysRefusal> {
  if (!actorMay(actor, 'read-audit-trail')) {
    await recordAuditAlone(ctx, actor, { action: 'audit.list', outcome: 'denied' });
    return fail('forbidden', 'Only an administrator can read the audit trail.');
  }
  const problems = auditDaysProblems(filters.from, filters.to);
  if (problems.length > 0) {
    await recordAuditAlone(ctx, actor, { action: 'audit.list', outcome: 'failure', details: { reason: 'invalid-days', problems: problems.map((p) => p.code) } });
    return { ok: false, code: 'invalid', message: 'The from and to dates cannot be read: see the problems.', problems };
  }
  let query = ctx.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select([
      'audit_log.seq',
      'audit_log.occurred_at',
      'users.name as actor_name',
      'users.email as actor_email',
      'audit_log.channel',
      'audit_log.action',
      'audit_log.outcome',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.case_id',
      'audit_log.ip',
      'audit_log.details',
    ]);
  if (filters.actorEmail) query = query.where('users.email', '=', filters.actorEmail);
  if (filters.action) query = query.where('audit_log.action', '=', filters.action);
  if (filters.outcome) query = query.where('audit_log.outcome', '=', filters.outcome);
  if (filters.caseId) query = query.where('audit_log.case_id', '=', filters.caseId);
  if (filters.from) query = query.where('audit_log.occurred_at', '>=', londonMidnight(filters.from));
  if (filters.to) query = query.where('audit_log.occurred_at', '<', londonMidnight(addDays(filters.to, 1)));
  const rows = await query
    .orderBy('audit_log.seq', 'desc')
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((filters.page - 1) * AUDIT_PAGE_SIZE)
    .execute();
  const { page, ...shown } = filters;
  await recordAuditAlone(ctx, actor, { action: 'audit.list', details: { filters: shown, page } });
  return ok({
    hasMore: rows.length > AUDIT_PAGE_SIZE,
    entries: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
      seq: r.seq,
      occurredAt: r.occurred_at,
      actorName: r.actor_name,
      actorEmail: r.actor_email,
      channel: r.channel,
      action: r.action,
      outcome: r.outcome,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      caseId: r.case_id,
      ip: r.ip,
      details: r.details,
    })),
  });
}
