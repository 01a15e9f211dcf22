// The transfer pack of a case closed for transfer (issue 21): its FHIR Bundle, made from the record as
// it stands (domain/transfer/transfer-pack.ts): the FHIR export's resources (issue 15) but the access
// log, which is about who looked here and goes nowhere, the link to the PDF of the profile, plan and
// chronology (the printable transfer pack), and the transfer record another instance rebuilds the
// case from. Behind the export's access check, and audited as the export audits a look at the record.
import { transferBundle, type TransferBundle } from '../../domain/transfer/transfer-pack.ts';
import { EXPORTED_RESOURCE_TYPES } from '../../domain/fhir/export/uk-core.ts';
import type { UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { exportCaseFhir } from '../fhir/export-case.ts';
import { fail, ok, type Result } from '../result.ts';
import { transferRecordOf } from './transfer-record-of-case.ts';

export type TransferPackResult = Result<TransferBundle, 'not-found' | 'forbidden' | 'not-transferred'>;

/** The pack of the case's newest transfer, identified by that transfer; `pdfUrl` is where the sending service makes its PDF. */
export async function makeTransferPack(ctx: AppContext, actor: UserActor, caseId: string, pdfUrl: string): Promise<TransferPackResult> {
  const row = await ctx.db.selectFrom('case_transfers').select(['id', 'from_area', 'to_area', 'contact', 'sent_at']).where('case_id', '=', caseId).orderBy('sent_at', 'desc').orderBy('cancelled_at', 'desc').executeTakeFirst();
  const exported = await exportCaseFhir(ctx, actor, caseId, { kind: 'everything' });
  if (!exported.ok) return exported;
  if (!row) return fail('not-transferred', 'This case has not been closed for transfer, so it has no transfer pack.');
  const record = await transferRecordOf(ctx.db, ctx, caseId, { fromArea: row.from_area, toArea: row.to_area, contact: row.contact, sentAt: row.sent_at });
  const resources = EXPORTED_RESOURCE_TYPES.filter((type) => type !== 'AuditEvent').flatMap((type) => exported.value.resources[type] ?? []);
  return ok(transferBundle(row.id, record, resources, pdfUrl));
}
