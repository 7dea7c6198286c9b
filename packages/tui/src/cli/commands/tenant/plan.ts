import { FEATURES, PLAN_CODES, TenantryError, type ChangePlanInput, type Feature, type PlanCode } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg, type ParsedArguments } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

const LIMIT_FLAGS = [
  ['max-users', 'maxUsers', 'users'],
  ['max-assets', 'maxAssets', 'assets'],
  ['max-devices', 'maxDevices', 'devices'],
  ['storage-quota', 'storageQuotaGb', 'storage quota in GB'],
  ['max-api-keys', 'maxApiKeys', 'API keys'],
  ['max-domains', 'maxDomains', 'domains'],
] as const;

export const tenantPlan = defineCommand({
  path: ['tenant', 'plan'],
  summary: 'Moves a tenant to a plan, with limit overrides, shown as a diff; refuses a downgrade below usage.',
  description:
    "The tenant gets the plan's limits and features; flags override single limits or features (earlier overrides are\n" +
    'dropped: the diff shows every change). A limit below what the tenant uses is refused with the numbers (exit 7).',
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'plan', description: `One of ${PLAN_CODES.join(', ')}.`, field: 'plan', choices: PLAN_CODES },
  ],
  flags: [
    ...LIMIT_FLAGS.map(([name, field, what]) => ({
      name,
      type: 'integer' as const,
      field: `limits.${field}`,
      description: `Override the plan's limit of ${what}.`,
    })),
    {
      name: 'feature',
      type: 'list',
      placeholder: 'FEATURE',
      field: 'features',
      description: `Turn a feature on against the plan (repeatable): ${FEATURES.join(', ')}.`,
    },
    { name: 'no-feature', type: 'list', placeholder: 'FEATURE', field: 'features', description: 'Turn a feature off against the plan (repeatable).' },
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'Upgrade, seeing the diff first', command: 'tenantry tenant plan acme-corp enterprise --dry-run' },
    { description: 'Custom limits on enterprise', command: 'tenantry tenant plan client enterprise --max-assets 2000 --max-users 200 --storage-quota 500' },
    { description: 'Downgrade as JSON (exit 7 with the numbers if usage is too high)', command: 'tenantry tenant plan acme-corp basic --json' },
  ],
  async run(ctx, input) {
    const request: ChangePlanInput = { slug: requiredArg(input, 'slug'), plan: requiredArg(input, 'plan') as PlanCode, ...overrides(input.flags) };
    const result = await (await ctx.client()).plans.change(request, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `Moved ${request.slug} to ${request.plan}${result.direction === 'same' ? '' : ` (${result.direction})`}`,
      unchanged: `${request.slug} is already on ${request.plan} with these limits and features; nothing changed.`,
    });
  },
});

function overrides(flags: ParsedArguments['flags']): Pick<ChangePlanInput, 'limits' | 'features'> {
  const limits = Object.fromEntries(LIMIT_FLAGS.filter(([name]) => typeof flags[name] === 'number').map(([name, field]) => [field, flags[name]]));
  const on = (flags.feature as string[] | undefined) ?? [];
  const off = (flags['no-feature'] as string[] | undefined) ?? [];
  const both = on.filter((feature) => off.includes(feature));
  if (both.length > 0)
    throw TenantryError.invalidInput([{ path: 'features', message: `${both.join(', ')} cannot be both on (--feature) and off (--no-feature)` }]);
  const features = Object.fromEntries([...on.map((f) => [f, true]), ...off.map((f) => [f, false])]) as Partial<Record<Feature, boolean>>;
  return { ...(Object.keys(limits).length > 0 ? { limits } : {}), ...(on.length + off.length > 0 ? { features } : {}) };
}
