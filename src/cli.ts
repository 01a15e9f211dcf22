// The operator's command line: `npm run icp -- <command>`. Works against either database.
// Each command prints its result last, so scripts can take the final line.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createOrganisation } from './application/accounts/create-organisation.ts';
import { createUser } from './application/accounts/create-user.ts';
import { cliOperator } from './application/actor.ts';
import { escalateOverdueAlerts } from './application/alerts/escalate-alerts.ts';
import { createTokenForEmail } from './application/auth/api-tokens.ts';
import { createContext, systemClock } from './application/context.ts';
import { deliverOutbox } from './application/mail/deliver-outbox.ts';
import { reevaluateAllProfiles } from './application/profile/reevaluate-profiles.ts';
import { rebuildCaseSummaries } from './application/dashboards/case-summaries.ts';
import { loadSyntheticPartnership, SYNTHETIC_PASSWORD } from './application/synthetic/load-synthetic-partnership.ts';
import { loadConfig } from './config.ts';
import { isTokenScope } from './domain/shared/token-scopes.ts';
import { anchorAuditHead, readAuditAnchors, setAsideAuditAnchors } from './infrastructure/audit/audit-anchors.ts';
import { keyringOf, loadAuditKeyring, rotateAuditKey, type AuditKeyring } from './infrastructure/audit/audit-keys.ts';
import { sealAuditTrail } from './infrastructure/audit/audit-seal.ts';
import { verifyAuditChain, type AuditChainProblem } from './infrastructure/audit/verify-audit-chain.ts';
import { changeAreaSettings, viewAreaSettings } from './application/settings/area-settings.ts';
import { listDisposals, runDisposal, type DueCase } from './application/retention/disposal-run.ts';
import type { DueDisclosure } from './application/subject-access/release-retention.ts';
import { formatSettingValue, settingDefinition } from './domain/settings/service-settings.ts';
import { backupEmbedded, restoreEmbedded } from './infrastructure/db/backup.ts';
import { backupPostgres, restorePostgres } from './infrastructure/db/postgres-backup.ts';
import { openConfiguredDatabase } from './infrastructure/db/open-configured.ts';
import { createMailTransport } from './infrastructure/mail/smtp-transport.ts';

const USAGE = `Usage: npm run icp -- <command>

  migrate                                       apply database migrations
  organisations create --name NAME --kind KIND  add an organisation; prints its id
  users create --email EMAIL --name NAME --organisation ORG_ID --role ROLE [--password P]
                                                add an account; prints its id
  token create --email EMAIL [--name N] [--scopes read,write,feed]
                                                issue an API token (every scope unless given); prints it
  audit verify                                  check the audit trail's hash chain with its keys, and
                                                against the heads in AUDIT_ANCHOR_FILE
  audit anchor                                  write the chain's head to AUDIT_ANCHOR_FILE now (the
                                                server does it every AUDIT_ANCHOR_MINUTES)
  audit rotate-key                              add a new key to AUDIT_KEYS_FILE: it signs new entries
                                                from the next start; restart the server
  alerts escalate                               send alerts nobody acknowledged in time to the
                                                safeguarding leads; prints how many
  mail deliver                                  send the alert emails that are due now; prints how many wait
  settings list                                 the area's settings: each key, its value and default
  settings set KEY VALUE                        change one (an empty VALUE "" unsets one that may be unset)
  settings reset KEY                            put one back to its default
  retention run [--confirm --by NAME]          the cases whose disposal date has come, each with its rule
                                                and date, and why any is kept (a legal hold, open work),
                                                then the released subject access disclosures past their
                                                own period; with --confirm, NAME disposes of those not
                                                kept: their personal data removed, a tombstone left in the
                                                audit chain for each; prints how many cases are due (dry
                                                run) or were disposed of
  profiles reevaluate                           re-evaluate every profile against the catalogue in force
                                                (after a catalogue change), writing every case's
                                                dashboards' summary too; prints how many changed
  dashboards rebuild-summaries [--all]          work out again the dashboards' summary of every case
                                                whose row is missing or stale (after migration 055 on an
                                                existing database); --all: every case's; prints how
                                                many rows were written
  generate --infants N [--seed S]               add a synthetic partnership of N infants (same seed,
  generate --size county|england [--seed S]     same data); county is 20,000 infants, england
                                                1,000,000 (PostgreSQL only)
  backup FILE                                   copy the database to FILE (on PostgreSQL: pg_dump's
                                                custom format, and FILE.manifest.json beside it)
  restore FILE                                  replace the database with FILE (on PostgreSQL: in one
                                                transaction, then checks the counts and the audit chain)

Settings come from the environment (DATABASE_URL, DATA_DIR, SMTP_URL): see the README.`;

class UsageError extends Error {}

const AUDIT_PROBLEMS: Record<AuditChainProblem, string> = {
  edited: 'its contents were changed.',
  'chain-broken': 'it does not follow the entry before it (an entry was removed, added or moved).',
  'unknown-key': 'it names a key that is not in the keyring (AUDIT_KEYS or AUDIT_KEYS_FILE).',
  'unsigned-after-signed': 'it is not signed, although entries before it are: the chain was hashed again without the key.',
  'anchor-mismatch': 'its hash is not the one written to the anchor file then: the chain was rewritten.',
  'cut-tail': 'the anchor file counted entries up to this one, but the chain ends before it: entries were cut off the end.',
};

function option(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Missing --${name}`);
  return value;
}

async function withContext<T>(run: (ctx: ReturnType<typeof createContext>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    return await run(createContext(database.db, config));
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      kind: { type: 'string' },
      email: { type: 'string' },
      organisation: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      infants: { type: 'string' },
      seed: { type: 'string' },
      size: { type: 'string' },
      scopes: { type: 'string' },
      confirm: { type: 'boolean' },
      all: { type: 'boolean' },
      by: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals.slice(0, 2).join(' ');
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return 0;
  }
  switch (['backup', 'restore', 'migrate', 'generate'].includes(positionals[0]!) ? positionals[0] : command) {
    case 'migrate':
      await withContext(async () => console.log('Database is up to date.'));
      return 0;
    case 'organisations create':
      return withContext(async (ctx) => {
        const result = await createOrganisation(ctx, cliOperator, { name: option(values, 'name'), kind: option(values, 'kind') });
        return report(result, (value) => value.id);
      });
    case 'users create':
      return withContext(async (ctx) => {
        const result = await createUser(ctx, cliOperator, {
          email: option(values, 'email'),
          name: option(values, 'name'),
          organisationId: option(values, 'organisation'),
          role: option(values, 'role'),
          password: values.password,
        });
        if (result.ok && values.password === undefined) console.log('No password was set: the account cannot sign in until one is.');
        return report(result, (value) => value.id);
      });
    case 'token create':
      return withContext(async (ctx) => {
        const scopes = typeof values['scopes'] === 'string' ? values['scopes'].split(',').map((scope) => scope.trim()) : [];
        const unknown = scopes.filter((scope) => !isTokenScope(scope));
        if (unknown.length > 0) throw new UsageError(`Unknown scope ${unknown.join(', ')}: use read, write or feed, separated by commas`);
        const name = typeof values['name'] === 'string' ? values['name'] : undefined;
        const result = await createTokenForEmail(ctx, cliOperator, option(values, 'email'), { scopes: scopes.filter(isTokenScope), ...(name ? { name } : {}) });
        if (result.ok) console.log(`Token for ${option(values, 'email')}, expires ${result.value.expiresAt.toISOString()}:`);
        return report(result, (value) => value.token);
      });
    case 'audit verify':
      return withContext(async (ctx) => {
        const sealed = await sealAuditTrail(ctx.db, ctx.auditKeys, { wait: true });
        if (sealed.sealed > 0) console.log(`Sealed ${String(sealed.sealed)} entries written since the server last sealed the chain.`);
        const report = await verifyAuditChain(ctx.db, ctx.auditKeys, readAuditAnchors(ctx.config.auditAnchorFile));
        if (report.intact) {
          const waiting = report.unsealed > 0 ? ` ${String(report.unsealed)} entries written meanwhile are not chained yet; their own hashes match.` : '';
          console.log(`Audit trail intact: ${report.entries} entries, ${report.anchorsChecked} anchored heads matched. Head hash: ${report.headHash}${waiting}`);
          return 0;
        }
        console.error(`Audit trail BROKEN at entry ${report.brokenAt.seq}${report.brokenAt.id ? ` (id ${report.brokenAt.id})` : ''}: ${AUDIT_PROBLEMS[report.reason]} ${report.entries} entries before it are intact.`);
        return 1;
      });
    case 'audit anchor':
      return withContext(async (ctx) => {
        await sealAuditTrail(ctx.db, ctx.auditKeys, { wait: true });
        const anchor = await anchorAuditHead(ctx.db, ctx.config.auditAnchorFile, ctx.clock.now());
        console.log(anchor ? `Anchored entry ${anchor.seq} in ${ctx.config.auditAnchorFile}:` : 'The audit trail is empty: nothing to anchor.');
        return report({ ok: true, value: anchor?.hash ?? '' }, (hash) => hash);
      });
    case 'audit rotate-key': {
      const config = loadConfig();
      if (config.auditKeys) throw new UsageError('AUDIT_KEYS is set: add the new key there ("id:secret" at the end), not to a file.');
      const key = rotateAuditKey(config.auditKeysFile, systemClock.now());
      console.log(`Added key ${key.id} to ${config.auditKeysFile}. It signs new entries once the server restarts; keep the file backed up.`);
      return report({ ok: true, value: key.id }, (id) => id);
    }
    case 'mail deliver':
      return withContext(async (ctx) => {
        const transport = createMailTransport(ctx.config);
        const run = await deliverOutbox(ctx, transport, { limit: 500 });
        if (!transport) console.error('Mail is off (SMTP_URL is not set): nothing was sent.');
        if (run.failed > 0) console.error(`${run.failed} message(s) could not be sent and will be retried: ${run.lastError}`);
        console.log(`Sent ${run.sent}. Waiting in the outbox:`);
        console.log(String(run.waiting));
        return transport && run.failed === 0 ? 0 : 1;
      });
    case 'alerts escalate':
      return withContext(async (ctx) => {
        const { escalated } = await escalateOverdueAlerts(ctx, cliOperator);
        const noLead = escalated.filter((e) => e.safeguardingLeads.length === 0).length;
        if (noLead > 0) console.error(`${noLead} of them reached no new safeguarding lead: check each organisation in the team has one.`);
        console.log(`Escalated ${escalated.length} alert${escalated.length === 1 ? '' : 's'} (after ${ctx.config.alertEscalationHours} hours unacknowledged).`);
        console.log(String(escalated.length));
        return 0;
      });
    case 'settings list':
      return withContext(async (ctx) => {
        const result = await viewAreaSettings(ctx, cliOperator);
        if (!result.ok) return report(result, () => '');
        for (const setting of result.value) {
          const state = setting.ignored ? ' (stored value out of bounds: default used)' : setting.isDefault ? '' : ` (default ${setting.defaultValue || 'not set'})`;
          console.log(`${setting.definition.key} = ${setting.value || 'not set'}${state}\n    ${setting.definition.label}. ${setting.definition.hint}`);
        }
        return 0;
      });
    case 'settings set':
    case 'settings reset':
      return withContext(async (ctx) => {
        const key = positionals[2];
        if (key === undefined) throw new UsageError(`Missing KEY: npm run icp -- ${command} KEY${command === 'settings set' ? ' VALUE' : ''}`);
        const definition = settingDefinition(key);
        if (!definition) throw new UsageError(`There is no setting called "${key}". Run "npm run icp -- settings list" to see them.`);
        if (command === 'settings set' && positionals[3] === undefined) throw new UsageError(`Missing VALUE: npm run icp -- settings set ${key} VALUE`);
        const typed = command === 'settings set' ? positionals[3]! : formatSettingValue(definition, definition.defaultValue);
        const result = await changeAreaSettings(ctx, cliOperator, { [key]: typed });
        if (!result.ok) {
          for (const error of result.errors ?? [{ message: result.message }]) console.error(error.message);
          return 1;
        }
        console.log(result.value.changed.length === 0 ? `${key} was already ${typed || 'not set'}.` : `${key} is now ${typed || 'not set'}.`);
        return 0;
      });
    case 'retention run':
      return withContext(async (ctx) => {
        const line = (c: DueCase) => `${c.caseId}  ${c.ruleLabel}: disposal date ${c.disposeOn}${c.kept.length > 0 ? `; kept: ${c.kept.join('; ')}` : ''}`;
        const disclosureLine = (d: DueDisclosure, removed = false) =>
          `${d.requestId}  subject access disclosure released ${d.releasedOn} by ${d.organisationName} (kept ${String(d.keepYears)} years): ${removed ? 'removed' : `period ended ${d.disposeOn}`}${d.kept.length > 0 ? `; kept: ${d.kept.join('; ')}` : ''}`;
        const disclosuresSummary = (due: number, kept: number, verb: string) => `Released subject access disclosures past their period: ${String(due)}, ${String(kept)} kept${due > kept ? `, ${String(due - kept)} ${verb}` : ''}.`;
        if (!values.confirm) {
          const result = await listDisposals(ctx, cliOperator);
          if (!result.ok) return report(result, () => '');
          for (const c of result.value.due) console.log(line(c));
          for (const d of result.value.disclosures) console.log(disclosureLine(d));
          const heldDisclosures = result.value.disclosures.filter((d) => d.kept.length > 0).length;
          console.log(disclosuresSummary(result.value.disclosures.length, heldDisclosures, 'to remove with --confirm'));
          const may = result.value.due.filter((c) => c.kept.length === 0).length;
          console.log(`A dry run on ${result.value.today}: ${String(result.value.due.length)} due, ${String(result.value.due.length - may)} kept. Run again with --confirm --by "Your name" to dispose of the others. Due and not kept:`);
          console.log(String(may));
          return 0;
        }
        if (typeof values['by'] !== 'string') throw new UsageError('Missing --by NAME: say who confirms the disposal');
        const result = await runDisposal(ctx, cliOperator, values['by']);
        if (!result.ok) return report(result, () => '');
        for (const c of result.value.disposed) console.log(`${c.caseId}  disposed of (${c.ruleLabel}: disposal date ${c.disposeOn})`);
        for (const c of result.value.kept) console.log(line(c));
        for (const d of result.value.disclosuresRemoved) console.log(disclosureLine(d, true));
        for (const d of result.value.disclosuresKept) console.log(disclosureLine(d));
        const { disclosuresRemoved, disclosuresKept } = result.value;
        console.log(disclosuresSummary(disclosuresRemoved.length + disclosuresKept.length, disclosuresKept.length, 'removed, a tombstone left for each'));
        console.log(`Disposed of on ${result.value.today}, a tombstone left in the audit chain for each (${String(result.value.kept.length)} kept):`);
        console.log(String(result.value.disposed.length));
        return 0;
      });
    case 'profiles reevaluate':
      return withContext(async (ctx) => {
        let reported = 0;
        const result = await reevaluateAllProfiles(ctx, cliOperator, (counts) => {
          if (counts.profiles - reported < 5_000) return;
          reported = counts.profiles;
          console.log(`${String(counts.profiles)} profiles evaluated, ${String(counts.changed)} changed`);
        });
        console.log(`Evaluated ${String(result.profiles)} profiles in ${result.seconds.toFixed(1)} s: ${String(result.alerts)} alerts raised. Profiles changed:`);
        console.log(String(result.changed));
        return 0;
      });
    case 'dashboards rebuild-summaries':
      return withContext(async (ctx) => {
        const all = values.all === true;
        const result = await rebuildCaseSummaries(ctx, { all });
        console.log(`${all ? 'Every case' : 'Cases with a missing or stale row'}: of ${String(result.cases)} cases, dashboards' summaries written:`);
        console.log(String(result.written));
        return 0;
      });
    case 'generate':
      return generate(values);
    case 'backup':
    case 'restore': {
      const file = positionals[1];
      if (!file) throw new UsageError(`Missing FILE: npm run icp -- ${positionals[0]} FILE`);
      const config = loadConfig();
      if (config.databaseUrl) return positionals[0] === 'backup' ? backupOnPostgres(config.databaseUrl, file) : restoreOnPostgres(config, file);
      if (positionals[0] === 'backup') {
        const bytes = await backupEmbedded(config.dataDir, file);
        console.log(`Backed up the embedded database in ${config.dataDir} (${bytes} bytes) to:`);
      } else {
        const moved = await restoreEmbedded(config.dataDir, file);
        // The restored chain ends earlier than the heads anchored since the backup: start a new anchor file.
        const anchors = setAsideAuditAnchors(config.auditAnchorFile, moved.slice(moved.lastIndexOf('.before-restore-')));
        console.log(`The previous database was kept in ${moved}.${anchors ? ` Its audit anchors were kept in ${anchors}.` : ''}\nRestored the embedded database in ${config.dataDir} from:`);
      }
      console.log(file);
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${positionals.join(' ')}"`);
  }
}

async function backupOnPostgres(url: string, file: string): Promise<number> {
  const backup = await backupPostgres(url, file);
  const { manifest } = backup;
  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
  console.log(
    `Dumped ${manifest.database} (PostgreSQL ${manifest.serverVersion}) as it was at ${manifest.takenAt}: ${String(Object.keys(manifest.tables).length)} tables, ${String(rows)} rows, ` +
      `${String(manifest.audit.chained)} chained audit entries (head ${manifest.audit.headHash}), ${String(backup.bytes)} bytes. The counts and the head are in ${backup.manifestFile}; keep it beside the dump.`,
  );
  console.log(`Backed up ${manifest.database} to:`);
  console.log(file);
  return 0;
}

/** The keys that signed the chain, without making a new keys file (the server would, on a new host): null when there are none. */
function existingAuditKeys(config: ReturnType<typeof loadConfig>): AuditKeyring | null {
  if (config.auditKeys) return keyringOf(config.auditKeys, 'AUDIT_KEYS');
  return fs.existsSync(config.auditKeysFile) ? loadAuditKeyring(config, systemClock.now()) : null;
}

async function restoreOnPostgres(config: ReturnType<typeof loadConfig>, file: string): Promise<number> {
  const keys = existingAuditKeys(config);
  const restored = await restorePostgres(config.databaseUrl!, file, keys, readAuditAnchors(config.auditAnchorFile));
  const { manifest } = restored;
  console.log(`Restored ${restored.database} from the backup of ${manifest.database} taken at ${manifest.takenAt}.`);
  if (restored.countMismatches.length === 0) {
    console.log(`Row counts match the backup's manifest: ${String(restored.tables)} tables, ${String(restored.rows)} rows.`);
  } else {
    for (const check of restored.countMismatches) {
      console.error(`Row count of ${check.table} differs from the backup's: ${check.expected === null ? 'not in the backup' : String(check.expected)} then, ${check.actual === null ? 'missing' : String(check.actual)} now.`);
    }
  }
  const audit = restored.audit;
  if (audit === null) {
    console.error(`The audit trail was not checked: there is no AUDIT_KEYS and no keys file at ${config.auditKeysFile}. Restore the keys file from its own backup, then run: npm run icp -- audit verify`);
  } else if (!audit.intact) {
    console.error(`Audit trail BROKEN at entry ${audit.brokenAt.seq}${audit.brokenAt.id ? ` (id ${audit.brokenAt.id})` : ''}: ${AUDIT_PROBLEMS[audit.reason]} ${audit.entries} entries before it are intact.`);
  } else if (!restored.auditMatchesBackup) {
    console.error(`The audit trail verifies but does not end where it ended at backup: ${String(audit.entries)} chained entries, head ${audit.headHash}; the manifest says ${String(manifest.audit.chained)}, head ${manifest.audit.headHash}.`);
  } else {
    console.log(`Audit trail intact and as at backup: ${audit.entries} entries (${String(audit.unsealed)} waiting to be chained), ${audit.anchorsChecked} anchored heads matched. Head hash: ${audit.headHash}`);
  }
  // The restored chain ends earlier than the heads anchored since the backup: start a new anchor file.
  const anchors = setAsideAuditAnchors(config.auditAnchorFile, `.before-restore-${systemClock.now().toISOString().replace(/[:.]/g, '-')}`);
  if (anchors) console.log(`The audit anchors written before this restore were kept in ${anchors}.`);
  console.log(restored.ok ? 'Restored and checked, from:' : 'Restored, but the checks above FAILED, from:');
  console.log(file);
  return restored.ok ? 0 : 1;
}

const SIZES: Record<string, number> = { county: 20_000, england: 1_000_000 };
const EMBEDDED_LIMIT = SIZES.county!;

function wholeNumber(values: Record<string, string | boolean | undefined>, name: string, fallback?: number): number {
  const raw = values[name];
  if (raw === undefined && fallback !== undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isSafeInteger(value) || value < 0) throw new UsageError(`--${name} must be a whole number, for example --${name} 1000`);
  return value;
}

async function generate(values: Record<string, string | boolean | undefined>): Promise<number> {
  const size = values.size;
  if (typeof size === 'string' && !(size in SIZES)) throw new UsageError(`--size must be county or england, not "${size}"`);
  const infants = typeof size === 'string' ? SIZES[size]! : wholeNumber(values, 'infants');
  if (infants < 1) throw new UsageError('--infants must be at least 1');
  const seed = wholeNumber(values, 'seed', 1);
  if (infants > EMBEDDED_LIMIT && !loadConfig().databaseUrl) {
    console.error(`${String(infants)} infants is more than the embedded database should hold (at most ${String(EMBEDDED_LIMIT)}): set DATABASE_URL to use PostgreSQL.`);
    return 2;
  }
  return withContext(async (ctx) => {
    let reported = 0;
    const result = await loadSyntheticPartnership(ctx, cliOperator, {
      infants,
      seed,
      onProgress: (written, counts) => {
        if (written - reported < 1_000 && written < infants) return;
        reported = written;
        console.log(`${String(written)} of ${String(infants)} infants, ${String(counts.entries)} chronology entries`);
      },
    });
    if (!result.ok) {
      console.error(result.message);
      return 1;
    }
    const { counts, seconds } = result;
    console.log(`Every synthetic account's password is "${SYNTHETIC_PASSWORD}".`);
    console.log(
      `Generated ${String(counts.organisations)} organisations, ${String(counts.users)} users, ${String(counts.infants)} infants, ${String(counts.people)} people, ` +
        `${String(counts.assessments)} assessments, ${String(counts.evidence)} evidence, ${String(counts.entries)} chronology entries in ${seconds.toFixed(1)} s ` +
        `(${String(Math.round(counts.entries / seconds))} entries per second)`,
    );
    return 0;
  });
}

function report<T>(result: { ok: true; value: T } | { ok: false; message: string }, last: (value: T) => string): number {
  if (!result.ok) {
    console.error(result.message);
    return 1;
  }
  console.log(last(result.value));
  return 0;
}

/**
 * Runs one command as `npm run icp -- ...argv` does and gives its exit code: 0 done, 1 failed,
 * 2 a usage error (printed with the usage). Reads its settings from process.env.
 */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

// Run as a program (not imported, as the tests do).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
