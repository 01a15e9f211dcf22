// The case's access log as the FHIR export reads it: every audit entry naming the case, newest
// first, a page at a time, with who made it and their organisation. Deciding who may read it and
// auditing that they did is export-case.ts's.
import type { AccessLogEntryForExport } from '../../domain/fhir/export/audit-event.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';

export interface AccessLogPage {
  entries: AccessLogEntryForExport[];
  /** Entries in the whole log. */
  total: number;
}

export async function readAccessLog(db: Queryable, caseId: string, page: { count: number; offset: number }): Promise<AccessLogPage> {
  const [rows, counted] = await Promise.all([
    db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
      .leftJoin('organisations', 'organisations.id', 'audit_log.actor_organisation_id')
      .select(['audit_log.id', 'audit_log.occurred_at', 'audit_log.actor_user_id', 'audit_log.channel', 'audit_log.action', 'audit_log.outcome', 'audit_log.details', 'users.name', 'organisations.name as organisation'])
      .where('audit_log.case_id', '=', caseId)
      .orderBy('audit_log.seq', 'desc')
      .limit(page.count)
      .offset(page.offset)
      .execute(),
    db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(counted.n),
    entries: rows.map((row) => {
      const { basis, print, format } = row.details;
      const person = row.actor_user_id !== null;
      return {
        id: row.id,
        occurredAt: new Date(row.occurred_at).toISOString(),
        action: row.action,
        outcome: row.outcome,
        basis: typeof basis === 'string' ? basis : null,
        printed: typeof print === 'string' && typeof format === 'string' ? { print, format } : null,
        who: person ? (row.name ?? 'Someone whose account was removed') : row.channel === 'cli' ? 'The command line' : 'The service itself',
        organisation: person ? row.organisation : null,
        person,
      };
    }),
  };
}
