// The area's own settings (issue 13): what a partnership sets for itself rather than the code,
// kept in the database and changed by an administrator on the settings page or with
// `icp settings set KEY VALUE`. Each is named by a dotted key, has a default, bounds and words for
// the page; a value is typed as text, read by `parseSettingValue` and checked with the others by
// `validateServiceSettings` (a pre-birth conference after the strategy discussion, the notice
// shorter than the milestone). What each setting means: docs/domain.md, "Pre-birth timescales",
// "The baby's lived experience" and "Clocks and timescales".
import { DEFAULT_PROFILE_SETTINGS } from '../profile/profile-settings.ts';
import type { ProfileSettings } from '../profile/profile.types.ts';
import { DEFAULT_UNSEEN_PERIOD_SETTINGS, type AgeBandLimit, type UnseenPeriodSettings } from '../chronology/unseen-periods.ts';
import { DEFAULT_MISSED_APPOINTMENT_SETTINGS } from '../chronology/missed-appointments.ts';
import {
  DEFAULT_TIMESCALE_SETTINGS,
  TIMESCALE_SETTING_DEFINITIONS,
  timescaleSetting,
  validateTimescaleSettings,
  type TimescaleSettingKey,
  type TimescaleSettings,
} from '../timescales/timescale-settings.ts';
import { DEFAULT_SUPERVISION_PERIOD_DAYS, SUPERVISION_PERIOD_BOUNDS } from '../supervision/supervision-due.ts';
import { DEFAULT_RETENTION_SETTINGS, RETENTION_MAXIMUM_AGE, RETENTION_RULES, type RetentionRule, type RetentionSettings } from '../retention/retention-schedule.ts';
import { RELEASED_DISCLOSURE_KEEP } from '../subject-access/release-retention.ts';

export interface ServiceSettings {
  profile: ProfileSettings;
  unseen: UnseenPeriodSettings;
  /** Missed appointments in a row that make a pattern. */
  missedAppointmentsInARow: number;
  timescales: TimescaleSettings;
  /** Days a case with high or critical findings may go without supervision (domain/supervision/supervision-due.ts). */
  supervisionPeriodDays: number;
  /** How long records are kept (domain/retention/retention-schedule.ts). */
  retention: RetentionSettings;
  /** Years a released subject access disclosure is kept after its release (domain/subject-access/release-retention.ts). */
  releasedDisclosureKeepYears: number;
  /** Two-factor sign-in for every account, not only administrators and safeguarding leads (domain/shared/two-factor.ts). */
  twoFactorForEveryone: boolean;
}

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  profile: DEFAULT_PROFILE_SETTINGS,
  unseen: DEFAULT_UNSEEN_PERIOD_SETTINGS,
  missedAppointmentsInARow: DEFAULT_MISSED_APPOINTMENT_SETTINGS.inARow,
  timescales: DEFAULT_TIMESCALE_SETTINGS,
  supervisionPeriodDays: DEFAULT_SUPERVISION_PERIOD_DAYS,
  retention: DEFAULT_RETENTION_SETTINGS,
  releasedDisclosureKeepYears: RELEASED_DISCLOSURE_KEEP.defaultYears,
  twoFactorForEveryone: false,
};

export type SettingValue = number | boolean | null | readonly AgeBandLimit[];

export const SETTING_GROUPS = {
  profile: 'The profile',
  chronology: 'Patterns in the chronology',
  timescales: 'Clocks (timescales)',
  supervision: 'Supervision',
  retention: 'Keeping records (retention)',
  signIn: 'Signing in',
} as const;

export interface SettingDefinition {
  key: string;
  group: keyof typeof SETTING_GROUPS;
  label: string;
  /** How to type it, for the page and the command line. */
  hint: string;
  /** A whole number (possibly not set), age bands typed as "6:28, 12:56", or "yes" or "no". */
  kind: 'whole-number' | 'age-bands' | 'yes-no';
  min: number;
  max: number;
  /** May be left unset (an empty value). */
  optional: boolean;
  /** Why a value below `min` is refused, when a law or code of practice sets it. */
  belowMinimum?: string;
  defaultValue: SettingValue;
  /** Reads the setting out of a whole set. */
  read: (settings: ServiceSettings) => SettingValue;
  /** A whole set with this setting changed (the value already parsed). */
  write: (settings: ServiceSettings, value: SettingValue) => ServiceSettings;
}

const wholeNumber = (value: SettingValue): number => value as number;

function timescaleDefinition(definition: (typeof TIMESCALE_SETTING_DEFINITIONS)[number]): SettingDefinition {
  const key = definition.key;
  const range = definition.min === definition.max ? String(definition.min) : `${String(definition.min)} to ${String(definition.max)}`;
  return {
    key: `timescales.${key}`,
    group: 'timescales',
    label: definition.label,
    hint: `In ${definition.unit}, ${range}${definition.statutory ? ' (Working Together to Safeguard Children (2023) allows no longer)' : ''}${definition.optional ? '; leave empty if your area sets none' : ''}.`,
    kind: 'whole-number',
    min: definition.min,
    max: definition.max,
    optional: definition.optional,
    defaultValue: timescaleSetting(DEFAULT_TIMESCALE_SETTINGS, key),
    read: (settings) => timescaleSetting(settings.timescales, key),
    write: (settings, value) => ({ ...settings, timescales: withTimescale(settings.timescales, key, value as number | null) }),
  };
}

function withTimescale(timescales: TimescaleSettings, key: TimescaleSettingKey, value: number | null): TimescaleSettings {
  if (key.startsWith('preBirth.')) return { ...timescales, preBirth: { ...timescales.preBirth, [key.slice('preBirth.'.length)]: value } };
  return { ...timescales, [key]: value };
}

function profileDefinition(field: keyof ProfileSettings, label: string, hint: string, min: number, max: number): SettingDefinition {
  return {
    key: `profile.${field}`,
    group: 'profile',
    label,
    hint,
    kind: 'whole-number',
    min,
    max,
    optional: false,
    defaultValue: DEFAULT_PROFILE_SETTINGS[field],
    read: (settings) => settings.profile[field],
    write: (settings, value) => ({ ...settings, profile: { ...settings.profile, [field]: wholeNumber(value) } }),
  };
}

function retentionDefinition(field: keyof RetentionSettings, rule: RetentionRule): SettingDefinition {
  return {
    key: `retention.${field}`,
    group: 'retention',
    label: `${rule.label}: keep until this birthday`,
    hint: `An age in years, ${String(rule.minimumAge)} to ${String(RETENTION_MAXIMUM_AGE)}. Source of the default (${String(rule.defaultAge)}): ${rule.source}.`,
    kind: 'whole-number',
    min: rule.minimumAge,
    max: RETENTION_MAXIMUM_AGE,
    optional: false,
    belowMinimum: `must be ${String(rule.minimumAge)} or more (${rule.source}). An area may keep these records longer, never shorter`,
    defaultValue: DEFAULT_RETENTION_SETTINGS[field],
    read: (settings) => settings.retention[field],
    write: (settings, value) => ({ ...settings, retention: { ...settings.retention, [field]: wholeNumber(value) } }),
  };
}

/** Every setting, in the order the settings page shows them. */
export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  profileDefinition('preBirthMilestoneWeeks', 'Pre-birth strategy discussion or assessment by', 'In weeks of pregnancy, 12 to 39.', 12, 39),
  profileDefinition('preBirthNoticeWeeks', 'Show the pre-birth finding this long before that week', 'In weeks, 0 to 12.', 0, 12),
  profileDefinition('lateBookingAfterWeeks', 'Booking for maternity care is late after', 'In weeks of pregnancy, 8 to 24.', 8, 24),
  {
    key: 'chronology.unseenBands',
    group: 'chronology',
    label: 'Longest a baby may go unseen by a professional, by age',
    hint: 'Age bands as "under months:days", youngest first, separated by commas: "6:28, 12:56" means under 6 months no more than 28 days, under 12 months no more than 56 days.',
    kind: 'age-bands',
    min: 1,
    max: 3650,
    optional: false,
    defaultValue: DEFAULT_UNSEEN_PERIOD_SETTINGS.bands,
    read: (settings) => settings.unseen.bands,
    write: (settings, value) => ({ ...settings, unseen: { bands: value as readonly AgeBandLimit[] } }),
  },
  {
    key: 'chronology.missedAppointmentsInARow',
    group: 'chronology',
    label: 'Missed appointments in a row that make a pattern',
    hint: 'A whole number, 2 to 10.',
    kind: 'whole-number',
    min: 2,
    max: 10,
    optional: false,
    defaultValue: DEFAULT_MISSED_APPOINTMENT_SETTINGS.inARow,
    read: (settings) => settings.missedAppointmentsInARow,
    write: (settings, value) => ({ ...settings, missedAppointmentsInARow: wholeNumber(value) }),
  },
  ...TIMESCALE_SETTING_DEFINITIONS.map(timescaleDefinition),
  {
    key: 'supervision.periodDays',
    group: 'supervision',
    label: 'Longest a case with high or critical findings may go without supervision',
    hint: `In days, ${String(SUPERVISION_PERIOD_BOUNDS.min)} to ${String(SUPERVISION_PERIOD_BOUNDS.max)}.`,
    kind: 'whole-number',
    min: SUPERVISION_PERIOD_BOUNDS.min,
    max: SUPERVISION_PERIOD_BOUNDS.max,
    optional: false,
    defaultValue: DEFAULT_SUPERVISION_PERIOD_DAYS,
    read: (settings) => settings.supervisionPeriodDays,
    write: (settings, value) => ({ ...settings, supervisionPeriodDays: wholeNumber(value) }),
  },
  retentionDefinition('childRecordUntilAge', RETENTION_RULES['child-record']),
  retentionDefinition('safeguardingRecordUntilAge', RETENTION_RULES['safeguarding-record']),
  {
    key: 'retention.releasedDisclosureKeepYears',
    group: 'retention',
    label: RELEASED_DISCLOSURE_KEEP.label,
    hint: `Years after its release, ${String(RELEASED_DISCLOSURE_KEEP.minimumYears)} to ${String(RELEASED_DISCLOSURE_KEEP.maximumYears)}: the organisation's record of how it answered, then removed by the retention run (unless a legal hold stands on a record it drew on). Lengthen it while a complaint or appeal is open. Source of the default (${String(RELEASED_DISCLOSURE_KEEP.defaultYears)}): ${RELEASED_DISCLOSURE_KEEP.source}.`,
    kind: 'whole-number',
    min: RELEASED_DISCLOSURE_KEEP.minimumYears,
    max: RELEASED_DISCLOSURE_KEEP.maximumYears,
    optional: false,
    defaultValue: RELEASED_DISCLOSURE_KEEP.defaultYears,
    read: (settings) => settings.releasedDisclosureKeepYears,
    write: (settings, value) => ({ ...settings, releasedDisclosureKeepYears: wholeNumber(value) }),
  },
  {
    key: 'signIn.twoFactorForEveryone',
    group: 'signIn',
    label: 'Two-factor sign-in for everyone',
    hint: 'Yes: every account needs an authenticator app to sign in. No: only administrators and safeguarding leads, who always need one.',
    kind: 'yes-no',
    min: 0,
    max: 1,
    optional: false,
    defaultValue: false,
    read: (settings) => settings.twoFactorForEveryone,
    write: (settings, value) => ({ ...settings, twoFactorForEveryone: value === true }),
  },
];

const BY_KEY = new Map(SETTING_DEFINITIONS.map((definition) => [definition.key, definition]));

export function settingDefinition(key: string): SettingDefinition | undefined {
  return BY_KEY.get(key);
}

export type Parsed = { ok: true; value: SettingValue } | { ok: false; message: string };

function parseWholeNumber(text: string, definition: SettingDefinition): Parsed {
  const range = `${String(definition.min)} to ${String(definition.max)}`;
  if (!/^\d+$/.test(text)) return { ok: false, message: `${definition.label}: enter a whole number, ${range}${definition.optional ? ', or leave it empty' : ''}` };
  const value = Number(text);
  if (value < definition.min && definition.belowMinimum) return { ok: false, message: `${definition.label}: ${definition.belowMinimum}` };
  if (value < definition.min || value > definition.max) return { ok: false, message: `${definition.label}: must be ${range}` };
  return { ok: true, value };
}

function parseAgeBands(text: string, definition: SettingDefinition): Parsed {
  const parts = text.split(',').map((part) => part.trim());
  const bands: AgeBandLimit[] = [];
  for (const part of parts) {
    const match = /^(\d+)\s*:\s*(\d+)$/.exec(part);
    if (!match) return { ok: false, message: `${definition.label}: write each band as months:days, for example "6:28, 12:56" ("${part}" is not)` };
    const underMonths = Number(match[1]);
    const maxDays = Number(match[2]);
    if (underMonths < 1 || underMonths > 240) return { ok: false, message: `${definition.label}: an age band must be 1 to 240 months ("${part}")` };
    if (maxDays < definition.min || maxDays > definition.max) return { ok: false, message: `${definition.label}: days must be ${String(definition.min)} to ${String(definition.max)} ("${part}")` };
    const previous = bands[bands.length - 1];
    if (previous && underMonths <= previous.underMonths) return { ok: false, message: `${definition.label}: put the bands youngest first, each older than the one before ("${part}")` };
    bands.push({ underMonths, maxDays });
  }
  return { ok: true, value: bands };
}

function parseYesNo(text: string, definition: SettingDefinition): Parsed {
  const answer = text.toLowerCase();
  if (answer === 'yes' || answer === 'no') return { ok: true, value: answer === 'yes' };
  return { ok: false, message: `${definition.label}: choose yes or no` };
}

/** A value as typed on the page or the command line; an empty one is "not set" where that is allowed. */
export function parseSettingValue(definition: SettingDefinition, typed: string): Parsed {
  const text = typed.trim();
  if (text === '') return definition.optional ? { ok: true, value: null } : { ok: false, message: definition.kind === 'yes-no' ? `${definition.label}: choose yes or no` : `${definition.label}: enter a value` };
  if (definition.kind === 'yes-no') return parseYesNo(text, definition);
  return definition.kind === 'age-bands' ? parseAgeBands(text, definition) : parseWholeNumber(text, definition);
}

/** A value as the page and the command line show it: what `parseSettingValue` reads back. */
export function formatSettingValue(definition: SettingDefinition, value: SettingValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  return value.map((band) => `${String(band.underMonths)}:${String(band.maxDays)}`).join(', ');
}

/** A stored value still valid under today's bounds (a stored value from an older release may not be). */
function storedValue(definition: SettingDefinition, stored: unknown): SettingValue | undefined {
  const parsed = parseSettingValue(definition, formatStored(definition, stored));
  return parsed.ok ? parsed.value : undefined;
}

function formatStored(definition: SettingDefinition, stored: unknown): string {
  if (stored === null) return '';
  if (definition.kind === 'yes-no') return stored === true ? 'yes' : stored === false ? 'no' : '?';
  if (definition.kind === 'age-bands') {
    if (!Array.isArray(stored)) return '?';
    return stored.map((band: { underMonths?: unknown; maxDays?: unknown }) => `${String(band.underMonths)}:${String(band.maxDays)}`).join(', ');
  }
  return typeof stored === 'number' ? String(stored) : '?';
}

/**
 * The settings in force: the stored values by key over the defaults. A stored value that is not
 * valid today (bounds tightened since it was stored) is left out, so the default applies; it is
 * named in `ignored` for the settings page to show.
 */
export function settingsFrom(stored: ReadonlyMap<string, unknown>): { settings: ServiceSettings; ignored: string[] } {
  let settings = DEFAULT_SERVICE_SETTINGS;
  const ignored: string[] = [];
  for (const [key, raw] of stored) {
    const definition = BY_KEY.get(key);
    if (!definition) continue;
    const value = storedValue(definition, raw);
    if (value === undefined) ignored.push(key);
    else settings = definition.write(settings, value);
  }
  return { settings, ignored };
}

export interface SettingsError {
  key: string;
  message: string;
}

/** What is wrong with a whole set, each naming its key; empty when it can be stored. */
export function validateServiceSettings(settings: ServiceSettings): SettingsError[] {
  const errors: SettingsError[] = validateTimescaleSettings(settings.timescales).map((error) => ({ key: `timescales.${error.key}`, message: error.message }));
  const { preBirthMilestoneWeeks, preBirthNoticeWeeks } = settings.profile;
  if (preBirthNoticeWeeks >= preBirthMilestoneWeeks) {
    errors.push({ key: 'profile.preBirthNoticeWeeks', message: `Show the pre-birth finding this long before that week: ${String(preBirthNoticeWeeks)} weeks is not before week ${String(preBirthMilestoneWeeks)}` });
  }
  return errors;
}
