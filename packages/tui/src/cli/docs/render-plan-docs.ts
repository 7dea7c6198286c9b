import { FEATURE_GATES, FEATURES, LIMIT_KEYS, MONITORED, PLAN_CATALOG, PLAN_CODES, plansWith, type LimitKey } from '@tenantry/sdk';

/** Where each limit binds: the operations that refuse to go past it, or who notices. */
const LIMIT_CHECKS: Record<LimitKey, string> = {
  maxUsers: '`invite send` and the invitations of bulk rows: members plus pending invitations count',
  maxApiKeys: '`key create`: active keys count (revoked and expired ones do not)',
  maxDomains: '`domain add`: every domain counts, custom and subdomain',
  maxAssets: "the doctor (`USAGE_NEAR_LIMIT`, `USAGE_OVER_LIMIT`) from the blueprint's `assets` table",
  maxDevices: "the doctor, from the blueprint's `devices` table",
  storageQuotaGb: "the doctor, from the blueprint's `assets.size_bytes`",
};

/** docs/plans.md: the plan catalog, which operations need which feature, and where each limit binds. */
export function renderPlanDocs(): string {
  return [
    '# Plans, features and limits',
    '',
    '<!-- Generated from the plan catalog by `pnpm docs:generate`; do not edit by hand. -->',
    '',
    "A tenant has a plan, its limits (the plan's, or per-tenant overrides: `tenant plan SLUG PLAN --max-users N`)",
    "and its features (the plan's, switched one by one with `tenant feature SLUG FEATURE on|off`). Changing",
    'the plan shows the diff first and refuses a limit below current usage (`DOWNGRADE_BELOW_USAGE`).',
    '',
    '| plan | ' + LIMIT_KEYS.join(' | ') + ' | features |',
    '| --- | ' + LIMIT_KEYS.map(() => '---:').join(' | ') + ' | --- |',
    ...PLAN_CODES.map((code) => {
      const plan = PLAN_CATALOG[code];
      return `| \`${code}\` | ${LIMIT_KEYS.map((key) => String(plan.limits[key])).join(' | ')} | ${plan.features.map((feature) => `\`${feature}\``).join(', ') || 'none'} |`;
    }),
    '',
    '## Operations that need a feature',
    '',
    'Refused with `FEATURE_NOT_ENABLED` (exit 7), in the dry run too, naming the feature and the plans that have',
    "it. When a feature goes off (a downgrade, `tenant feature ... off`) the plan says what stops: a tenant's API",
    'keys stop verifying at once (`feature_disabled`) and work again when it is back on.',
    '',
    '| operation | feature | plans with it |',
    '| --- | --- | --- |',
    ...Object.entries(FEATURE_GATES).flatMap(([operation, feature]) =>
      feature
        ? [
            `| \`${operation}\` | \`${feature}\` | ${plansWith(feature)
              .map((code) => `\`${code}\``)
              .join(', ')} |`,
          ]
        : [],
    ),
    '',
    `Features: ${FEATURES.map((feature) => `\`${feature}\``).join(', ')}. Custom domains are governed by the \`maxDomains\` limit, not a feature.`,
    '',
    '## Where each limit binds',
    '',
    '| limit | checked by |',
    '| --- | --- |',
    ...LIMIT_KEYS.map((key) => `| \`${key}\` | ${LIMIT_CHECKS[key]} |`),
    '',
    '## Where the doctor warns',
    '',
    "`USAGE_NEAR_LIMIT` reports a tenant past a share of a limit: the tenant's own thresholds (`tenant monitor SLUG",
    '--warn-storage 80`, bulk JSON `settings.monitoring: { "storage": 0.8 }`), else its plan\'s; a doctor run\'s `--warn-*`',
    'flags override both for that run.',
    '',
    '| plan | ' + MONITORED.join(' | ') + ' |',
    '| --- | ' + MONITORED.map(() => '---:').join(' | ') + ' |',
    ...PLAN_CODES.map((code) => `| \`${code}\` | ${MONITORED.map((resource) => `${Math.round(PLAN_CATALOG[code].warnAt[resource] * 100)}%`).join(' | ')} |`),
    '',
  ].join('\n');
}
