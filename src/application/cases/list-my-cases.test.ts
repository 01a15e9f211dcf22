import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { testConfig } from '../../../test/helpers/test-app.ts';
import { TestClock } from '../../../test/helpers/test-clock.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import type { UserActor } from '../actor.ts';
import { createContext, type AppContext } from '../context.ts';
import { evaluateStoredProfile } from '../profile/profile-facts.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { listMyCases } from './list-my-cases.ts';
import { DEFAULT_SERVICE_SETTINGS } from '../../domain/settings/service-settings.ts';

describe('the day a profile was reviewed, as the review schedule counts it', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  let actor: UserActor;
  let caseId: string;
  before(async () => {
    database = await createTestDatabase();
    ctx = createContext(database.db, testConfig(), new TestClock('2026-07-01T08:00:00Z'));
    const user = await makeUser(ctx);
    actor = actorFor(user);
    caseId = (await makeCase(ctx, { teamUserIds: [user.id] })).id;
    // Reviewed at 00:30 on 1 July in London, which is still 30 June in UTC; child protection: every 4 weeks.
    await ctx.db.updateTable('cases').set({ level: 'child-protection', profile_reviewed_at: new Date('2026-06-30T23:30:00Z') }).where('id', '=', caseId).execute();
  });
  after(async () => database.close());

  it('is the London day on the profile, just after midnight in summer', async () => {
    const profile = await evaluateStoredProfile(ctx.db, caseId, serviceToday(ctx.clock.now()), DEFAULT_SERVICE_SETTINGS);
    assert.equal(profile?.stored.facts.lastReviewedAt, '2026-07-01');
    assert.deepEqual(profile?.review, { reason: 'scheduled', dueOn: '2026-07-29' });
  });

  it('is the same London day in my cases, so both give the same due date', async () => {
    const [mine] = await listMyCases(ctx, actor);
    assert.equal(mine?.id, caseId);
    assert.deepEqual(mine?.review, { state: 'scheduled', dueOn: '2026-07-29' });
  });
});
