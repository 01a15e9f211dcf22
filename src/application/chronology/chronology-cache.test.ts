import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { ChronologyCache } from './chronology-cache.ts';
import { recordBatch } from './record-batch.ts';
import { recordEntry } from './record-entry.ts';

/** true only for a list no caller can change (typecheck fails on `= true` otherwise). */
type IsReadOnlyList<T> = T extends unknown[] ? false : T extends readonly unknown[] ? true : false;

const visit = (summary: string) => ({ kind: 'home-visit', occurredAt: '2026-11-20', summary, source: 'observed' as const });

describe('the chronology kept by profile version', () => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof makeUser>>;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    const organisation = await makeOrganisation(t.ctx, 'health-visiting', 'Health Visiting');
    user = await makeUser(t.ctx, { organisationId: organisation.id });
    caseId = (await makeCase(t.ctx, { teamUserIds: [user.id] })).id;
  });
  after(async () => t.close());

  it('gives the same entries again while nothing is added, each frozen, and the new entry once one is', async () => {
    const cache = new ChronologyCache();
    assert.ok((await recordEntry(t.ctx, actorFor(user), caseId, visit('First'))).ok);
    const first = await cache.read(t.ctx.db, caseId);
    assert.deepEqual(first?.map((e) => e.summary), ['First']);
    assert.equal(await cache.read(t.ctx.db, caseId), first, 'kept, not read again');
    assert.ok(first && Object.isFrozen(first[0]), 'the entries are shared: a change to one throws');
    assert.throws(() => {
      (first[0] as { summary: string }).summary = 'Changed';
    }, TypeError);
    // The list is not frozen (V8 filters and slices a frozen array on a slow path): its type keeps it.
    assert.equal(Object.isFrozen(first), false);
    const readOnly: IsReadOnlyList<NonNullable<typeof first>> = true;
    assert.ok(readOnly);

    assert.ok((await recordEntry(t.ctx, actorFor(user), caseId, visit('Second'))).ok);
    // Same day, same clock: the order between the two is by id, so compare them sorted.
    assert.deepEqual((await cache.read(t.ctx.db, caseId))?.map((e) => e.summary).sort(), ['First', 'Second']);
    const batch = await recordBatch(t.ctx, actorFor(user), [{ index: 0, caseId, entry: visit('From a feed') }]);
    assert.equal(batch.stored.length, 1);
    assert.deepEqual((await cache.read(t.ctx.db, caseId))?.map((e) => e.summary).sort(), ['First', 'From a feed', 'Second']);
  });

  it('says there is no such case, and keeps each database’s entries apart (one cache per context)', async () => {
    assert.equal(await new ChronologyCache().read(t.ctx.db, 'no-such-case'), null);
    const other = await createTestApp();
    try {
      assert.notEqual(other.ctx.chronologies, t.ctx.chronologies);
    } finally {
      await other.close();
    }
  });
});
