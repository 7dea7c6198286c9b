import { MONITORED, PLAN_CATALOG, TenantryError, type InputIssue, type MonitoringThresholds, type SetMonitoringInput } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg, type FlagSpec } from '../../command.ts';
import { renderChange } from '../../output/change.ts';
import { fields } from '../../output/format.ts';

const NOUNS = { users: 'users', assets: 'assets', devices: 'devices', storage: 'storage' } as const;

export const tenantMonitor = defineCommand({
  path: ['tenant', 'monitor'],
  summary: 'Shows or sets where the doctor warns about a tenant: the share of each limit in use (defaults from its plan).',
  description:
    "USAGE_NEAR_LIMIT reports a tenant past these shares of its limits. Without change flags it shows them and where each comes from (the tenant's own or its plan's). A doctor run's --warn-* flags still override them for that run.",
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [
    ...MONITORED.map((resource): FlagSpec => ({
      name: `warn-${resource}`,
      type: 'integer',
      placeholder: 'PCT',
      field: `warnAt.${resource}`,
      description: `Warn when ${NOUNS[resource]} reach this % of the limit (1-100).`,
    })),
    {
      name: 'reset',
      type: 'list',
      placeholder: 'RESOURCE',
      field: 'warnAt',
      description: `Back to the plan's default for ${MONITORED.join(', ')} (repeatable).`,
    },
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: "The runbook's monitoring (seed 001)", command: 'tenantry tenant monitor acme-corp --warn-storage 80 --warn-users 90 --warn-assets 90' },
    { description: 'Show them', command: 'tenantry tenant monitor acme-corp' },
    { description: "Storage back to the plan's", command: 'tenantry tenant monitor acme-corp --reset storage' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const warnAt = thresholdsFrom(input.flags);
    const client = await ctx.client();
    if (Object.keys(warnAt).length === 0) {
      const tenant = await client.tenants.get(slug);
      const own = (tenant.settings.monitoring ?? {}) as MonitoringThresholds;
      const shown = MONITORED.map((resource) => {
        const share = own[resource] ?? PLAN_CATALOG[tenant.plan].warnAt[resource];
        return { resource, percent: Math.round(share * 100), from: own[resource] === undefined ? 'plan' : 'tenant' };
      });
      if (ctx.json) return ctx.outJson({ slug, plan: tenant.plan, warnAt: shown });
      ctx.io.stdout.write(`Where the doctor warns about ${slug} (plan ${tenant.plan}):\n`);
      ctx.io.stdout.write(
        fields(shown.map(({ resource, percent, from }) => [NOUNS[resource], `${percent}% of the limit${from === 'plan' ? " (the plan's)" : ''}`])),
      );
      return;
    }
    const result = await client.tenants.setMonitoring({ slug, warnAt }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, { applied: `Changed where the doctor warns about ${slug}`, unchanged: 'Nothing to change: the thresholds already are so.' });
  },
});

/** The flags as the operation's input: percentages as shares, --reset as nulls, each refused by its flag's name. */
function thresholdsFrom(flags: Record<string, unknown>): SetMonitoringInput['warnAt'] {
  const warnAt: SetMonitoringInput['warnAt'] = {};
  const issues: InputIssue[] = [];
  for (const resource of MONITORED) {
    const value = flags[`warn-${resource}`];
    if (typeof value !== 'number') continue;
    if (value < 1 || value > 100) issues.push({ path: `--warn-${resource}`, message: `must be a percentage between 1 and 100 (got ${value})` });
    else warnAt[resource] = value / 100;
  }
  const reset = Array.isArray(flags.reset) ? (flags.reset as string[]).flatMap((item) => item.split(',')).map((item) => item.trim()) : [];
  for (const resource of reset) {
    if (!(MONITORED as readonly string[]).includes(resource))
      issues.push({ path: '--reset', message: `must be one of ${MONITORED.join(', ')} (got "${resource}")` });
    else if (warnAt[resource as (typeof MONITORED)[number]] !== undefined) issues.push({ path: '--reset', message: `${resource} is both set and reset` });
    else warnAt[resource as (typeof MONITORED)[number]] = null;
  }
  if (issues.length > 0) throw TenantryError.invalidInput(issues);
  return warnAt;
}
