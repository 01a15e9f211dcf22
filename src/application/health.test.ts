import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testConfig } from '../../test/helpers/test-app.ts';
import { TestClock } from '../../test/helpers/test-clock.ts';
import { createTestDatabase } from '../../test/helpers/test-database.ts';
import { createContext } from './context.ts';
import { databaseAnswers } from './health.ts';

describe('whether the database answers', () => {
  it('answers while it is open, and gives the error once it is closed', async () => {
    const database = await createTestDatabase();
    const ctx = createContext(database.db, testConfig(), new TestClock());
    assert.deepEqual(await databaseAnswers(ctx), { answers: true });
    await database.close();
    const closed = await databaseAnswers(ctx);
    assert.equal(closed.answers, false);
    assert.ok(!closed.answers && closed.error instanceof Error);
  });
});
