// settings list, settings set KEY VALUE, settings reset KEY.
import { cliOperator } from '../application/actor.ts';
import { changeAreaSettings, viewAreaSettings } from '../application/settings/area-settings.ts';
import { formatSettingValue, settingDefinition } from '../domain/settings/service-settings.ts';
import { report, UsageError, withContext, type CliArguments } from './command.ts';

export function listSettingsCommand(): Promise<number> {
  return withContext(async (ctx) => {
    const result = await viewAreaSettings(ctx, cliOperator);
    if (!result.ok) return report(result, () => '');
    for (const setting of result.value) {
      const state = setting.ignored ? ' (stored value out of bounds: default used)' : setting.isDefault ? '' : ` (default ${setting.defaultValue || 'not set'})`;
      console.log(`${setting.definition.key} = ${setting.value || 'not set'}${state}\n    ${setting.definition.label}. ${setting.definition.hint}`);
    }
    return 0;
  });
}

/** settings set and settings reset: one setting to a value typed, or back to its default. */
export function changeSettingCommand({ positionals }: CliArguments): Promise<number> {
  const command = positionals.slice(0, 2).join(' ');
  return withContext(async (ctx) => {
    const key = positionals[2];
    if (key === undefined) throw new UsageError(`Missing KEY: npm run icp -- ${command} KEY${command === 'settings set' ? ' VALUE' : ''}`);
    const definition = settingDefinition(key);
    if (!definition) throw new UsageError(`There is no setting called "${key}". Run "npm run icp -- settings list" to see them.`);
    if (command === 'settings set' && positionals[3] === undefined) throw new UsageError(`Missing VALUE: npm run icp -- settings set ${key} VALUE`);
    const typed = command === 'settings set' ? positionals[3]! : formatSettingValue(definition, definition.defaultValue);
    const result = await changeAreaSettings(ctx, cliOperator, { [key]: typed });
    if (!result.ok) {
      for (const error of result.errors ?? [{ message: result.message }]) console.error(error.message);
      return 1;
    }
    console.log(result.value.changed.length === 0 ? `${key} was already ${typed || 'not set'}.` : `${key} is now ${typed || 'not set'}.`);
    return 0;
  });
}
