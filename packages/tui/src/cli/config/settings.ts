/** What a profile may hold: each setting stands in for an environment variable, which still wins. */
export const SETTINGS = {
  'database-url': { env: 'TENANTRY_DATABASE_URL', description: 'PostgreSQL server URL (without it, the embedded store)', secret: true },
  home: { env: 'TENANTRY_HOME', description: 'embedded store directory', secret: false },
  'base-domain': { env: 'TENANTRY_BASE_DOMAIN', description: 'tenants get <slug>.<base domain>', secret: false },
  blueprint: { env: 'TENANTRY_BLUEPRINT', description: "module with the application's tenant tables", secret: false },
  'smtp-url': { env: 'TENANTRY_SMTP_URL', description: 'deliver invitation mail over SMTP', secret: true },
  'mail-from': { env: 'TENANTRY_MAIL_FROM', description: 'the From header of that mail', secret: false },
  'dns-servers': { env: 'TENANTRY_DNS_SERVERS', description: 'DNS servers for domain verification, comma-separated', secret: false },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export const CONFIG_KEYS = Object.keys(SETTINGS) as SettingKey[];
/** The top-level key naming the profile used when neither --profile nor TENANTRY_PROFILE is given. */
export const DEFAULT_PROFILE_KEY = 'default-profile';

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** A URL's password replaced by ***, for listing settings on screen. */
export function masked(key: SettingKey, value: string): string {
  if (!SETTINGS[key].secret) return value;
  return value.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
