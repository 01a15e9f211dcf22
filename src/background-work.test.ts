// The server's background work runs the queue of re-evaluations a change of settings leaves, as the
// system, and stops cleanly.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeUser } from '../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../test/helpers/test-app.ts';
import { changeAreaSettings } from './application/settings/area-settings.ts';
import { startBackgroundWork } from './background-work.ts';

describe('the background work', () => {
  let t: TestApp;
  let folder: string;
  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-background-'));
    t = await createTestApp({ env: { AUDIT_ANCHOR_FILE: path.join(folder, 'anchors.jsonl') } });
  });
  after(async () => {
    await t.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('re-evaluates the cases a change of settings queued, as the system, then stops', async () => {
    const admin = actorFor(await makeUser(t.ctx, { role: 'admin' }));
    await makeCase(t.ctx);
    await makeCase(t.ctx);
    assert.ok((await changeAreaSettings(t.ctx, admin, { 'profile.lateBookingAfterWeeks': '14' })).ok);
    const queued = () => t.ctx.db.selectFrom('profile_reevaluation_queue').select('case_id').execute();
    assert.equal((await queued()).length, 2);
    const work = startBackgroundWork(t.ctx, t.ctx.db, t.app.log, { reevaluationCheckMs: 20 });
    try {
      for (let waited = 0; (await queued()).length > 0 && waited < 200; waited++) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await work.stop();
    }
    assert.deepEqual(await queued(), []);
    const audits = await t.ctx.db.selectFrom('audit_log').select(['channel', 'details']).where('action', '=', 'profile.reevaluate').execute();
    assert.deepEqual(audits, [{ channel: 'system', details: { reason: 'settings', profiles: 2, changed: 2, alerts: 0 } }]);
  });
});
