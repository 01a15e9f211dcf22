// The profile's configuration, with defaults. Areas set their own pre-birth timescales (docs/domain.md,
// "Pre-birth timescales"), so these come in as settings, never hard-coded in rules.
import type { ProfileSettings } from './profile.types.ts';

export const DEFAULT_PROFILE_SETTINGS: ProfileSettings = {
  /** Strategy discussion or assessment by 28 weeks, as in the commonest local protocols. */
  preBirthMilestoneWeeks: 28,
  /** Show the finding from two weeks before the milestone. */
  preBirthNoticeWeeks: 2,
  /** Booking after 12 weeks of pregnancy is late (docs/domain.md, Pre-birth timescales). */
  lateBookingAfterWeeks: 12,
};

/** Defaults for whatever is not given; a setting that is not a finite number keeps its default. */
export function profileSettings(given: Partial<ProfileSettings> | undefined): ProfileSettings {
  return {
    preBirthMilestoneWeeks: settingOrDefault(given, 'preBirthMilestoneWeeks'),
    preBirthNoticeWeeks: settingOrDefault(given, 'preBirthNoticeWeeks'),
    lateBookingAfterWeeks: settingOrDefault(given, 'lateBookingAfterWeeks'),
  };
}

// A function of the module's, not a closure made on each call: the chronology's pattern state reads the settings once an entry.
function settingOrDefault(given: Partial<ProfileSettings> | undefined, key: keyof ProfileSettings): number {
  const value = given?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_PROFILE_SETTINGS[key];
}
