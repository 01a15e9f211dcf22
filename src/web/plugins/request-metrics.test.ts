// Every answered request is counted once in the request histogram, by its route template or as
// unmatched, however the app logs: with logs on it is observed as the request ends, beside its log
// line (request-logging.ts, RequestEnds), with logs off by requestMetrics's own hook.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../app.ts';
import { createContext } from '../../application/context.ts';
import { PrometheusMetrics } from '../../infrastructure/metrics/prometheus-metrics.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { TEST_SESSION_SECRET, testConfig } from '../../../test/helpers/test-app.ts';
import { TestClock } from '../../../test/helpers/test-clock.ts';
import { UNMATCHED_ROUTE } from './request-metrics.ts';

/** The histogram's count for one route, method and status, from the Prometheus text (0 when it has no such series). */
function counted(text: string, route: string, status: number): number {
  const line = text.split('\n').find((row) => row.startsWith(`icp_http_request_duration_seconds_count{route="${route}",method="GET",status="${String(status)}"}`));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

describe('the request metrics', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.close());

  const ways = [
    { logs: 'off', level: 'silent', logged: false },
    { logs: 'at info', level: 'info', logged: true },
    { logs: 'at warn, no request lines', level: 'warn', logged: true },
  ];
  for (const { logs, level, logged } of ways) {
    it(`count each request once with logs ${logs}`, async () => {
      const metrics = new PrometheusMetrics();
      const ctx = createContext(database.db, testConfig({ LOG_LEVEL: level }), new TestClock(), undefined, metrics);
      const lines: string[] = [];
      const app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET, ...(logged ? { logDestination: { write: (line: string) => void lines.push(line) } } : {}) });
      await app.ready();
      for (let i = 0; i < 3; i++) assert.equal((await app.inject({ method: 'GET', url: '/health/live' })).statusCode, 200);
      assert.equal((await app.inject({ method: 'GET', url: '/no-such-page/9434765919' })).statusCode, 404);
      await app.close();
      const text = await metrics.text();
      assert.equal(counted(text, '/health/live', 200), 3);
      assert.equal(counted(text, UNMATCHED_ROUTE, 404), 1);
      assert.equal(lines.filter((line) => line.includes('"msg":"request"')).length, level === 'info' ? 4 : 0);
    });
  }
});
