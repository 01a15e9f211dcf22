// The child of bench/compiled-ab.ts: run through tsx or compiled by scripts/build.mjs, it serves the
// real app in its own process on the bench's database and prints, as one line of JSON, the CPU
// microseconds (user + system) per request of each scenario and the requests it warmed up with and
// measured. See bench/compiled-ab.ts.
import fs from 'node:fs';
import type { InjectOptions } from 'fastify';
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/application/context.ts';
import { openPostgres } from '../src/infrastructure/db/connect.ts';
import { TEST_SESSION_SECRET, testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { WebClient } from '../test/helpers/web-client.ts';
import type { BenchDataset } from './dataset.ts';
import { addFixedPage, FIXED_PAGE_PATH } from './fixed-page.ts';

const databaseUrl = process.env['DATABASE_URL'] ?? '';
const datasetFile = process.env['COMPILED_AB_DATASET'] ?? '';
if (!databaseUrl || !datasetFile) throw new Error('bench/compiled-ab.child.ts runs as a child of bench/compiled-ab.ts');

/** Each scenario: requests to warm up with, then requests measured. */
export const SCENARIOS = { 'fixed page': [500, 3000], 'case overview': [40, 300], 'single event': [80, 160] } as const;
export type Scenario = keyof typeof SCENARIOS;
export type Samples = Record<Scenario, number>;

async function child(): Promise<void> {
  const dataset = JSON.parse(fs.readFileSync(datasetFile, 'utf8')) as BenchDataset;
  const database = openPostgres(databaseUrl, 4, () => undefined);
  const clock = new TestClock();
  const app = await buildApp({ ctx: createContext(database.db, testConfig(), clock), sessionSecret: TEST_SESSION_SECRET });
  addFixedPage(app);
  await app.ready();
  const cookie = (await WebClient.signedIn(app, dataset.practitioner)).cookieHeader;
  const today = clock.now().toISOString().slice(0, 10);
  let sent = 0;
  const requests: Record<Scenario, () => InjectOptions> = {
    'fixed page': () => ({ url: FIXED_PAGE_PATH, headers: { cookie } }),
    'case overview': () => ({ url: `/cases/${dataset.ordinaryCaseId}`, headers: { cookie } }),
    'single event': () => {
      const target = dataset.batchCases[sent++ % dataset.batchCases.length]!;
      const externalId = `compiled-ab-${String(process.pid)}-${String(Date.now())}-${String(sent)}`;
      const payload = { kind: 'home-visit', occurredAt: today, summary: 'Home visit recorded by the benchmark', source: 'agency-record', personIds: [target.motherId], externalId };
      return { method: 'POST', url: `/api/v1/cases/${target.id}/events`, headers: { authorization: `Bearer ${dataset.apiToken}` }, payload };
    },
  };
  const samples = {} as Samples;
  for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
    const [warm, measured] = SCENARIOS[scenario];
    const send = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const response = await app.inject(requests[scenario]());
        if (response.statusCode >= 300) throw new Error(`${scenario}: ${String(response.statusCode)} ${response.body.slice(0, 300)}`);
      }
    };
    await send(warm);
    const before = process.cpuUsage();
    await send(measured);
    const cpu = process.cpuUsage(before);
    samples[scenario] = (cpu.user + cpu.system) / measured;
  }
  await app.close();
  await database.close();
  process.stdout.write(`${JSON.stringify({ scenarios: SCENARIOS, cpu: samples })}\n`);
}

await child();
