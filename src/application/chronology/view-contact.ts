// Reading back a contact recorded with the contact form: the contact, its discussion entries, the
// profile evidence it gave and what needs attention. For the confirmation after saving; audited
// like every read of the record.
import { sql } from 'kysely';
import { contactNotices, isContactKind, type ContactDetails, type ContactNotice } from '../../domain/chronology/contact-record.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { EvidenceDirection } from '../../domain/profile/profile.types.ts';
import { personDisplayName } from '../../domain/people/relationships.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import type { AppContext } from '../context.ts';
import { entryFromRow } from './chronology-rows.ts';

export interface ContactView {
  contact: ChronologyEntry;
  details: ContactDetails;
  discussions: ChronologyEntry[];
  evidence: { factorId: string; subjectKey: string; indicates: EvidenceDirection; note: string }[];
  notices: ContactNotice[];
  /** Everyone in the record, id to name as practitioners see it. */
  names: Record<string, string>;
}

export type ViewContactResult =
  | { ok: true; value: ContactView }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string };

export async function viewContact(ctx: AppContext, actor: UserActor, caseId: string, entryId: string): Promise<ViewContactResult> {
  const exists = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!exists) return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  const access = await loadCaseAccess(ctx.db, actor, caseId, ctx.clock.now());
  if (!access.allowed) {
    await recordAuditAlone(ctx, actor, { action: 'chronology.view', outcome: 'denied', caseId, subjectType: 'chronology-entry', subjectId: entryId });
    return { ok: false, code: 'forbidden', message: 'You are not in the team around this baby.' };
  }
  const row = await ctx.db.selectFrom('chronology_entries').selectAll().where('case_id', '=', caseId).where('id', '=', entryId).executeTakeFirst();
  if (!row || !isContactKind(row.kind) || row.details['form'] !== 'contact') return { ok: false, code: 'not-found', message: 'There is no contact with this id in this chronology.' };
  const [discussions, evidence, people] = await Promise.all([
    ctx.db.selectFrom('chronology_entries').selectAll().where('case_id', '=', caseId).where(sql<string>`details->>'contactEntryId'`, '=', entryId).orderBy('kind', 'desc').execute(),
    ctx.db.selectFrom('profile_evidence').select(['factor_id', 'subject_key', 'indicates', 'note']).where('case_id', '=', caseId).where('event_id', '=', entryId).orderBy('recorded_at').orderBy('note').execute(),
    ctx.db.selectFrom('people').select(['id', 'given_name', 'family_name', 'description', 'identity_known']).where('case_id', '=', caseId).execute(),
  ]);
  await recordAuditAlone(ctx, actor, { action: 'chronology.view', caseId, subjectType: 'chronology-entry', subjectId: entryId, details: { basis: access.basis } });
  // Written by the contact form (checked above), so the details have its shape.
  const details = row.details as ContactDetails;
  return {
    ok: true,
    value: {
      contact: entryFromRow(row),
      details,
      discussions: discussions.map(entryFromRow),
      evidence: evidence.map((e) => ({ factorId: e.factor_id, subjectKey: e.subject_key, indicates: e.indicates, note: e.note })),
      notices: contactNotices(details),
      names: Object.fromEntries(
        people.map((p) => [p.id, personDisplayName({ givenName: p.given_name, familyName: p.family_name, description: p.description, identityKnown: p.identity_known })]),
      ),
    },
  };
}
