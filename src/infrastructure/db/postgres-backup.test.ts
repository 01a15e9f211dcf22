import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { cliOperator } from '../../application/actor.ts';
import { createContext } from '../../application/context.ts';
import { loadSyntheticPartnership } from '../../application/synthetic/load-synthetic-partnership.ts';
import { loadConfig } from '../../config.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { TestClock } from '../../../test/helpers/test-clock.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { keyringOf } from '../audit/audit-keys.ts';
import { sealAuditTrail } from '../audit/audit-seal.ts';
import { backupPostgres, libpqTarget, manifestPath, restorePostgres, versionProblem, writableServerUrl, type BackupManifest } from './postgres-backup.ts';

const KEY = { id: 'k-backup', secret: 'the-backup-test-secret-of-at-least-32-chars' };
const keys = keyringOf([KEY], 'test');

// Every folder made here is removed when the file's tests end.
const workDirs: string[] = [];
const workDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-pg-backup-'));
  workDirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of workDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The URL of a database of its own, beside the test databases, with the same name prefix so CI's clean-up finds it. */
function siblingUrl(name: string): string {
  const url = new URL(process.env['DATABASE_URL']!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** An empty database (not from the migrated template): a fresh server's, for a restore. */
async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(process.env['DATABASE_URL']!).pathname.slice(1) || 'postgres';
  const name = `${base}_t_restore_${randomBytes(5).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  return { url: siblingUrl(name), drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined) };
}

/** A loopback port nothing listens on: a server that is down. */
function deadPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function counts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = ['cases', 'chronology_entries', 'people', 'organisations', 'users', 'audit_log'];
    const result: Record<string, number> = {};
    for (const table of tables) result[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    return result;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL connection details for the tools', () => {
  it('keeps the password out of the URL given as an argument, and in PGPASSWORD', () => {
    const target = libpqTarget('postgres://icp%20user:p%40ss%3Aword@db.example:5433/icp?sslmode=require');
    assert.equal(target.dbname, 'postgres://icp%20user@db.example:5433/icp?sslmode=require');
    assert.deepEqual(target.env, { PGPASSWORD: 'p@ss:word' });
    assert.equal(target.database, 'icp');
    assert.deepEqual(libpqTarget('postgres://icp@localhost/icp').env, {}, 'no password: PGPASSWORD and ~/.pgpass as the environment has them');
  });

  it('refuses a dump from a newer server, or one pg_restore is too old to read', () => {
    assert.equal(versionProblem({ dumpedFromMajor: 15, targetServerMajor: 16, dumpedByMajor: 15, pgRestoreMajor: 15 }), null);
    assert.match(versionProblem({ dumpedFromMajor: 16, targetServerMajor: 15, dumpedByMajor: 16, pgRestoreMajor: 16 }) ?? '', /from PostgreSQL 16 and the target server runs 15/);
    assert.match(versionProblem({ dumpedFromMajor: 15, targetServerMajor: 15, dumpedByMajor: 17, pgRestoreMajor: 15 }) ?? '', /use pg_restore 17 or later/);
  });

  it('keeps a URL naming one server as it is, and refuses one naming several when none accepts writes', async () => {
    const one = 'postgres://icp@db.example:5433/icp?sslmode=require';
    assert.equal(await writableServerUrl(one), one, 'one server, no target_session_attrs: not even connected to');
    const [first, second] = [await deadPort(), await deadPort()];
    await assert.rejects(
      writableServerUrl(`postgres://nobody@127.0.0.1:${String(first)},127.0.0.1:${String(second)}/none?target_session_attrs=read-write&connect_timeout=1`),
      new RegExp(`^PostgresBackupError: No server accepting writes among 127\\.0\\.0\\.1:${String(first)}, 127\\.0\\.0\\.1:${String(second)} .*Nothing was done: try again once a server accepts writes\\.$`),
    );
    await assert.rejects(writableServerUrl('postgres://icp@db1:5432,db2:x/icp'), /The database URL names a server it cannot read \("db2:x"\)/);
  });

  it('refuses to back up when pg_dump is missing, before connecting', async () => {
    await assert.rejects(backupPostgres('postgres://nobody@127.0.0.1:1/none', path.join(workDir(), 'x.dump'), { pgDump: '/nonexistent/pg_dump', pgRestore: 'pg_restore' }), /pg_dump was not found \(\/nonexistent\/pg_dump\): install the PostgreSQL client tools/);
  });
});

describe('backup and restore on PostgreSQL', { skip: usingPostgres ? false : 'needs DATABASE_URL: the embedded database has its own backup (backup.test.ts)' }, () => {
  let source: TestDatabase;
  let target: { url: string; drop: () => Promise<void> };
  let dir: string;
  let file: string;
  let manifest: BackupManifest;

  before(async () => {
    source = await createTestDatabase();
    target = await emptyDatabase();
    dir = workDir();
    file = path.join(dir, 'icp.dump');
    const clock = new TestClock();
    const ctx = createContext(source.db, loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dir }), clock, keys);
    const generated = await loadSyntheticPartnership(ctx, cliOperator, { infants: 4, seed: 7 });
    assert.ok(generated.ok);
    for (let i = 0; i < 3; i++) {
      await source.db.transaction().execute((trx) => appendAudit(trx, KEY, { channel: 'cli', action: 'case.view', caseId: `case-${String(i)}`, details: { i } }, `backup-test-${String(i)}`, clock.now()));
    }
    await sealAuditTrail(source.db, keys, { wait: true });
    // One entry written but not chained yet, as the server leaves them for up to a second.
    await source.db.transaction().execute((trx) => appendAudit(trx, KEY, { channel: 'cli', action: 'case.view', details: {} }, 'backup-test-unsealed', clock.now()));
  });

  after(async () => {
    await source.close();
    await target.drop();
  });

  it('backs up cases, entries and the audit trail, with a manifest of what the dump holds', async () => {
    const backup = await backupPostgres(source.url!, file);
    manifest = backup.manifest;
    assert.equal(fs.statSync(file).size, backup.bytes);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600, 'the dump holds personal data: owner only');
    assert.equal(fs.readFileSync(file).subarray(0, 5).toString(), 'PGDMP');
    assert.deepEqual(JSON.parse(fs.readFileSync(manifestPath(file), 'utf8')), manifest);
    const expected = await counts(source.url!);
    assert.equal(manifest.tables['public.cases'], expected['cases']);
    assert.equal(manifest.tables['public.chronology_entries'], expected['chronology_entries']);
    assert.ok(expected['cases'] === 4 && expected['chronology_entries']! > 0);
    assert.deepEqual({ chained: manifest.audit.chained, unsealed: manifest.audit.unsealed }, { chained: 4, unsealed: 1 });
    assert.match(manifest.audit.headHash, /^[0-9a-f]{64}$/);
    assert.match(manifest.lastMigration ?? '', /^\d{3}-/);
    assert.equal(fs.existsSync(`${file}.partial`), false);
  });

  it('restores into a fresh database: the counts equal the backup and the audit chain verifies', async () => {
    const restored = await restorePostgres(target.url, file, keys);
    assert.deepEqual(restored.countMismatches, []);
    assert.ok(restored.audit?.intact, JSON.stringify(restored.audit));
    assert.equal(restored.audit.entries, 4);
    assert.equal(restored.audit.unsealed, 1);
    assert.equal(restored.audit.headHash, manifest.audit.headHash);
    assert.ok(restored.auditMatchesBackup && restored.ok);
    assert.deepEqual(await counts(target.url), await counts(source.url!));
  });

  it('restores over a database that has changed since, undoing the change', async () => {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query("INSERT INTO organisations (id, name, kind, created_at) VALUES ('after-backup', 'After backup', 'gp', '2026-11-01T00:00:00Z')");
    await client.end();
    const restored = await restorePostgres(target.url, file, keys);
    assert.ok(restored.ok);
    assert.deepEqual(await counts(target.url), await counts(source.url!));
  });

  it('says so when the keys that signed the chain are not given, or the chain is not the one backed up', async () => {
    const unchecked = await restorePostgres(target.url, file, null);
    assert.equal(unchecked.audit, null);
    assert.equal(unchecked.ok, false);
    const otherKeys = keyringOf([{ id: KEY.id, secret: 'a-different-secret-of-at-least-32-characters' }], 'test');
    const wrongKeys = await restorePostgres(target.url, file, otherKeys);
    assert.equal(wrongKeys.audit?.intact, false);
    assert.equal(wrongKeys.ok, false);
  });

  it('refuses a file that is not a dump, a dump changed since, or one cut short, and leaves the database untouched', async () => {
    const before = await counts(target.url);

    const junk = path.join(dir, 'junk.dump');
    fs.writeFileSync(junk, 'this is not a dump');
    fs.copyFileSync(manifestPath(file), manifestPath(junk));
    await assert.rejects(restorePostgres(target.url, junk, keys), /is not a PostgreSQL custom-format dump .*nothing was changed/);

    const edited = path.join(dir, 'edited.dump');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10]! ^= 0xff;
    fs.writeFileSync(edited, bytes);
    fs.copyFileSync(manifestPath(file), manifestPath(edited));
    await assert.rejects(restorePostgres(target.url, edited, keys), /does not match its manifest .*Nothing was changed/);

    const alone = path.join(dir, 'alone.dump');
    fs.copyFileSync(file, alone);
    await assert.rejects(restorePostgres(target.url, alone, keys), /alone\.dump\.manifest\.json is missing/);

    // Cut short, with a manifest made to match: it gets past every check to pg_restore, which fails
    // part way through, after dropping tables; the single transaction puts everything back.
    const cut = path.join(dir, 'cut.dump');
    fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size * 0.97)));
    const forged = { ...manifest, dump: { ...manifest.dump, bytes: fs.statSync(cut).size, sha256: createHash('sha256').update(fs.readFileSync(cut)).digest('hex') } };
    fs.writeFileSync(manifestPath(cut), JSON.stringify(forged));
    await assert.rejects(restorePostgres(target.url, cut, keys), /The restore failed and was rolled back: .* is as it was before\. pg_restore said:\npg_restore: error: could not read from input file/);

    assert.deepEqual(await counts(target.url), before);
  });

  it('backs up and restores with a URL naming a dead server first and the writable one second: the tools get the writable one alone', async () => {
    const dead = await deadPort();
    const log = path.join(dir, 'tools.log');
    const logged = (tool: string) => {
      const wrapper = path.join(dir, `${tool}-logged`);
      fs.writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec ${tool} "$@"\n`, { mode: 0o700 });
      return wrapper;
    };
    const tools = { pgDump: logged('pg_dump'), pgRestore: logged('pg_restore') };
    const live = new URL(source.url!).host;
    const bothServers = (url: string) => {
      const parsed = new URL(url);
      return `postgres://${parsed.username === '' ? '' : `${parsed.username}@`}127.0.0.1:${String(dead)},${parsed.host}${parsed.pathname}?target_session_attrs=read-write&connect_timeout=2`;
    };
    const dump = path.join(dir, 'both-servers.dump');

    const backup = await backupPostgres(bothServers(source.url!), dump, tools);
    assert.equal(backup.manifest.audit.headHash, manifest.audit.headHash);
    assert.deepEqual(backup.manifest.tables, manifest.tables);
    const restored = await restorePostgres(bothServers(target.url), dump, keys, [], tools);
    assert.ok(restored.ok, JSON.stringify(restored.countMismatches));
    assert.equal(restored.database, new URL(target.url).pathname.slice(1));
    assert.deepEqual(await counts(target.url), await counts(source.url!));

    const targets = fs
      .readFileSync(log, 'utf8')
      .split('\n')
      .flatMap((line) => /--dbname=(\S+)/.exec(line)?.[1] ?? []);
    assert.equal(targets.length, 2, 'one pg_dump, one pg_restore');
    for (const dbname of targets) {
      assert.equal(new URL(dbname).host, live);
      assert.doesNotMatch(dbname, new RegExp(`:${String(dead)}|,|target_session_attrs`));
    }
  });

  it('refuses when pg_restore is missing, before changing anything', async () => {
    await assert.rejects(restorePostgres(target.url, file, keys, [], { pgDump: 'pg_dump', pgRestore: '/nonexistent/pg_restore' }), /pg_restore was not found/);
  });

  it('never passes the password as an argument: pg_dump gets it in PGPASSWORD', async () => {
    const log = path.join(dir, 'pg_dump.log');
    const wrapper = path.join(dir, 'pg_dump');
    fs.writeFileSync(wrapper, `#!/bin/sh\nprintf 'args: %s\\n' "$*" >> '${log}'\nprintf 'PGPASSWORD=%s\\n' "$PGPASSWORD" >> '${log}'\nexec pg_dump "$@"\n`, { mode: 0o700 });
    const url = new URL(source.url!);
    url.password = 'not-in-ps-output';
    await backupPostgres(url.toString(), path.join(dir, 'with-password.dump'), { pgDump: wrapper, pgRestore: 'pg_restore' });
    const lines = fs.readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith('args: ') && !line.includes('--version'));
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0]!, /not-in-ps-output/);
    assert.match(fs.readFileSync(log, 'utf8'), /^PGPASSWORD=not-in-ps-output$/m);
  });
});
