// Starts the service: reads the configuration, opens and migrates the database, seeds the demo
// partnership and its synthetic families when asked, escalates overdue alerts every few minutes,
// and listens. `npm start` passes --demo-by-default.
import { buildApp } from './app.ts';
import { escalateOverdueAlerts } from './application/alerts/escalate-alerts.ts';
import { createContext } from './application/context.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './application/demo/demo-partnership.ts';
import { seedDemo } from './application/demo/seed-demo.ts';
import { deliverOutboxPeriodically } from './application/mail/deliver-outbox-periodically.ts';
import { SYNTHETIC_PASSWORD } from './application/synthetic/load-synthetic-partnership.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DataDirLockedError } from './infrastructure/db/data-dir-lock.ts';
import { anchorAuditHead } from './infrastructure/audit/audit-anchors.ts';
import { openConfiguredDatabase } from './infrastructure/db/open-configured.ts';
import { resolveSessionSecret } from './infrastructure/db/session-secret.ts';
import { createMailTransport } from './infrastructure/mail/smtp-transport.ts';

const ESCALATION_CHECK_MINUTES = 5;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env, { demo: process.argv.includes('--demo-by-default') });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Infant Care Profile did not start.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
  console.log(`Opening ${where}...`);
  const database = await openConfiguredDatabase(config).catch((error: unknown) => {
    console.error(`Infant Care Profile did not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof DataDirLockedError ? 2 : 1);
  });
  const ctx = createContext(database.db, config);
  const seeded = config.demo ? await seedDemo(ctx) : null;
  if (seeded) {
    console.log('Seeded the demo partnership into the empty database.');
    if (seeded.syntheticSignInEmail) {
      console.log(
        `Added ${String(seeded.syntheticInfants)} synthetic families beside the demo's own (DEMO_SYNTHETIC_INFANTS); every synthetic account's password is "${SYNTHETIC_PASSWORD}": sign in as the health visitor ${seeded.syntheticSignInEmail} to see a caseload.`,
      );
    }
  }

  const app = await buildApp({ ctx, sessionSecret: await resolveSessionSecret(database.db, config.sessionSecret), logger: true });
  // Alerts nobody acknowledged in time go to the safeguarding leads; checked every few minutes.
  const escalation = setInterval(() => {
    escalateOverdueAlerts(ctx).then(
      (report) => {
        if (report.escalated.length > 0) app.log.info({ alertIds: report.escalated.map((e) => e.alertId) }, 'escalated unacknowledged alerts to the safeguarding leads');
      },
      (error: unknown) => app.log.error({ err: error }, 'alert escalation failed'),
    );
  }, ESCALATION_CHECK_MINUTES * 60_000);
  escalation.unref();
  app.addHook('onClose', async () => clearInterval(escalation));
  // The audit chain's head goes to a file the database cannot rewrite, now and then and at the end.
  const anchorHead = () => anchorAuditHead(database.db, config.auditAnchorFile, ctx.clock.now()).catch((error: unknown) => app.log.error({ err: error }, 'audit anchor failed'));
  const anchoring = setInterval(() => void anchorHead(), config.auditAnchorMinutes * 60_000);
  anchoring.unref();
  app.addHook('onClose', async () => {
    clearInterval(anchoring);
    await anchorHead();
  });
  console.log(`The audit trail is signed with key ${ctx.auditKeys.current.id} (${ctx.auditKeys.source}); its head is written to ${config.auditAnchorFile} every ${String(config.auditAnchorMinutes)} minutes.`);
  if (database.engine !== 'pglite' && !config.auditKeys && ctx.auditKeys.source.startsWith(config.dataDir)) {
    console.warn('Warning: the audit keys were made in the data folder. On a server, set AUDIT_KEYS or AUDIT_KEYS_FILE to a secret kept apart from the database.');
  }
  const mail = createMailTransport(config);
  if (mail) app.addHook('onClose', deliverOutboxPeriodically(ctx, mail, config.outboxIntervalSeconds * 1000, app.log));
  console.log(mail ? `Alert emails go out through SMTP every ${config.outboxIntervalSeconds} seconds.` : 'Mail is off (SMTP_URL is not set): alert emails wait in the outbox until it is set.');
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping...`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  console.log(`\nInfant Care Profile is running at ${url} (${database.engine === 'pglite' ? 'embedded database' : 'PostgreSQL'}).`);
  console.log(`Sign in at ${url}/sign-in`);
  if (config.demo) {
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(38)} ${account.name}, ${account.what} (${account.role})`);
    console.log('\nDemo data is invented. Never run DEMO=true with real records.');
  }
}

void main();
