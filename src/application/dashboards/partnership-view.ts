// The partnership view (issue 16): an administrator grants an account the partnership's dashboard,
// or revokes it; both audited, as is a refusal. The grant keeps who gave it and when (migration 031).
import { mayHoldPartnershipView } from '../../domain/dashboards/dashboard-access.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import { grantToAccount, listAccountGrants, revokeFromAccount, type AccountGrant, type AccountGrantKind } from '../accounts/account-grants.ts';
import type { UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';

export type PartnershipViewGrant = AccountGrant;
export type { GrantProblem } from '../accounts/account-grants.ts';

/** Whether an administrator has granted this account the partnership view. */
export async function hasPartnershipView(db: Queryable, userId: string): Promise<boolean> {
  return (await db.selectFrom('partnership_view_grants').select('user_id').where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

const PARTNERSHIP_VIEW: AccountGrantKind = {
  table: 'partnership_view_grants',
  actions: { list: 'partnership-view.list', grant: 'partnership-view.grant', revoke: 'partnership-view.revoke' },
  mayHold: mayHoldPartnershipView,
  words: {
    adminOnly: 'Only an administrator can grant or revoke the partnership view.',
    refusedRole: 'An administrator works on no case, so cannot hold the partnership view. Choose a manager’s, a safeguarding lead’s or a practitioner’s account.',
    alreadyGranted: 'That account has the partnership view already.',
    notHeld: 'That account does not hold the partnership view.',
  },
};

export const listPartnershipViews = (ctx: AppContext, actor: UserActor) => listAccountGrants(ctx, actor, PARTNERSHIP_VIEW);

/** Grants the view to the account with this email. */
export const grantPartnershipView = (ctx: AppContext, actor: UserActor, email: string) => grantToAccount(ctx, actor, PARTNERSHIP_VIEW, email);

export const revokePartnershipView = (ctx: AppContext, actor: UserActor, userId: string) => revokeFromAccount(ctx, actor, PARTNERSHIP_VIEW, userId);
