// One server process of `npm run bench -- --processes N` (a cluster worker forked by bench/run.ts,
// compiled to JavaScript by bench/servers.ts):
// the real app on the bench's PostgreSQL database, as bench/run.ts builds it in-process (the same
// settings, session secret and test clock, so the sessions and token it made are good here, and the
// fixed page), listening on the port the workers share. SIGTERM closes it.
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/application/context.ts';
import { openPostgres } from '../src/infrastructure/db/connect.ts';
import { TEST_SESSION_SECRET, testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { addFixedPage } from './fixed-page.ts';
import { BENCH_WORKER_ENV } from './servers.ts';

const url = process.env[BENCH_WORKER_ENV.databaseUrl];
if (!url) throw new Error(`bench/serve.worker.ts runs as a worker of bench/run.ts --processes, which sets ${BENCH_WORKER_ENV.databaseUrl}`);
const database = openPostgres(url, Number(process.env[BENCH_WORKER_ENV.poolSize] ?? 10), () => undefined);
const ctx = createContext(database.db, testConfig(), new TestClock());
const app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET });
addFixedPage(app);
let closing: Promise<void> | undefined;
process.on('SIGTERM', () => {
  closing ??= (async () => {
    await app.close();
    await database.close();
    process.exit(0);
  })();
});
await app.listen({ host: '127.0.0.1', port: 0 });
