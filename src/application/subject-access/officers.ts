// Data protection officers (issue 21; docs/adr/0012): an administrator grants the duty to an account
// beside its role, or revokes it; both audited, as is every refusal. The grant keeps who gave it and
// when (migration 039). The use cases of subject access ask isDataProtectionOfficer first.
import { mayBeDataProtectionOfficer } from '../../domain/subject-access/officer.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import { grantToAccount, listAccountGrants, revokeFromAccount, type AccountGrant, type AccountGrantKind } from '../accounts/account-grants.ts';
import type { Actor, UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';

export type OfficerGrant = AccountGrant;
export type { GrantProblem as OfficerGrantProblem } from '../accounts/account-grants.ts';

/** Whether an administrator has made this account a data protection officer. */
export async function isDataProtectionOfficer(db: Queryable, actor: Actor): Promise<boolean> {
  if (actor.kind !== 'user' || !mayBeDataProtectionOfficer(actor.role)) return false;
  return (await db.selectFrom('data_protection_officers').select('user_id').where('user_id', '=', actor.userId).executeTakeFirst()) !== undefined;
}

const OFFICER: AccountGrantKind = {
  table: 'data_protection_officers',
  actions: { list: 'subject-access.officer.list', grant: 'subject-access.officer.grant', revoke: 'subject-access.officer.revoke' },
  mayHold: mayBeDataProtectionOfficer,
  words: {
    adminOnly: 'Only an administrator can make an account a data protection officer, or end it.',
    refusedRole: 'An administrator cannot be a data protection officer. Choose the account of the person who answers requests for their data.',
    alreadyGranted: 'That account is a data protection officer already.',
    notHeld: 'That account is not a data protection officer.',
  },
};

export const listOfficers = (ctx: AppContext, actor: UserActor) => listAccountGrants(ctx, actor, OFFICER);

/** Makes the account with this email a data protection officer. */
export const grantOfficer = (ctx: AppContext, actor: UserActor, email: string) => grantToAccount(ctx, actor, OFFICER, email);

export const revokeOfficer = (ctx: AppContext, actor: UserActor, userId: string) => revokeFromAccount(ctx, actor, OFFICER, userId);
