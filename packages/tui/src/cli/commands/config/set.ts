import { TenantryError } from '@tenantry/sdk';
import { defineCommand, DRY_RUN_FLAG, requiredArg } from '../../command.ts';
import { configPath, readConfig, writeConfig } from '../../config/config-file.ts';
import { DEFAULT_PROFILE_KEY, isSettingKey, masked, CONFIG_KEYS } from '../../config/settings.ts';

export const configSet = defineCommand({
  path: ['config', 'set'],
  summary: 'Sets one setting of a profile in the config file (created readable by you only).',
  description:
    'Writes to --profile, else the profile in use, else "default". An empty value removes the setting. The file is rewritten as TOML with mode 0600, since a database URL may hold a password.',
  args: [
    { name: 'key', description: `One of: ${[...CONFIG_KEYS, DEFAULT_PROFILE_KEY].join(', ')}.`, choices: [...CONFIG_KEYS, DEFAULT_PROFILE_KEY] },
    { name: 'value', description: 'The value; "" removes the setting.' },
  ],
  flags: [DRY_RUN_FLAG],
  examples: [
    { description: 'A staging profile on a server', command: 'tenantry config set database-url postgresql://ops@db.staging:5432/tenantry --profile staging' },
    { description: 'Its base domain', command: 'tenantry config set base-domain staging.example.com --profile staging' },
    { description: 'Use it when no --profile is given', command: `tenantry config set ${DEFAULT_PROFILE_KEY} staging` },
  ],
  async run(ctx, input) {
    const key = requiredArg(input, 'key');
    const value = requiredArg(input, 'value');
    const config = readConfig(configPath(ctx.io.env));
    let change: string;
    if (key === DEFAULT_PROFILE_KEY) {
      if (value && !config.profiles[value])
        throw TenantryError.invalidInput([{ path: 'value', message: `no profile "${value}"; profiles: ${Object.keys(config.profiles).join(', ') || 'none'}` }]);
      if (value) config.defaultProfile = value;
      else delete config.defaultProfile;
      change = value ? `${DEFAULT_PROFILE_KEY} = ${value}` : `${DEFAULT_PROFILE_KEY} removed`;
    } else {
      if (!isSettingKey(key))
        throw TenantryError.invalidInput([{ path: 'key', message: `must be one of: ${[...CONFIG_KEYS, DEFAULT_PROFILE_KEY].join(', ')}` }]);
      const name = typeof input.flags.profile === 'string' ? input.flags.profile : ctx.io.env.TENANTRY_PROFILE || config.defaultProfile || 'default';
      const profile = { ...config.profiles[name] };
      if (value) profile[key] = value;
      else delete profile[key];
      config.profiles = { ...config.profiles, [name]: profile };
      change = value ? `[${name}] ${key} = ${masked(key, value)}` : `[${name}] ${key} removed`;
    }
    if (input.flags['dry-run'] === true) return ctx.out(`Would write ${config.path}: ${change} (dry run: nothing written)`);
    writeConfig(config);
    ctx.out(`${ctx.style.green('✓')} ${change} in ${config.path}`);
  },
});
