// Every change to a profile (a factor, an escalation decision, a review, a change of level) is a
// new version: who, when, what changed, why, and the findings the profile showed after it. Written
// inside the change's own transaction, after the change, so the findings are those it left.
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { Compilable, Insertable, QueryCreator } from 'kysely';
import { insertInChunks, MOST_PARAMETERS } from '../../infrastructure/db/insert-in-chunks.ts';
import type { FindingSnapshot, ProfileVersionKind, ProfileVersionsTable, Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { alertsToWrite, findingAlertsToStore, writeAlertRows, type AlertRows, type AlertTeamMember, type AlertToStore, type RaisedAlert } from '../alerts/raise-alerts.ts';
import { auditRowsOf, recordAudits, type AuditEvent } from '../audit.ts';
import type { AuditRow } from '../../infrastructure/audit/audit-log.ts';
import type { AppContext } from '../context.ts';
import { msSince } from '../metrics.ts';
import { inSpan } from '../tracing.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { evaluateStored, loadStoredProfiles, snapshotFindings } from './profile-facts.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { settingsStamp, summaryOfProfile, summaryRow, upsertSummaries, withSummaries, writeCaseSummaries, type SummariesDatabase, type SummaryRow } from '../dashboards/case-summaries.ts';
import type { CaseSummary } from '../../domain/dashboards/case-summary.ts';
import type { ServiceSettings } from '../../domain/settings/service-settings.ts';

export interface ProfileChange {
  kind: ProfileVersionKind;
  factorId?: string;
  subjectKey?: string;
  change: Record<string, unknown>;
  why: string | null;
}

export interface AppendedVersion {
  version: number;
  alerts: RaisedAlert[];
  /** The whole chronology the version was evaluated from: to keep once the change commits. */
  chronology: readonly ChronologyEntry[];
}

/** A case as the change locked it (cases/lock-cases-for-change.ts gives these). */
interface LockedCaseFacts {
  /** The version before this change. */
  profileVersion: number;
  babyName: string;
  team: readonly (AlertTeamMember & { disabled: boolean })[];
}

/** What the change read already when it locked the cases: not read again. */
export interface KnownToTheChange {
  /** Each changed case as locked. */
  cases: ReadonlyMap<string, LockedCaseFacts>;
  actorName: string;
  /** Whole chronologies after the change, where the caller knows them (see ChronologyCache.at). */
  chronologies?: ReadonlyMap<string, readonly ChronologyEntry[]>;
  /** Every changed case's profile evaluated after the change already (record-batch.ts evaluates while its entries are stored). */
  evaluated?: ReadonlyMap<string, EvaluatedForVersion>;
}

/** A changed case's profile as evaluated after the change: what its version stores and its alerts compare. */
export interface EvaluatedForVersion {
  findings: FindingSnapshot[];
  /** The findings of the version before. */
  findingsBefore: FindingSnapshot[];
  /** The whole chronology it was evaluated from. */
  chronology: readonly ChronologyEntry[];
  /** The case's dashboards' summary after the change (ADR 0017), worked out from what the evaluation read, and the clocks' settings' stamp it was worked out under. */
  summary?: { of: CaseSummary; stamp: string };
  /** The findings whose critical-finding alert nobody has taken up, read with the profile: a finding newly showing among them alerts no one again. */
  openFindingAlerts?: ReadonlySet<string>;
}

/**
 * The changed cases' profiles read (the chronologies known are not read again) and evaluated, with
 * each case's dashboards' summary worked out from the same read (its decisions and meetings read by
 * the same statement) and the findings whose alert is still open (read by it too, for the alerts a
 * finding newly showing raises), for the version writer to store with the version. The
 * read is its first statement and it sends no other, so a caller may queue a statement of its own
 * behind it and have the database run that while Node evaluates (record-batch.ts).
 */
export async function evaluateChangedProfiles(
  trx: Tx,
  ctx: AppContext,
  caseIds: readonly string[],
  settings: ServiceSettings,
  chronologies?: ReadonlyMap<string, readonly ChronologyEntry[]>,
): Promise<Map<string, EvaluatedForVersion>> {
  const evaluating = performance.now();
  const today = serviceToday(ctx.clock.now());
  const profiles = await inSpan('profile.read', () => loadStoredProfiles(trx, caseIds, today, settings, chronologies, { withSummaryFacts: true, withOpenFindingAlerts: true }), { 'icp.cases': caseIds.length });
  const evaluated = new Map<string, EvaluatedForVersion>();
  const stamp = settingsStamp(settings.timescales);
  for (const [caseId, stored] of profiles) {
    const findings = snapshotFindings(evaluateStored(stored).evaluation);
    const summary = stored.summaryFacts ? { of: summaryOfProfile(caseId, { ...stored, summaryFacts: stored.summaryFacts }, findings, settings.timescales, today), stamp } : undefined;
    const { openFindingAlerts } = stored;
    evaluated.set(caseId, { findings, findingsBefore: stored.currentFindings, chronology: stored.chronology, ...(summary ? { summary } : {}), ...(openFindingAlerts ? { openFindingAlerts } : {}) });
  }
  ctx.metrics.observeProfileEvaluations(profiles.size, msSince(evaluating));
  return evaluated;
}


/** The change's own audit entries, given the versions it wrote (their numbers and the alerts each raised). */
export type AuditOfVersions = (versions: ReadonlyMap<string, AppendedVersion>) => AuditEvent[];

/**
 * Each changed case's profile evaluated and its new version written, raising the alerts its critical
 * findings call for, for many cases at once (an agency batch) as for one: their profiles read and
 * evaluated together, the versions written by one statement (which also moves each case's version
 * on), and every alert stored together, `entryAlerts` (those the change's new entries raise by their
 * kind) after the findings'. Each version's alerts are its findings' then its entries'. The cases
 * must be locked by the caller. The audit entries of the alerts, then the change's own (`auditOf`,
 * given the versions), are appended here. The alerts' ids are made before anything is written, so
 * the alerts, their recipients and emails, and every audit entry (which name the alerts) go in the
 * versions' statement: one round trip, alert or not (ADR 0022).
 */
export async function appendProfileVersionsRaisingAlerts(
  trx: Tx,
  ctx: AppContext,
  actor: UserActor,
  changes: ReadonlyMap<string, ProfileChange>,
  known: KnownToTheChange,
  auditOf: AuditOfVersions,
  entryAlerts: readonly AlertToStore[] = [],
): Promise<Map<string, AppendedVersion>> {
  const caseIds = [...changes.keys()];
  const versions = new Map<string, AppendedVersion>();
  if (caseIds.length === 0) {
    await recordAudits(trx, ctx, actor, auditOf(versions));
    return versions;
  }
  const evaluated = known.evaluated ?? (await evaluateChangedProfiles(trx, ctx, caseIds, (await settingsInForce(ctx, trx)).settings, known.chronologies));
  const now = ctx.clock.now();
  const prepared = caseIds.map((caseId) => {
    const { findings, findingsBefore, chronology, summary } = evaluated.get(caseId) ?? { findings: [], findingsBefore: [], chronology: [] };
    const entry = changes.get(caseId)!;
    const row = {
      case_id: caseId,
      version: known.cases.get(caseId)!.profileVersion + 1,
      kind: entry.kind,
      changed_at: now,
      changed_by: actor.userId,
      changed_by_name: known.actorName,
      factor_id: entry.factorId ?? null,
      subject_key: entry.subjectKey ?? null,
      change: JSON.stringify(entry.change),
      why: entry.why,
      findings: JSON.stringify(findings),
    };
    return { row, findings, findingsBefore, chronology, summary, openFindingAlerts: evaluated.get(caseId)?.openFindingAlerts };
  });
  const toStore: AlertToStore[] = [];
  for (const { row, findings, findingsBefore, openFindingAlerts } of prepared) {
    const locked = known.cases.get(row.case_id)!;
    const toAlert = { babyName: locked.babyName, team: locked.team.filter((member) => !member.disabled), ...(openFindingAlerts ? { openFindingAlerts } : {}) };
    toStore.push(...(await findingAlertsToStore(trx, row.case_id, findingsBefore, findings, toAlert)));
  }
  toStore.push(...entryAlerts);
  for (const { row, chronology } of prepared) versions.set(row.case_id, { version: row.version, alerts: [], chronology });
  // The alerts' ids are made in Node, so every audit entry (the alerts', then the change's naming them) is known before anything is written.
  const alerts = toStore.length === 0 ? undefined : await inSpan('profile.alerts', () => alertsToWrite(trx, ctx, actor, toStore));
  if (alerts) for (const [caseId, version] of versions) version.alerts = alerts.raised.filter((_, i) => toStore[i]!.caseId === caseId);
  const audits = [...(alerts?.audits ?? []), ...auditOf(versions)];
  const audited = auditRowsOf(ctx, actor, audits);
  await writeVersions(trx, caseIds, prepared.map(({ row }) => row), prepared.flatMap(({ row, summary }) => (summary ? [summaryRow(row.case_id, row.version, summary.stamp, summary.of, now)] : [])), { ...(alerts ? { alerts: alerts.rows } : {}), ...(audited ? { audited } : {}) });
  // A case evaluated without its summary (not read by evaluateChangedProfiles): worked out by reading it again.
  const unsummarised = prepared.filter(({ summary }) => !summary);
  if (unsummarised.length > 0) {
    await inSpan('profile.dashboard-summaries', () => writeCaseSummaries(trx, ctx, unsummarised.map(({ row }) => row.case_id), new Map(unsummarised.map(({ row, chronology }) => [row.case_id, chronology]))));
  }
  // More entries than one INSERT takes (a batch's refusals and changes over 2,000): appended by several after.
  if (!audited) await recordAudits(trx, ctx, actor, audits);
  return versions;
}

type VersionRow = Insertable<ProfileVersionsTable>;

/** What the versions' statement writes besides: the alerts the change raises, and its audit entries. */
interface WrittenWithTheVersions {
  alerts?: AlertRows;
  audited?: readonly AuditRow[];
}

/**
 * One statement: the cases' versions moved on, their dashboards' summaries written (issue 16, ADR 0017;
 * data-modifying WITHs run whatever reads them), the alerts, their recipients and emails and the audit
 * entries appended when given (ADR 0022), and the versions inserted. When that many rows take more
 * parameters than a statement holds (a batch raising hundreds of alerts to large teams), the versions'
 * statement goes alone and the rest after it a table at a time, each table's rows in as many
 * statements as keep under that limit (infrastructure/db/insert-in-chunks.ts).
 */
async function writeVersions(trx: Tx, caseIds: readonly string[], rows: readonly VersionRow[], summaries: readonly SummaryRow[], withThem: WrittenWithTheVersions): Promise<void> {
  const whole = versionsStatement(trx, caseIds, rows, summaries, withThem).compile();
  if (whole.parameters.length <= MOST_PARAMETERS) {
    await trx.executeQuery(whole);
    return;
  }
  await versionsStatement(trx, caseIds, rows, summaries, {}).execute();
  if (withThem.alerts) await writeAlertRows(trx, withThem.alerts);
  if (withThem.audited) await insertInChunks(trx, 'audit_log', withThem.audited);
}

function versionsStatement(trx: Tx, caseIds: readonly string[], rows: readonly VersionRow[], summaries: readonly SummaryRow[], { alerts, audited }: WrittenWithTheVersions) {
  // Each optional WITH only when it has rows (an INSERT of none is not SQL); nothing after it reads it,
  // so the statement keeps the type it had without it. The alerts come before the rows that name them
  // (their keys are checked when the whole statement has run, so the order is for the reader).
  let statement: QueryCreator<SummariesDatabase> = withSummaries(trx);
  const add = (name: string, write: (qc: QueryCreator<SummariesDatabase>) => Compilable) => {
    statement = statement.with(name, write as never) as unknown as QueryCreator<SummariesDatabase>;
  };
  if (summaries.length > 0) add('summaries', (qc) => upsertSummaries(qc, summaries, 'always'));
  if (alerts && alerts.alerts.length > 0) add('alerts_raised', (qc) => qc.insertInto('alerts').values(alerts.alerts));
  if (alerts && alerts.recipients.length > 0) add('alerts_reached', (qc) => qc.insertInto('alert_recipients').values(alerts.recipients));
  if (alerts && alerts.outbox.length > 0) add('alerts_mailed', (qc) => qc.insertInto('outbox').values(alerts.outbox));
  if (audited) add('audited', (qc) => qc.insertInto('audit_log').values(audited));
  return statement
    .with('moved_on', (qc) => qc.updateTable('cases').set((eb) => ({ profile_version: eb('profile_version', '+', 1) })).where('id', 'in', caseIds))
    .insertInto('profile_versions')
    .values(rows);
}
