// The settings page: the area's settings by group, each field showing what is in force (or what was
// typed, after an error), its default and who last changed it; errors linked to their fields.
import type { AreaSetting } from '../../../application/settings/area-settings.ts';
import { SETTING_DEFINITIONS, SETTING_GROUPS, type SettingsError } from '../../../domain/settings/service-settings.ts';
import { formatDateTime } from '../../views/london-time.ts';

/** A field's id: the key, with the dots an id selector would read as classes made dashes. */
const fieldId = (key: string) => key.replaceAll('.', '-');

/** What the form sent for each known setting, as text exactly as typed, however long (anything else in the body is ignored). */
export function typedSettings(body: unknown): Record<string, string> {
  const given = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const typed: Record<string, string> = {};
  for (const { key } of SETTING_DEFINITIONS) {
    const value = given[key];
    if (typeof value === 'string') typed[key] = value;
  }
  return typed;
}

function hintFor(setting: AreaSetting): string {
  const parts = [setting.definition.hint, `Default: ${setting.defaultValue || 'not set'}.`];
  if (setting.ignored) parts.push('The value stored is no longer allowed, so the default is in force.');
  if (setting.changedBy && setting.changedAt) parts.push(`Last changed by ${setting.changedBy}, ${formatDateTime(setting.changedAt)}.`);
  return parts.join(' ');
}

/** The success banner after a save, from how many settings it changed. */
export function savedMessage(changed: number): string {
  return changed === 0 ? 'Nothing changed: every setting was already as you saved it.' : 'Settings saved.';
}

export function settingsPage(settings: readonly AreaSetting[], state: { typed?: Record<string, string>; errors?: readonly SettingsError[] } = {}) {
  const errors = state.errors ?? [];
  return {
    title: 'The area’s settings',
    backLink: '/admin',
    errorList: errors.map((error) => ({ text: error.message, href: `#${fieldId(error.key)}` })),
    fieldErrors: Object.fromEntries(errors.map((error) => [fieldId(error.key), { text: error.message }])),
    groups: Object.entries(SETTING_GROUPS).map(([group, title]) => ({
      title,
      settings: settings
        .filter((setting) => setting.definition.group === group)
        .map((setting) => ({
          key: setting.definition.key,
          id: fieldId(setting.definition.key),
          kind: setting.definition.kind,
          label: setting.definition.label,
          hint: hintFor(setting),
          value: state.typed?.[setting.definition.key] ?? setting.value,
        })),
    })),
  };
}
