// Raises alerts inside the transaction of the change that caused them (a chronology entry, a
// profile version): the alert, one recipient row per person in the team, one email each in the
// outbox, and an audit entry (all written with the change's version when the change asks); many
// alerts by the same few statements as one. The rules are in domain/alerts.
import type { AlertDraft } from '../../domain/alerts/alert.types.ts';
import { alertsForFindings, newlyCriticalFindingIds, type FindingShown } from '../../domain/alerts/finding-alerts.ts';
import { teamRecipients, type TeamMemberFacts } from '../../domain/alerts/recipients.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import type { Insertable } from 'kysely';
import { insertInChunks } from '../../infrastructure/db/insert-in-chunks.ts';
import type { AlertRecipientsTable, AlertsTable, Tx } from '../../infrastructure/db/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudits, type AuditEvent } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { alertEmailRows, type OutboxRow } from './alert-outbox.ts';
import { openAlertFindingIds } from './open-alerts.ts';

/** An alert as the change that raised it reports it (the events API answers with these). */
export interface RaisedAlert extends AlertDraft {
  id: string;
}

async function babyName(trx: Tx, caseId: string): Promise<string> {
  const row = await trx.selectFrom('cases').select(['status', 'given_name', 'family_name']).where('id', '=', caseId).executeTakeFirstOrThrow();
  return infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name });
}

/** The team around the family now; accounts that are switched off cannot read an alert, so get none. */
async function currentTeam(trx: Tx, caseId: string) {
  return trx
    .selectFrom('case_team')
    .innerJoin('users', 'users.id', 'case_team.user_id')
    .select(['case_team.user_id as userId', 'case_team.role'])
    .where('case_team.case_id', '=', caseId)
    .where('users.disabled_at', 'is', null)
    .orderBy('case_team.added_at')
    .orderBy('case_team.user_id')
    .execute();
}

/** A member of the team an alert reaches, with their address when the change read it (the lock does). */
export type AlertTeamMember = TeamMemberFacts & { email?: string };

/** An alert to store: the case, what it says, the entry that raised it, and the team it reaches. */
export interface AlertToStore {
  caseId: string;
  draft: AlertDraft;
  entryId: string | null;
  team: readonly AlertTeamMember[];
}

/** The rows that store alerts, not yet written: the alerts, one row per person each reaches, their emails. */
export interface AlertRows {
  alerts: Insertable<AlertsTable>[];
  recipients: Insertable<AlertRecipientsTable>[];
  outbox: OutboxRow[];
}

/** Alerts ready to store: their rows, the alerts as the change reports them, and their audit entries for the change to append with its own. */
export interface AlertsToWrite {
  raised: RaisedAlert[];
  rows: AlertRows;
  audits: AuditEvent[];
}

/**
 * Many alerts made ready to store together, whatever their number (an agency batch raises one per
 * emergency attendance it holds). Their ids are made here, so their audit entries, and the change's
 * own that name them, are known before anything is written, and a change can write all of it with its
 * version by one statement (profile/profile-versions.ts; ADR 0022). Sends nothing when the teams
 * given hold every recipient's address (a change's do: the lock reads them). Counted as raised now:
 * the change's transaction writes them or fails whole.
 */
export async function alertsToWrite(trx: Tx, ctx: AppContext, actor: Actor, alerts: readonly AlertToStore[]): Promise<AlertsToWrite> {
  const now = ctx.clock.now();
  const raisedBy = actor.kind === 'user' ? actor.userId : null;
  const stored = alerts.map((alert) => ({ ...alert, id: ctx.newId(), recipients: teamRecipients(alert.team, raisedBy) }));
  const addresses = new Map(alerts.flatMap(({ team }) => team.flatMap((member) => (member.email === undefined ? [] : [[member.userId, member.email] as const]))));
  const rows: AlertRows = {
    alerts: stored.map(({ id, caseId, draft, entryId }) => ({ case_id: caseId, id, reason: draft.reason, severity: draft.severity, message: draft.message, steps: JSON.stringify(draft.steps), entry_id: entryId, finding_id: draft.findingId ?? null, raised_at: now, escalated_at: null })),
    recipients: stored.flatMap(({ id, recipients }) => recipients.map((r) => ({ alert_id: id, user_id: r.userId, reached_as: r.reachedAs, created_at: now, acknowledged_at: r.acknowledgedAutomatically ? now : null, acknowledged_note: null }))),
    outbox: await alertEmailRows(trx, ctx, stored.map(({ id, caseId, draft, recipients }) => ({ alert: { id, caseId, ...draft }, recipients })), addresses),
  };
  for (const { draft } of stored) ctx.metrics.countAlertRaised(draft.severity);
  return {
    raised: stored.map(({ id, draft }) => ({ id, ...draft })),
    rows,
    audits: stored.map(({ id, caseId, draft, entryId, recipients }) => ({
      action: 'alert.raise',
      caseId,
      subjectType: 'alert',
      subjectId: id,
      details: { reason: draft.reason, severity: draft.severity, ...(draft.findingId ? { findingId: draft.findingId } : {}), ...(entryId ? { entryId } : {}), recipients: recipients.map((r) => r.userId) },
    })),
  };
}

/**
 * The alerts' rows written a table at a time (the alerts first: the others name them), for work that
 * does not write them with its own statement. A table's rows go in as many statements as keep under
 * the parameters one carries: a batch of 1,000 alerts, each emailed to eight people, has 8,000
 * emails, 72,000 parameters (issue 12).
 */
export async function writeAlertRows(trx: Tx, rows: AlertRows): Promise<void> {
  await insertInChunks(trx, 'alerts', rows.alerts);
  await insertInChunks(trx, 'alert_recipients', rows.recipients);
  await insertInChunks(trx, 'outbox', rows.outbox);
}

/** Alerts stored, each one's audit entry appended at once: for work that appends nothing else. */
export async function storeAlerts(trx: Tx, ctx: AppContext, actor: Actor, alerts: readonly AlertToStore[]): Promise<RaisedAlert[]> {
  if (alerts.length === 0) return [];
  const { raised, rows, audits } = await alertsToWrite(trx, ctx, actor, alerts);
  await writeAlertRows(trx, rows);
  await recordAudits(trx, ctx, actor, audits);
  return raised;
}

/** What alerts about a case say and whom they reach, when the change has read it already. */
export interface CaseToAlert {
  babyName: string;
  /** The team now, switched-off accounts left out, in the order they joined. */
  team: readonly AlertTeamMember[];
  /** The findings whose critical-finding alert on the case nobody has taken up, when the change read them with the profile (profile-facts.ts); read here otherwise. */
  openFindingAlerts?: ReadonlySet<string>;
}

/**
 * The alerts for the critical findings a change newly left showing (compared with the version
 * before it), not yet stored. `known`: the baby's name and team as the change read them, and the
 * open alerts' findings when it read those too, so they are not read again.
 */
export async function findingAlertsToStore(trx: Tx, caseId: string, before: readonly FindingShown[], after: readonly FindingShown[], known?: CaseToAlert): Promise<AlertToStore[]> {
  const candidates = newlyCriticalFindingIds(before, after);
  if (candidates.length === 0) return [];
  const name = known?.babyName ?? (await babyName(trx, caseId));
  const drafts = alertsForFindings({ before, after, openAlertFindingIds: known?.openFindingAlerts ?? (await openAlertFindingIds(trx, caseId, candidates)), babyName: name });
  if (drafts.length === 0) return [];
  const team = known?.team ?? (await currentTeam(trx, caseId));
  return drafts.map((draft) => ({ caseId, draft, entryId: null, team }));
}

/** The same, stored and audited at once (a re-evaluation of every profile). */
export async function raiseFindingAlerts(trx: Tx, ctx: AppContext, actor: Actor, caseId: string, before: readonly FindingShown[], after: readonly FindingShown[], known?: CaseToAlert): Promise<RaisedAlert[]> {
  return storeAlerts(trx, ctx, actor, await findingAlertsToStore(trx, caseId, before, after, known));
}
