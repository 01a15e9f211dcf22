// Backup and restore on PostgreSQL with its own tools: pg_dump in the custom format, and pg_restore
// in one transaction, so a restore that fails part way is rolled back and leaves the database as it
// was. Beside the dump, FILE.manifest.json records what the dump holds, read in the same snapshot
// as pg_dump dumps (pg_export_snapshot): every table's row count, the audit chain's head, the last
// migration and the dump's SHA-256. A restore is refused before anything changes when the file is
// not a custom-format dump, does not match its manifest, or comes from a newer PostgreSQL than the
// target; after it, the counts are held against the manifest and the audit chain is verified.
//
// The tools run without a shell, with arguments in an array. The password never appears in their
// arguments (where `ps` would show it): the URL is passed without it, and the password in PGPASSWORD.
// A URL naming several servers (ADR 0013) is first narrowed to the one that accepts writes, so that
// pg_dump shares its snapshot with this module's own connection and a restore goes to the primary.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { GENESIS_HASH } from '../audit/audit-hash.ts';
import type { AuditAnchor } from '../audit/audit-anchors.ts';
import type { AuditKeyring } from '../audit/audit-keys.ts';
import { verifyAuditChain, type AuditChainReport } from '../audit/verify-audit-chain.ts';
import { DatabaseUnavailableError } from './connection-errors.ts';
import { openPostgres } from './connect.ts';
import { readPostgresUrl } from '../../config-postgres-url.ts';
import { openWritableHostPool } from './writable-host-pool.ts';

export const MANIFEST_KIND = 'infant-care-profile-postgres-backup';
/** The first bytes of every pg_dump custom-format (and directory-format toc) archive. */
const CUSTOM_FORMAT_MAGIC = 'PGDMP';
/** How long pg_restore waits for a lock a running server holds before it gives up (and rolls back). */
const RESTORE_LOCK_TIMEOUT = '60s';

/** The commands to run: pg_dump and pg_restore on PATH unless told otherwise (tests name missing ones). */
export interface PostgresTools {
  pgDump: string;
  pgRestore: string;
}

const DEFAULT_TOOLS: PostgresTools = { pgDump: 'pg_dump', pgRestore: 'pg_restore' };

export interface BackupManifest {
  kind: typeof MANIFEST_KIND;
  version: 1;
  /** The server's time when the snapshot was taken: the dump holds every transaction committed before it. */
  takenAt: string;
  database: string;
  serverVersion: string;
  pgDumpVersion: string;
  dump: { file: string; bytes: number; sha256: string };
  lastMigration: string | null;
  /** Rows in every table, by "schema.table", as the dump holds them. */
  tables: Record<string, number>;
  audit: { chained: number; unsealed: number; headSeq: string | null; headHash: string };
}

export interface PostgresBackup {
  bytes: number;
  manifestFile: string;
  manifest: BackupManifest;
}

export interface TableCountCheck {
  table: string;
  expected: number | null;
  actual: number | null;
}

export interface PostgresRestore {
  manifest: BackupManifest;
  /** The database restored into. */
  database: string;
  tables: number;
  rows: number;
  /** Tables whose row count differs from the manifest's, or that are only on one side. */
  countMismatches: TableCountCheck[];
  /** Null when no audit keys were given: the chain was not checked. */
  audit: AuditChainReport | null;
  /** Whether the chain after restore ends where it ended at backup (same entries, same head hash). */
  auditMatchesBackup: boolean;
  ok: boolean;
}

/** A refusal or failure with a message meant for the operator. */
export class PostgresBackupError extends Error {
  override name = 'PostgresBackupError';
}

export function manifestPath(file: string): string {
  return `${file}.manifest.json`;
}

/** The URL without its password, for --dbname, and the environment that carries the password instead. */
export function libpqTarget(url: string): { dbname: string; env: Record<string, string>; database: string } {
  const parsed = new URL(url);
  const env: Record<string, string> = {};
  if (parsed.password !== '') env['PGPASSWORD'] = decodeURIComponent(parsed.password);
  parsed.password = '';
  const database = decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username) || 'postgres';
  return { dbname: parsed.toString(), env, database };
}

/**
 * The URL of the one server to dump from or restore to. A URL that names several servers, or asks for
 * target_session_attrs=read-write, becomes the URL of the server that accepts writes (found as the
 * service finds it, writable-host-pool.ts), with everything else it said; any other URL is kept as it is.
 */
export async function writableServerUrl(url: string): Promise<string> {
  const reading = readPostgresUrl(url);
  if (!reading.ok) throw new PostgresBackupError(`The database URL ${reading.problem}. Nothing was done.`);
  const { target } = reading;
  if (target.hosts.length === 1 && target.targetSessionAttrs === 'any') return url;
  const pool = openWritableHostPool(target, 1, () => undefined);
  try {
    (await pool.connect()).release();
    return target.urlFor(pool.choice.current);
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw new PostgresBackupError(`${error.message}. Nothing was done: try again once a server accepts writes.`);
    throw error;
  } finally {
    await pool.end();
  }
}

interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a tool without a shell; a missing tool is a refusal that says what to install. */
function runTool(command: string, args: string[], env: Record<string, string> = {}): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      const name = path.basename(command);
      reject(
        error.code === 'ENOENT'
          ? new PostgresBackupError(`${name} was not found (${command}): install the PostgreSQL client tools, version 15 or later and at least the server's (Debian: apt-get install postgresql-client-15), and put them on PATH.`)
          : error,
      );
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The major version a tool reports, as in "pg_dump (PostgreSQL) 15.20 (Debian ...)". */
async function toolVersion(command: string): Promise<{ text: string; major: number }> {
  const run = await runTool(command, ['--version']);
  const match = /\(PostgreSQL\)\s+((\d+)[.\d]*)/.exec(run.stdout);
  if (run.code !== 0 || !match) throw new PostgresBackupError(`${command} --version did not name a PostgreSQL version: ${(run.stderr || run.stdout).trim()}`);
  return { text: match[1]!, major: Number(match[2]) };
}

/** The lines of a tool's error output worth showing: not the ones that can quote stored values. */
function toolErrors(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && !/^\s*(DETAIL|CONTEXT|LINE \d+):/.test(line) && !/^pg_restore: (warning: )?errors ignored/.test(line));
  return lines.slice(0, 8).map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line)).join('\n');
}

function majorOf(versionNum: string): number {
  return Math.floor(Number(versionNum) / 10_000);
}

/** Why a dump cannot go from one version to another, or null. Exported for its test. */
export function versionProblem(check: { dumpedFromMajor: number; targetServerMajor: number; dumpedByMajor: number; pgRestoreMajor: number }): string | null {
  if (check.dumpedFromMajor > check.targetServerMajor) {
    return `the dump comes from PostgreSQL ${check.dumpedFromMajor} and the target server runs ${check.targetServerMajor}: a dump cannot go to an older major version. Restore into PostgreSQL ${check.dumpedFromMajor} or later.`;
  }
  if (check.dumpedByMajor > check.pgRestoreMajor) {
    return `the dump was written by pg_dump ${check.dumpedByMajor} and this pg_restore is ${check.pgRestoreMajor}: use pg_restore ${check.dumpedByMajor} or later.`;
  }
  return null;
}

type Query = (text: string) => Promise<Record<string, unknown>[]>;

const TABLES_SQL = `
  SELECT n.nspname AS schema, c.relname AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
  ORDER BY 1, 2`;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function tableCounts(query: Query): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const row of await query(TABLES_SQL)) {
    const schema = String(row['schema']);
    const name = String(row['name']);
    const [count] = await query(`SELECT count(*)::text AS n FROM ${quoteIdent(schema)}.${quoteIdent(name)}`);
    counts[`${schema}.${name}`] = Number(count!['n']);
  }
  return counts;
}

async function auditHead(query: Query): Promise<BackupManifest['audit']> {
  const [counts] = await query('SELECT count(*) FILTER (WHERE chain_seq IS NOT NULL)::text AS chained, count(*) FILTER (WHERE chain_seq IS NULL)::text AS unsealed FROM audit_log');
  const [head] = await query('SELECT chain_seq::text AS seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1');
  return {
    chained: Number(counts!['chained']),
    unsealed: Number(counts!['unsealed']),
    headSeq: head ? String(head['seq']) : null,
    headHash: head ? String(head['hash']) : GENESIS_HASH,
  };
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

function writeAtomically(file: string, contents: string): void {
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, contents, { mode: 0o600 });
  fs.renameSync(partial, file);
}

/**
 * Dumps the database to FILE (custom format) and writes FILE.manifest.json. The counts and the audit
 * head are read in the transaction whose snapshot pg_dump uses, so they describe exactly what the dump
 * holds, while the server keeps running. A failure leaves neither file behind.
 */
export async function backupPostgres(databaseUrl: string, file: string, tools: PostgresTools = DEFAULT_TOOLS): Promise<PostgresBackup> {
  const pgDump = await toolVersion(tools.pgDump);
  const url = await writableServerUrl(databaseUrl);
  const target = libpqTarget(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    const query: Query = async (text) => (await client.query<Record<string, unknown>>(text)).rows;
    const [server] = await query("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text");
    const serverMajor = majorOf(String(server!['num']));
    if (serverMajor > pgDump.major) {
      throw new PostgresBackupError(`pg_dump ${pgDump.text} cannot dump PostgreSQL ${String(server!['text'])}: install the client tools of version ${serverMajor} or later. Nothing was written.`);
    }
    const [ours] = await query("SELECT to_regclass('audit_log') IS NOT NULL AND to_regclass('schema_migrations') IS NOT NULL AS ours");
    if (ours!['ours'] !== true) throw new PostgresBackupError(`The database ${target.database} has no Infant Care Profile tables (audit_log, schema_migrations): nothing to back up.`);

    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [snapshot] = await query('SELECT pg_export_snapshot() AS id, now() AS taken_at');
    const tables = await tableCounts(query);
    const audit = await auditHead(query);
    const [migration] = await query('SELECT max(id)::text AS id FROM schema_migrations');

    fs.rmSync(partial, { force: true });
    const dumped = await runTool(tools.pgDump, ['--format=custom', `--snapshot=${String(snapshot!['id'])}`, `--file=${partial}`, `--dbname=${target.dbname}`], target.env);
    await client.query('COMMIT');
    if (dumped.code !== 0) throw new PostgresBackupError(`pg_dump failed (exit ${String(dumped.code)}); nothing was written:\n${toolErrors(dumped.stderr)}`);

    // The dump holds personal data: readable by its owner only, whatever the umask.
    fs.chmodSync(partial, 0o600);
    const bytes = fs.statSync(partial).size;
    const manifest: BackupManifest = {
      kind: MANIFEST_KIND,
      version: 1,
      takenAt: (snapshot!['taken_at'] as Date).toISOString(),
      database: target.database,
      serverVersion: String(server!['text']),
      pgDumpVersion: pgDump.text,
      dump: { file: path.basename(file), bytes, sha256: await sha256File(partial) },
      lastMigration: typeof migration!['id'] === 'string' ? migration!['id'] : null,
      tables,
      audit,
    };
    fs.renameSync(partial, file);
    writeAtomically(manifestPath(file), `${JSON.stringify(manifest, null, 2)}\n`);
    return { bytes, manifestFile: manifestPath(file), manifest };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function readManifest(file: string): BackupManifest {
  const manifestFile = manifestPath(file);
  if (!fs.existsSync(manifestFile)) {
    throw new PostgresBackupError(`${manifestFile} is missing: it is written beside every backup and says what the dump must hold; keep the two together. Nothing was changed.`);
  }
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Partial<BackupManifest>;
  } catch {
    throw new PostgresBackupError(`${manifestFile} is not a backup manifest (it is not JSON). Nothing was changed.`);
  }
  if (manifest.kind !== MANIFEST_KIND || manifest.version !== 1 || typeof manifest.dump?.sha256 !== 'string' || typeof manifest.tables !== 'object' || typeof manifest.audit !== 'object') {
    throw new PostgresBackupError(`${manifestFile} is not a backup manifest of this service. Nothing was changed.`);
  }
  return manifest as BackupManifest;
}

/** Refuses before anything changes: the file must be a custom-format dump, whole, and the one its manifest names. */
async function checkDumpFile(file: string, tools: PostgresTools): Promise<{ manifest: BackupManifest; dumpedFromMajor: number; dumpedByMajor: number; pgRestoreMajor: number }> {
  if (!fs.existsSync(file)) throw new PostgresBackupError(`There is no backup file at ${file}.`);
  const handle = fs.openSync(file, 'r');
  const head = Buffer.alloc(CUSTOM_FORMAT_MAGIC.length);
  fs.readSync(handle, head, 0, head.length, 0);
  fs.closeSync(handle);
  if (head.toString('latin1') !== CUSTOM_FORMAT_MAGIC) {
    throw new PostgresBackupError(`${file} is not a PostgreSQL custom-format dump (pg_dump --format=custom, as \`npm run icp -- backup\` writes): nothing was changed.`);
  }
  const manifest = readManifest(file);
  if ((await sha256File(file)) !== manifest.dump.sha256 || fs.statSync(file).size !== manifest.dump.bytes) {
    throw new PostgresBackupError(`${file} does not match its manifest (its SHA-256 differs): the file is damaged, cut short or another dump. Nothing was changed.`);
  }
  const pgRestore = await toolVersion(tools.pgRestore);
  const listed = await runTool(tools.pgRestore, ['--list', file]);
  if (listed.code !== 0) throw new PostgresBackupError(`${file} cannot be read by pg_restore ${pgRestore.text}; nothing was changed:\n${toolErrors(listed.stderr)}`);
  const from = /Dumped from database version: (\d+)/.exec(listed.stdout);
  const by = /Dumped by pg_dump version: (\d+)/.exec(listed.stdout);
  if (!from || !by) throw new PostgresBackupError(`${file} does not say which PostgreSQL it was dumped from: nothing was changed.`);
  return { manifest, dumpedFromMajor: Number(from[1]), dumpedByMajor: Number(by[1]), pgRestoreMajor: pgRestore.major };
}

/**
 * Replaces the database's contents with the dump (pg_restore --clean --if-exists --single-transaction:
 * all or nothing), then holds the row counts against the manifest and verifies the audit chain with
 * the keys, against the anchors up to the backup's head. Stop the server first: the restore waits at
 * most a minute for the locks it needs, then gives up and changes nothing.
 */
export async function restorePostgres(databaseUrl: string, file: string, keys: AuditKeyring | null, anchors: readonly AuditAnchor[] = [], tools: PostgresTools = DEFAULT_TOOLS): Promise<PostgresRestore> {
  const checked = await checkDumpFile(file, tools);
  const { manifest } = checked;
  const url = await writableServerUrl(databaseUrl);
  const target = libpqTarget(url);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const server = await client.query<{ num: string; text: string }>("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text");
    const problem = versionProblem({ ...checked, targetServerMajor: majorOf(server.rows[0]!.num) });
    if (problem) throw new PostgresBackupError(`Cannot restore ${file} into ${target.database}: ${problem} Nothing was changed.`);
  } finally {
    await client.end().catch(() => undefined);
  }

  const options = [process.env['PGOPTIONS'], `-c lock_timeout=${RESTORE_LOCK_TIMEOUT}`].filter(Boolean).join(' ');
  const restored = await runTool(
    tools.pgRestore,
    ['--clean', '--if-exists', '--single-transaction', '--exit-on-error', '--no-owner', `--dbname=${target.dbname}`, file],
    { ...target.env, PGOPTIONS: options },
  );
  if (restored.code !== 0) {
    throw new PostgresBackupError(`The restore failed and was rolled back: ${target.database} is as it was before. pg_restore said:\n${toolErrors(restored.stderr)}`);
  }

  const database = openPostgres(url, 1);
  try {
    const query: Query = async (text) => (await sql.raw<Record<string, unknown>>(text).execute(database.db)).rows;
    const counts = await tableCounts(query);
    const names = [...new Set([...Object.keys(manifest.tables), ...Object.keys(counts)])].sort();
    const countMismatches = names
      .map((table) => ({ table, expected: manifest.tables[table] ?? null, actual: counts[table] ?? null }))
      .filter((check) => check.expected !== check.actual);
    const headSeq = manifest.audit.headSeq;
    const audit = keys ? await verifyAuditChain(database.db, keys, anchors.filter((anchor) => headSeq !== null && BigInt(anchor.seq) <= BigInt(headSeq))) : null;
    const auditMatchesBackup = audit !== null && audit.intact && audit.entries === manifest.audit.chained && audit.unsealed === manifest.audit.unsealed && audit.headHash === manifest.audit.headHash;
    return {
      manifest,
      database: target.database,
      tables: Object.keys(counts).length,
      rows: Object.values(counts).reduce((sum, n) => sum + n, 0),
      countMismatches,
      audit,
      auditMatchesBackup,
      ok: countMismatches.length === 0 && auditMatchesBackup,
    };
  } finally {
    await database.close();
  }
}
