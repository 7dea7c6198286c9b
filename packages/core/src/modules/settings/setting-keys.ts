/*
 * The one spelling rule for setting keys, applied by `tenant set`, the console's settings form and bulk
 * files (the SDK and HTTP take the one name only, as their types say):
 *
 * - A typed setting has one name, camelCase, as it is stored and shown (`supportEmail`,
 *   `notifications.inApp`). Text inputs accept any spelling of it that differs only in case, hyphens or
 *   underscores (`support-email`, `SUPPORT_EMAIL`, `notifications.in_app`) and turn it into that name.
 * - Every other setting is custom: `custom.<name>`, stored under the `custom` object as written. The name
 *   is exact (no other spelling names it): lower-case letters, digits and underscores in segments
 *   separated by dots, each segment starting with a letter, at most 64 characters.
 */

/** The keys `tenantry tenant set` shows, with what each sets. */
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

export type SettingTarget = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

/** Spelling-free form of a key: support-email, support_email, supportEmail and SUPPORT_EMAIL are one key. */
export const spellingFree = (key: string) => key.trim().toLowerCase().replace(/[-_]/g, '');

/** A Map, so `constructor` or `__proto__` read as unknown keys, never as Object.prototype's members. */
const TARGETS_BY_SPELLING: ReadonlyMap<string, SettingTarget> = new Map(
  [...Object.entries(SETTING_KEYS), ...Object.values(SETTING_KEYS).map((target) => [target, target] as const)].map(([key, target]) => [
    spellingFree(key),
    target,
  ]),
);

/** The typed setting a key names in any spelling (kebab-case as the help shows, snake_case or camelCase), or undefined. */
export function resolveSettingKey(key: string): SettingTarget | undefined {
  return TARGETS_BY_SPELLING.get(spellingFree(key));
}

export const CUSTOM_PREFIX = 'custom.';
export const CUSTOM_NAME_MAX_LENGTH = 64;
/** Custom settings one tenant may hold. */
export const CUSTOM_SETTINGS_MAX = 50;
/** The largest value of one custom setting, as UTF-8 bytes of its JSON text. */
export const CUSTOM_VALUE_MAX_BYTES = 2048;
export const CUSTOM_NAME_RULE = `lower-case letters, digits and underscores in segments separated by dots, each starting with a letter, at most ${CUSTOM_NAME_MAX_LENGTH} characters`;

const CUSTOM_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/** The custom setting a key names (`custom.language` → `language`), before its name is checked; undefined for other keys. */
export function customSettingName(key: string): string | undefined {
  const trimmed = key.trim();
  return trimmed.startsWith(CUSTOM_PREFIX) ? trimmed.slice(CUSTOM_PREFIX.length) : undefined;
}

const isCustomName = (name: string) => name.length <= CUSTOM_NAME_MAX_LENGTH && CUSTOM_NAME.test(name);

/** The custom name nearest to another spelling (supportTier, support-tier → support_tier), when it is one. */
function nearCustomName(name: string): string | undefined {
  const near = name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return isCustomName(near) ? near : undefined;
}

/** Why a custom setting's name is refused, with the name to use instead when one is near; undefined when it is good. */
export function customNameProblem(name: string): string | undefined {
  if (isCustomName(name)) return undefined;
  const near = nearCustomName(name);
  return `a custom setting's name is ${CUSTOM_NAME_RULE}${near ? ` (such as ${CUSTOM_PREFIX}${near})` : ''}`;
}

/** What a key that names no setting is told: the typed keys, and where one's own settings go. */
export function unknownSettingMessage(key: string): string {
  const keys = Object.keys(SETTING_KEYS).join(', ');
  return `unknown setting "${key}" (typed keys: ${keys}; a setting of your own goes under custom, such as ${CUSTOM_PREFIX}${nearCustomName(key) ?? '<name>'})`;
}
