// The home page in one use case: the caller's open alerts and their cases (list-my-cases.ts), read
// together and audited as one look ('cases.list', with the alerts it showed), instead of two use
// cases each writing its own entry. Who the caller is was settled by signing in; which cases they see
// is decided once, by their role (their teams', or their organisation's when they oversee it).
import { readFirstOpenAlerts, type MyAlert } from '../alerts/list-alerts.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { decisionsAwaitingAnswer, type DecisionAwaitingAnswer } from '../profile/profile-decisions-awaiting.ts';
import { casesListed, readMyCases, type MyCases, type MyCasesOptions } from './list-my-cases.ts';

/** How many of the caller's open alerts the home page shows; the alerts page has them all. */
const HOME_ALERTS_SHOWN = 5;

export interface HomeView {
  /** The newest HOME_ALERTS_SHOWN of the caller's alerts not yet acknowledged, and how many are open in all. */
  alerts: { shown: MyAlert[]; open: number };
  cases: MyCases;
  /** Decisions awaiting the caller's answer as a safeguarding lead, until answered (ADR 0027, amendment); read for leads only: nobody else may answer. */
  decisionsAwaiting: DecisionAwaitingAnswer[];
}

/** The audit entry names the alerts the page shows, not those it only counts. */
export async function viewHome(ctx: AppContext, actor: UserActor, options: MyCasesOptions = {}): Promise<HomeView> {
  const [alerts, cases, decisionsAwaiting] = await Promise.all([readFirstOpenAlerts(ctx.db, actor.userId, HOME_ALERTS_SHOWN), readMyCases(ctx, actor, options), actor.role === 'safeguarding-lead' ? decisionsAwaitingAnswer(ctx.db, actor.userId) : []]);
  const listed = casesListed(cases, options);
  const shown = {
    ...(alerts.shown.length > 0 ? { alertIds: alerts.shown.map((a) => a.id) } : {}),
    ...(decisionsAwaiting.length > 0 ? { decisionsAwaiting: decisionsAwaiting.map((d) => d.decisionId) } : {}),
  };
  await recordAuditAlone(ctx, actor, Object.keys(shown).length > 0 ? { ...listed, details: { ...listed.details, ...shown } } : listed);
  return { alerts, cases, decisionsAwaiting };
}
