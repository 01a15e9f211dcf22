// A released disclosure when what it drew on is withdrawn as made in error (issue 21, ADR 0014): the
// disclosure stays as the organisation's record of its answer, but what it disclosed from a record
// about the wrong baby, or about a person added to the wrong family, was about someone else, so its
// stored copy loses those items. Each is replaced by a line that says it was removed after release
// and why (the tombstone in the disclosure itself, so its PDF shows it), and one audit entry for each
// disclosure says how many went. Called by the withdrawal's confirmation, in its transaction, after
// the withdrawal's tombstone (which redacts every entry naming the record or person before it).
import { sql } from 'kysely';
import type { ReleasedItem } from '../../domain/subject-access/apply-decisions.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';

export const REMOVED_HEADING = 'Removed after release';
export const REMOVED_WORDS = 'The record it came from was withdrawn as made in error: it was about someone else';
export const REMOVED_PERSON_WORDS = 'The person it was about was withdrawn from the record as added to the wrong family';

interface Removal {
  /** A JSON array that every disclosure holding such an item contains (jsonb @>), so only those are read. */
  contains: object[];
  removes: (item: ReleasedItem) => boolean;
  words: string;
  audit: { action: string; details: Record<string, unknown> };
}

async function removeFromDisclosures(trx: Tx, ctx: AppContext, actor: UserActor, removal: Removal): Promise<number> {
  const releases = await trx
    .selectFrom('subject_access_releases')
    .select(['request_id', 'disclosure'])
    .where(sql<boolean>`disclosure @> ${JSON.stringify(removal.contains)}::jsonb`)
    .forUpdate()
    .execute();
  for (const release of releases) {
    const items = release.disclosure as ReleasedItem[];
    const kept = items.map((item): ReleasedItem => (removal.removes(item) ? { caseId: item.caseId, section: item.section, heading: REMOVED_HEADING, text: '', withheld: removal.words, aboutPeople: [] } : item));
    // The one change a released disclosure ever takes (its column is insert-only to the query builder).
    await sql`UPDATE subject_access_releases SET disclosure = ${JSON.stringify(kept)}::jsonb WHERE request_id = ${release.request_id}`.execute(trx);
    const itemsRemoved = items.filter(removal.removes).length;
    await recordAudit(trx, ctx, actor, { action: removal.audit.action, subjectType: 'subject-access-request', subjectId: release.request_id, details: { ...removal.audit.details, itemsRemoved } });
  }
  return releases.length;
}

/** Strips the withdrawn case's items from every released disclosure that holds any; how many disclosures changed. */
export async function removeWithdrawnCaseFromDisclosures(trx: Tx, ctx: AppContext, actor: UserActor, caseId: string): Promise<number> {
  return removeFromDisclosures(trx, ctx, actor, {
    contains: [{ caseId }],
    removes: (item) => item.caseId === caseId,
    words: REMOVED_WORDS,
    audit: { action: 'subject-access.disclosure-withdrawn', details: { withdrawnCase: caseId } },
  });
}

/**
 * Strips the items that concern a person withdrawn from a case (their details, what was about them,
 * what named them) from every released disclosure that holds any; the case's other items stay as
 * released. An item released before whom it concerns was kept, that migration 053 could not place,
 * stays. How many disclosures changed.
 */
export async function removeWithdrawnPersonFromDisclosures(trx: Tx, ctx: AppContext, actor: UserActor, caseId: string, personId: string): Promise<number> {
  return removeFromDisclosures(trx, ctx, actor, {
    contains: [{ caseId, aboutPeople: [personId] }],
    removes: (item) => item.caseId === caseId && (item.aboutPeople ?? []).includes(personId),
    words: REMOVED_PERSON_WORDS,
    audit: { action: 'subject-access.disclosure-person-withdrawn', details: { withdrawnCase: caseId, withdrawnPerson: personId } },
  });
}
