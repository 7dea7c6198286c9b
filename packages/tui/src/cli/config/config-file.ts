import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { TenantryError } from '@tenantry/sdk';
import { parse, stringify } from 'smol-toml';
import { DEFAULT_PROFILE_KEY, isSettingKey, CONFIG_KEYS, type SettingKey } from './settings.ts';

export type Profile = Partial<Record<SettingKey, string>>;

export interface ConfigFile {
  path: string;
  defaultProfile?: string;
  profiles: Record<string, Profile>;
}

/** $TENANTRY_CONFIG, else $XDG_CONFIG_HOME/tenantry/config.toml, else ~/.config/tenantry/config.toml. */
export function configPath(env: Record<string, string | undefined>): string {
  if (env.TENANTRY_CONFIG) return env.TENANTRY_CONFIG;
  return join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config'), 'tenantry', 'config.toml');
}

/** The config file, or an empty one when there is none. */
export function readConfig(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, profiles: {} };
    throw error;
  }
  let document: Record<string, unknown>;
  try {
    document = parse(text);
  } catch (error) {
    throw invalid(path, `is not valid TOML: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  const profiles: Record<string, Profile> = {};
  for (const [name, table] of Object.entries(asTable(document.profiles ?? {}, path, 'profiles'))) {
    const profile: Profile = {};
    for (const [key, value] of Object.entries(asTable(table, path, `profiles.${name}`))) {
      if (!isSettingKey(key)) throw invalid(path, `profiles.${name}.${key} is not a setting; one of: ${CONFIG_KEYS.join(', ')}`);
      if (typeof value !== 'string') throw invalid(path, `profiles.${name}.${key} must be a string`);
      profile[key] = value;
    }
    profiles[name] = profile;
  }
  const defaultProfile = document[DEFAULT_PROFILE_KEY];
  if (defaultProfile !== undefined && typeof defaultProfile !== 'string') throw invalid(path, `${DEFAULT_PROFILE_KEY} must be a string`);
  return { path, profiles, ...(defaultProfile ? { defaultProfile } : {}) };
}

/** Writes the file readable by its owner only (it may hold a database password). */
export function writeConfig(config: ConfigFile): void {
  mkdirSync(dirname(config.path), { recursive: true, mode: 0o700 });
  const document = { ...(config.defaultProfile ? { [DEFAULT_PROFILE_KEY]: config.defaultProfile } : {}), profiles: config.profiles };
  writeFileSync(config.path, `# Tenantry settings profiles: tenantry config --help\n${stringify(document)}\n`, { mode: 0o600 });
  chmodSync(config.path, 0o600);
}

function asTable(value: unknown, path: string, where: string): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw invalid(path, `${where} must be a table`);
}

function invalid(path: string, message: string): TenantryError {
  return new TenantryError('INVALID_INPUT', {
    message: `The config file ${path} ${message.startsWith('is ') ? message : `is invalid: ${message}`}.`,
    details: { issues: [{ path: 'config', message }], file: path },
    hint: 'Fix the file by hand, or list what it holds with `tenantry config list`.',
  });
}
