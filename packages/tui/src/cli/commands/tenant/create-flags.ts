import { FEATURES, ISOLATION_MODES, PLAN_CODES, TenantryError, type ProvisionTenantInput } from '@tenantry/sdk';
import { DRY_RUN_FLAG, EXPECT_PLAN_FLAG, type FlagSpec, type ParsedArguments } from '../../command.ts';

export const CREATE_TENANT_FLAGS: readonly FlagSpec[] = [
  { name: 'name', type: 'string', placeholder: 'NAME', field: 'name', description: 'Organization name shown to its users (required).' },
  {
    name: 'slug',
    type: 'string',
    placeholder: 'SLUG',
    field: 'slug',
    description: 'Routing identifier: 3-63 lowercase letters, digits and hyphens, starting with a letter. Default: derived from the name.',
  },
  { name: 'owner-email', type: 'string', placeholder: 'EMAIL', field: 'ownerEmail', description: "Owner's login email (required)." },
  { name: 'owner-name', type: 'string', placeholder: 'NAME', field: 'ownerName', description: "Owner's display name." },
  {
    name: 'owner-password',
    type: 'string',
    placeholder: 'PASSWORD',
    field: 'ownerPassword',
    description:
      'Initial owner password (12+ characters, upper, lower, digit). Default: a generated one-time password, shown once. A flag lands in shell history: prefer the generated one.',
  },
  { name: 'plan', type: 'string', placeholder: 'PLAN', field: 'plan', choices: PLAN_CODES, description: 'Plan: sets limits and features. Default: basic.' },
  { name: 'max-users', type: 'integer', field: 'maxUsers', description: "Override the plan's user limit." },
  { name: 'max-assets', type: 'integer', field: 'maxAssets', description: "Override the plan's asset limit." },
  { name: 'max-devices', type: 'integer', field: 'maxDevices', description: "Override the plan's device limit." },
  { name: 'storage-quota', type: 'integer', placeholder: 'GB', field: 'storageQuotaGb', description: "Override the plan's storage quota, in GB." },
  { name: 'feature', type: 'list', placeholder: 'FEATURE', field: 'features', description: `Turn a feature on (repeatable): ${FEATURES.join(', ')}.` },
  { name: 'no-feature', type: 'list', placeholder: 'FEATURE', field: 'features', description: 'Turn a feature off that the plan would turn on (repeatable).' },
  {
    name: 'domain',
    type: 'string',
    placeholder: 'HOST',
    field: 'domain',
    description: 'A custom domain, unverified (not primary) until `domain verify`; <slug>.$TENANTRY_BASE_DOMAIN stays primary when set.',
  },
  { name: 'trial-days', type: 'integer', field: 'trialDays', description: 'Start a trial ending in N days (1-365).' },
  { name: 'time-zone', type: 'string', placeholder: 'ZONE', field: 'timeZone', description: 'IANA time zone, e.g. America/Edmonton. Default: UTC.' },
  { name: 'contact-email', type: 'string', placeholder: 'EMAIL', field: 'contactEmail', description: 'Billing and account contact.' },
  { name: 'support-email', type: 'string', placeholder: 'EMAIL', field: 'supportEmail', description: 'Support address shown to the tenant.' },
  {
    name: 'support-phone',
    type: 'string',
    placeholder: 'PHONE',
    field: 'supportPhone',
    description: 'Support phone shown to the tenant, e.g. "+1 555 123 4567".',
  },
  {
    name: 'isolation',
    type: 'string',
    placeholder: 'MODE',
    field: 'isolation',
    choices: ISOLATION_MODES,
    description: 'Data isolation: a schema per tenant, or shared tables with row-level security. Default: schema.',
  },
  {
    name: 'schema-name',
    type: 'string',
    placeholder: 'NAME',
    field: 'schemaName',
    description:
      "Schema mode: the tenant's schema, lower-case letters, digits and _ (at most 63 bytes; not pg_*, public, information_schema or tenantry*). Default: tenant_<slug>.",
  },
  {
    name: 'adopt-schema',
    type: 'boolean',
    field: 'adoptSchema',
    description:
      'Provision around the existing schema --schema-name instead of creating it: the blueprint migrations it has are recorded, not run; the rest run; its data stays (no demo data).',
  },
  {
    name: 'allow-existing-user',
    type: 'boolean',
    field: 'allowExistingUser',
    description: 'Make an existing user the owner (one user in several tenants) instead of failing.',
  },
  { name: 'skip-demo-data', type: 'boolean', field: 'skipDemoData', description: "Do not seed demo data in the tenant's data space." },
  DRY_RUN_FLAG,
  EXPECT_PLAN_FLAG,
];

const STRING_FIELDS = {
  name: 'name',
  slug: 'slug',
  'owner-email': 'ownerEmail',
  'owner-name': 'ownerName',
  'owner-password': 'ownerPassword',
  plan: 'plan',
  domain: 'domain',
  'time-zone': 'timeZone',
  'contact-email': 'contactEmail',
  'support-email': 'supportEmail',
  'support-phone': 'supportPhone',
  isolation: 'isolation',
  'schema-name': 'schemaName',
} as const;

const INTEGER_FIELDS = {
  'max-users': 'maxUsers',
  'max-assets': 'maxAssets',
  'max-devices': 'maxDevices',
  'storage-quota': 'storageQuotaGb',
  'trial-days': 'trialDays',
} as const;

/** The SDK input the flags describe; validation itself is the SDK's. */
export function provisionInputFromFlags(flags: ParsedArguments['flags']): Partial<ProvisionTenantInput> {
  const input: Record<string, unknown> = {};
  for (const [flag, field] of Object.entries(STRING_FIELDS)) {
    if (typeof flags[flag] === 'string') input[field] = flags[flag];
  }
  for (const [flag, field] of Object.entries(INTEGER_FIELDS)) {
    if (typeof flags[flag] === 'number') input[field] = flags[flag];
  }
  const on = (flags.feature as string[] | undefined) ?? [];
  const off = (flags['no-feature'] as string[] | undefined) ?? [];
  const both = on.filter((feature) => off.includes(feature));
  if (both.length > 0) {
    throw TenantryError.invalidInput([{ path: 'features', message: `${both.join(', ')} cannot be both on (--feature) and off (--no-feature)` }]);
  }
  if (on.length + off.length > 0) {
    input.features = Object.fromEntries([...on.map((f) => [f, true]), ...off.map((f) => [f, false])]);
  }
  if (flags['allow-existing-user'] === true) input.allowExistingUser = true;
  if (flags['skip-demo-data'] === true) input.skipDemoData = true;
  if (flags['adopt-schema'] === true) input.adoptSchema = true;
  return input;
}
