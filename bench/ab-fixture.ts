// What the before/after benches (batch-ab.ts, single-events-ab.ts) set up first on an empty PostgreSQL
// database: migrated, a context on a test clock that does not move, a police officer recording through
// the API, and agency entries with external ids that never repeat.
import type { UserActor } from '../src/application/actor.ts';
import { createContext } from '../src/application/context.ts';
import { openPostgres } from '../src/infrastructure/db/connect.ts';
import { migrate } from '../src/infrastructure/db/migrate.ts';
import { actorFor, makeOrganisation, makeUser } from '../test/helpers/factories.ts';
import { testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';

export async function abFixture(url: string, poolSize: number) {
  const database = openPostgres(url, poolSize, () => undefined);
  await migrate(database.db);
  const clock = new TestClock('2026-12-01T10:00:00Z');
  const setup = createContext(database.db, testConfig(), clock);
  const police = await makeOrganisation(setup, 'police', 'County Police');
  const officer = await makeUser(setup, { organisationId: police.id, name: 'PC Lane' });
  const actor: UserActor = { ...actorFor(officer), channel: 'api' };
  let n = 0;
  const entry = (kind = 'home-visit') => ({ kind, occurredAt: '2026-11-20', summary: `Event ${String(n)}`, source: 'agency-record', externalId: `ext-${String(n++)}` });
  return { database, clock, setup, officer, actor, entry };
}
