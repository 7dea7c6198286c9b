import { TenantryError } from '@tenantry/sdk';
import { defineCommand, requiredArg } from '../../command.ts';
import { configPath, readConfig } from '../../config/config-file.ts';
import { activeProfile } from '../../config/profile-env.ts';
import { DEFAULT_PROFILE_KEY, isSettingKey, CONFIG_KEYS } from '../../config/settings.ts';

export const configGet = defineCommand({
  path: ['config', 'get'],
  summary: 'Prints one setting of the profile in use (or of --profile), as stored.',
  args: [{ name: 'key', description: `One of: ${[...CONFIG_KEYS, DEFAULT_PROFILE_KEY].join(', ')}.`, choices: [...CONFIG_KEYS, DEFAULT_PROFILE_KEY] }],
  examples: [
    { description: 'The server of the staging profile', command: 'tenantry config get database-url --profile staging' },
    { description: 'Which profile is used by default', command: `tenantry config get ${DEFAULT_PROFILE_KEY}` },
  ],
  async run(ctx, input) {
    const key = requiredArg(input, 'key');
    const config = readConfig(configPath(ctx.io.env));
    if (key === DEFAULT_PROFILE_KEY) return config.defaultProfile === undefined ? unset(key, config.path) : ctx.out(config.defaultProfile);
    if (!isSettingKey(key)) throw TenantryError.invalidInput([{ path: 'key', message: `must be one of: ${[...CONFIG_KEYS, DEFAULT_PROFILE_KEY].join(', ')}` }]);
    const active = activeProfile(config, ctx.io.env, input.flags.profile);
    const value = active?.profile[key];
    if (value === undefined) return unset(key, config.path, active?.name);
    ctx.out(value);
  },
});

function unset(key: string, path: string, profile?: string): never {
  throw new TenantryError('NOT_FOUND', {
    message: profile ? `The profile "${profile}" has no ${key}.` : `${key} is not set: no profile is in use (pass --profile NAME).`,
    details: { key, file: path, ...(profile ? { profile } : {}) },
    hint: `Set it with \`tenantry config set ${key} VALUE${profile ? ` --profile ${profile}` : ''}\`.`,
  });
}
