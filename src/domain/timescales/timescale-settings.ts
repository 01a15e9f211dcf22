// The area's settings for the clocks (docs/domain.md, Clocks and timescales: "Timescale
// settings"): the statutory timescales of Working Together to Safeguard Children (2023), which an
// area may make shorter but never longer, the pre-birth milestones, which each area sets in its
// own protocol, and when a clock shows as due soon. Issue 13 keeps these in the database, set by an
// administrator; this is the type, the defaults and the check, all pure. A setting is named by its
// key, dotted for the pre-birth ones ("preBirth.conferenceByWeek"), in errors and for
// `settings set KEY VALUE`.

/** Pre-birth milestones, in weeks of pregnancy counted from the expected date of delivery (40+0 on that day). null: the area sets none. */
export interface PreBirthSettings {
  /** A strategy discussion about an unborn baby referred to children's social care is held by this week of pregnancy (by 20+0 for 20). */
  strategyMeetingByWeek: number | null;
  /** The pre-birth child protection conference is held by this week of pregnancy. */
  conferenceByWeek: number | null;
  /** The pre-birth conference is held at least this many weeks before the due date. With conferenceByWeek, the earlier day applies. */
  conferenceAtLeastWeeksBeforeDue: number | null;
}

export interface TimescaleSettings {
  /** Working days from a referral to the decision on what to do (Working Together 2023: 1). */
  referralDecisionWorkingDays: number;
  /** Working days from a referral to the assessment's end (Working Together 2023: 45). */
  assessmentWorkingDays: number;
  /** Working days from the strategy discussion that started section 47 enquiries to the initial conference (Working Together 2023: 15). */
  initialConferenceWorkingDays: number;
  /** Working days from the initial conference to the first core group (Working Together 2023: 10). */
  firstCoreGroupWorkingDays: number;
  /** Calendar months from the initial conference to the first review conference (Working Together 2023: 3). */
  firstReviewConferenceMonths: number;
  /** Calendar months from one review conference to the next (Working Together 2023: at most 6). */
  laterReviewConferenceMonths: number;
  /** Working days from a birth, after a pre-birth conference, to a review conference or core group (local procedures: 10). */
  postBirthMeetingWorkingDays: number;
  /** A clock is "due soon" from this many working days before its due date (0: on the day only). */
  dueSoonWorkingDays: number;
  preBirth: PreBirthSettings;
}

export const DEFAULT_PRE_BIRTH_SETTINGS: PreBirthSettings = {
  /** 20 weeks: the midpoint of pregnancy leaves time for an assessment and a conference before the birth. */
  strategyMeetingByWeek: 20,
  /** 28 weeks, the product's pre-birth milestone (DEFAULT_PROFILE_SETTINGS.preBirthMilestoneWeeks): 12 weeks before the due date, so a plan is in place well before a premature birth. */
  conferenceByWeek: 28,
  /** 10 weeks before the due date (30 weeks), as several local protocols put it; with 28 weeks above it changes nothing, but stays as a backstop if an area moves the week later. */
  conferenceAtLeastWeeksBeforeDue: 10,
};

export const DEFAULT_TIMESCALE_SETTINGS: TimescaleSettings = {
  referralDecisionWorkingDays: 1,
  assessmentWorkingDays: 45,
  initialConferenceWorkingDays: 15,
  firstCoreGroupWorkingDays: 10,
  firstReviewConferenceMonths: 3,
  laterReviewConferenceMonths: 6,
  /** Working days, not calendar days: local procedures say "within 10 working days of the birth" (docs/domain.md, Clocks and timescales). */
  postBirthMeetingWorkingDays: 10,
  dueSoonWorkingDays: 2,
  preBirth: DEFAULT_PRE_BIRTH_SETTINGS,
};

type NumberKey = Exclude<keyof TimescaleSettings, 'preBirth'>;
type PreBirthKey = keyof PreBirthSettings;
export type TimescaleSettingKey = NumberKey | `preBirth.${PreBirthKey}`;

export interface TimescaleSettingDefinition {
  key: TimescaleSettingKey;
  /** What the setting means, in words for the settings page. */
  label: string;
  unit: 'working days' | 'months' | 'weeks of pregnancy' | 'weeks';
  min: number;
  /** The most allowed: Working Together's own timescale for a statutory one. */
  max: number;
  /** True when an area may leave it unset (null). */
  optional: boolean;
  /** True for a timescale Working Together sets: `max` is its own. */
  statutory: boolean;
}

/** Every setting, with its bounds: the settings page lists these, and validation checks them. */
export const TIMESCALE_SETTING_DEFINITIONS: readonly TimescaleSettingDefinition[] = [
  { key: 'referralDecisionWorkingDays', label: 'Decision on a referral', unit: 'working days', min: 1, max: 1, optional: false, statutory: true },
  { key: 'assessmentWorkingDays', label: 'Assessment after a referral', unit: 'working days', min: 1, max: 45, optional: false, statutory: true },
  { key: 'initialConferenceWorkingDays', label: 'Initial child protection conference after the strategy discussion', unit: 'working days', min: 1, max: 15, optional: false, statutory: true },
  { key: 'firstCoreGroupWorkingDays', label: 'First core group after the initial conference', unit: 'working days', min: 1, max: 10, optional: false, statutory: true },
  { key: 'firstReviewConferenceMonths', label: 'First review conference after the initial conference', unit: 'months', min: 1, max: 3, optional: false, statutory: true },
  { key: 'laterReviewConferenceMonths', label: 'Between review conferences', unit: 'months', min: 1, max: 6, optional: false, statutory: true },
  { key: 'postBirthMeetingWorkingDays', label: 'Review conference or core group after the birth, when there was a pre-birth conference', unit: 'working days', min: 1, max: 20, optional: false, statutory: false },
  { key: 'dueSoonWorkingDays', label: 'Show a clock as due soon from', unit: 'working days', min: 0, max: 20, optional: false, statutory: false },
  { key: 'preBirth.strategyMeetingByWeek', label: 'Pre-birth strategy discussion by', unit: 'weeks of pregnancy', min: 4, max: 39, optional: true, statutory: false },
  { key: 'preBirth.conferenceByWeek', label: 'Pre-birth conference by', unit: 'weeks of pregnancy', min: 4, max: 39, optional: true, statutory: false },
  { key: 'preBirth.conferenceAtLeastWeeksBeforeDue', label: 'Pre-birth conference at least this long before the due date', unit: 'weeks', min: 1, max: 36, optional: true, statutory: false },
];

export interface TimescaleSettingsError {
  key: TimescaleSettingKey;
  message: string;
}

/** The value of a setting by its key. */
export function timescaleSetting(settings: TimescaleSettings, key: TimescaleSettingKey): number | null {
  if (key.startsWith('preBirth.')) return settings.preBirth[key.slice('preBirth.'.length) as PreBirthKey];
  return settings[key as NumberKey];
}

/** The week of pregnancy a pre-birth conference is due by under these settings: the earlier of the two ways of saying it; null when neither is set. */
export function conferenceDueWeek(preBirth: PreBirthSettings): number | null {
  const weeks = [preBirth.conferenceByWeek, preBirth.conferenceAtLeastWeeksBeforeDue === null ? null : 40 - preBirth.conferenceAtLeastWeeksBeforeDue].filter(
    (week): week is number => typeof week === 'number',
  );
  return weeks.length === 0 ? null : Math.min(...weeks);
}

/**
 * Everything wrong with a set of settings, each naming its key; empty when they can be stored.
 * Each is a whole number within its bounds (a statutory timescale no longer than Working Together's;
 * a pre-birth one null or a week of pregnancy), and the pre-birth conference falls after the pre-birth
 * strategy discussion whichever way it is given. Takes what was read or typed as it is: a value that
 * is not a number is an error, not a default.
 */
export function validateTimescaleSettings(settings: TimescaleSettings): TimescaleSettingsError[] {
  const errors: TimescaleSettingsError[] = [];
  const given = settings as unknown as Record<string, unknown> | null;
  const preBirth = typeof given?.['preBirth'] === 'object' && given['preBirth'] !== null ? (given['preBirth'] as Record<string, unknown>) : {};
  for (const definition of TIMESCALE_SETTING_DEFINITIONS) {
    const value = definition.key.startsWith('preBirth.') ? preBirth[definition.key.slice('preBirth.'.length)] : given?.[definition.key];
    if (value === null && definition.optional) continue;
    const range = definition.min === definition.max ? `${definition.min} ${definition.unit.replace(/s$/, '')}` : `${definition.min} to ${definition.max} ${definition.unit}`;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      errors.push({ key: definition.key, message: `${definition.label}: must be a whole number, ${range}${definition.optional ? ', or not set' : ''}` });
    } else if (value < definition.min || value > definition.max) {
      errors.push({ key: definition.key, message: `${definition.label}: must be ${range}${definition.statutory && value > definition.max ? ' (Working Together to Safeguard Children (2023) allows no longer)' : ''}` });
    }
  }
  if (errors.some((error) => error.key.startsWith('preBirth.'))) return errors;
  const { strategyMeetingByWeek, conferenceByWeek, conferenceAtLeastWeeksBeforeDue } = settings.preBirth;
  if (strategyMeetingByWeek !== null) {
    if (conferenceByWeek !== null && conferenceByWeek <= strategyMeetingByWeek) {
      errors.push({ key: 'preBirth.conferenceByWeek', message: `Pre-birth conference by: week ${conferenceByWeek} is not after the strategy discussion’s week ${strategyMeetingByWeek}` });
    }
    if (conferenceAtLeastWeeksBeforeDue !== null && 40 - conferenceAtLeastWeeksBeforeDue <= strategyMeetingByWeek) {
      errors.push({
        key: 'preBirth.conferenceAtLeastWeeksBeforeDue',
        message: `Pre-birth conference at least ${conferenceAtLeastWeeksBeforeDue} weeks before the due date is week ${40 - conferenceAtLeastWeeksBeforeDue}, not after the strategy discussion’s week ${strategyMeetingByWeek}`,
      });
    }
  }
  return errors;
}

/** Settings as stored, possibly partial: the defaults for whatever is missing (undefined). A value given is kept as it is, to be validated. */
export function withTimescaleDefaults(given: Partial<Omit<TimescaleSettings, 'preBirth'>> & { preBirth?: Partial<PreBirthSettings> } = {}): TimescaleSettings {
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const d = DEFAULT_TIMESCALE_SETTINGS;
  return {
    referralDecisionWorkingDays: pick(given.referralDecisionWorkingDays, d.referralDecisionWorkingDays),
    assessmentWorkingDays: pick(given.assessmentWorkingDays, d.assessmentWorkingDays),
    initialConferenceWorkingDays: pick(given.initialConferenceWorkingDays, d.initialConferenceWorkingDays),
    firstCoreGroupWorkingDays: pick(given.firstCoreGroupWorkingDays, d.firstCoreGroupWorkingDays),
    firstReviewConferenceMonths: pick(given.firstReviewConferenceMonths, d.firstReviewConferenceMonths),
    laterReviewConferenceMonths: pick(given.laterReviewConferenceMonths, d.laterReviewConferenceMonths),
    postBirthMeetingWorkingDays: pick(given.postBirthMeetingWorkingDays, d.postBirthMeetingWorkingDays),
    dueSoonWorkingDays: pick(given.dueSoonWorkingDays, d.dueSoonWorkingDays),
    preBirth: {
      strategyMeetingByWeek: pick(given.preBirth?.strategyMeetingByWeek, d.preBirth.strategyMeetingByWeek),
      conferenceByWeek: pick(given.preBirth?.conferenceByWeek, d.preBirth.conferenceByWeek),
      conferenceAtLeastWeeksBeforeDue: pick(given.preBirth?.conferenceAtLeastWeeksBeforeDue, d.preBirth.conferenceAtLeastWeeksBeforeDue),
    },
  };
}
