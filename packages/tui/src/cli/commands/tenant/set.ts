import {
  CUSTOM_NAME_RULE,
  CUSTOM_SETTINGS_MAX,
  CUSTOM_VALUE_MAX_BYTES,
  SETTING_KEYS,
  TenantryError,
  isTenantryError,
  parseSettingAssignments,
  resolveSettingKey,
} from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const tenantSet = defineCommand({
  path: ['tenant', 'set'],
  summary: 'Changes settings of a tenant from key=value pairs, shown as a diff.',
  description: [
    `Typed keys: ${Object.keys(SETTING_KEYS).join(', ')}. Each has one name, camelCase as \`--json\` and the diff show it (supportEmail, notifications.inApp); any spelling differing only in case, hyphens or underscores names it too (support_email, notifications.in_app). An empty value (support-phone=) clears an optional setting; notifications take on or off.`,
    `Any other setting is custom: custom.NAME=VALUE, NAME being ${CUSTOM_NAME_RULE} (custom.language, custom.billing.region), spelt exactly. The value is stored as JSON when it is valid JSON (42, true, {"a":1}, "quoted text") and as the text otherwise (fr); quote a number to keep it text (custom.zip='"01234"'). An empty value (custom.language=) or null unsets it. A tenant holds at most ${CUSTOM_SETTINGS_MAX} custom settings of at most ${CUSTOM_VALUE_MAX_BYTES} bytes of JSON each; the diff shows one line per custom setting. Bulk files take the same keys (settings.custom); the rules are in docs/settings.md.`,
  ].join(' '),
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
    { description: 'Custom settings: text, and a JSON value', command: `tenantry tenant set acme-corp custom.language=fr custom.limits='{"a":1}'` },
    { description: 'Unset a custom setting, showing the plan first', command: 'tenantry tenant set acme-corp custom.language= --dry-run' },
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
