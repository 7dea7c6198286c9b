import { TenantryError, type InputIssue } from '../../errors.ts';
import { parseCustomValue, type JsonValue } from './custom-settings.ts';
import { customNameProblem, customSettingName, resolveSettingKey, SETTING_KEYS, unknownSettingMessage } from './setting-keys.ts';
import type { UpdateSettingsInput } from './settings.schemas.ts';

type SettingsFields = Omit<UpdateSettingsInput, 'slug'>;

const BOOLEANS: Record<string, boolean> = { true: true, on: true, yes: true, '1': true, false: false, off: false, no: false, '0': false };

/**
 * Turns `key=value` assignments into a settings change by the one spelling rule (setting-keys.ts): a
 * typed key in any spelling, an empty value clearing an optional setting, notifications on/off; or
 * `custom.<name>=value`, the value JSON when it is valid JSON and else the text, empty (or null)
 * unsetting it. Unknown keys and malformed assignments are INVALID_INPUT, all at once; the values
 * themselves are validated with the settings schema.
 */
export function parseSettingAssignments(assignments: readonly string[]): SettingsFields {
  const fields: SettingsFields = {};
  const custom = new Map<string, JsonValue>();
  const issues: InputIssue[] = [];
  const known = `${Object.keys(SETTING_KEYS).join(', ')}, custom.<name>`;
  for (const assignment of assignments) {
    const equals = assignment.indexOf('=');
    if (equals <= 0) {
      issues.push({ path: 'settings', message: `"${assignment}" is not key=value (keys: ${known})` });
      continue;
    }
    const key = assignment.slice(0, equals).trim();
    const value = assignment.slice(equals + 1).trim();
    const customName = customSettingName(key);
    if (customName !== undefined) {
      const problem = customNameProblem(customName);
      if (problem) issues.push({ path: key, message: problem });
      else custom.set(customName, parseCustomValue(value));
      continue;
    }
    const target: string | undefined = resolveSettingKey(key);
    if (!target) {
      issues.push({ path: 'settings', message: unknownSettingMessage(key) });
      continue;
    }
    if (target.startsWith('notifications.')) {
      const flag = Object.hasOwn(BOOLEANS, value.toLowerCase()) ? BOOLEANS[value.toLowerCase()] : undefined;
      if (flag === undefined) issues.push({ path: target, message: 'must be on or off' });
      else fields.notifications = { ...fields.notifications, [target.slice('notifications.'.length)]: flag };
    } else if (target === 'timeZone') {
      if (value === '') issues.push({ path: 'timeZone', message: 'cannot be cleared: give an IANA time zone such as UTC' });
      else fields.timeZone = value;
    } else {
      (fields as Record<string, string | null>)[target] = value === '' ? null : value;
    }
  }
  if (assignments.length === 0) issues.push({ path: 'settings', message: `give at least one key=value (keys: ${known})` });
  if (issues.length > 0) throw TenantryError.invalidInput(issues);
  return custom.size > 0 ? { ...fields, custom: Object.fromEntries(custom) } : fields;
}
