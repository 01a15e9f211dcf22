import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SERVICE_SETTINGS, parseSettingValue, settingDefinition, settingsFrom } from '../settings/service-settings.ts';
import { DEFAULT_RETENTION_SETTINGS } from './retention-schedule.ts';

const child = settingDefinition('retention.childRecordUntilAge')!;
const safeguarding = settingDefinition('retention.safeguardingRecordUntilAge')!;

describe('the retention schedule in the area’s settings', () => {
  it('defaults to the 25th birthday for a child’s record and the 75th for a safeguarding record, with their sources', () => {
    assert.deepEqual(DEFAULT_SERVICE_SETTINGS.retention, DEFAULT_RETENTION_SETTINGS);
    assert.deepEqual([child.defaultValue, safeguarding.defaultValue], [25, 75]);
    assert.match(child.hint, /Records Management Code of Practice 2021/);
    assert.match(safeguarding.hint, /Care Planning, Placement and Case Review \(England\) Regulations 2010/);
  });

  it('takes a longer period', () => {
    assert.deepEqual(parseSettingValue(child, '30'), { ok: true, value: 30 });
    assert.deepEqual(parseSettingValue(safeguarding, '100'), { ok: true, value: 100 });
    assert.deepEqual(child.write(DEFAULT_SERVICE_SETTINGS, 30).retention, { childRecordUntilAge: 30, safeguardingRecordUntilAge: 75 });
  });

  it('refuses a period shorter than the law or code allows, saying which and why', () => {
    const refused = parseSettingValue(child, '24');
    assert.equal(refused.ok, false);
    assert.match(!refused.ok ? refused.message : '', /^Records about a child: keep until this birthday: must be 25 or more \(Records Management Code of Practice 2021 \(NHS\).*An area may keep these records longer, never shorter$/);
    const shorter = parseSettingValue(safeguarding, '74');
    assert.match(!shorter.ok ? shorter.message : '', /must be 75 or more \(The Care Planning/);
    assert.deepEqual(parseSettingValue(child, '121'), { ok: false, message: 'Records about a child: keep until this birthday: must be 25 to 120' });
  });

  it('ignores a stored period the schedule no longer allows, so the default applies', () => {
    const { settings, ignored } = settingsFrom(new Map<string, unknown>([['retention.childRecordUntilAge', 18], ['retention.safeguardingRecordUntilAge', 80]]));
    assert.deepEqual(settings.retention, { childRecordUntilAge: 25, safeguardingRecordUntilAge: 80 });
    assert.deepEqual(ignored, ['retention.childRecordUntilAge']);
  });
});
