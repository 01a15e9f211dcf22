// The home page in one use case: the caller's open alerts and their cases (list-my-cases.ts), read
// together and audited as one look ('cases.list', with the alerts it showed), instead of two use
// cases each writing its own entry. Who the caller is was settled by signing in; which cases they see
// is decided once, by their role (their teams', or their organisation's when they oversee it).
import { readMyAlerts, type MyAlert } from '../alerts/list-alerts.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { casesListed, readMyCases, type MyCases, type MyCasesOptions } from './list-my-cases.ts';

export interface HomeView {
  /** The caller's alerts not yet acknowledged, newest first. */
  alerts: MyAlert[];
  cases: MyCases;
}

export async function viewHome(ctx: AppContext, actor: UserActor, options: MyCasesOptions = {}): Promise<HomeView> {
  const [alerts, cases] = await Promise.all([readMyAlerts(ctx.db, actor.userId, 'open'), readMyCases(ctx, actor, options)]);
  const listed = casesListed(cases, options);
  await recordAuditAlone(ctx, actor, alerts.length > 0 ? { ...listed, details: { ...listed.details, alertIds: alerts.map((a) => a.id) } } : listed);
  return { alerts, cases };
}
