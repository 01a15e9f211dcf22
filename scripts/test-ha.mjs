// Database failover, tried end to end with pg_auto_failover (npm run test:ha; CI runs it once):
//   1. in a temporary folder, a monitor, a primary and a secondary on free loopback ports, with
//      synchronous replication (number_sync_standbys 0 with one secondary: the primary waits for
//      ANY 1 standby; its synchronous_standby_names is checked before each kill);
//   2. the service's schema migrated (`npm run icp -- migrate`), an organisation, a practitioner and
//      their API token made with the CLI, and the service started (one process) on the multi-host
//      URL postgres://…@127.0.0.1:P1,127.0.0.1:P2/icp?target_session_attrs=read-write;
//   3. a case made through the API, then a few clients posting chronology events
//      (POST /api/v1/cases/{id}/events), each with its own externalId, again with the same one after
//      a 503 or a cut connection, until it is acknowledged (201, or 200: already stored);
//   4. at a random moment, the primary node killed as a machine dies: its pg_auto_failover keeper
//      and its PostgreSQL, every process with kill -9 (the keeper alone would restart PostgreSQL);
//      the monitor promotes the secondary; the time to recover runs from the kill to the first
//      acknowledged write sent after it; the dead node's keeper is started again and rejoins as the
//      secondary; repeated HA_KILLS times (default 2) once the pair is in sync again;
//      before each kill, /health/ready must show the database writable and its standby synchronous;
//   5. every acknowledged write must be stored (on the primary at the end), each once, and
//      `npm run icp -- audit verify` must pass, after the service has stopped.
// Exits non-zero on any lost write or failed check. Everything is stopped and removed at the end,
// also on failure or Ctrl-C (HA_KEEP=1 keeps the folder). As root (CI may be), PostgreSQL and
// pg_autoctl run as the `postgres` user through runuser, in folders it owns. The last line is the
// run's figures as JSON, for bench/.
// The monitor is set to notice a dead node within seconds (pgautofailover.* below), shorter than
// its production defaults; README.md, "Database failover", gives those.
import { spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { asPgUserArgv, freePort, GiveUp, giveToPgUser, inWorkFolder, makeLog, pgUserDescription, tail, waitFor } from './lib/clusters.mjs';

const { fetch, AbortSignal } = globalThis;
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PG_BINDIR = process.env.PG_BINDIR ?? '/usr/lib/postgresql/15/bin';
const PG_AUTOCTL = process.env.PG_AUTOCTL ?? '/usr/bin/pg_autoctl';
const KILLS = Number(process.env.HA_KILLS ?? 2);
const CLIENTS = Number(process.env.HA_CLIENTS ?? 4);
const STEP_TIMEOUT_MS = 120_000;
const PROMOTION_TIMEOUT_MS = 90_000;
/** The whole run, about a minute when all is well: past it, the run fails with its logs (inWorkFolder). */
const RUN_DEADLINE_MS = 15 * 60_000;
const AUDIT_KEYS = 'ha:a-throwaway-key-for-the-failover-test-only-0123456789';
/** How quickly the monitor notices a dead node (milliseconds); its defaults are 5000, 5000, 2, 2000, 20000, 30000. */
const MONITOR_SETTINGS = {
  'pgautofailover.health_check_period': 1000,
  'pgautofailover.health_check_timeout': 1000,
  'pgautofailover.health_check_max_retries': 1,
  'pgautofailover.health_check_retry_delay': 500,
  'pgautofailover.node_considered_unhealthy_timeout': 3000,
  'pgautofailover.primary_demote_timeout': 5000,
};

const seconds = (ms) => (ms / 1000).toFixed(1);
const log = makeLog('ha');

async function withClient(url, run) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The processes whose parent is this one (from /proc): a dead machine takes every one. */
function childrenOf(pid) {
  const children = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // it ended meanwhile
    }
  }
  return children;
}

function killNow(pid) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function postmasterPid(dataDir) {
  try {
    return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

class Cluster {
  constructor(root) {
    this.root = root;
    this.keepers = new Map(); // data folder -> child process (its own process group)
    this.env = { XDG_CONFIG_HOME: path.join(root, 'config'), XDG_DATA_HOME: path.join(root, 'share'), XDG_RUNTIME_DIR: path.join(root, 'run'), PG_CONFIG: path.join(PG_BINDIR, 'pg_config') };
  }

  command(args) {
    const envArgs = Object.entries(this.env).map(([name, value]) => `${name}=${value}`);
    return asPgUserArgv('env', [...envArgs, PG_AUTOCTL, ...args]);
  }

  /** Runs a pg_autoctl command to its end. */
  run(args) {
    const [file, argv] = this.command(args);
    const result = spawnSync(file, argv, { encoding: 'utf8', timeout: STEP_TIMEOUT_MS, cwd: this.root });
    if (result.status !== 0) throw new Error(`pg_autoctl ${args.join(' ')} failed (exit ${result.status}):\n${(result.stderr || result.stdout || '').split('\n').slice(-15).join('\n')}`);
    return result.stdout;
  }

  /** Starts a node's service (pg_autoctl run, or create … --run) in its own process group, logging to a file. */
  start(dataDir, args) {
    const [file, argv] = this.command(args);
    const logFd = fs.openSync(`${dataDir}.log`, 'a');
    const child = spawn(file, argv, { cwd: this.root, detached: true, stdio: ['ignore', logFd, logFd] });
    fs.closeSync(logFd);
    child.on('error', (error) => log(`could not start pg_autoctl for ${dataDir}: ${error.message}`));
    this.keepers.set(dataDir, child);
  }

  /** kill -9 on the node: its keeper's process group, then its PostgreSQL and every child of it. */
  kill(dataDir) {
    const postmaster = postmasterPid(dataDir);
    const keeper = this.keepers.get(dataDir);
    if (keeper?.pid) {
      try {
        process.kill(-keeper.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.keepers.delete(dataDir);
    if (postmaster) {
      const backends = childrenOf(postmaster);
      killNow(postmaster);
      backends.forEach(killNow);
    }
  }

  stopAll() {
    for (const dataDir of [...this.keepers.keys()]) this.kill(dataDir);
    for (const entry of fs.existsSync(this.root) ? fs.readdirSync(this.root) : []) {
      const pid = postmasterPid(path.join(this.root, entry));
      if (pid) {
        childrenOf(pid).forEach(killNow);
        killNow(pid);
      }
    }
  }
}

function icp(args, env) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: STEP_TIMEOUT_MS, env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`npm run icp -- ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  return result.stdout.trim().split('\n').at(-1);
}

/** The nodes as the monitor sees them: name, port, reported and goal state. */
async function nodeStates(monitorUrl) {
  return withClient(monitorUrl, async (client) => (await client.query('SELECT nodename AS name, nodeport AS port, reportedstate AS reported, goalstate AS goal FROM pgautofailover.node ORDER BY nodeid')).rows);
}

function describeStates(nodes) {
  return nodes.map((node) => `${node.name}:${node.port} ${node.reported}${node.reported === node.goal ? '' : `→${node.goal}`}`).join(', ');
}

/** Drives the events API from a few clients, each retrying its write with the same externalId until it is acknowledged. */
class Load {
  constructor(baseUrl, token, caseId) {
    Object.assign(this, { baseUrl, token, caseId });
    this.acknowledged = []; // { id, sentAt, ackedAt }
    this.refusals = { 503: 0, cut: 0, other: 0 };
    this.running = true;
    this.day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  }

  async post(externalId) {
    const response = await fetch(`${this.baseUrl}/api/v1/cases/${this.caseId}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'case-note', occurredAt: this.day, summary: `Failover test entry ${externalId}`, source: 'observed', externalId }),
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    return response.status;
  }

  async client(number) {
    for (let n = 1; this.running; n++) {
      const id = `ha-${number}-${n}`;
      while (this.running) {
        const sentAt = performance.now();
        const status = await this.post(id).catch(() => 'cut');
        if (status === 200 || status === 201) {
          this.acknowledged.push({ id, sentAt, ackedAt: performance.now() });
          break;
        }
        if (status === 503) this.refusals[503]++;
        else if (status === 'cut') this.refusals.cut++;
        else {
          this.refusals.other++;
          throw new Error(`POST events answered ${status} for ${id}: neither acknowledged nor 503`);
        }
        await sleep(250);
      }
    }
  }

  start() {
    this.done = Promise.all(Array.from({ length: CLIENTS }, (_, i) => this.client(i + 1)));
    this.done.catch((error) => {
      this.failure = error;
    });
  }

  /** Throws, ending any wait at once, when a client met an answer that is neither an acknowledgement nor a 503. */
  checkClients() {
    if (this.failure) throw new GiveUp(this.failure.message);
  }

  async stop() {
    this.running = false;
    await this.done;
  }

  /** Stops the clients sending (each ends once its write in flight is answered or times out), without waiting for them: on failure. */
  halt() {
    this.running = false;
  }

  /** From a kill to the first acknowledged write sent after it. */
  recoveredAfter(killedAt) {
    const after = this.acknowledged.filter((write) => write.sentAt >= killedAt).map((write) => write.ackedAt);
    return after.length === 0 ? undefined : Math.min(...after) - killedAt;
  }
}

async function main(root, onCleanUp) {
  for (const program of [PG_AUTOCTL, path.join(PG_BINDIR, 'pg_ctl')]) {
    if (!fs.existsSync(program)) throw new Error(`${program} is missing: install postgresql-15 and postgresql-15-auto-failover (or set PG_BINDIR, PG_AUTOCTL).`);
  }
  const cluster = new Cluster(root);
  const nodes = [path.join(root, 'node1'), path.join(root, 'node2')];
  let server;
  let load;
  onCleanUp(() => cluster.stopAll());
  onCleanUp(() => load?.halt());
  onCleanUp(() => {
    if (server && server.exitCode === null) killNow(server.pid);
  });

  try {
    for (const dir of ['config', 'share', 'run', 'app']) fs.mkdirSync(path.join(root, dir));
    giveToPgUser(root);
    const [monitorPort, port1, port2, appPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const ports = new Map([[nodes[0], port1], [nodes[1], port2]]);
    log(`pg_autoctl as ${pgUserDescription()}; work folder ${root}; ${CLIENTS} clients, ${KILLS} kills`);

    // 1. The monitor, quick to notice a dead node; then the primary and the secondary.
    const monitorDir = path.join(root, 'monitor');
    cluster.run(['create', 'monitor', '--pgdata', monitorDir, '--pgport', String(monitorPort), '--hostname', '127.0.0.1', '--auth', 'trust', '--no-ssl', '--pgctl', path.join(PG_BINDIR, 'pg_ctl')]);
    fs.appendFileSync(path.join(monitorDir, 'postgresql.conf'), `\n# test-ha.mjs\nlisten_addresses = '127.0.0.1'\n${Object.entries(MONITOR_SETTINGS).map(([name, value]) => `${name} = ${value}`).join('\n')}\n`);
    cluster.start(monitorDir, ['run', '--pgdata', monitorDir]);
    const monitorUrl = `postgres://autoctl_node@127.0.0.1:${monitorPort}/pg_auto_failover`;
    await waitFor('the monitor', STEP_TIMEOUT_MS, () => nodeStates(monitorUrl).then(() => true));
    log(`monitor on 127.0.0.1:${monitorPort}`);

    const createNode = (dataDir, name) =>
      cluster.start(dataDir, ['create', 'postgres', '--pgdata', dataDir, '--pgport', String(ports.get(dataDir)), '--listen', '127.0.0.1', '--hostname', '127.0.0.1', '--name', name, '--dbname', 'icp', '--auth', 'trust', '--no-ssl', '--pgctl', path.join(PG_BINDIR, 'pg_ctl'), '--monitor', monitorUrl, '--run']);
    createNode(nodes[0], 'node1');
    await waitFor('node1 to be the single node', STEP_TIMEOUT_MS, async () => (await nodeStates(monitorUrl)).some((node) => node.reported === 'single'));
    // pg_basebackup (a new secondary) waits for a spread checkpoint: minutes on a busy machine. Here
    // it may write at full speed (copied to node2 with the backup, so it holds after a failover too).
    await withClient(`postgres://postgres@127.0.0.1:${port1}/postgres`, async (client) => {
      await client.query('ALTER SYSTEM SET checkpoint_completion_target = 0');
      await client.query('SELECT pg_reload_conf()');
    });
    createNode(nodes[1], 'node2');
    const inSync = async () => {
      const states = await nodeStates(monitorUrl);
      const settled = states.length === 2 && states.every((node) => node.reported === node.goal) && states.some((node) => node.reported === 'primary') && states.some((node) => node.reported === 'secondary');
      return settled ? states : undefined;
    };
    await waitFor('node2 to catch up as the secondary', STEP_TIMEOUT_MS, inSync);
    // With one secondary, number_sync_standbys stays 0 (1 needs two standbys): the primary still
    // waits for ANY 1 standby in the replication quorum, checked below before each kill.
    const syncStandbys = await withClient(monitorUrl, async (client) => (await client.query("SELECT number_sync_standbys AS n FROM pgautofailover.formation WHERE formationid = 'default'")).rows[0].n);
    log(`primary and secondary on 127.0.0.1:${port1} and :${port2}; number_sync_standbys ${syncStandbys}`);

    // 2. The schema, an account and its token, and the service on the multi-host URL.
    const databaseUrl = `postgres://postgres@127.0.0.1:${port1},127.0.0.1:${port2}/icp?target_session_attrs=read-write&connect_timeout=2`;
    const appEnv = { DATABASE_URL: databaseUrl, DATA_DIR: path.join(root, 'app'), AUDIT_KEYS, LOG_LEVEL: 'warn', DEMO: 'false' };
    icp(['migrate'], appEnv);
    const organisationId = icp(['organisations', 'create', '--name', 'Failover Midwifery', '--kind', 'midwifery'], appEnv);
    icp(['users', 'create', '--email', 'midwife@ha.example', '--name', 'Failover Midwife', '--organisation', organisationId, '--role', 'practitioner'], appEnv);
    const token = icp(['token', 'create', '--email', 'midwife@ha.example'], appEnv);
    const serverLog = path.join(root, 'server.log');
    const serverLogFd = fs.openSync(serverLog, 'a');
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: REPO, env: { ...process.env, ...appEnv, PORT: String(appPort), HOST: '127.0.0.1', CHROMIUM_PATH: 'none' }, stdio: ['ignore', serverLogFd, serverLogFd] });
    fs.closeSync(serverLogFd);
    const baseUrl = `http://127.0.0.1:${appPort}`;
    await waitFor('the service to be ready', STEP_TIMEOUT_MS, async () => (await fetch(`${baseUrl}/health/ready`)).ok);
    const due = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    const made = await fetch(`${baseUrl}/api/v1/cases`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ infant: { givenName: null, familyName: 'Failover', expectedDeliveryDate: due } }) });
    if (made.status !== 201) throw new Error(`POST /api/v1/cases answered ${made.status}: ${await made.text()}`);
    const caseId = (await made.json()).id;
    log(`service on ${baseUrl} with ${databaseUrl}; case ${caseId}`);

    // 3 and 4. Load, and the kills.
    load = new Load(baseUrl, token, caseId);
    load.start();
    const recoveries = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      await sleep(2000 + Math.random() * 4000);
      load.checkClients();
      const states = await inSync();
      if (!states) throw new Error(`The pair is not in sync before kill ${kill}: ${describeStates(await nodeStates(monitorUrl))}`);
      const primary = states.find((node) => node.reported === 'primary');
      const primaryDir = nodes.find((dir) => ports.get(dir) === primary.port);
      const standbyNames = await withClient(`postgres://postgres@127.0.0.1:${primary.port}/icp`, async (client) => (await client.query('SHOW synchronous_standby_names')).rows[0].synchronous_standby_names);
      if (!standbyNames) throw new Error('The primary replicates asynchronously (synchronous_standby_names is empty)');
      const ready = await (await fetch(`${baseUrl}/health/ready`)).json();
      const standby = ready.database?.standbys?.[0];
      if (!ready.database?.writable || !['sync', 'quorum'].includes(standby?.sync)) throw new Error(`/health/ready does not show a writable database with a synchronous standby: ${JSON.stringify(ready)}`);
      const before = load.acknowledged.length;
      const killedAt = performance.now();
      cluster.kill(primaryDir);
      log(`kill ${kill}: ${primary.name} (the primary, on :${primary.port}) killed with kill -9, ${before} writes acknowledged so far; synchronous_standby_names ${standbyNames}; /health/ready: standby ${standby.name} ${standby.sync}, ${standby.lagBytes} bytes behind`);
      const promoted = await waitFor('the secondary to be promoted', PROMOTION_TIMEOUT_MS, async () => (await nodeStates(monitorUrl)).find((node) => node.port !== primary.port && ['wait_primary', 'primary'].includes(node.reported)));
      log(`  ${promoted.name} promoted (${promoted.reported}) ${seconds(performance.now() - killedAt)} s after the kill`);
      await waitFor('a write acknowledged after the kill', PROMOTION_TIMEOUT_MS, async () => {
        load.checkClients();
        return load.recoveredAfter(killedAt) !== undefined;
      });
      const recovery = load.recoveredAfter(killedAt);
      recoveries.push(recovery);
      log(`  first write sent after the kill acknowledged ${seconds(recovery)} s after it`);
      cluster.start(primaryDir, ['run', '--pgdata', primaryDir]);
      await waitFor(`${primary.name} to rejoin as the secondary`, STEP_TIMEOUT_MS, inSync);
      log(`  ${primary.name} rejoined: ${describeStates(await nodeStates(monitorUrl))}`);
    }
    await sleep(1000);
    await load.stop();

    // 5. Every acknowledged write stored, once; the audit trail intact.
    const finalPrimary = (await nodeStates(monitorUrl)).find((node) => node.reported === 'primary');
    const stored = await withClient(`postgres://postgres@127.0.0.1:${finalPrimary.port}/icp`, async (client) =>
      (await client.query("SELECT external_id AS id, count(*)::int AS n FROM chronology_entries WHERE case_id = $1 AND external_id LIKE 'ha-%' GROUP BY external_id", [caseId])).rows,
    );
    const storedIds = new Map(stored.map((row) => [row.id, row.n]));
    const lost = load.acknowledged.filter((write) => !storedIds.has(write.id));
    const twice = stored.filter((row) => row.n > 1);
    log(`${load.acknowledged.length} writes acknowledged, ${stored.length} stored, ${lost.length} lost, ${twice.length} stored twice; refused meanwhile: ${load.refusals[503]} × 503, ${load.refusals.cut} cut connections`);

    const stopped = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await stopped;
    const verified = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'audit', 'verify'], { cwd: REPO, encoding: 'utf8', timeout: STEP_TIMEOUT_MS, env: { ...process.env, ...appEnv } });
    const verdict = `${verified.stdout}${verified.stderr}`.trim().split('\n').at(-1);
    log(`audit verify: ${verdict}`);

    const figures = { acknowledged: load.acknowledged.length, stored: stored.length, lost: lost.length, storedTwice: twice.length, refused503: load.refusals[503], cut: load.refusals.cut, recoverySeconds: recoveries.map((ms) => Number(seconds(ms))), auditVerify: verified.status === 0 };
    console.log(JSON.stringify(figures));
    if (lost.length > 0) throw new Error(`${lost.length} acknowledged writes lost: ${lost.slice(0, 10).map((write) => write.id).join(', ')}`);
    if (twice.length > 0) throw new Error(`${twice.length} writes stored more than once: ${twice.slice(0, 10).map((row) => row.id).join(', ')}`);
    if (verified.status !== 0) throw new Error(`audit verify failed: ${verdict}`);
  } catch (error) {
    const logs = [...nodes.map((dir) => `${dir}.log`), path.join(root, 'monitor.log'), path.join(root, 'server.log')];
    for (const file of logs) {
      const text = tail(file);
      if (text) console.error(`--- last lines of ${file}:\n${text}`);
    }
    throw error;
  }
}

// Exits as soon as the verdict is out: a client's request still in flight, or anything else left
// running after a failure, must not keep the process (and CI) waiting.
inWorkFolder({ prefix: 'icp-ha-', keepVariable: 'HA_KEEP', deadlineMs: RUN_DEADLINE_MS }, main).then(
  () => {
    log('every acknowledged write survived the failovers and the audit trail is intact: passed');
    process.exit(0);
  },
  (error) => {
    console.error(`Failover test FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
