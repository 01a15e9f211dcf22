import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { CATALOGUE_VERSION } from '../../domain/catalogue/catalogue-version.ts';
import { cliOperator } from '../actor.ts';
import { makeFamily, makePartnership, recipientsOf, type Partnership } from '../alerts/alerts.test-support.ts';
import { loadSyntheticPartnership } from '../synthetic/load-synthetic-partnership.ts';
import { reevaluateAllProfiles } from './reevaluate-profiles.ts';
import { updateFactor } from './update-factor.ts';

describe('re-evaluating every profile against the catalogue in force', () => {
  let t: TestApp;
  let p: Partnership;
  before(async () => {
    t = await createTestApp();
    p = await makePartnership(t);
  });
  after(async () => t.close());

  const versionsOf = (caseId: string) => t.ctx.db.selectFrom('profile_versions').selectAll().where('case_id', '=', caseId).orderBy('version').execute();

  it('finds a generated partnership evaluated already, gives a profile never versioned its first version alerting nobody, and changes nothing the second time', async () => {
    assert.ok((await loadSyntheticPartnership(t.ctx, cliOperator, { infants: 30, seed: 11 })).ok);
    const generated = await t.ctx.db.selectFrom('cases').select(['id', 'profile_version']).execute();
    assert.equal(generated.length, 30);
    assert.ok(generated.every((c) => c.profile_version === 1), 'the generator writes every profile’s first version');
    const [sample] = await versionsOf(generated[0]!.id);
    assert.equal(sample?.kind, 'catalogue');
    assert.equal(sample?.changed_by, null);
    assert.deepEqual(sample?.change, { summary: `Evaluated when the record was generated, against catalogue version ${String(CATALOGUE_VERSION)}`, catalogueVersion: CATALOGUE_VERSION });
    assert.ok(Array.isArray(sample?.findings));
    // A new record no change has touched yet is still at version 0.
    const unversioned = await makeFamily(t, p, 'Unversioned');

    const first = await reevaluateAllProfiles(t.ctx, cliOperator);
    assert.deepEqual([first.profiles, first.changed, first.alerts], [31, 1, 0]);
    const [own] = await versionsOf(unversioned);
    assert.deepEqual([own?.version, own?.kind, own?.changed_by], [1, 'catalogue', null]);
    assert.deepEqual(own?.change, { summary: `Re-evaluated against catalogue version ${String(CATALOGUE_VERSION)}`, catalogueVersion: CATALOGUE_VERSION });
    const alerts = await t.ctx.db.selectFrom('alerts').select('id').execute();
    assert.equal(alerts.length, 0, 'a first evaluation has nothing to compare with, so it alerts nobody');

    const second = await reevaluateAllProfiles(t.ctx, cliOperator);
    assert.deepEqual([second.profiles, second.changed, second.alerts], [first.profiles, 0, 0]);
    assert.equal((await versionsOf(unversioned)).length, 1);
  });

  it('a critical finding the new rules show alerts the whole team, the latest version having not held it', async () => {
    const caseId = await makeFamily(t, p, 'Rules');
    const actor = actorFor(p.healthVisitor);
    const evidence = [{ source: 'observed' as const, note: 'Seen on the visit' }];
    assert.ok((await updateFactor(t.ctx, actor, caseId, { factorId: 'smoking-in-home', status: 'present', detail: 'Both parents smoke indoors', evidence, version: 0 })).ok);
    // What a catalogue change does: the stored facts now mean a critical finding the latest version does not hold.
    const smoking = await t.ctx.db.selectFrom('profile_assessments').selectAll().where('case_id', '=', caseId).where('factor_id', '=', 'smoking-in-home').executeTakeFirstOrThrow();
    await t.ctx.db
      .insertInto('profile_assessments')
      .values({ ...smoking, factor_id: 'unsafe-sleep', subject_key: 'household', detail: 'Sleeps on the sofa with dad', protection: null, responses: null, version: 1 })
      .execute();

    const run = await reevaluateAllProfiles(t.ctx, cliOperator);
    assert.equal(run.changed, 1);
    assert.equal(run.alerts, 1);
    const versions = await versionsOf(caseId);
    assert.deepEqual(versions.map((v) => [v.version, v.kind]), [[1, 'factor'], [2, 'catalogue']]);
    assert.ok(versions[1]!.findings?.some((f) => f.id === 'unsafe-sleep-combination' && f.severity === 'critical'));
    const [alert] = await t.ctx.db.selectFrom('alerts').selectAll().where('case_id', '=', caseId).execute();
    assert.equal(alert?.finding_id, 'unsafe-sleep-combination');
    const recipients = await recipientsOf(t, alert.id);
    assert.equal(recipients.length, 3, 'raised by the service, so nobody in the team acknowledged it by raising it');
    assert.ok(recipients.every((r) => r.acknowledged_at === null));
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'channel']).where('subject_id', '=', alert.id).execute();
    assert.deepEqual(audit, [{ action: 'alert.raise', actor_user_id: null, channel: 'cli' }]);
  });

  it('audits each run once, with what it found', async () => {
    await reevaluateAllProfiles(t.ctx, cliOperator);
    const runs = await t.ctx.db.selectFrom('audit_log').select(['action', 'details', 'channel']).where('action', '=', 'profile.reevaluate').orderBy('seq').execute();
    assert.equal(runs.length, 4, 'two runs in the first test, one in the second, this one');
    assert.equal(runs[3]!.channel, 'cli');
    assert.deepEqual({ ...(runs[3]!.details), seconds: 0 }, { catalogueVersion: CATALOGUE_VERSION, profiles: 32, changed: 0, alerts: 0, seconds: 0 });
  });
});
