import { FEATURES, TenantryError, type Feature } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

const SWITCH: Record<string, boolean> = { on: true, off: false, true: true, false: false, enable: true, disable: false };

export const tenantFeature = defineCommand({
  path: ['tenant', 'feature'],
  summary: 'Turns one feature of a tenant on or off.',
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'feature', description: `One of ${FEATURES.join(', ')}.`, field: 'feature', choices: FEATURES },
    { name: 'state', description: 'on or off.', field: 'enabled' },
  ],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [
    { description: 'Turn custom branding on', command: 'tenantry tenant feature acme-corp custom_branding on' },
    { description: 'Turn SSO off', command: 'tenantry tenant feature acme-corp sso off --json' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const state = requiredArg(input, 'state').toLowerCase();
    const enabled = SWITCH[state];
    if (enabled === undefined) throw TenantryError.invalidInput([{ path: 'enabled', message: `must be on or off (got "${state}")` }]);
    const feature = requiredArg(input, 'feature') as Feature;
    const result = await (await ctx.client()).plans.setFeature({ slug, feature, enabled }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `Turned ${feature} ${enabled ? 'on' : 'off'} for ${slug}`,
      unchanged: `${feature} is already ${enabled ? 'on' : 'off'} for ${slug}; nothing changed.`,
    });
  },
});
