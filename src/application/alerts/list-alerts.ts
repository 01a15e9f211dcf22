// The caller's own alerts, newest first, with the baby's name and the counts the pages show.
// Reading them is audited; the header's count is not (a number, no record in it).
import { sql } from 'kysely';
import type { AlertReason, ReachedAs } from '../../domain/alerts/alert.types.ts';
import { alertTitle } from '../../domain/alerts/alert-words.ts';
import { acknowledgedAutomatically } from '../../domain/alerts/escalation.ts';
import type { Severity } from '../../domain/catalogue/finding-definitions.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';

export type AlertStatus = 'open' | 'all';

/** "All" lists this many of the newest; the counts still count every one. */
export const ALL_ALERTS_SHOWN = 100;

export interface MyAlert {
  id: string;
  caseId: string;
  caseName: string;
  reason: AlertReason;
  title: string;
  severity: Severity;
  message: string;
  steps: string[];
  findingId: string | null;
  raisedAt: Date;
  escalatedAt: Date | null;
  /** Said on the alert when its escalation found no safeguarding lead to reach (escalate-alerts.ts); null otherwise. */
  escalationUnreached: string | null;
  /** For a request for a decision's answer: the decision to confirm or overturn (ADR 0027, amendment); null otherwise. */
  decisionId: string | null;
  reachedAs: ReachedAs;
  acknowledgedAt: Date | null;
  acknowledgedNote: string | null;
  /** The caller raised it, so it was acknowledged for them. */
  acknowledgedAutomatically: boolean;
}

export interface MyAlerts {
  alerts: MyAlert[];
  counts: { open: number; all: number };
}

/** How many alerts wait for the user's acknowledgement: one indexed count, for every page's header. */
export async function countOpenAlerts(ctx: AppContext, userId: string): Promise<number> {
  const row = await ctx.db.selectFrom('alert_recipients').select((eb) => eb.fn.countAll<string>().as('open')).where('user_id', '=', userId).where('acknowledged_at', 'is', null).executeTakeFirst();
  return Number(row?.open ?? 0);
}

/** What the alerts page counts. */
function alertCountsQuery(db: Queryable, userId: string) {
  return db
    .selectFrom('alert_recipients')
    .select([sql<string>`count(*) filter (where acknowledged_at is null)`.as('open'), sql<string>`count(*)`.as('all')])
    .where('user_id', '=', userId);
}

/** Critical first, then high, then the rest: the order of alerts raised at the same moment. */
const severityRank = (column: string) => sql`case ${sql.ref(column)} when 'critical' then 0 when 'high' then 1 else 2 end`;

/**
 * The user's alerts, newest first: the open ones (all, or the first `first`), or all of them up to
 * ALL_ALERTS_SHOWN: what the alerts page and the home page send.
 */
function myAlertsQuery(db: Queryable, userId: string, status: AlertStatus, first?: number) {
  const query = db
    .selectFrom('alert_recipients')
    .innerJoin('alerts', 'alerts.id', 'alert_recipients.alert_id')
    .innerJoin('cases', 'cases.id', 'alerts.case_id')
    .select([
      'alerts.id',
      'alerts.case_id',
      'alerts.reason',
      'alerts.severity',
      'alerts.message',
      'alerts.steps',
      'alerts.finding_id',
      'alerts.raised_at',
      'alerts.escalated_at',
      'alerts.escalation_unreached',
      'alerts.decision_id',
      'alert_recipients.reached_as',
      'alert_recipients.acknowledged_at',
      'alert_recipients.acknowledged_note',
      'cases.status',
      'cases.given_name',
      'cases.family_name',
    ])
    .where('alert_recipients.user_id', '=', userId)
    .orderBy('alerts.raised_at', 'desc')
    .orderBy(severityRank('alerts.severity'))
    .orderBy('alerts.id');
  if (status === 'all') return query.limit(ALL_ALERTS_SHOWN);
  const open = query.where('alert_recipients.acknowledged_at', 'is', null);
  return first === undefined ? open : open.limit(first);
}

/**
 * What listMyAlerts sends: its counts' one row, and on it each of the user's alerts (myAlertsQuery), in its order;
 * with no alert, the counts alone (the alert's columns null). One statement, not the alerts and then the counts.
 */
function alertsPageQuery(db: Queryable, userId: string, status: AlertStatus) {
  return db
    .selectFrom(alertCountsQuery(db, userId).as('counts'))
    .leftJoin(myAlertsQuery(db, userId, status).as('alert'), (join) => join.onTrue())
    .selectAll('alert')
    .select(['counts.open as open_total', 'counts.all as all_total'])
    .orderBy('alert.raised_at', 'desc')
    .orderBy(severityRank('alert.severity'))
    .orderBy('alert.id');
}

type AlertRow = Awaited<ReturnType<ReturnType<typeof myAlertsQuery>['execute']>>[number];

/** What readFirstOpenAlerts sends: the first `first` open alerts, each row with the count of all of them. */
function firstOpenAlertsQuery(db: Queryable, userId: string, first: number) {
  return myAlertsQuery(db, userId, 'open', first).select(sql<string>`count(*) over ()`.as('open_total'));
}

/** The user's first `first` open alerts, newest first, and how many are open in all, in one statement; not audited. */
export async function readFirstOpenAlerts(db: Queryable, userId: string, first: number): Promise<{ shown: MyAlert[]; open: number }> {
  const rows = await firstOpenAlertsQuery(db, userId, first).execute();
  return { shown: rows.map(alertFromRow), open: Number(rows[0]?.open_total ?? 0) };
}

function alertFromRow(row: AlertRow): MyAlert {
  return {
    id: row.id,
    caseId: row.case_id,
    caseName: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
    reason: row.reason,
    title: alertTitle(row.reason, row.finding_id),
    severity: row.severity,
    message: row.message,
    steps: row.steps,
    findingId: row.finding_id,
    raisedAt: row.raised_at,
    escalatedAt: row.escalated_at,
    escalationUnreached: row.escalation_unreached,
    decisionId: row.decision_id,
    reachedAs: row.reached_as,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedNote: row.acknowledged_note,
    acknowledgedAutomatically: acknowledgedAutomatically({ acknowledgedAt: row.acknowledged_at, note: row.acknowledged_note }),
  };
}

export async function listMyAlerts(ctx: AppContext, actor: UserActor, status: AlertStatus): Promise<MyAlerts> {
  const rows = await alertsPageQuery(ctx.db, actor.userId, status).execute();
  // An alert's id is null only on the counts' row when there is no alert to show.
  const alerts = rows.filter((row): row is typeof row & AlertRow => row.id !== null).map(alertFromRow);
  const counts = { open: Number(rows[0]?.open_total ?? 0), all: Number(rows[0]?.all_total ?? 0) };
  // A list with nothing in it shows nothing about anyone: only a list that shows alerts is audited.
  if (alerts.length > 0) await recordAuditAlone(ctx, actor, { action: 'alerts.list', details: { status, alertIds: alerts.map((a) => a.id) } });
  return { counts, alerts };
}
