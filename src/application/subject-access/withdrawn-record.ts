// A released disclosure when the record it came from is withdrawn as made in error (issue 21, ADR
// 0014): the disclosure stays as the organisation's record of its answer, but what it disclosed from
// that record was about the wrong baby, so its stored copy loses those items. Each is replaced by a
// line that says it was removed after release and why (the tombstone in the disclosure itself, so
// its PDF shows it), and one audit entry for each disclosure says how many went. Called by the
// withdrawal's confirmation, in its transaction, after the case's tombstone (which redacts every
// entry naming the case before it).
import { sql } from 'kysely';
import type { ReleasedItem } from '../../domain/subject-access/apply-decisions.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';

export const REMOVED_HEADING = 'Removed after release';
export const REMOVED_WORDS = 'The record it came from was withdrawn as made in error: it was about someone else';

/** Strips the withdrawn case's items from every released disclosure that holds any; how many disclosures changed. */
export async function removeWithdrawnCaseFromDisclosures(trx: Tx, ctx: AppContext, actor: UserActor, caseId: string): Promise<number> {
  const releases = await trx
    .selectFrom('subject_access_releases')
    .select(['request_id', 'disclosure'])
    .where(sql<boolean>`disclosure @> ${JSON.stringify([{ caseId }])}::jsonb`)
    .forUpdate()
    .execute();
  for (const release of releases) {
    const items = release.disclosure as ReleasedItem[];
    const kept = items.map((item): ReleasedItem => (item.caseId === caseId ? { caseId, section: item.section, heading: REMOVED_HEADING, text: '', withheld: REMOVED_WORDS } : item));
    // The one change a released disclosure ever takes (its column is insert-only to the query builder).
    await sql`UPDATE subject_access_releases SET disclosure = ${JSON.stringify(kept)}::jsonb WHERE request_id = ${release.request_id}`.execute(trx);
    await recordAudit(trx, ctx, actor, { action: 'subject-access.disclosure-withdrawn', subjectType: 'subject-access-request', subjectId: release.request_id, details: { withdrawnCase: caseId, itemsRemoved: items.filter((item) => item.caseId === caseId).length } });
  }
  return releases.length;
}
