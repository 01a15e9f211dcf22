// Migration 059's partial index holds the entries of the clocks' and the triggers' kinds and the
// corrections, so that the reads of them (chronology-rows.ts chronologiesQuery for many cases' clocks,
// summary-facts.ts timingEntriesQuery for the dashboards; the home page's own list statement has its test
// in list-my-cases) are a descent per case. PostgreSQL uses a partial index only when the query's kinds are among the
// index's: a kind added to CLOCK_AND_TRIGGER_KINDS and not to the index would quietly send these
// reads back to reading each case's whole chronology. This fails until a migration builds the
// index again with it. The read's kinds are written into its text, so that the plan a named statement
// keeps for any values (a generic plan) can use the index too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { chronologiesQuery } from '../chronology/chronology-rows.ts';
import { timingEntriesQuery } from '../dashboards/summary-facts.ts';
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

  const cases = ['3f1c2a4e-0000-4000-8000-000000000001', '3f1c2a4e-0000-4000-8000-000000000002'];
  const reads = [
    { name: "the clocks of many cases' (chronologiesQuery, with the entries' disputes)", statement: () => chronologiesQuery(database.db, cases, CLOCK_AND_TRIGGER_KINDS).compile(), values: [...cases, ...cases] },
    { name: "the dashboards' (timingEntriesQuery)", statement: () => timingEntriesQuery(database.db, cases).compile(), values: cases },
  ];
  for (const read of reads) {
    it(`is used by the plan kept for any cases in ${read.name} read: the kinds are in the statement, only the cases are values`, async () => {
      const statement = read.statement();
      assert.deepEqual(statement.parameters, read.values, 'the cases: nothing else sent as a value');
      const plan = await database.db.transaction().execute(async (trx) => {
        // The plan made without the values, as a named statement keeps it; on a small table only with no sequential scan to choose.
        await sql`set local plan_cache_mode = force_generic_plan`.execute(trx);
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql.raw(`prepare timing_entries_of_cases as ${statement.sql}`).execute(trx);
        try {
          const { rows } = await sql.raw<{ 'QUERY PLAN': string }>(`explain execute timing_entries_of_cases(${statement.parameters.map((id) => `'${String(id)}'`).join(', ')})`).execute(trx);
          return rows.map((row) => row['QUERY PLAN']).join('\n');
        } finally {
          await sql`deallocate timing_entries_of_cases`.execute(trx);
        }
      });
      assert.match(plan, /chronology_entries_timing_idx/);
    });
  }
});
