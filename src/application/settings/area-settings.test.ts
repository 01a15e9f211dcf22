import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { cliOperator, type UserActor } from '../actor.ts';
import { changeAreaSettings, viewAreaSettings } from './area-settings.ts';
import { settingsInForce } from './settings-in-force.ts';

describe('the area’s settings', () => {
  let t: TestApp;
  let admin: UserActor;
  let practitioner: UserActor;
  before(async () => {
    t = await createTestApp();
    admin = actorFor(await makeUser(t.ctx, { role: 'admin', name: 'Ada Admin' }));
    practitioner = actorFor(await makeUser(t.ctx));
  });
  after(async () => t.close());

  const audits = (action: string, outcome: string) => t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'details']).where('action', '=', action).where('outcome', '=', outcome).execute();
  const rows = () => t.ctx.db.selectFrom('service_settings').select(['key', 'value', 'updated_by_name']).orderBy('key').execute();

  it('shows every setting at its default to an administrator, with nothing stored', async () => {
    const result = await viewAreaSettings(t.ctx, admin);
    assert.ok(result.ok);
    const milestone = result.value.find((setting) => setting.definition.key === 'profile.preBirthMilestoneWeeks');
    assert.deepEqual({ value: milestone?.value, defaultValue: milestone?.defaultValue, isDefault: milestone?.isDefault, changedBy: milestone?.changedBy }, { value: '28', defaultValue: '28', isDefault: true, changedBy: null });
    assert.equal(result.value.find((setting) => setting.definition.key === 'chronology.unseenBands')?.value, '6:28, 12:56');
  });

  it('refuses a practitioner who looks at or changes them, auditing each refusal and storing nothing', async () => {
    assert.equal((await viewAreaSettings(t.ctx, practitioner)).ok, false);
    const changed = await changeAreaSettings(t.ctx, practitioner, { 'profile.preBirthMilestoneWeeks': '30' });
    assert.equal(changed.ok ? null : changed.code, 'forbidden');
    assert.deepEqual(await rows(), []);
    assert.equal((await audits('settings.view', 'denied')).length, 1);
    assert.deepEqual((await audits('settings.change', 'denied')).map((row) => row.actor_user_id), [practitioner.userId]);
  });

  it('stores what an administrator changes, audits what it was and what it became, and shows who changed it', async () => {
    const result = await changeAreaSettings(t.ctx, admin, { 'profile.preBirthMilestoneWeeks': ' 30 ', 'timescales.preBirth.conferenceByWeek': '', 'chronology.unseenBands': '6:28, 12:56' });
    assert.deepEqual(result, { ok: true, value: { changed: ['profile.preBirthMilestoneWeeks', 'timescales.preBirth.conferenceByWeek'] } });
    assert.deepEqual(await rows(), [
      { key: 'profile.preBirthMilestoneWeeks', value: 30, updated_by_name: 'Ada Admin' },
      { key: 'timescales.preBirth.conferenceByWeek', value: null, updated_by_name: 'Ada Admin' },
    ]);
    const [audit] = await audits('settings.change', 'success');
    assert.deepEqual(audit?.details, {
      changes: [
        { key: 'profile.preBirthMilestoneWeeks', from: '28', to: '30' },
        { key: 'timescales.preBirth.conferenceByWeek', from: '28', to: '' },
      ],
    });
    const viewed = await viewAreaSettings(t.ctx, admin);
    assert.ok(viewed.ok);
    const milestone = viewed.value.find((setting) => setting.definition.key === 'profile.preBirthMilestoneWeeks')!;
    assert.deepEqual({ value: milestone.value, isDefault: milestone.isDefault, changedBy: milestone.changedBy }, { value: '30', isDefault: false, changedBy: 'Ada Admin' });
    assert.equal((await settingsInForce(t.ctx)).settings.profile.preBirthMilestoneWeeks, 30);
  });

  it('refuses bad values and a set that does not hang together, naming each key, and stores none of it', async () => {
    const before = await rows();
    const bad = await changeAreaSettings(t.ctx, admin, { 'profile.lateBookingAfterWeeks': 'twelve', 'timescales.assessmentWorkingDays': '46' });
    assert.equal(bad.ok ? null : bad.code, 'invalid');
    assert.deepEqual(
      bad.errors?.map((error) => error.key),
      ['profile.lateBookingAfterWeeks', 'timescales.assessmentWorkingDays'],
    );
    const clash = await changeAreaSettings(t.ctx, admin, { 'profile.preBirthNoticeWeeks': '12', 'profile.preBirthMilestoneWeeks': '12' });
    assert.deepEqual(
      clash.errors?.map((error) => error.key),
      ['profile.preBirthNoticeWeeks'],
    );
    const unknown = await changeAreaSettings(t.ctx, admin, { 'profile.noSuchThing': '3' });
    assert.equal(unknown.ok ? null : unknown.code, 'unknown-setting');
    assert.deepEqual(await rows(), before);
    assert.deepEqual(
      (await audits('settings.change', 'failure')).map((row) => row.details),
      [{ invalid: ['profile.lateBookingAfterWeeks', 'timescales.assessmentWorkingDays'] }, { invalid: ['profile.preBirthNoticeWeeks'] }, { unknown: ['profile.noSuchThing'] }],
    );
  });

  it('forgets a setting put back to its default, so a later change of default reaches it; the command line may do it too', async () => {
    const result = await changeAreaSettings(t.ctx, cliOperator, { 'profile.preBirthMilestoneWeeks': '28' });
    assert.deepEqual(result, { ok: true, value: { changed: ['profile.preBirthMilestoneWeeks'] } });
    assert.deepEqual(
      (await rows()).map((row) => row.key),
      ['timescales.preBirth.conferenceByWeek'],
    );
    const again = await changeAreaSettings(t.ctx, cliOperator, { 'profile.preBirthMilestoneWeeks': '28' });
    assert.deepEqual(again, { ok: true, value: { changed: [] } });
  });

  it('are what the profile is evaluated under from the next view: a shorter time unseen shows the baby as not seen', async () => {
    const { id } = await makeCase(t.ctx);
    const unseen = async () => ((await t.ctx.profiles.read(t.ctx, id))?.stored.facts.patterns ?? []).filter((pattern) => pattern.id === 'unseen-period').length;
    // Born on 1 October with nobody recorded seeing the baby: unseen past the default 28 days.
    assert.equal(await unseen(), 1);
    await changeAreaSettings(t.ctx, admin, { 'chronology.unseenBands': '6:3650' });
    assert.equal(await unseen(), 0);
    await changeAreaSettings(t.ctx, admin, { 'chronology.unseenBands': '6:28, 12:56' });
    assert.equal(await unseen(), 1);
  });
});
