// The check in front of every administration page: only an administrator goes in. A refusal is
// audited here, once, with the page and method asked for; the use case behind each page still
// checks the permission itself and audits its own work.
import { actorMay } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

/** The page asked for: the route (its pattern, never the ids in it) and the method. */
export interface AdministrationPage {
  method: string;
  route: string;
}

export async function enterAdministration(ctx: AppContext, actor: Actor, page: AdministrationPage): Promise<Result<null, 'forbidden'>> {
  if (actorMay(actor, 'manage-accounts')) return ok(null);
  await recordAuditAlone(ctx, actor, { action: 'administration.enter', outcome: 'denied', details: { method: page.method, route: page.route } });
  return fail('forbidden', 'Only an administrator can use the administration pages.');
}
