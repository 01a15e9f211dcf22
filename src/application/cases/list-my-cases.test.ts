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
import { listMyCases, readMyCases } from './list-my-cases.ts';
import type { KyselyPlugin } from 'kysely';
import { recordEntry } from '../chronology/record-entry.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
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

describe('my cases reads the clocks of all its cases at once', () => {
  class StatementCounter implements KyselyPlugin {
    count = 0;
    transformQuery: KyselyPlugin['transformQuery'] = (args) => {
      this.count++;
      return args.node;
    };
    transformResult: KyselyPlugin['transformResult'] = (args) => Promise.resolve(args.result);
  }
  let database: TestDatabase;
  let ctx: AppContext;
  before(async () => {
    database = await createTestDatabase();
    // Sunday 22 November 2026.
    ctx = createContext(database.db, testConfig(), new TestClock('2026-11-22T10:00:00Z'));
  });
  after(async () => database.close());

  /** A practitioner with `n` cases, each with a strategy discussion a different number of days ago. */
  async function caseload(n: number) {
    const user = await makeUser(ctx);
    for (let i = 0; i < n; i++) {
      const { id } = await makeCase(ctx, { familyName: `Family ${String(i).padStart(2, '0')}`, teamUserIds: [user.id] });
      const heldOn = `2026-11-${String(2 + i).padStart(2, '0')}`;
      assert.ok((await recordEntry(ctx, actorFor(user), id, { kind: 'strategy-discussion', occurredAt: heldOn, summary: 'Strategy discussion', source: 'agency-record' })).ok);
    }
    return actorFor(user);
  }

  async function statementsFor(actor: UserActor) {
    const counter = new StatementCounter();
    // The settings are kept for a few seconds by a running server: read them first, as it has.
    await settingsInForce(ctx);
    const counted = { ...ctx, db: database.db.withPlugin(counter) };
    const listed = await readMyCases(counted, actor);
    return { statements: counter.count, listed };
  }

  it('sends as many statements for 12 cases as for 2, each case with its clocks', async () => {
    const few = await statementsFor(await caseload(2));
    const many = await statementsFor(await caseload(12));
    assert.equal(few.listed.cases.length, 2);
    assert.equal(many.listed.cases.length, 12);
    assert.equal(many.statements, few.statements);
    assert.ok(many.listed.cases.every((c) => c.urgentClock?.id === 'initial-conference'));
    assert.equal(many.listed.today, '2026-11-22');
  });
});
