import { SETTING_KEYS, parseSettingAssignments } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const tenantSet = defineCommand({
  path: ['tenant', 'set'],
  summary: 'Changes settings of a tenant from key=value pairs, shown as a diff.',
  description: `Keys: ${Object.keys(SETTING_KEYS).join(', ')}. An empty value (support-phone=) clears an optional setting; notifications take on or off.`,
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'assignment', description: 'key=value, one or more.', field: 'settings', variadic: true },
  ],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [
    { description: 'Time zone and support contact', command: 'tenantry tenant set acme-corp timezone=America/New_York support-email=help@acme.com' },
    { description: 'Theme and notifications', command: 'tenantry tenant set acme-corp theme=corporate notifications.email=on notifications.in-app=off' },
    { description: 'Clear the support phone, as JSON', command: 'tenantry tenant set acme-corp support-phone= --json' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const fields = parseSettingAssignments(input.rest ?? []);
    const result = await (await ctx.client()).tenants.updateSettings({ slug, ...fields }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, { applied: `Changed the settings of ${slug}`, unchanged: `The settings of ${slug} already are so; nothing changed.` });
  },
});
