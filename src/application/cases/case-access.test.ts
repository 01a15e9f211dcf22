import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { loadCaseAccess } from './case-access.ts';

// loadCaseAccess sends one statement compiled once: each call must still be decided on its own case,
// requester and time, on the service's handle and inside a transaction alike.
describe('loadCaseAccess, one statement compiled once', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('decides each call on its own case, requester and time', async () => {
    const lead = await makeUser(t.ctx);
    const member = await makeUser(t.ctx);
    const stranger = await makeUser(t.ctx);
    const first = await makeCase(t.ctx, { teamUserIds: [lead.id, member.id] });
    const second = await makeCase(t.ctx, { teamUserIds: [member.id] });
    const now = t.clock.now();
    const expiresAt = new Date(now.getTime() + 3_600_000);
    await t.ctx.db.insertInto('break_glass_access').values({ id: randomUUID(), case_id: second.id, user_id: stranger.id, reason: 'Out of hours concern', started_at: now, expires_at: expiresAt }).execute();
    const access = (user: typeof lead, caseId: string, at = now) => loadCaseAccess(t.ctx.db, actorFor(user), caseId, at);

    assert.deepEqual(await access(lead, first.id), { allowed: true, basis: 'lead-professional', canChange: true, canSeeRestricted: true });
    assert.deepEqual(await access(lead, second.id), { allowed: false });
    assert.equal((await access(member, first.id)).allowed, true);
    assert.deepEqual(await access(stranger, first.id), { allowed: false }, 'emergency access to one case opens no other');
    assert.deepEqual(await access(stranger, second.id), { allowed: true, basis: 'break-glass', canChange: false, canSeeRestricted: false, breakGlassExpiresAt: expiresAt });
    assert.deepEqual(await access(stranger, second.id, expiresAt), { allowed: false }, 'not once it has run out');
    assert.deepEqual(await access(lead, randomUUID()), { allowed: false });
  });

  it('decides each call inside a transaction too', async () => {
    const lead = await makeUser(t.ctx);
    const member = await makeUser(t.ctx);
    const own = await makeCase(t.ctx, { teamUserIds: [lead.id] });
    const other = await makeCase(t.ctx, { teamUserIds: [member.id] });
    const now = t.clock.now();
    await t.ctx.db.transaction().execute(async (trx) => {
      assert.equal((await loadCaseAccess(trx, actorFor(lead), own.id, now)).allowed, true);
      assert.equal((await loadCaseAccess(trx, actorFor(lead), other.id, now)).allowed, false);
    });
  });
});
