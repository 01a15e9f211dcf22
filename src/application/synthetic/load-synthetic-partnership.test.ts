import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { actorFor } from '../../../test/helpers/factories.ts';
import { cliOperator } from '../actor.ts';
import type { Role } from '../../domain/shared/roles.ts';
import { signIn } from '../auth/sign-in.ts';
import { listMyCases } from '../cases/list-my-cases.ts';
import { viewChronology } from '../chronology/view-chronology.ts';
import { viewGrowth } from '../growth/view-growth.ts';
import { viewProfile } from '../profile/view-profile.ts';
import { loadSyntheticPartnership, SYNTHETIC_PASSWORD, type LoadSyntheticResult } from './load-synthetic-partnership.ts';

describe('loading a synthetic partnership', () => {
  let t: TestApp;
  let loaded: LoadSyntheticResult;
  const progress: number[] = [];
  before(async () => {
    t = await createTestApp();
    loaded = await loadSyntheticPartnership(t.ctx, cliOperator, { infants: 50, seed: 3, onProgress: (written) => progress.push(written) });
  });
  after(async () => t.close());

  it('writes every row it counts, with one audit entry for the whole generation', async () => {
    assert.ok(loaded.ok);
    const { counts } = loaded;
    assert.equal(counts.infants, 50);
    assert.deepEqual(progress, [50]);
    const count = async (table: 'cases' | 'people' | 'chronology_entries' | 'users' | 'profile_assessments' | 'profile_evidence' | 'growth_measurements') =>
      Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal(await count('cases'), 50);
    assert.equal(await count('people'), counts.people);
    assert.equal(await count('users'), counts.users);
    assert.equal(await count('chronology_entries'), counts.entries);
    assert.equal(await count('profile_assessments'), counts.assessments);
    assert.equal(await count('profile_evidence'), counts.evidence);
    assert.ok(counts.entries > 50 * 30);
    assert.equal(await count('growth_measurements'), counts.measurements);
    assert.ok(counts.measurements > 50 * 3, `${String(counts.measurements)} weights`);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['channel', 'details']).where('action', '=', 'synthetic.generate').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.channel, 'cli');
  });

  it('refuses the same seed twice, and takes another seed beside it', async () => {
    const again = await loadSyntheticPartnership(t.ctx, cliOperator, { infants: 5, seed: 3 });
    assert.equal(again.ok, false);
    const other = await loadSyntheticPartnership(t.ctx, cliOperator, { infants: 5, seed: 4 });
    assert.ok(other.ok);
  });

  it('opens through the real use cases for a generated practitioner, who can sign in', async () => {
    const lead = await t.ctx.db
      .selectFrom('case_team')
      .innerJoin('users', 'users.id', 'case_team.user_id')
      .select(['users.id', 'users.email', 'users.organisation_id', 'users.role'])
      .where('case_team.role', '=', 'lead-professional')
      .orderBy('users.email')
      .executeTakeFirstOrThrow();
    const actor = actorFor({ id: lead.id, organisationId: lead.organisation_id, role: lead.role as Role });
    const signedIn = await signIn(t.ctx, { email: lead.email, password: SYNTHETIC_PASSWORD, channel: 'web', ip: null });
    assert.ok(signedIn.ok);
    const cases = await listMyCases(t.ctx, actor);
    assert.ok(cases.length > 0);
    for (const myCase of cases) {
      const profile = await viewProfile(t.ctx, actor, myCase.id);
      assert.ok(profile.ok, myCase.id);
      const chronology = await viewChronology(t.ctx, actor, myCase.id);
      assert.ok(chronology.ok, myCase.id);
    }
  });

  it('weighs the born babies, so their lead professional sees faltering growth assessed from the weights', async () => {
    const weighed = await t.ctx.db
      .selectFrom('growth_measurements')
      .innerJoin('case_team', (join) => join.onRef('case_team.case_id', '=', 'growth_measurements.case_id').on('case_team.role', '=', 'lead-professional'))
      .innerJoin('users', 'users.id', 'case_team.user_id')
      .select(['growth_measurements.case_id', 'users.id', 'users.organisation_id', 'users.role'])
      .distinct()
      .execute();
    assert.ok(weighed.length > 20, `${String(weighed.length)} babies weighed`);
    for (const row of weighed) {
      const growth = await viewGrowth(t.ctx, actorFor({ id: row.id, organisationId: row.organisation_id, role: row.role as Role }), row.case_id);
      assert.ok(growth.ok, row.case_id);
      assert.ok(growth.value.measurements.length > 0);
      assert.notEqual(growth.value.faltering.status, 'not-assessed', row.case_id);
    }
  });
});
