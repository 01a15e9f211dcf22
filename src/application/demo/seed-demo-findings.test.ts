// The demo's cases, the story families' and the synthetic ones', as the lists and the dashboards read
// them (the findings stored with each profile's latest version, and its dashboards' summary row) must
// say what the case's own profile page evaluates: a walk found the synthetic cases listed as "No findings"
// while their pages showed High findings (they were loaded at profile version 0, with no findings stored).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { highestFindings } from '../../domain/profile/action-first.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Role } from '../../domain/shared/roles.ts';
import type { FindingSnapshot } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { readMyCases } from '../cases/list-my-cases.ts';
import { settingsStamp, summaryOfProfile, withSummaries } from '../dashboards/case-summaries.ts';
import { evaluateStored, loadStoredProfiles, snapshotFindings } from '../profile/profile-facts.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { seedDemo } from './seed-demo.ts';

const byId = (findings: readonly Pick<FindingSnapshot, 'id' | 'severity'>[]) => [...findings].map((f) => `${f.id}:${f.severity}`).sort();

describe('the demo and synthetic cases as the lists and dashboards read them', () => {
  let t: TestApp;
  let ids: string[];
  /** The findings each case's profile page evaluates now, by case. */
  const evaluated = new Map<string, FindingSnapshot[]>();
  before(async () => {
    t = await createTestApp({ env: { DEMO_SYNTHETIC_INFANTS: '40' } });
    await seedDemo(t.ctx);
    ids = (await t.ctx.db.selectFrom('cases').select('id').orderBy('id').execute()).map((row) => row.id);
    for (const id of ids) {
      const read = await t.ctx.profiles.read(t.ctx, id);
      assert.ok(read, id);
      evaluated.set(id, snapshotFindings(read.evaluation));
    }
  });
  after(async () => t.close());

  it('stores with every case’s latest profile version the findings its profile page evaluates', async () => {
    assert.equal(ids.length, 45);
    const high = [...evaluated.values()].filter((findings) => findings.some((f) => f.severity === 'high' || f.severity === 'critical')).length;
    assert.ok(high >= 5, `${String(high)} cases with a high or critical finding`);
    const latest = await t.ctx.db
      .selectFrom('cases')
      .innerJoin('profile_versions as v', (join) => join.onRef('v.case_id', '=', 'cases.id').onRef('v.version', '=', 'cases.profile_version'))
      .select(['cases.id', 'v.findings'])
      .execute();
    assert.equal(latest.length, ids.length, 'every case has a profile version');
    for (const { id, findings } of latest) assert.deepEqual(byId(findings as unknown as FindingSnapshot[]), byId(evaluated.get(id)!), id);
  });

  it('keeps every case’s dashboards’ summary of its version, as worked out from what its page evaluates', async () => {
    const today = serviceToday(t.ctx.clock.now());
    const { settings } = await settingsInForce(t.ctx);
    const rows = await withSummaries(t.ctx.db)
      .selectFrom('dashboard_case_summaries as s')
      .innerJoin('cases', 'cases.id', 's.case_id')
      .selectAll('s')
      .select('cases.profile_version as case_version')
      .execute();
    assert.equal(rows.length, ids.length);
    const profiles = await loadStoredProfiles(t.ctx.db, ids, today, settings, new Map(), { withSummaryFacts: true });
    for (const row of rows) {
      assert.equal(row.profile_version, row.case_version, row.case_id);
      assert.equal(row.settings_stamp, settingsStamp(settings.timescales), row.case_id);
      const stored = profiles.get(row.case_id)!;
      const expected = summaryOfProfile(row.case_id, { ...stored, summaryFacts: stored.summaryFacts! }, snapshotFindings(evaluateStored(stored).evaluation), settings.timescales, today);
      assert.deepEqual([...row.record_measures].sort(), [...expected.recordMeasures].sort(), row.case_id);
      assert.equal(row.completeness, expected.completeness, row.case_id);
      assert.equal(row.level, expected.level, row.case_id);
    }
  });

  it('lists each of a synthetic health visitor’s cases with the most severe finding its page shows', async () => {
    const user = await t.ctx.db.selectFrom('users').select(['id', 'organisation_id', 'role']).where('email', '=', 'practitioner.6@s1.synthetic.example').executeTakeFirstOrThrow();
    const actor: UserActor = { kind: 'user', userId: user.id, organisationId: user.organisation_id, role: user.role as Role, channel: 'web', ip: null };
    const listed = await readMyCases(t.ctx, actor);
    assert.ok(listed.cases.length > 0);
    for (const myCase of listed.cases) assert.deepEqual(myCase.findings, highestFindings(evaluated.get(myCase.id)!), myCase.id);
    assert.ok(listed.cases.some((myCase) => myCase.findings !== null));
  });
});
