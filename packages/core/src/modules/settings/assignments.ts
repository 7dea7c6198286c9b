import { TenantryError, type InputIssue } from '../../errors.ts';
import type { UpdateSettingsInput } from './settings.schemas.ts';

type SettingsFields = Omit<UpdateSettingsInput, 'slug'>;

/** The keys `tenantry tenant set` accepts, with their aliases, and what each sets. */
export const SETTING_KEYS = {
  timezone: 'timeZone',
  'time-zone': 'timeZone',
  'contact-email': 'contactEmail',
  'support-email': 'supportEmail',
  'support-phone': 'supportPhone',
  theme: 'theme',
  'notifications.email': 'notifications.email',
  'notifications.in-app': 'notifications.inApp',
} as const;

const BOOLEANS: Record<string, boolean> = { true: true, on: true, yes: true, '1': true, false: false, off: false, no: false, '0': false };

/**
 * Turns `key=value` assignments into a settings change: an empty value clears an optional setting,
 * notifications take on/off. Unknown keys and malformed assignments are INVALID_INPUT, all at once;
 * the values themselves are validated with the settings schema.
 */
export function parseSettingAssignments(assignments: readonly string[]): SettingsFields {
  const fields: SettingsFields = {};
  const issues: InputIssue[] = [];
  const known = Object.keys(SETTING_KEYS).join(', ');
  for (const assignment of assignments) {
    const equals = assignment.indexOf('=');
    if (equals <= 0) {
      issues.push({ path: 'settings', message: `"${assignment}" is not key=value (keys: ${known})` });
      continue;
    }
    const key = assignment.slice(0, equals).trim().toLowerCase();
    const value = assignment.slice(equals + 1).trim();
    // Own keys only: "constructor" or "__proto__" must not find the object's prototype.
    const target: string | undefined = Object.hasOwn(SETTING_KEYS, key) ? SETTING_KEYS[key as keyof typeof SETTING_KEYS] : undefined;
    if (!target) {
      issues.push({ path: 'settings', message: `unknown setting "${key}" (keys: ${known})` });
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
  return fields;
}
