// Builds the real application on an isolated test database, with a movable clock.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { LogDestination } from '../../src/web/plugins/request-logging.ts';
import { createContext, type AppContext } from '../../src/application/context.ts';
import { seedDemo } from '../../src/application/demo/seed-demo.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Database } from '../../src/infrastructure/db/connect.ts';
import { createTestDatabase } from './test-database.ts';
import { TestClock } from './test-clock.ts';

export const TEST_SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789';
/** The audit keys every test signs with (never a file in the working tree). */
export const TEST_AUDIT_KEYS = 'test-key:test-audit-key-that-is-long-enough-0123456789';

/**
 * No synthetic families in the demo unless a test asks: they would slow every demo test. Two-factor
 * sign-in is not required unless a test asks (TWO_FACTOR_REQUIRED: 'true'), so that tests sign in as
 * administrators and leads with their password; an account that has set it up is still asked.
 */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000', DEMO_SYNTHETIC_INFANTS: '0', AUDIT_KEYS: TEST_AUDIT_KEYS, TWO_FACTOR_REQUIRED: 'false', ...env });
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  database: Database;
  close(): Promise<void>;
}

/** `demo` seeds the demo partnership; its story families' histories only with `demoStories` (most tests write their own). */
export async function createTestApp(options: { env?: Record<string, string>; demo?: boolean; demoStories?: boolean; logTo?: LogDestination } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new TestClock();
  const ctx = createContext(database.db, testConfig(options.env), clock);
  if (options.demo) await seedDemo(ctx, { stories: options.demoStories ?? false });
  const app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET, checkReplies: true, ...(options.logTo ? { logDestination: options.logTo } : {}) });
  await app.ready();
  return {
    app,
    ctx,
    clock,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
