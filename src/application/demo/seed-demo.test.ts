import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { signIn } from '../auth/sign-in.ts';
import { SYNTHETIC_PASSWORD } from '../synthetic/load-synthetic-partnership.ts';
import { DEMO_ACCOUNTS, DEMO_FAMILIES } from './demo-partnership.ts';
import { seedDemo, type DemoSeeded } from './seed-demo.ts';

async function countCases(t: TestApp): Promise<number> {
  return Number((await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

describe('seeding the demo with synthetic families', () => {
  let t: TestApp;
  let seeded: DemoSeeded | null;
  before(async () => {
    t = await createTestApp({ env: { DEMO_SYNTHETIC_INFANTS: '12' } });
    seeded = await seedDemo(t.ctx);
  });
  after(async () => t.close());

  it('adds DEMO_SYNTHETIC_INFANTS synthetic infants beside every story family', async () => {
    assert.equal(seeded?.syntheticInfants, 12);
    assert.equal(await countCases(t), DEMO_FAMILIES.length + 12);
    const story = await t.ctx.db
      .selectFrom('cases')
      .innerJoin('users', 'users.id', 'cases.created_by')
      .select(['cases.given_name', 'cases.family_name'])
      .where('users.email', 'in', DEMO_ACCOUNTS.map((a) => a.email))
      .orderBy('cases.family_name')
      .execute();
    const expected = DEMO_FAMILIES.map((f) => ({ given_name: f.givenName, family_name: f.familyName })).sort((a, b) => a.family_name.localeCompare(b.family_name));
    assert.deepEqual(story, expected);
  });

  it('names a synthetic health visitor who signs in with the synthetic password and leads records', async () => {
    const email = seeded?.syntheticSignInEmail;
    assert.ok(email);
    const signedIn = await signIn(t.ctx, { email, password: SYNTHETIC_PASSWORD, channel: 'web', ip: null });
    assert.ok(signedIn.ok);
    const led = await t.ctx.db
      .selectFrom('case_team')
      .innerJoin('users', 'users.id', 'case_team.user_id')
      .select('case_team.case_id')
      .where('users.email', '=', email)
      .where('case_team.role', '=', 'lead-professional')
      .execute();
    assert.ok(led.length > 0);
  });

  it('adds nothing on a second start', async () => {
    assert.equal(await seedDemo(t.ctx), null);
    assert.equal(await countCases(t), DEMO_FAMILIES.length + 12);
  });
});

describe('seeding the demo with DEMO_SYNTHETIC_INFANTS=0', () => {
  it('adds only the story families', async () => {
    const t = await createTestApp({ env: { DEMO_SYNTHETIC_INFANTS: '0' } });
    try {
      assert.deepEqual(await seedDemo(t.ctx), { syntheticInfants: 0, syntheticSignInEmail: null });
      assert.equal(await countCases(t), DEMO_FAMILIES.length);
      const generated = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'synthetic.generate').execute();
      assert.deepEqual(generated, []);
    } finally {
      await t.close();
    }
  });
});
