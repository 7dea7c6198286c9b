import { TenantryError, type InputIssue } from '../../errors.ts';
import type { UpdateSettingsInput } from './settings.schemas.ts';

type SettingsFields = Omit<UpdateSettingsInput, 'slug'>;

/** The keys `tenantry tenant set` accepts, with their aliases, and what each sets; snake_case and camelCase spellings work too. */
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

type SettingTarget = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

/** Spelling-free form of a key: support-email, support_email, supportEmail and SUPPORT_EMAIL are one key. */
const spellingFree = (key: string) => key.trim().toLowerCase().replace(/[-_]/g, '');

const TARGETS_BY_SPELLING: ReadonlyMap<string, SettingTarget> = new Map(
  [...Object.entries(SETTING_KEYS), ...Object.values(SETTING_KEYS).map((target) => [target, target] as const)].map(([key, target]) => [
    spellingFree(key),
    target,
  ]),
);

/** The setting a key names in any spelling (kebab-case as the help shows, snake_case or camelCase), or undefined. */
export function resolveSettingKey(key: string): SettingTarget | undefined {
  return TARGETS_BY_SPELLING.get(spellingFree(key));
}

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
    const key = assignment.slice(0, equals).trim();
    const value = assignment.slice(equals + 1).trim();
    // A Map of spellings: `constructor` or `__proto__` read as unknown keys, never as Object.prototype's members.
    const target: string | undefined = resolveSettingKey(key);
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
