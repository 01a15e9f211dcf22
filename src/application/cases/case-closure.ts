// Whether a case was closed for transfer, for the pages that show it (docs/domain.md, "Transfer to
// another area"): the closure its row holds (migration 050) and whom the transfer in force named to
// receive the pack there. Reads only: the refusal of a change is lock-cases-for-change.ts'.
import { closureOfCase, type ClosedForTransfer } from '../../domain/transfer/closed-for-transfer.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';

/** The closure and the receiving contact; null while the case is open. */
export type CaseClosure = (ClosedForTransfer & { contact: string | null }) | null;

/** One statement: the case's closure and the contact of its transfer not cancelled (at most one is). */
export async function readCaseClosure(db: Queryable, caseId: string): Promise<CaseClosure> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => [
      'cases.closed_for_transfer_to',
      'cases.closed_for_transfer_at',
      eb.selectFrom('case_transfers').select('contact').whereRef('case_transfers.case_id', '=', 'cases.id').where('cancelled_at', 'is', null).orderBy('sent_at', 'desc').limit(1).as('contact'),
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  const closed = row ? closureOfCase(row.closed_for_transfer_to, row.closed_for_transfer_at) : null;
  return closed ? { ...closed, contact: row?.contact ?? null } : null;
}
