import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { actorFor, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { changeAreaSettings } from './area-settings.ts';
import { settingsInForce } from './settings-in-force.ts';

/** A plugin that changes nothing: a second handle on the same database, as a context with { ...ctx, db } has. */
const unchanged: KyselyPlugin = { transformQuery: (args) => args.node, transformResult: (args) => Promise.resolve(args.result) };

describe('the settings in force, read with several handles on one database', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('have one generation for the same settings whichever handle read them, and another once they change', async () => {
    const other = { ...t.ctx, db: t.ctx.db.withPlugin(unchanged) };
    const first = await settingsInForce(t.ctx);
    assert.equal((await settingsInForce(other)).generation, first.generation, 'the same settings on another handle');

    const admin = actorFor(await makeUser(t.ctx, { role: 'admin' }));
    assert.ok((await changeAreaSettings(t.ctx, admin, { 'profile.preBirthMilestoneWeeks': '30' })).ok);
    const changed = await settingsInForce(t.ctx);
    assert.equal(changed.settings.profile.preBirthMilestoneWeeks, 30);
    assert.notEqual(changed.generation, first.generation, 'changed here: seen at once');
    assert.equal((await settingsInForce(other)).generation, first.generation, 'the other handle keeps what it read for a few seconds');
    t.clock.advanceMinutes(1);
    assert.equal((await settingsInForce(other)).generation, changed.generation, 'then reads them again');

    assert.ok((await changeAreaSettings(t.ctx, admin, { 'profile.preBirthMilestoneWeeks': '28' })).ok);
    assert.equal((await settingsInForce(t.ctx)).generation, first.generation, 'put back: the first settings, the first generation');
  });
});
