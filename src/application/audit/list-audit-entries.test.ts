import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testConfig } from '../../../test/helpers/test-app.ts';
import { TestClock } from '../../../test/helpers/test-clock.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { cliOperator, systemOperator } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { createContext, type AppContext } from '../context.ts';
import { listAuditEntries } from './list-audit-entries.ts';

describe('the audit trail between two London days', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  before(async () => {
    database = await createTestDatabase();
    ctx = createContext(database.db, testConfig(), new TestClock('2026-11-22T09:00:00Z'));
  });
  after(async () => database.close());

  /** Records one entry of `action` at each moment, and gives the moments listed for `from`–`to`. */
  async function listedBetween(action: string, moments: readonly string[], from: string, to: string): Promise<string[]> {
    for (const moment of moments) await recordAuditAlone({ ...ctx, clock: new TestClock(moment) }, systemOperator, { action });
    const result = await listAuditEntries(ctx, cliOperator, { action, from, to, page: 1 });
    assert.ok(result.ok);
    return result.value.entries.map((entry) => entry.occurredAt.toISOString()).sort();
  }

  it('starts a summer day at London midnight (23:00 UTC the day before) and ends it at the next', async () => {
    const moments = ['2026-06-30T22:59:59.000Z', '2026-06-30T23:00:00.000Z', '2026-07-01T22:59:59.000Z', '2026-07-01T23:00:00.000Z'];
    assert.deepEqual(await listedBetween('test.summer', moments, '2026-07-01', '2026-07-01'), moments.slice(1, 3));
  });

  it('gives the day the clocks go forward its 23 hours', async () => {
    const moments = ['2026-03-28T23:59:59.000Z', '2026-03-29T00:00:00.000Z', '2026-03-29T22:59:59.000Z', '2026-03-29T23:00:00.000Z'];
    assert.deepEqual(await listedBetween('test.spring', moments, '2026-03-29', '2026-03-29'), moments.slice(1, 3));
  });

  it('gives the day the clocks go back its 25 hours', async () => {
    const moments = ['2026-10-24T22:59:59.000Z', '2026-10-24T23:00:00.000Z', '2026-10-26T00:00:00.000Z', '2026-10-25T23:59:59.000Z'].sort();
    assert.deepEqual(await listedBetween('test.autumn', moments, '2026-10-25', '2026-10-25'), ['2026-10-24T23:00:00.000Z', '2026-10-25T23:59:59.000Z']);
  });

  it('counts a range of days from the first day’s midnight to the midnight after the last, across a clock change', async () => {
    const moments = ['2026-03-27T23:59:59.000Z', '2026-03-28T00:00:00.000Z', '2026-03-30T22:59:59.000Z', '2026-03-30T23:00:00.000Z'];
    assert.deepEqual(await listedBetween('test.range', moments, '2026-03-28', '2026-03-30'), moments.slice(1, 3));
  });
});
