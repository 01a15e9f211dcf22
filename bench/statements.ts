// How many SQL statements a change to a case sends to the database: one agency event
// (recordEntry, what POST /api/v1/cases/:id/events runs), one that alerts by its kind, one that alerts
// for a critical finding it newly shows, and a feed batch of 1,000 entries across 80 cases
// (recordBatch, POST /api/v1/events:batch), on an in-memory PGlite whose cases already hold a short
// chronology. Counts every statement Kysely sends (bench/statement-counter.ts). Not timed: the count
// does not depend on the machine.
//
//   node --import tsx bench/statements.ts
import { PGlite } from '@electric-sql/pglite';
import { createContext } from '../src/application/context.ts';
import { recordBatch, type BatchItem } from '../src/application/chronology/record-batch.ts';
import { recordEntry, type EntryInput } from '../src/application/chronology/record-entry.ts';
import { settingsInForce } from '../src/application/settings/settings-in-force.ts';
import { PGLITE_EXTENSIONS, wrapPglite } from '../src/infrastructure/db/connect.ts';
import { migrate } from '../src/infrastructure/db/migrate.ts';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../test/helpers/factories.ts';
import { testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { StatementCounter, statementsInBrief } from './statement-counter.ts';

const CASES = 80;
const ENTRIES_BEFORE = 12;
const BATCH = 1000;

const event = (n: number, kind = 'home-visit'): EntryInput => ({ kind, occurredAt: '2026-11-20', summary: `Event ${String(n)}`, source: 'agency-record', externalId: `ext-${String(n)}` });

async function main(): Promise<void> {
  const database = wrapPglite(new PGlite({ extensions: PGLITE_EXTENSIONS }));
  await migrate(database.db);
  const counter = new StatementCounter();
  const clock = new TestClock('2026-12-01T10:00:00Z');
  const setup = createContext(database.db, testConfig(), clock);
  const police = await makeOrganisation(setup, 'police', 'County Police');
  const officer = await makeUser(setup, { organisationId: police.id, name: 'PC Lane' });
  const caseIds: string[] = [];
  for (let c = 0; c < CASES; c++) {
    const { id } = await makeCase(setup, { teamUserIds: [officer.id, (await makeUser(setup)).id] });
    await makePerson(setup, id);
    caseIds.push(id);
  }
  const actor = { ...actorFor(officer), channel: 'api' as const };
  let n = 0;
  await recordBatch(
    setup,
    actor,
    caseIds.flatMap((caseId) => Array.from({ length: ENTRIES_BEFORE }, () => ({ index: n, caseId, entry: event(n++) }))),
  );

  const ctx = { ...setup, db: database.db.withPlugin(counter) };
  // The area's settings are read at most once every 5 s by a process (settings-in-force.ts): read
  // them before counting, as a server that has been running has.
  await settingsInForce(ctx);
  const single = await counter.count(() => recordEntry(ctx, actor, caseIds[0]!, event(n++)));
  const alerting = await counter.count(() => recordEntry(ctx, actor, caseIds[1]!, event(n++, 'emergency-attendance')));
  // The baby, two months old, is not yet mobile: an injury is a trigger event and newly shows a critical finding.
  const critical = await counter.count(() => recordEntry(ctx, actor, caseIds[2]!, { ...event(n++, 'injury-observed'), source: 'observed' }));
  if (!critical.result.ok || critical.result.alerts.every((alert) => alert.reason !== 'critical-finding')) throw new Error('The injury raised no alert for a critical finding');
  const items: BatchItem[] = Array.from({ length: BATCH }, (_, i) => ({ index: i, caseId: caseIds[i % CASES]!, entry: event(n++, i % 100 === 0 ? 'emergency-attendance' : 'home-visit') }));
  const batch = await counter.count(() => recordBatch(ctx, actor, items));
  if (batch.result.stored.length !== BATCH) throw new Error(`The batch stored ${String(batch.result.stored.length)} of ${String(BATCH)}`);
  await database.close();

  console.log(`| change | statements | of which |\n| --- | ---: | --- |`);
  const row = (name: string, { statements }: { statements: string[] }) => console.log(`| ${name} | ${String(statements.length)} | ${statementsInBrief(statements)} |`);
  row('one event (no alert)', single);
  row('one event that alerts (emergency attendance)', alerting);
  row('one event that newly shows a critical finding (an injury to a baby not yet mobile)', critical);
  row(`batch of ${String(BATCH)} entries across ${String(CASES)} cases (10 alert)`, batch);
}

await main();
