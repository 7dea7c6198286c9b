import { SETTING_KEYS, TenantryError, isTenantryError, parseSettingAssignments, resolveSettingKey } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const tenantSet = defineCommand({
  path: ['tenant', 'set'],
  summary: 'Changes settings of a tenant from key=value pairs, shown as a diff.',
  description: `Keys: ${Object.keys(SETTING_KEYS).join(', ')} (snake_case and camelCase spellings work too: support_email, supportEmail). An empty value (support-phone=) clears an optional setting; notifications take on or off.`,
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
    const assignments = input.rest ?? [];
    const fields = parseSettingAssignments(assignments);
    const client = await ctx.client();
    const result = await client.tenants.updateSettings({ slug, ...fields }, changeOptions(input.flags)).catch((error: unknown) => {
      throw inTypedKeys(error, assignments);
    });
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, { applied: `Changed the settings of ${slug}`, unchanged: `The settings of ${slug} already are so; nothing changed.` });
  },
});

/** A value refused by the settings schema is named by the key as the user typed it (support_email), not the field (supportEmail). */
function inTypedKeys(error: unknown, assignments: readonly string[]): unknown {
  if (!isTenantryError(error) || error.code !== 'INVALID_INPUT' || !Array.isArray(error.details.issues)) return error;
  const typed = new Map<string, string>();
  for (const assignment of assignments) {
    const key = assignment.slice(0, Math.max(0, assignment.indexOf('='))).trim();
    const target = resolveSettingKey(key);
    if (target) typed.set(target, key);
  }
  const issues = (error.details.issues as { path: string; message: string }[]).map((issue) => ({ ...issue, path: typed.get(issue.path) ?? issue.path }));
  return TenantryError.invalidInput(issues);
}
