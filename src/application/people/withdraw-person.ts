// Withdrawing a person added to the wrong family (issue 21), through the one way to change a case
// (cases/change-case.ts), by two people as a whole record is (cases/withdraw-case.ts): the lead
// professional proposes it with the reason; a safeguarding lead or manager who oversees the case,
// never the proposer, confirms it (domain/withdrawal/person-withdrawal.ts). The confirmation, in one
// transaction: withdraws the alerts raised by the entries only about the person, telling everyone
// they reached by email; removes the person's rows (their profile factors and evidence, their links,
// consents asked of them, the entries only about them with their disputes, any form kept about them)
// under icp.removing_case (migration 036); takes their name, NHS number and address out of everything
// else the case stored, earlier profile versions included (redact-person-mentions.ts); re-evaluates
// the profile (a 'person' version); leaves
// a tombstone in the audit chain (person.withdrawn), which redacts the entries about the person; and
// takes what concerned them out of any subject access disclosure already released (ADR 0014).
// A refusal of who is asking is audited as denied, a slip in the form as a failure; neither changes anything.
import { sql } from 'kysely';
import { decidePersonConfirmation, decidePersonProposal, entriesOnlyAbout, PERSON_WITHDRAWAL_REFUSAL_MESSAGES, type PersonWithdrawalRefusal } from '../../domain/withdrawal/person-withdrawal.ts';
import { mentionsOf } from '../../domain/withdrawal/person-mentions.ts';
import { normaliseNhsNumber } from '../../domain/people/nhs-number.ts';
import { personDisplayName } from '../../domain/people/relationships.ts';
import { sameMotherIdentity } from '../../domain/people/record-matching.ts';
import { mayPropose } from '../../domain/withdrawal/withdrawal-rules.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone, recordTombstone, type AuditEvent } from '../audit.ts';
import { refuseWhenClosedForTransfer } from '../cases/case-intent.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { changeCase, type CaseChangeOutcome, type CaseRefusal } from '../cases/change-case.ts';
import type { RemovedRows } from '../cases/remove-case-data.ts';
import { withdrawalEmails, type WithdrawalProposalView } from '../cases/withdraw-case.ts';
import { loadChronology } from '../chronology/chronology-rows.ts';
import type { AppContext } from '../context.ts';
import { removeWithdrawnPersonFromDisclosures } from '../subject-access/withdrawn-record.ts';
import { redactPersonMentions } from './redact-person-mentions.ts';
import { removeRowsPointingAtPerson } from './rows-pointing-at-person.ts';

export type PersonWithdrawalResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'refused'; refusal: PersonWithdrawalRefusal; message: string };

const NOT_FOUND = { ok: false as const, code: 'not-found' as const, message: 'There is no case with this id.' };
const FORBIDDEN = { ok: false as const, code: 'forbidden' as const, message: 'Only the team around the family can withdraw a person from this record.' };
const refusedAccess = (refusal: CaseRefusal) => (refusal.code === 'not-found' ? NOT_FOUND : FORBIDDEN);

function refused<T>(action: string, caseId: string, personId: string, refusal: PersonWithdrawalRefusal): CaseChangeOutcome<PersonWithdrawalResult<T>> {
  const audit: AuditEvent = { action, outcome: refusal === 'reason-missing' || refusal === 'reason-too-long' ? 'failure' : 'denied', caseId, subjectType: 'person', subjectId: personId, details: { reason: refusal } };
  return { changed: false, answer: { ok: false, code: 'refused', refusal, message: PERSON_WITHDRAWAL_REFUSAL_MESSAGES[refusal] }, audit };
}

async function personAndProposal(db: Tx, caseId: string, personId: string) {
  const [person, proposal] = await Promise.all([
    db.selectFrom('people').select(['given_name', 'family_name', 'nhs_number', 'address', 'date_of_birth']).where('case_id', '=', caseId).where('id', '=', personId).forUpdate().executeTakeFirst(),
    db.selectFrom('person_withdrawals').select(['reason', 'proposed_at', 'proposed_by', 'proposed_by_name']).where('case_id', '=', caseId).where('person_id', '=', personId).executeTakeFirst(),
  ]);
  return { person, proposal };
}

/** The lead professional proposes withdrawing a person on the case, with why they were added in error. */
export async function proposePersonWithdrawal(ctx: AppContext, actor: UserActor, caseId: string, personId: string, reason: string | undefined): Promise<PersonWithdrawalResult<WithdrawalProposalView>> {
  const action = 'person.withdrawal-propose';
  const intent = { action, refusalSubject: { subjectType: 'person', subjectId: personId } };
  return changeCase<PersonWithdrawalResult<WithdrawalProposalView>>(ctx, actor, caseId, intent, refusedAccess, async ({ trx, recorder, record, now }) => {
    const { person, proposal } = await personAndProposal(trx, caseId, personId);
    const decided = decidePersonProposal({ userId: actor.userId, role: actor.role, basis: record.basis }, person !== undefined, proposal ? { proposedBy: proposal.proposed_by } : null, reason);
    if (!decided.ok) return refused(action, caseId, personId, decided.refusal);
    await trx.insertInto('person_withdrawals').values({ case_id: caseId, person_id: personId, reason: decided.value.reason, proposed_at: now, proposed_by: actor.userId, proposed_by_name: recorder.name }).execute();
    const view: WithdrawalProposalView = { reason: decided.value.reason, proposedAt: now, proposedBy: actor.userId, proposedByName: recorder.name };
    return {
      changed: true,
      version: null,
      entriesAdded: [],
      audit: () => ({ action, caseId, subjectType: 'person', subjectId: personId }),
      answer: () => ({ ok: true, value: view }),
    };
  });
}

export interface PersonWithdrawalConfirmed {
  /** The chronology entries removed with the person (only about them). */
  entriesRemoved: number;
  /** The alerts those entries raised, withdrawn with them, and the emails that say so. */
  alertsWithdrawn: number;
  emailsSent: number;
  /** The profile version the withdrawal wrote. */
  profileVersion: number;
}

/** Removes the person's rows, children before parents; what was removed, by table, for the tombstone. */
async function removePersonData(trx: Tx, caseId: string, personId: string, entryIds: readonly string[]): Promise<RemovedRows> {
  await sql`SELECT set_config('icp.removing_case', ${caseId}, true)`.execute(trx);
  const removed: RemovedRows = {};
  const count = (table: string, rows: bigint | number | undefined) => {
    if (rows !== undefined && Number(rows) > 0) removed[table] = (removed[table] ?? 0) + Number(rows);
  };
  count('kept_forms', (await trx.deleteFrom('kept_forms').where('path', 'like', `/cases/${caseId}/people/${personId}%`).executeTakeFirst()).numDeletedRows);
  if (entryIds.length > 0) {
    const alerts = trx.selectFrom('alerts').select('id').where('case_id', '=', caseId).where('entry_id', 'in', entryIds);
    count('outbox', (await trx.deleteFrom('outbox').where('alert_id', 'in', alerts).executeTakeFirst()).numDeletedRows);
    count('alert_recipients', (await trx.deleteFrom('alert_recipients').where('alert_id', 'in', alerts).executeTakeFirst()).numDeletedRows);
    count('alerts', (await trx.deleteFrom('alerts').where('case_id', '=', caseId).where('entry_id', 'in', entryIds).executeTakeFirst()).numDeletedRows);
    count('chronology_disputes', (await trx.deleteFrom('chronology_disputes').where('case_id', '=', caseId).where('entry_id', 'in', entryIds).executeTakeFirst()).numDeletedRows);
    count('profile_evidence', (await trx.deleteFrom('profile_evidence').where('case_id', '=', caseId).where('event_id', 'in', entryIds).executeTakeFirst()).numDeletedRows);
    count('chronology_entries', (await trx.deleteFrom('chronology_entries').where('case_id', '=', caseId).where('id', 'in', entryIds).executeTakeFirst()).numDeletedRows);
  }
  count('profile_evidence', (await trx.deleteFrom('profile_evidence').where('case_id', '=', caseId).where('subject_key', '=', personId).executeTakeFirst()).numDeletedRows);
  count('profile_assessments', (await trx.deleteFrom('profile_assessments').where('case_id', '=', caseId).where((eb) => eb.or([eb('subject_key', '=', personId), eb('person_id', '=', personId)])).executeTakeFirst()).numDeletedRows);
  // A link to another person, a consent asked of them, the proposal to withdraw them, a FHIR import's
  // proposal decided as them: every row with a foreign key to the person, found from the schema.
  for (const [table, rows] of Object.entries(await removeRowsPointingAtPerson(trx, caseId, personId))) count(table, rows);
  count('people', (await trx.deleteFrom('people').where('case_id', '=', caseId).where('id', '=', personId).executeTakeFirst()).numDeletedRows);
  await sql`SELECT set_config('icp.removing_case', '', true)`.execute(trx);
  return removed;
}

/** A safeguarding lead or manager overseeing the case, not the proposer, confirms: the person is removed from the record. */
export async function confirmPersonWithdrawal(ctx: AppContext, actor: UserActor, caseId: string, personId: string): Promise<PersonWithdrawalResult<PersonWithdrawalConfirmed>> {
  const action = 'person.withdrawal-confirm';
  const intent = { action, refusalSubject: { subjectType: 'person', subjectId: personId } };
  return changeCase<PersonWithdrawalResult<PersonWithdrawalConfirmed>>(ctx, actor, caseId, intent, refusedAccess, async ({ trx, record, now }) => {
    const { person, proposal } = await personAndProposal(trx, caseId, personId);
    const decided = decidePersonConfirmation({ userId: actor.userId, role: actor.role, basis: record.basis }, person !== undefined, proposal ? { proposedBy: proposal.proposed_by } : null);
    if (!decided.ok || person === undefined || proposal === undefined) return refused(action, caseId, personId, decided.ok ? 'no-proposal' : decided.refusal);
    const entryIds = entriesOnlyAbout(await loadChronology(trx, caseId), personId);
    const reached = entryIds.length === 0
      ? []
      : await trx
          .selectFrom('alerts')
          .innerJoin('alert_recipients', 'alert_recipients.alert_id', 'alerts.id')
          .innerJoin('users', 'users.id', 'alert_recipients.user_id')
          .select(['alerts.id', 'alerts.reason', 'alerts.finding_id', 'alerts.severity', 'alerts.raised_at', 'users.email'])
          .where('alerts.case_id', '=', caseId)
          .where('alerts.entry_id', 'in', entryIds)
          .orderBy('alerts.raised_at')
          .orderBy('alerts.id')
          .execute();
    const emails = withdrawalEmails(ctx, reached, `${caseId}/${personId}`, now, 'person');
    const alertsWithdrawn = new Set(reached.map((r) => r.id)).size;
    const staying = await Promise.all([
      trx.selectFrom('cases').select(['given_name', 'family_name', 'address']).where('id', '=', caseId).execute(),
      trx.selectFrom('people').select(['given_name', 'family_name', 'address']).where('case_id', '=', caseId).where('id', '!=', personId).execute(),
    ]);
    const mentions = mentionsOf({ givenName: person.given_name, familyName: person.family_name, nhsNumber: person.nhs_number, address: person.address }, staying.flat().map((p) => ({ givenName: p.given_name, familyName: p.family_name, address: p.address })));
    const removed = await removePersonData(trx, caseId, personId, entryIds);
    // What stays but named them: earlier profile versions and their findings, alerts, entries about them and others, notes.
    const redacted = await redactPersonMentions(trx, caseId, mentions);
    // The withdrawn person as the baby's mother on the case itself: her NHS number there would still find
    // this baby when hers is searched for (search-cases.ts), tying her to the family she was never part of.
    let caseRowRedacted = false;
    if (person.nhs_number) {
      const numbers = [...new Set([person.nhs_number, normaliseNhsNumber(person.nhs_number)])];
      const cleared = await trx.updateTable('cases').set({ mother_nhs_number: null }).where('id', '=', caseId).where('mother_nhs_number', 'in', numbers).executeTakeFirst();
      caseRowRedacted = Number(cleared.numUpdatedRows) > 0;
    }
    // Her name and date of birth given as the mother's when the record was made find this baby too (likely duplicates).
    if (await clearMotherIdentityIfHers(trx, caseId, person)) caseRowRedacted = true;
    if (caseRowRedacted) redacted['cases'] = (redacted['cases'] ?? 0) + 1;
    // The entries that stay, as they now read, so the chronology kept in memory reads them so too.
    const entriesChanged = redacted['chronology_entries'] ? await loadChronology(trx, caseId) : [];
    if (emails.length > 0) await trx.insertInto('outbox').values(emails).execute();
    await recordTombstone(
      trx,
      ctx,
      actor,
      {
        action: 'person.withdrawn',
        caseId,
        subjectType: 'person',
        subjectId: personId,
        details: { proposedBy: proposal.proposed_by, proposedAt: proposal.proposed_at.toISOString(), confirmedBy: actor.userId, confirmedAt: now.toISOString(), removed, redacted, alertsWithdrawn },
      },
      { caseId, personId, mentions: [person.given_name, person.family_name, person.nhs_number, person.address].filter((text): text is string => typeof text === 'string' && text.trim().length >= 3) },
    );
    await removeWithdrawnPersonFromDisclosures(trx, ctx, actor, caseId, personId);
    const confirmed = (profileVersion: number): PersonWithdrawalConfirmed => ({ entriesRemoved: entryIds.length, alertsWithdrawn, emailsSent: emails.length, profileVersion });
    return {
      changed: true,
      version: { kind: 'person', change: { summary: 'Person withdrawn: added to the wrong family', personId, removed }, why: null },
      entriesAdded: [],
      entriesRemoved: entryIds,
      entriesChanged,
      audit: ({ profileVersion }) => ({ action, caseId, subjectType: 'person', subjectId: personId, details: { entriesRemoved: entryIds.length, alertsWithdrawn, emails: emails.length, profileVersion } }),
      answer: ({ profileVersion }) => ({ ok: true, value: confirmed(profileVersion) }),
    };
  });
}

export interface PersonWithdrawalView {
  /** The person's name as the team knows it, for the page's heading. */
  personName: string;
  proposal: WithdrawalProposalView | null;
  mayPropose: boolean;
  mayConfirm: boolean;
}

/** The proposal waiting on a person, for the pages: to anyone who may change the case (read audited). */
export async function viewPersonWithdrawal(ctx: AppContext, actor: UserActor, caseId: string, personId: string): Promise<{ ok: true; value: PersonWithdrawalView } | { ok: false; code: 'not-found' | 'forbidden'; message: string }> {
  const exists = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!exists) return NOT_FOUND;
  const access = await loadCaseAccess(ctx.db, actor, caseId, ctx.clock.now());
  const about = { action: 'person.withdrawal-view', caseId, subjectType: 'person', subjectId: personId };
  if (!access.allowed || !access.canChange) {
    await recordAuditAlone(ctx, actor, { ...about, outcome: 'denied' });
    return FORBIDDEN;
  }
  await refuseWhenClosedForTransfer(ctx, actor, caseId, { action: about.action, need: 'change' });
  const [person, row] = await Promise.all([
    ctx.db.selectFrom('people').select(['given_name', 'family_name', 'description', 'identity_known']).where('case_id', '=', caseId).where('id', '=', personId).executeTakeFirst(),
    ctx.db.selectFrom('person_withdrawals').select(['reason', 'proposed_at', 'proposed_by', 'proposed_by_name']).where('case_id', '=', caseId).where('person_id', '=', personId).executeTakeFirst(),
  ]);
  if (!person) {
    await recordAuditAlone(ctx, actor, { ...about, outcome: 'failure', details: { reason: 'not-on-case' } });
    return { ok: false, code: 'not-found', message: PERSON_WITHDRAWAL_REFUSAL_MESSAGES['not-on-case'] };
  }
  await recordAuditAlone(ctx, actor, { ...about, details: { basis: access.basis, proposed: row !== undefined } });
  const requester = { userId: actor.userId, role: actor.role, basis: access.basis };
  const existing = row ? { proposedBy: row.proposed_by } : null;
  return {
    ok: true,
    value: {
      personName: personDisplayName({ givenName: person.given_name, familyName: person.family_name, description: person.description, identityKnown: person.identity_known }),
      proposal: row ? { reason: row.reason, proposedAt: row.proposed_at, proposedBy: row.proposed_by, proposedByName: row.proposed_by_name } : null,
      mayPropose: mayPropose(requester, existing).ok,
      mayConfirm: decidePersonConfirmation(requester, true, existing).ok,
    },
  };
}

/** Clears the mother's name and date of birth kept on the case (docs/domain.md, "Likely duplicates") when they are the withdrawn person's: whether it did. */
async function clearMotherIdentityIfHers(trx: Tx, caseId: string, person: { given_name: string | null; family_name: string | null; date_of_birth: string | null }): Promise<boolean> {
  const kept = await trx.selectFrom('cases').select(['mother_given_name', 'mother_family_name', 'mother_date_of_birth']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const hers = sameMotherIdentity(
    { givenName: kept.mother_given_name, familyName: kept.mother_family_name, dateOfBirth: kept.mother_date_of_birth },
    { givenName: person.given_name, familyName: person.family_name, dateOfBirth: person.date_of_birth },
  );
  if (!hers) return false;
  await trx.updateTable('cases').set({ mother_given_name: null, mother_family_name: null, mother_date_of_birth: null }).where('id', '=', caseId).execute();
  return true;
}
