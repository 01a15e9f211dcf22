// Migration 059's partial index holds the entries of the clocks' and the triggers' kinds and the
// corrections, so that the home page's read of them (chronology-rows.ts chronologiesQuery) is a
// descent per case. PostgreSQL uses a partial index only when the query's kinds are among the
// index's: a kind added to CLOCK_AND_TRIGGER_KINDS and not to the index would quietly send every
// home page back to reading each case's whole chronology. This fails until a migration builds the
// index again with it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { CLOCK_AND_TRIGGER_KINDS } from './case-clocks.ts';

describe('the index of the clock and trigger entries (migration 059)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.close();
  });

  it('holds every kind the home page and the dashboards read, and the corrections', async () => {
    const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'chronology_entries_timing_idx'`.execute(database.db);
    const definition = rows[0]?.indexdef ?? '';
    assert.match(definition, /\(case_id, occurred_on, occurred_at, recorded_at, id\)/);
    assert.match(definition, /corrects IS NOT NULL/);
    const missing = CLOCK_AND_TRIGGER_KINDS.filter((kind) => !definition.includes(`'${kind}'`));
    assert.deepEqual(missing, [], `kinds missing from chronology_entries_timing_idx: ${missing.join(', ')}`);
  });
});
