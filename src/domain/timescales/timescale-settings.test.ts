import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_TIMESCALE_SETTINGS,
  TIMESCALE_SETTING_DEFINITIONS,
  conferenceDueWeek,
  timescaleSetting,
  validateTimescaleSettings,
  withTimescaleDefaults,
  type PreBirthSettings,
  type TimescaleSettings,
} from './timescale-settings.ts';
import { AREA_SETTINGS } from './timescales.test-support.ts';

const withPreBirth = (preBirth: Partial<PreBirthSettings>): TimescaleSettings => ({ ...DEFAULT_TIMESCALE_SETTINGS, preBirth: { ...DEFAULT_TIMESCALE_SETTINGS.preBirth, ...preBirth } });
const keys = (settings: TimescaleSettings) => validateTimescaleSettings(settings).map((error) => error.key);

describe('timescale settings', () => {
  it('default to Working Together’s timescales, 2 working days’ notice and 20 and 28 weeks before the birth', () => {
    assert.deepEqual(DEFAULT_TIMESCALE_SETTINGS, {
      referralDecisionWorkingDays: 1,
      assessmentWorkingDays: 45,
      initialConferenceWorkingDays: 15,
      firstCoreGroupWorkingDays: 10,
      firstReviewConferenceMonths: 3,
      laterReviewConferenceMonths: 6,
      postBirthMeetingWorkingDays: 10,
      dueSoonWorkingDays: 2,
      preBirth: { strategyMeetingByWeek: 20, conferenceByWeek: 28, conferenceAtLeastWeeksBeforeDue: 10 },
    });
    assert.deepEqual(validateTimescaleSettings(DEFAULT_TIMESCALE_SETTINGS), []);
  });

  it('accept the three areas’ pre-birth settings', () => {
    for (const [area, preBirth] of Object.entries(AREA_SETTINGS)) assert.deepEqual(validateTimescaleSettings({ ...DEFAULT_TIMESCALE_SETTINGS, preBirth }), [], area);
  });

  it('define every setting once, each read by its key', () => {
    const defined = TIMESCALE_SETTING_DEFINITIONS.map((definition) => definition.key);
    assert.equal(new Set(defined).size, defined.length);
    assert.equal(defined.length, 11);
    for (const definition of TIMESCALE_SETTING_DEFINITIONS) {
      const value = timescaleSetting(DEFAULT_TIMESCALE_SETTINGS, definition.key);
      assert.ok(value !== null && value >= definition.min && value <= definition.max, `${definition.key}: the default is within its bounds`);
    }
    assert.equal(timescaleSetting(DEFAULT_TIMESCALE_SETTINGS, 'preBirth.conferenceByWeek'), 28);
    assert.equal(timescaleSetting(DEFAULT_TIMESCALE_SETTINGS, 'assessmentWorkingDays'), 45);
  });

  it('refuse a negative, zero, fractional or missing number, naming the key', () => {
    assert.deepEqual(keys({ ...DEFAULT_TIMESCALE_SETTINGS, assessmentWorkingDays: -1 }), ['assessmentWorkingDays']);
    assert.deepEqual(keys({ ...DEFAULT_TIMESCALE_SETTINGS, firstCoreGroupWorkingDays: 0 }), ['firstCoreGroupWorkingDays']);
    assert.deepEqual(keys({ ...DEFAULT_TIMESCALE_SETTINGS, initialConferenceWorkingDays: 10.5 }), ['initialConferenceWorkingDays']);
    assert.deepEqual(keys({ ...DEFAULT_TIMESCALE_SETTINGS, dueSoonWorkingDays: -2 }), ['dueSoonWorkingDays']);
    assert.deepEqual(keys({ ...DEFAULT_TIMESCALE_SETTINGS, postBirthMeetingWorkingDays: Number.NaN }), ['postBirthMeetingWorkingDays']);
    assert.deepEqual(keys({ ...DEFAULT_TIMESCALE_SETTINGS, laterReviewConferenceMonths: '6' as unknown as number }), ['laterReviewConferenceMonths']);
    assert.deepEqual(keys({ ...DEFAULT_TIMESCALE_SETTINGS, referralDecisionWorkingDays: null as unknown as number }), ['referralDecisionWorkingDays']);
    assert.deepEqual(keys(withPreBirth({ strategyMeetingByWeek: -20 })), ['preBirth.strategyMeetingByWeek']);
    assert.deepEqual(keys(withPreBirth({ conferenceAtLeastWeeksBeforeDue: 0 })), ['preBirth.conferenceAtLeastWeeksBeforeDue']);
    const [error] = validateTimescaleSettings({ ...DEFAULT_TIMESCALE_SETTINGS, assessmentWorkingDays: -1 });
    assert.equal(error?.message, 'Assessment after a referral: must be 1 to 45 working days');
  });

  it('accept a due-soon notice of 0 (on the day only) and a shorter timescale than Working Together’s', () => {
    assert.deepEqual(validateTimescaleSettings({ ...DEFAULT_TIMESCALE_SETTINGS, dueSoonWorkingDays: 0, assessmentWorkingDays: 35, initialConferenceWorkingDays: 10, firstReviewConferenceMonths: 2 }), []);
  });

  it('refuse a statutory timescale longer than Working Together’s, and say why', () => {
    const errors = validateTimescaleSettings({ ...DEFAULT_TIMESCALE_SETTINGS, referralDecisionWorkingDays: 2, assessmentWorkingDays: 46, laterReviewConferenceMonths: 7 });
    assert.deepEqual(errors, [
      { key: 'referralDecisionWorkingDays', message: 'Decision on a referral: must be 1 working day (Working Together to Safeguard Children (2023) allows no longer)' },
      { key: 'assessmentWorkingDays', message: 'Assessment after a referral: must be 1 to 45 working days (Working Together to Safeguard Children (2023) allows no longer)' },
      { key: 'laterReviewConferenceMonths', message: 'Between review conferences: must be 1 to 6 months (Working Together to Safeguard Children (2023) allows no longer)' },
    ]);
    assert.deepEqual(keys({ ...DEFAULT_TIMESCALE_SETTINGS, postBirthMeetingWorkingDays: 21 }), ['postBirthMeetingWorkingDays']);
  });

  it('let an area leave any pre-birth milestone unset, but no statutory timescale', () => {
    assert.deepEqual(keys(withPreBirth({ strategyMeetingByWeek: null, conferenceByWeek: null, conferenceAtLeastWeeksBeforeDue: null })), []);
    assert.deepEqual(keys(withPreBirth({ conferenceByWeek: null })), []);
  });

  it('refuse weeks outside a pregnancy', () => {
    assert.deepEqual(keys(withPreBirth({ conferenceByWeek: 40 })), ['preBirth.conferenceByWeek']);
    assert.deepEqual(keys(withPreBirth({ strategyMeetingByWeek: 3 })), ['preBirth.strategyMeetingByWeek']);
    assert.deepEqual(keys(withPreBirth({ conferenceAtLeastWeeksBeforeDue: 37 })), ['preBirth.conferenceAtLeastWeeksBeforeDue']);
    assert.deepEqual(keys(withPreBirth({ conferenceByWeek: 39, conferenceAtLeastWeeksBeforeDue: 1 })), []);
  });

  it('refuse a pre-birth conference due before, or in the same week as, the strategy discussion', () => {
    assert.deepEqual(validateTimescaleSettings(withPreBirth({ strategyMeetingByWeek: 24, conferenceByWeek: 20 })), [
      { key: 'preBirth.conferenceByWeek', message: 'Pre-birth conference by: week 20 is not after the strategy discussion’s week 24' },
    ]);
    assert.deepEqual(keys(withPreBirth({ strategyMeetingByWeek: 24, conferenceByWeek: 24 })), ['preBirth.conferenceByWeek']);
    assert.deepEqual(keys(withPreBirth({ strategyMeetingByWeek: 24, conferenceByWeek: 25 })), [], 'a week later will do');
    // at least 18 weeks before the due date is week 22, before a strategy discussion by week 24
    assert.deepEqual(keys(withPreBirth({ strategyMeetingByWeek: 24, conferenceByWeek: 30, conferenceAtLeastWeeksBeforeDue: 18 })), ['preBirth.conferenceAtLeastWeeksBeforeDue']);
    assert.deepEqual(keys(withPreBirth({ strategyMeetingByWeek: 24, conferenceByWeek: null, conferenceAtLeastWeeksBeforeDue: 16 })), ['preBirth.conferenceAtLeastWeeksBeforeDue']);
    assert.deepEqual(keys(withPreBirth({ strategyMeetingByWeek: null, conferenceByWeek: 12 })), [], 'no strategy week, nothing to compare');
  });

  it('report every error at once', () => {
    const settings = { ...withPreBirth({ strategyMeetingByWeek: 1.5, conferenceByWeek: -1 }), assessmentWorkingDays: 0, dueSoonWorkingDays: 99 };
    assert.deepEqual(keys(settings), ['assessmentWorkingDays', 'dueSoonWorkingDays', 'preBirth.strategyMeetingByWeek', 'preBirth.conferenceByWeek']);
  });

  it('name each pre-birth key when the pre-birth settings are missing altogether', () => {
    const settings = { ...DEFAULT_TIMESCALE_SETTINGS, preBirth: undefined } as unknown as TimescaleSettings;
    assert.deepEqual(keys(settings), ['preBirth.strategyMeetingByWeek', 'preBirth.conferenceByWeek', 'preBirth.conferenceAtLeastWeeksBeforeDue']);
  });

  it('fill what is not given with the defaults, and keep what is, even a bad value, for validation', () => {
    assert.deepEqual(withTimescaleDefaults(), DEFAULT_TIMESCALE_SETTINGS);
    assert.deepEqual(withTimescaleDefaults({ dueSoonWorkingDays: 5, preBirth: { conferenceByWeek: null } }), {
      ...DEFAULT_TIMESCALE_SETTINGS,
      dueSoonWorkingDays: 5,
      preBirth: { strategyMeetingByWeek: 20, conferenceByWeek: null, conferenceAtLeastWeeksBeforeDue: 10 },
    });
    assert.deepEqual(keys(withTimescaleDefaults({ assessmentWorkingDays: -3 })), ['assessmentWorkingDays']);
  });

  it('take the earlier of the two ways of saying when the pre-birth conference is due', () => {
    assert.equal(conferenceDueWeek(AREA_SETTINGS.north), 28);
    assert.equal(conferenceDueWeek(AREA_SETTINGS.coast), 26);
    assert.equal(conferenceDueWeek(AREA_SETTINGS.city), 24);
    assert.equal(conferenceDueWeek({ strategyMeetingByWeek: 20, conferenceByWeek: 34, conferenceAtLeastWeeksBeforeDue: 8 }), 32);
    assert.equal(conferenceDueWeek({ strategyMeetingByWeek: 20, conferenceByWeek: null, conferenceAtLeastWeeksBeforeDue: 10 }), 30);
    assert.equal(conferenceDueWeek({ strategyMeetingByWeek: 20, conferenceByWeek: 30, conferenceAtLeastWeeksBeforeDue: null }), 30);
    assert.equal(conferenceDueWeek({ strategyMeetingByWeek: 20, conferenceByWeek: null, conferenceAtLeastWeeksBeforeDue: null }), null);
  });
});
