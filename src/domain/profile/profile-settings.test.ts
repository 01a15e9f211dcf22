import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PROFILE_SETTINGS, profileSettings } from './profile-settings.ts';

describe('profile settings', () => {
  it('default to a 28-week pre-birth milestone, two weeks’ notice and late booking after 12 weeks', () => {
    assert.deepEqual(profileSettings(undefined), { preBirthMilestoneWeeks: 28, preBirthNoticeWeeks: 2, lateBookingAfterWeeks: 12 });
    assert.deepEqual(DEFAULT_PROFILE_SETTINGS, profileSettings({}));
  });

  it('take an area’s own values, and keep the default for anything that is not a number', () => {
    assert.deepEqual(profileSettings({ preBirthMilestoneWeeks: 30, preBirthNoticeWeeks: Number.NaN, lateBookingAfterWeeks: Number.POSITIVE_INFINITY }), {
      preBirthMilestoneWeeks: 30,
      preBirthNoticeWeeks: 2,
      lateBookingAfterWeeks: 12,
    });
  });
});
