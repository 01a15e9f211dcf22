// The partnership's organisations by name, for choosing one when adding an account. Only those who
// manage accounts may list them; a refusal is audited. Names alone are not audited when read.
import { actorMay } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export interface OrganisationChoice {
  id: string;
  name: string;
}

export async function listOrganisations(ctx: AppContext, actor: Actor): Promise<Result<OrganisationChoice[], 'forbidden'>> {
  if (!actorMay(actor, 'manage-accounts')) {
    await recordAuditAlone(ctx, actor, { action: 'organisations.list', outcome: 'denied' });
    return fail('forbidden', 'Only an administrator can add accounts.');
  }
  return ok(await ctx.db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute());
}
