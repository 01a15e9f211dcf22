import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_SERVICE_SETTINGS,
  formatSettingValue,
  parseSettingValue,
  SETTING_DEFINITIONS,
  settingDefinition,
  settingsFrom,
  validateServiceSettings,
} from './service-settings.ts';

const definition = (key: string) => {
  const found = settingDefinition(key);
  assert.ok(found, `no setting ${key}`);
  return found;
};

describe('service settings', () => {
  it('name every setting once, with a default that its own parser reads back', () => {
    const keys = SETTING_DEFINITIONS.map((d) => d.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const d of SETTING_DEFINITIONS) {
      const parsed = parseSettingValue(d, formatSettingValue(d, d.defaultValue));
      assert.deepEqual(parsed, { ok: true, value: d.defaultValue }, d.key);
      assert.deepEqual(d.read(DEFAULT_SERVICE_SETTINGS), d.defaultValue, d.key);
    }
    assert.deepEqual(validateServiceSettings(DEFAULT_SERVICE_SETTINGS), []);
  });

  it('read a whole number within its bounds, and refuse one outside them, a fraction, a sign or words', () => {
    const milestone = definition('profile.preBirthMilestoneWeeks');
    assert.deepEqual(parseSettingValue(milestone, ' 30 '), { ok: true, value: 30 });
    assert.deepEqual(parseSettingValue(milestone, '39'), { ok: true, value: 39 });
    for (const typed of ['40', '11', '28.5', '-28', 'twenty', '1e1']) {
      const parsed = parseSettingValue(milestone, typed);
      assert.equal(parsed.ok, false, typed);
      if (!parsed.ok) assert.match(parsed.message, /^Pre-birth strategy discussion or assessment by: /);
    }
  });

  it('take an empty value as "not set" only where an area may set none', () => {
    assert.deepEqual(parseSettingValue(definition('timescales.preBirth.conferenceByWeek'), ''), { ok: true, value: null });
    const required = parseSettingValue(definition('timescales.assessmentWorkingDays'), '  ');
    assert.deepEqual(required, { ok: false, message: 'Assessment after a referral: enter a value' });
  });

  it('hold a statutory timescale to Working Together: 45 working days for an assessment, never 46', () => {
    assert.deepEqual(parseSettingValue(definition('timescales.assessmentWorkingDays'), '40'), { ok: true, value: 40 });
    assert.equal(parseSettingValue(definition('timescales.assessmentWorkingDays'), '46').ok, false);
    assert.match(definition('timescales.assessmentWorkingDays').hint, /allows no longer/);
  });

  it('read age bands youngest first, and say what is wrong with bands out of order or badly written', () => {
    const bands = definition('chronology.unseenBands');
    assert.deepEqual(parseSettingValue(bands, '3:14, 6 : 28,12:56'), {
      ok: true,
      value: [
        { underMonths: 3, maxDays: 14 },
        { underMonths: 6, maxDays: 28 },
        { underMonths: 12, maxDays: 56 },
      ],
    });
    assert.equal(formatSettingValue(bands, [{ underMonths: 3, maxDays: 14 }]), '3:14');
    const outOfOrder = parseSettingValue(bands, '12:56, 6:28');
    assert.equal(outOfOrder.ok, false);
    if (!outOfOrder.ok) assert.match(outOfOrder.message, /youngest first.*"6:28"/);
    for (const typed of ['6-28', '6:0', '0:28', '6:28,', '241:10']) assert.equal(parseSettingValue(bands, typed).ok, false, typed);
  });

  it('take stored values over the defaults, and leave out (naming it) one no longer within bounds or of the wrong shape', () => {
    const { settings, ignored } = settingsFrom(
      new Map<string, unknown>([
        ['profile.preBirthMilestoneWeeks', 30],
        ['timescales.preBirth.conferenceByWeek', null],
        ['chronology.unseenBands', [{ underMonths: 3, maxDays: 14 }]],
        ['timescales.assessmentWorkingDays', 60],
        ['profile.lateBookingAfterWeeks', 'twelve'],
        ['no.such.key', 3],
      ]),
    );
    assert.equal(settings.profile.preBirthMilestoneWeeks, 30);
    assert.equal(settings.timescales.preBirth.conferenceByWeek, null);
    assert.deepEqual(settings.unseen.bands, [{ underMonths: 3, maxDays: 14 }]);
    assert.equal(settings.timescales.assessmentWorkingDays, 45);
    assert.equal(settings.profile.lateBookingAfterWeeks, 12);
    assert.deepEqual(ignored, ['timescales.assessmentWorkingDays', 'profile.lateBookingAfterWeeks']);
  });

  it('refuse a set whose notice is not before the milestone, or whose pre-birth conference is not after the strategy discussion', () => {
    const notice = definition('profile.preBirthNoticeWeeks').write(DEFAULT_SERVICE_SETTINGS, 12);
    const late = definition('profile.preBirthMilestoneWeeks').write(notice, 12);
    assert.deepEqual(
      validateServiceSettings(late).map((error) => error.key),
      ['profile.preBirthNoticeWeeks'],
    );
    assert.deepEqual(validateServiceSettings(notice), []);
    const conference = definition('timescales.preBirth.conferenceByWeek').write(DEFAULT_SERVICE_SETTINGS, 18);
    assert.deepEqual(
      validateServiceSettings(conference).map((error) => error.key),
      ['timescales.preBirth.conferenceByWeek'],
    );
  });

  it('change one setting without touching the rest', () => {
    const changed = definition('timescales.preBirth.strategyMeetingByWeek').write(DEFAULT_SERVICE_SETTINGS, 18);
    assert.equal(changed.timescales.preBirth.strategyMeetingByWeek, 18);
    assert.equal(changed.timescales.preBirth.conferenceByWeek, DEFAULT_SERVICE_SETTINGS.timescales.preBirth.conferenceByWeek);
    assert.equal(DEFAULT_SERVICE_SETTINGS.timescales.preBirth.strategyMeetingByWeek, 20);
    assert.deepEqual(changed.profile, DEFAULT_SERVICE_SETTINGS.profile);
  });

  it('read two-factor sign-in for everyone as yes or no, in any case, and refuse anything else', () => {
    const everyone = definition('signIn.twoFactorForEveryone');
    assert.deepEqual(parseSettingValue(everyone, ' Yes '), { ok: true, value: true });
    assert.deepEqual(parseSettingValue(everyone, 'no'), { ok: true, value: false });
    assert.deepEqual(parseSettingValue(everyone, 'maybe'), { ok: false, message: 'Two-factor sign-in for everyone: choose yes or no' });
    assert.deepEqual(parseSettingValue(everyone, ''), { ok: false, message: 'Two-factor sign-in for everyone: choose yes or no' });
    assert.equal(formatSettingValue(everyone, true), 'yes');
    assert.equal(DEFAULT_SERVICE_SETTINGS.twoFactorForEveryone, false);
    assert.equal(settingsFrom(new Map([['signIn.twoFactorForEveryone', true]])).settings.twoFactorForEveryone, true);
    assert.deepEqual(settingsFrom(new Map([['signIn.twoFactorForEveryone', 'sometimes']])).ignored, ['signIn.twoFactorForEveryone']);
  });
});
