import { TenantryError } from '@tenantry/sdk';
import { configPath, readConfig, type ConfigFile, type Profile } from './config-file.ts';
import { SETTINGS, CONFIG_KEYS } from './settings.ts';

type Env = Record<string, string | undefined>;

export interface ActiveProfile {
  name: string;
  profile: Profile;
}

/** The profile in use: --profile, else $TENANTRY_PROFILE, else the file's default-profile, else none. */
export function activeProfile(config: ConfigFile, env: Env, flag: unknown): ActiveProfile | undefined {
  const asked = typeof flag === 'string' ? flag : env.TENANTRY_PROFILE || undefined;
  const name = asked ?? config.defaultProfile;
  if (name === undefined) return undefined;
  const profile = config.profiles[name];
  if (profile) return { name, profile };
  const known = Object.keys(config.profiles);
  throw new TenantryError('INVALID_INPUT', {
    message: `No profile "${name}" in ${config.path}.`,
    details: {
      issues: [{ path: asked === undefined ? 'default-profile' : '--profile', message: `no profile "${name}"; profiles: ${known.join(', ') || 'none'}` }],
    },
    hint: `Create it with \`tenantry config set database-url URL --profile ${name}\`, or list profiles with \`tenantry config list\`.`,
  });
}

/** `env` with the active profile's settings filled in where the environment leaves them unset. */
export function withProfile(env: Env, flag: unknown): Env {
  const config = readConfig(configPath(env));
  const active = activeProfile(config, env, flag);
  if (!active) return env;
  const filled: Env = { ...env };
  for (const key of CONFIG_KEYS) {
    const value = active.profile[key];
    const variable = SETTINGS[key].env;
    if (value !== undefined && !filled[variable]) filled[variable] = value;
  }
  return filled;
}
