// Point-in-time recovery, tried end to end on throwaway PostgreSQL clusters (npm run test:pitr; CI runs it):
//   1. a primary on a free loopback port, archiving its WAL to a folder (wal_level=replica,
//      archive_mode=on, archive_command copying each segment), with the service's real schema (the
//      project's migrations, run by `npm run icp -- migrate`);
//   2. a base backup of it (pg_basebackup);
//   3. row A written, the server's time noted, row B written, the WAL switched so the segment holding
//      both commits is archived;
//   4. the base backup copied to a third data folder, started on another free port with
//      restore_command, recovery_target_time = the noted time, recovery_target_action = promote;
//   5. A must be there and B not.
// Everything is stopped and removed at the end, also on failure or Ctrl-C (PITR_KEEP=1 keeps the
// folder to look at). PostgreSQL refuses to run as root: when this runs as root (CI may), the
// PostgreSQL programs run as the `postgres` user through runuser, in folders it owns.
// The binaries come from PG_BINDIR, else /usr/lib/postgresql/15/bin (the newest installed otherwise),
// else `pg_config --bindir`.
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, GiveUp, giveToPgUser, inWorkFolder, makeLog, pgUserDescription, runAsPgUser, tail, waitFor } from './lib/clusters.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STEP_TIMEOUT_MS = 60_000;
const RECOVERY_TIMEOUT_MS = 30_000;
const log = makeLog('pitr');

function findBinDir() {
  const candidates = [process.env.PG_BINDIR, '/usr/lib/postgresql/15/bin'];
  if (fs.existsSync('/usr/lib/postgresql')) {
    const versions = fs.readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v) && Number(v) >= 15).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  const fromPgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromPgConfig.status === 0) candidates.push(fromPgConfig.stdout.trim());
  const found = candidates.find((dir) => dir && ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'].every((bin) => fs.existsSync(path.join(dir, bin))));
  if (!found) throw new Error(`No PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) in ${candidates.filter(Boolean).join(', ')}: install postgresql-15 or set PG_BINDIR.`);
  return found;
}

/** Runs a PostgreSQL program as the user PostgreSQL runs as, within the step's time. */
const asPgUser = (command, args) => runAsPgUser(command, args, { timeout: STEP_TIMEOUT_MS });

/** PostgreSQL's own clock decides which commits come before the target: this waits on it, not on a test clock. */
const pause = (ms) => sleep(ms);

async function withClient(port, database, run) {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function appendConf(dataDir, settings) {
  const lines = Object.entries(settings).map(([name, value]) => `${name} = ${typeof value === 'number' ? value : `'${String(value).replace(/'/g, "''")}'`}`);
  fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), `\n# test-pitr.mjs\n${lines.join('\n')}\n`);
}

async function main(root, onCleanUp) {
  const BIN = findBinDir();
  const bin = (name) => path.join(BIN, name);
  const dirs = { primary: path.join(root, 'primary'), archive: path.join(root, 'archive'), base: path.join(root, 'base'), restored: path.join(root, 'restored'), app: path.join(root, 'app') };
  const logs = { primary: path.join(root, 'primary.log'), restored: path.join(root, 'restored.log') };
  const running = new Set();
  const stop = (dataDir, mode = 'fast') => {
    asPgUser(bin('pg_ctl'), ['-D', dataDir, '-m', mode, '-w', 'stop']);
    running.delete(dataDir);
  };
  onCleanUp(() => {
    for (const dataDir of running) {
      try {
        stop(dataDir, 'immediate');
      } catch (error) {
        console.error(`Could not stop the cluster in ${dataDir}: ${error.message}`);
      }
    }
  });

  try {
    log(`PostgreSQL binaries in ${BIN}; running them as ${pgUserDescription()}; work folder ${root}`);
    fs.mkdirSync(dirs.archive);
    fs.mkdirSync(dirs.app);
    giveToPgUser(root);

    // 1. The primary, archiving WAL.
    const [primaryPort, restoredPort] = [await freePort(), await freePort()];
    asPgUser(bin('initdb'), ['-D', dirs.primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    appendConf(dirs.primary, {
      listen_addresses: '127.0.0.1',
      port: primaryPort,
      unix_socket_directories: root,
      wal_level: 'replica',
      archive_mode: 'on',
      archive_command: `test ! -f ${dirs.archive}/%f && cp %p ${dirs.archive}/%f`,
      max_wal_senders: 4,
      max_connections: 20,
      shared_buffers: '16MB',
      // A throwaway cluster with no crash to survive: do not make the shared disk wait.
      fsync: 'off',
    });
    asPgUser(bin('pg_ctl'), ['-D', dirs.primary, '-l', logs.primary, '-w', '-t', '60', 'start']);
    running.add(dirs.primary);
    log(`primary started on 127.0.0.1:${primaryPort}, archiving to ${dirs.archive}`);

    await withClient(primaryPort, 'postgres', (client) => client.query('CREATE DATABASE icp'));
    const migrated = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'migrate'], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: STEP_TIMEOUT_MS,
      env: { ...process.env, DATABASE_URL: `postgres://postgres@127.0.0.1:${primaryPort}/icp`, DATA_DIR: dirs.app, AUDIT_KEYS: 'pitr:a-throwaway-key-for-the-pitr-test-only-0123456789', LOG_LEVEL: 'silent' },
    });
    if (migrated.status !== 0) throw new Error(`npm run icp -- migrate failed:\n${migrated.stderr}${migrated.stdout}`);
    const migrations = await withClient(primaryPort, 'icp', async (client) => (await client.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n);
    log(`the service's ${migrations} migrations applied`);

    // 2. The base backup.
    asPgUser(bin('pg_basebackup'), ['-D', dirs.base, '-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '--checkpoint=fast', '--wal-method=stream', '--no-sync']);
    log(`base backup taken in ${dirs.base}`);

    // 3. A, the time, B; then the WAL holding both commits goes to the archive.
    const target = await withClient(primaryPort, 'icp', async (client) => {
      const insert = (id, name) => client.query("INSERT INTO organisations (id, name, kind, created_at) VALUES ($1, $2, 'gp', now())", [id, name]);
      await insert('pitr-row-a', 'Row A, before the mistake');
      await pause(50);
      const noted = (await client.query('SELECT clock_timestamp()::text AS at, pg_current_wal_lsn()::text AS lsn')).rows[0];
      await pause(50);
      await insert('pitr-row-b', 'Row B, the mistake');
      const segment = (await client.query('SELECT pg_walfile_name(pg_switch_wal()) AS name')).rows[0].name;
      await waitFor(`WAL segment ${segment} to be archived`, RECOVERY_TIMEOUT_MS, async () => {
        const archiver = (await client.query('SELECT last_archived_wal, last_failed_wal FROM pg_stat_archiver')).rows[0];
        if (archiver.last_failed_wal) throw new GiveUp(`archive_command failed for ${archiver.last_failed_wal}: see ${logs.primary}`);
        return archiver.last_archived_wal !== null && archiver.last_archived_wal >= segment;
      }, 100);
      log(`A written, time noted ${noted.at} (WAL ${noted.lsn}), B written, segment ${segment} archived`);
      return noted.at;
    });
    stop(dirs.primary);
    log('primary stopped');

    // 4. The base backup restored to a third folder, recovered to the noted time.
    asPgUser('cp', ['-a', dirs.base, dirs.restored]);
    appendConf(dirs.restored, {
      port: restoredPort,
      archive_mode: 'off',
      restore_command: `cp ${dirs.archive}/%f %p`,
      recovery_target_time: target,
      recovery_target_action: 'promote',
    });
    fs.writeFileSync(path.join(dirs.restored, 'recovery.signal'), '');
    giveToPgUser(dirs.restored);
    asPgUser(bin('pg_ctl'), ['-D', dirs.restored, '-l', logs.restored, '-w', '-t', '60', 'start']);
    running.add(dirs.restored);
    await waitFor('the restored cluster to finish recovery and promote', RECOVERY_TIMEOUT_MS, () =>
      withClient(restoredPort, 'icp', async (client) => (await client.query('SELECT pg_is_in_recovery() AS r')).rows[0].r === false),
      100,
    );
    const stopLine = fs.readFileSync(logs.restored, 'utf8').split('\n').find((line) => line.includes('recovery stopping'));
    log(`restored cluster on 127.0.0.1:${restoredPort} promoted${stopLine ? `: ${stopLine.replace(/^.*LOG:\s*/, '')}` : ''}`);

    // 5. A and not B.
    const found = await withClient(restoredPort, 'icp', async (client) => (await client.query("SELECT id FROM organisations WHERE id LIKE 'pitr-row-%' ORDER BY id")).rows.map((row) => row.id));
    if (found.join(',') !== 'pitr-row-a') throw new Error(`After recovery to ${target} expected only pitr-row-a, found: ${found.join(', ') || 'nothing'}`);
    log('found A and not B');
    stop(dirs.restored);
  } catch (error) {
    for (const [name, file] of Object.entries(logs)) {
      const text = tail(file, 30);
      if (text) console.error(`--- last lines of the ${name} cluster's log (${file}):\n${text}`);
    }
    throw error;
  }
}

// A few seconds when all is well: past ten minutes the run fails with its logs (inWorkFolder), and it
// exits as soon as the verdict is out, whatever is left running.
inWorkFolder({ prefix: 'icp-pitr-', keepVariable: 'PITR_KEEP', deadlineMs: 10 * 60_000 }, main).then(
  () => {
    log('point-in-time recovery works: passed');
    process.exit(0);
  },
  (error) => {
    console.error(`Point-in-time recovery test FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
