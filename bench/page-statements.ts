// How many SQL statements each page the county bench measures sends to the database, per view, on a
// small synthetic partnership in PGlite with the bench's own fixtures (bench/dataset.ts): the same
// pages, the same users. A page's round trips are most of what separates it from its direct-query
// baseline in bench/run.ts, so this names where to cut. Counts every statement Kysely sends
// (bench/statement-counter.ts), with the tables each reads or writes; the second view of each page is
// counted, after the caches (profile, chronology, settings) are warm, as on a server that has been running.
// Not timed: the count does not depend on the machine.
//
//   node --import tsx bench/page-statements.ts
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/application/context.ts';
import { TEST_SESSION_SECRET, testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { WebClient } from '../test/helpers/web-client.ts';
import { openBenchDatabase } from './database.ts';
import { loadBenchDataset } from './dataset.ts';
import { StatementCounter, statementsInBrief } from './statement-counter.ts';

const bench = await openBenchDatabase(4);
const counter = new StatementCounter();
const setup = createContext(bench.database.db, testConfig(), new TestClock());
const dataset = await loadBenchDataset(setup, { infants: 50, seed: 1 });
const ctx = { ...setup, db: bench.database.db.withPlugin(counter) };
const app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET });
const practitioner = (await WebClient.signedIn(app, dataset.practitioner)).cookieHeader;
const lead = (await WebClient.signedIn(app, dataset.safeguardingLead)).cookieHeader;

const pages: [name: string, url: string, cookie: string][] = [
  ['case overview GET /cases/:id', `/cases/${dataset.ordinaryCaseId}`, practitioner],
  ['profile GET /cases/:id/profile', `/cases/${dataset.ordinaryCaseId}/profile`, practitioner],
  ['chronology, 2,000 entries', `/cases/${dataset.longChronologyCaseId}/chronology`, practitioner],
  ['home, 40 cases, GET /', '/', practitioner],
  ['alerts of a safeguarding lead GET /alerts', '/alerts', lead],
];
console.log('| page | statements a view | of which |\n| --- | ---: | --- |');
for (const [name, url, cookie] of pages) {
  await app.inject({ url, headers: { cookie } });
  const { result: response, statements } = await counter.count(() => app.inject({ url, headers: { cookie } }));
  if (response.statusCode !== 200) throw new Error(`${name}: ${String(response.statusCode)}`);
  console.log(`| ${name} | ${String(statements.length)} | ${statementsInBrief(statements)} |`);
}
await app.close();
await bench.database.close();
