// backup FILE, restore FILE: on the embedded database a copy of its folder, on PostgreSQL a dump
// with its manifest, restored in one transaction and checked.
import fs from 'node:fs';
import { systemClock } from '../application/context.ts';
import { loadConfig } from '../config.ts';
import { readAuditAnchors, setAsideAuditAnchors } from '../infrastructure/audit/audit-anchors.ts';
import { keyringOf, loadAuditKeyring, type AuditKeyring } from '../infrastructure/audit/audit-keys.ts';
import { backupEmbedded, restoreEmbedded } from '../infrastructure/db/backup.ts';
import { backupPostgres, restorePostgres } from '../infrastructure/db/postgres-backup.ts';
import { AUDIT_PROBLEMS } from './audit.ts';
import { UsageError, type CliArguments } from './command.ts';

/** backup and restore: FILE is the second word. */
export async function backupOrRestoreCommand({ positionals }: CliArguments): Promise<number> {
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
