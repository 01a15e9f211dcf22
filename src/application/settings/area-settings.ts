// The settings page and `icp settings`: each of the area's settings with its value, its default
// and who last changed it (viewAreaSettings), and changing some of them at once (changeAreaSettings):
// each value read, the whole set checked, the rows written and the change audited in one
// transaction. Only administrators, as for accounts; a refusal is audited. A change of a setting the
// profile reads queues every case for re-evaluation in the same transaction; the server's
// background work writes the versions (profile/reevaluate-profiles.ts).
import {
  DEFAULT_SERVICE_SETTINGS,
  formatSettingValue,
  parseSettingValue,
  SETTING_DEFINITIONS,
  settingDefinition,
  validateServiceSettings,
  type SettingDefinition,
  type SettingsError,
} from '../../domain/settings/service-settings.ts';
import { sql } from 'kysely';
import { actorMay } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { queueSettingsReevaluation } from '../profile/reevaluate-profiles.ts';
import { recorderFor } from '../recorder.ts';
import { fail, ok, type Result } from '../result.ts';
import { forgetSettings, settingsInForce } from './settings-in-force.ts';

export interface AreaSetting {
  definition: SettingDefinition;
  /** As typed: what the field shows. */
  value: string;
  defaultValue: string;
  isDefault: boolean;
  /** A stored value no longer within bounds, so the default applies. */
  ignored: boolean;
  changedAt: Date | null;
  changedBy: string | null;
}

const FORBIDDEN = 'Only an administrator can see or change the area’s settings.';
/** The advisory lock one change of settings holds (the project's keys: see audit-seal.ts). */
const SETTINGS_LOCK = 7_210_005;

export async function viewAreaSettings(ctx: AppContext, actor: Actor): Promise<Result<AreaSetting[], 'forbidden'>> {
  if (!actorMay(actor, 'manage-settings')) {
    await recordAuditAlone(ctx, actor, { action: 'settings.view', outcome: 'denied', subjectType: 'settings' });
    return fail('forbidden', FORBIDDEN);
  }
  forgetSettings(ctx);
  const [{ settings, ignored }, rows] = await Promise.all([
    settingsInForce(ctx),
    ctx.db.selectFrom('service_settings').select(['key', 'updated_at', 'updated_by_name']).execute(),
  ]);
  const changes = new Map(rows.map((row) => [row.key, row]));
  return ok(
    SETTING_DEFINITIONS.map((definition) => {
      const value = formatSettingValue(definition, definition.read(settings));
      const defaultValue = formatSettingValue(definition, definition.defaultValue);
      const change = changes.get(definition.key);
      return { definition, value, defaultValue, isDefault: value === defaultValue, ignored: ignored.includes(definition.key), changedAt: change?.updated_at ?? null, changedBy: change?.updated_by_name ?? null };
    }),
  );
}

export type ChangeSettingsFailure = 'forbidden' | 'unknown-setting' | 'invalid';

export interface SettingsChanged {
  /** The keys whose value changed; empty when everything typed was as it was. */
  changed: string[];
}

/**
 * `typed`: values by key, as typed (an empty one is "not set" where allowed). Keys left out keep
 * their value. A value equal to the default loses its row, so a later change of default reaches it.
 * On `invalid`, `errors` names each key and what is wrong, and nothing is stored.
 */
export async function changeAreaSettings(
  ctx: AppContext,
  actor: Actor,
  typed: Readonly<Record<string, string>>,
): Promise<Result<SettingsChanged, ChangeSettingsFailure> & { errors?: SettingsError[] }> {
  if (!actorMay(actor, 'manage-settings')) {
    await recordAuditAlone(ctx, actor, { action: 'settings.change', outcome: 'denied', subjectType: 'settings' });
    return fail('forbidden', FORBIDDEN);
  }
  const unknown = Object.keys(typed).filter((key) => !settingDefinition(key));
  if (unknown.length > 0) {
    await recordAuditAlone(ctx, actor, { action: 'settings.change', outcome: 'failure', subjectType: 'settings', details: { unknown } });
    return fail('unknown-setting', `There is no setting called "${unknown[0]!}". Run "icp settings list" to see them.`);
  }
  const done = await ctx.db.transaction().execute(async (trx) => {
    // One change at a time: each is checked as a whole set against the settings it read, and its
    // audit entry says what each setting was before it.
    await sql`SELECT pg_advisory_xact_lock(${SETTINGS_LOCK})`.execute(trx);
    forgetSettings(ctx);
    const before = (await settingsInForce(ctx, trx)).settings;
    let after = before;
    const errors: SettingsError[] = [];
    // In the order the settings page shows them, so the error summary follows the form.
    for (const definition of SETTING_DEFINITIONS.filter(({ key }) => key in typed)) {
      const parsed = parseSettingValue(definition, typed[definition.key]!);
      if (parsed.ok) after = definition.write(after, parsed.value);
      else errors.push({ key: definition.key, message: parsed.message });
    }
    if (errors.length === 0) errors.push(...validateServiceSettings(after));
    if (errors.length > 0) {
      await recordAudit(trx, ctx, actor, { action: 'settings.change', outcome: 'failure', subjectType: 'settings', details: { invalid: errors.map((error) => error.key) } });
      return { ...fail('invalid', errors[0]!.message), errors };
    }
    const changes = SETTING_DEFINITIONS.filter((definition) => formatSettingValue(definition, definition.read(before)) !== formatSettingValue(definition, definition.read(after))).map((definition) => ({
      definition,
      from: formatSettingValue(definition, definition.read(before)),
      to: formatSettingValue(definition, definition.read(after)),
    }));
    if (changes.length === 0) return ok({ changed: [] });
    const now = ctx.clock.now();
    const name = actor.kind === 'user' ? (await recorderFor(trx, actor)).name : 'An operator at the command line';
    const toDefault = changes.filter(({ definition, to }) => to === formatSettingValue(definition, definition.read(DEFAULT_SERVICE_SETTINGS)));
    const toStore = changes.filter((change) => !toDefault.includes(change));
    if (toDefault.length > 0) await trx.deleteFrom('service_settings').where('key', 'in', toDefault.map(({ definition }) => definition.key)).execute();
    if (toStore.length > 0) {
      await trx
        .insertInto('service_settings')
        .values(
          toStore.map(({ definition }) => ({
            key: definition.key,
            value: JSON.stringify(definition.read(after)),
            updated_at: now,
            updated_by: actor.kind === 'user' ? actor.userId : null,
            updated_by_name: name,
          })),
        )
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: eb.ref('excluded.updated_at'), updated_by: eb.ref('excluded.updated_by'), updated_by_name: eb.ref('excluded.updated_by_name') })),
        )
        .execute();
    }
    const casesQueued = await queueSettingsReevaluation(trx, ctx, changes.map(({ definition }) => definition.key));
    await recordAudit(trx, ctx, actor, {
      action: 'settings.change',
      subjectType: 'settings',
      details: { changes: changes.map(({ definition, from, to }) => ({ key: definition.key, from, to })), ...(casesQueued > 0 ? { casesQueued } : {}) },
    });
    return ok({ changed: changes.map(({ definition }) => definition.key) });
  });
  // Committed (or not): the next read in this process goes to the database.
  forgetSettings(ctx);
  return done;
}
