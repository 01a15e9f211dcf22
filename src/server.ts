// Starts the service: reads the configuration, opens and migrates the database, seeds the demo
// partnership and its synthetic families when asked, and listens; background work (alert
// escalation, outbox mail, sealing and anchoring the audit chain: src/background-work.ts) runs
// beside it. `npm start` passes --demo-by-default.
//
// With WEB_PROCESSES above 1 (PostgreSQL only) this process becomes the primary of a cluster: it
// opens, migrates and seeds the database once, runs the background work (in this process alone),
// and forks that many workers, each of which runs this file again, opens the database without
// migrating and serves on the same port (src/infrastructure/process/worker-supervisor.ts restarts
// one that dies). SIGTERM or SIGINT to the primary stops the workers, waits for them, then seals
// the audit chain and writes its head last.
//
// Stopping (SIGTERM or SIGINT): /health/ready answers 503 'stopping', the server stops accepting
// connections and finishes the requests in flight, for at most SHUTDOWN_GRACE_SECONDS (those still
// running then are cut off, and the exit code is 1); then the background work stops after the item
// it is on, the audit chain is sealed and anchored, the database is closed (PGlite cleanly, its lock
// file removed) and the process exits 0. A second signal while stopping exits at once with code 1:
// PostgreSQL rolls back what was not committed, PGlite recovers on the next start as after a kill,
// and the lock file goes with the process. A cluster's workers leave Ctrl-C to the primary, which
// sends them SIGTERM (a second SIGTERM: at once) and waits for them; its exit code is 1 when a worker
// cut requests off, exited with an error or had to be killed, as for one process.
// First, so that tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) has started when the app is built and registers its request spans.
import './infrastructure/tracing/register.ts';
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { createContext, systemClock } from './application/context.ts';
import { markStopping } from './application/health.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './application/demo/demo-partnership.ts';
import { seedDemo } from './application/demo/seed-demo.ts';
import { SYNTHETIC_PASSWORD } from './application/synthetic/load-synthetic-partnership.ts';
import { startBackgroundWork, type BackgroundWork } from './background-work.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { loadAuditKeyring, type AuditKeyring } from './infrastructure/audit/audit-keys.ts';
import type { Database } from './infrastructure/db/connect.ts';
import { DataDirLockedError } from './infrastructure/db/data-dir-lock.ts';
import { openConfiguredDatabase, openConfiguredPostgres } from './infrastructure/db/open-configured.ts';
import { resolveSessionSecret } from './infrastructure/db/session-secret.ts';
import { stopOnSignals, trackRequests, type RequestsInFlight } from './infrastructure/process/graceful-stop.ts';
import { superviseWorkers } from './infrastructure/process/worker-supervisor.ts';
import { stopTracing } from './infrastructure/tracing/tracing.ts';
import { startProcessMetrics, type ProcessMetrics } from './observability.ts';
import { serviceLogger } from './web/plugins/request-logging.ts';

function readConfig(): Config {
  try {
    return loadConfig(process.env, { demo: process.argv.includes('--demo-by-default') });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Infant Care Profile did not start.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/** Time for the background work and the database to stop after the requests, before the process gives up and exits at once. */
const AFTER_GRACE_MS = 15_000;

const consoleLog = { error: (message: string) => console.error(message) };

/** On a connection made while the server stops, the health checks are still answered (ready says 'stopping'); every other request is refused with 503. */
const servedWhileStopping = (url: string) => url === '/health' || url.startsWith('/health/') || url.startsWith('/health?');

/**
 * Serves until told to stop, then stops as the header says: ready says 'stopping', no new
 * connections, the requests in flight finished within the grace period, the app closed (its onClose
 * hooks: the background work when it runs here), the database closed. Resolves with the exit code.
 */
async function stopServing(app: FastifyInstance, requests: RequestsInFlight, database: Database, graceSeconds: number, observed?: ProcessMetrics): Promise<number> {
  markStopping();
  const finished = await requests.drain(graceSeconds * 1000);
  if (!finished) console.error(`Requests still running after SHUTDOWN_GRACE_SECONDS (${String(graceSeconds)} s) were cut off.`);
  await app.close();
  await database.close();
  await stopObserving(observed);
  return finished ? 0 : 1;
}

/** The metrics endpoint closed and the spans still waiting sent (each a no-op when off). */
async function stopObserving(observed: ProcessMetrics | undefined): Promise<void> {
  await observed?.close();
  await stopTracing().catch((error: unknown) => console.error(`Sending the last traces failed: ${error instanceof Error ? error.message : String(error)}`));
}

const reportMetricsError = (error: unknown) => console.error(`Gathering the metrics failed: ${error instanceof Error ? error.message : String(error)}`);

function serviceUrl(config: Config, port: number): string {
  return `http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host}:${String(port)}`;
}

async function main(): Promise<void> {
  const config = readConfig();
  if (cluster.isWorker) return serveAsWorker(config);

  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
  console.log(`Opening ${where}...`);
  const database = await openConfiguredDatabase(config).catch((error: unknown) => {
    console.error(`Infant Care Profile did not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof DataDirLockedError ? 2 : 1);
  });
  const observed = await startProcessMetrics(config, database, config.webProcesses === 1 ? 'single' : 'primary', reportMetricsError).catch((error: unknown) => {
    console.error(`Infant Care Profile did not start: the metrics could not listen on 127.0.0.1:${String(config.metricsPort)} (METRICS_PORT): ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
  const ctx = createContext(database.db, config, systemClock, undefined, observed?.metrics);
  const seeded = config.demo ? await seedDemo(ctx) : null;
  if (seeded) {
    console.log('Seeded the demo partnership into the empty database.');
    if (seeded.syntheticSignInEmail) {
      console.log(
        `Added ${String(seeded.syntheticInfants)} synthetic families beside the demo's own (DEMO_SYNTHETIC_INFANTS); every synthetic account's password is "${SYNTHETIC_PASSWORD}": sign in as the health visitor ${seeded.syntheticSignInEmail} to see a caseload.`,
      );
    }
  }
  // Made now, before any worker starts, so that every process signs cookies with the same secret.
  const sessionSecret = await resolveSessionSecret(database.db, config.sessionSecret);

  let port: number;
  if (config.webProcesses === 1) {
    const app = await buildApp({ ctx, sessionSecret, logger: true });
    const requests = trackRequests(app.server, { servedWhileStopping });
    const background = startBackgroundWork(ctx, database.db, app.log);
    app.addHook('onClose', () => background.stop());
    describeBackgroundWork(config, ctx.auditKeys, background, database.engine);
    stopOnSignals({
      signals: ['SIGINT', 'SIGTERM'],
      backstopMs: config.shutdownGraceSeconds * 1000 + AFTER_GRACE_MS,
      log: consoleLog,
      stop: async (signal) => {
        console.log(`\n${signal}: stopping...`);
        console.log(`Finishing the requests in flight (at most ${String(config.shutdownGraceSeconds)} s); ${signal} again stops at once.`);
        return stopServing(app, requests, database, config.shutdownGraceSeconds, observed);
      },
    });
    await app.listen({ port: config.port, host: config.host });
    port = (app.server.address() as AddressInfo).port;
  } else {
    // The primary serves nothing, but logs as the workers do: the service's logger (the same pino
    // options and redaction).
    const log = serviceLogger(config.logLevel);
    const background = startBackgroundWork(ctx, database.db, log);
    describeBackgroundWork(config, ctx.auditKeys, background, database.engine);
    const workers = superviseWorkers({
      processes: config.webProcesses,
      env: { [SIGNING_KEY_ENV]: ctx.auditKeys.current.id },
      log: { info: (message) => log.info(message), warn: (message) => log.warn(message), error: (message) => log.error(message) },
      // Each worker has the grace period for its requests and then closes its pool.
      stopGraceMs: config.shutdownGraceSeconds * 1000 + AFTER_GRACE_MS / 2,
    });
    /** True when every worker finished its requests in time and exited 0. */
    const stopAll = async () => {
      const clean = await workers.stop();
      await background.stop();
      await database.close();
      await stopObserving(observed);
      return clean;
    };
    stopOnSignals({
      signals: ['SIGINT', 'SIGTERM'],
      backstopMs: config.shutdownGraceSeconds * 1000 + AFTER_GRACE_MS,
      log: consoleLog,
      atOnce: () => workers.stopAtOnce(),
      stop: async (signal) => {
        console.log(`\n${signal}: stopping the ${String(config.webProcesses)} server processes...`);
        console.log(`Each finishes the requests it has (at most ${String(config.shutdownGraceSeconds)} s); ${signal} again stops at once.`);
        if (await stopAll()) return 0;
        console.error('A server process did not finish its requests within SHUTDOWN_GRACE_SECONDS, or exited with an error: see the lines above.');
        return 1;
      },
    });
    try {
      port = (await workers.ready).port;
    } catch (error) {
      console.error(`Infant Care Profile did not start: ${error instanceof Error ? error.message : String(error)}`);
      await stopAll();
      process.exit(1);
    }
  }

  const url = serviceUrl(config, port);
  const processes = config.webProcesses === 1 ? '' : `, ${String(config.webProcesses)} server processes`;
  console.log(`\nInfant Care Profile is running at ${url} (${database.engine === 'pglite' ? 'embedded database' : 'PostgreSQL'}${processes}).`);
  console.log(`Sign in at ${url}/sign-in`);
  if (observed?.url) console.log(`Metrics for Prometheus at ${observed.url} (METRICS_PORT, this machine only).`);
  if (config.demo) {
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(38)} ${account.name}, ${account.what} (${account.role})`);
    console.log('\nDemo data is invented. Never run DEMO=true with real records.');
  }
}

function describeBackgroundWork(config: Config, auditKeys: AuditKeyring, background: BackgroundWork, engine: 'pglite' | 'postgres'): void {
  console.log(`The audit trail is signed with key ${auditKeys.current.id} (${auditKeys.source}); its head is written to ${config.auditAnchorFile} every ${String(config.auditAnchorMinutes)} minutes.`);
  if (engine !== 'pglite' && !config.auditKeys && auditKeys.source.startsWith(config.dataDir)) {
    console.warn('Warning: the audit keys were made in the data folder. On a server, set AUDIT_KEYS or AUDIT_KEYS_FILE to a secret kept apart from the database.');
  }
  console.log(background.mailOn ? `Alert emails go out through SMTP every ${String(config.outboxIntervalSeconds)} seconds.` : 'Mail is off (SMTP_URL is not set): alert emails wait in the outbox until it is set.');
}

/**
 * Workers sign audit entries with the key the primary signs with, since the primary seals the chain
 * and can only seal entries signed with a key it holds (ADR 10). After `audit rotate-key`, a worker
 * restarted alone would otherwise sign with the new key, and its entries would wait unsealed until
 * the whole service restarts; this way the new key signs from that restart, as the README says.
 */
const SIGNING_KEY_ENV = 'ICP_PRIMARY_AUDIT_KEY_ID';

function signingAsThePrimary(keys: AuditKeyring): AuditKeyring {
  const primaryKey = keys.byId(process.env[SIGNING_KEY_ENV] ?? '');
  return primaryKey ? { ...keys, current: primaryKey } : keys;
}

/**
 * A worker of the cluster: the primary has migrated the database, made the audit keys file and the
 * session secret, so this one opens PostgreSQL without migrating, reads them, and serves. Nothing
 * here runs in the background: the primary does that work.
 */
async function serveAsWorker(config: Config): Promise<void> {
  const database = openConfiguredPostgres(config.databaseUrl!, config);
  const observed = await startProcessMetrics(config, database, 'worker', reportMetricsError);
  const ctx = createContext(database.db, config, systemClock, signingAsThePrimary(loadAuditKeyring(config, systemClock.now())), observed?.metrics);
  const app = await buildApp({ ctx, sessionSecret: await resolveSessionSecret(database.db, config.sessionSecret), logger: true });
  const requests = trackRequests(app.server, { servedWhileStopping });
  // A terminal's Ctrl-C reaches every process of the cluster: the primary answers it by sending each
  // worker SIGTERM, which would otherwise be this worker's second signal and stop it at once.
  process.on('SIGINT', () => undefined);
  stopOnSignals({
    signals: ['SIGTERM'],
    backstopMs: config.shutdownGraceSeconds * 1000 + AFTER_GRACE_MS / 2,
    log: consoleLog,
    stop: () => stopServing(app, requests, database, config.shutdownGraceSeconds, observed),
  });
  await app.listen({ port: config.port, host: config.host });
}

void main();
