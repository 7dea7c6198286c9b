import { defineCommand } from '../../command.ts';
import { configPath, readConfig } from '../../config/config-file.ts';
import { activeProfile } from '../../config/profile-env.ts';
import { masked, CONFIG_KEYS, SETTINGS } from '../../config/settings.ts';

export const configList = defineCommand({
  path: ['config', 'list'],
  aliases: [['config', 'ls']],
  summary: 'Lists the settings profiles of the config file, marking the one in use.',
  description:
    "Profiles hold settings an operator would otherwise export as environment variables. The profile in use is --profile, else TENANTRY_PROFILE, else the file's default-profile. A variable that is set wins over the profile, and a flag over both. Passwords in URLs are shown as ***.",
  json: true,
  examples: [
    { description: 'Every profile and its settings', command: 'tenantry config list' },
    { description: 'The same as JSON (passwords masked)', command: 'tenantry config list --json' },
  ],
  async run(ctx, { flags }) {
    const config = readConfig(configPath(ctx.io.env));
    const active = activeProfile(config, ctx.io.env, flags.profile);
    const profiles = Object.fromEntries(
      Object.entries(config.profiles).map(([name, profile]) => [
        name,
        Object.fromEntries(CONFIG_KEYS.flatMap((key) => (profile[key] === undefined ? [] : [[key, masked(key, profile[key])]]))),
      ]),
    );
    if (ctx.json) return ctx.outJson({ file: config.path, defaultProfile: config.defaultProfile ?? null, active: active?.name ?? null, profiles });
    ctx.out(`# ${config.path}${Object.keys(profiles).length === 0 ? ' (no profiles yet: tenantry config set KEY VALUE --profile NAME)' : ''}`);
    for (const [name, settings] of Object.entries(profiles)) {
      const marks = [name === config.defaultProfile ? 'default' : '', name === active?.name ? 'in use' : ''].filter(Boolean).join(', ');
      ctx.out(`[${name}]${marks ? `  (${marks})` : ''}`);
      for (const [key, value] of Object.entries(settings)) {
        const overridden = ctx.io.env[SETTINGS[key as keyof typeof SETTINGS].env] ? `  (${SETTINGS[key as keyof typeof SETTINGS].env} wins)` : '';
        ctx.out(`  ${key} = ${value}${name === active?.name ? overridden : ''}`);
      }
    }
  },
});
