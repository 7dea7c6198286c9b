import type { FindingDto, LimitUsage, TenantDetailsDto, UsageReport } from '@tenantry/sdk';
import { defineCommand, requiredArg, type CommandContext } from '../../command.ts';
import { customSettingRows, fields, formatPaidUntil, formatStatus, formatTimestamp, formatTrial } from '../../output/format.ts';

export const tenantView = defineCommand({
  path: ['tenant', 'view'],
  summary: 'Shows a tenant: status, plan, what it uses of every limit, health findings, trial, paid-until, owner, custom settings and domains.',
  description:
    "Usage counts what the limits count: users are members plus pending invitations; assets, devices and storage are counted in the data space where its blueprint has those tables. The findings are those `tenantry doctor --tenant SLUG` reports. Custom settings are shown as `tenant set` takes them (custom.language: fr). `--json` prints the SDK's `tenants.get` answer with the findings added as `findings` (custom settings under `settings.custom`).",
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  json: true,
  examples: [
    { description: 'A tenant at a glance', command: 'tenantry tenant view acme-corp' },
    { description: 'The primary domain, from JSON', command: "tenantry tenant view acme-corp --json | jq -r '.domains[] | select(.isPrimary) | .hostname'" },
  ],
  async run(ctx, input) {
    const client = await ctx.client();
    const slug = requiredArg(input, 'slug');
    // The tenant first: an unknown slug fails at once, with no doctor run left in flight.
    const tenant = await client.tenants.get(slug);
    const report = await client.health.check({ slug });
    if (ctx.json) return ctx.outJson({ ...tenant, findings: report.findings });
    ctx.out(renderTenant(ctx, tenant, report.findings));
  },
});

function renderTenant(ctx: CommandContext, tenant: TenantDetailsDto, findings: readonly FindingDto[]): string {
  const terminal = Boolean(ctx.io.stdout.isTTY);
  const enabled = Object.entries(tenant.features)
    .filter(([, on]) => on)
    .map(([name]) => name);
  const owners = tenant.owners.map((owner) => (owner.name ? `${owner.email} (${owner.name})` : owner.email));
  const rows: [string, string][] = [
    ['Status', formatStatus(tenant.status, ctx.style)],
    ['Plan', tenant.plan],
    ['Features', enabled.length > 0 ? enabled.join(', ') : 'none'],
    ['Trial', formatTrial(tenant.trialDaysLeft, tenant.trialEndsAt)],
    ['Paid until', formatPaidUntil(tenant.paidUntil)],
    ['Isolation', tenant.schemaName ? `schema (${tenant.schemaName})` : tenant.isolation],
    ['Owner', owners.length > 0 ? owners.join(', ') : ctx.style.red('✗ none')],
    ['Time zone', tenant.timeZone],
    ['Contact', tenant.contactEmail ?? '-'],
    ['Support', [tenant.supportEmail, tenant.supportPhone].filter(Boolean).join(', ') || '-'],
    ['Created', formatTimestamp(tenant.createdAt, terminal)],
  ];
  if (tenant.suspendedAt)
    rows.splice(1, 0, ['Suspended', `since ${formatTimestamp(tenant.suspendedAt, terminal)}${tenant.suspensionReason ? ` (${tenant.suspensionReason})` : ''}`]);
  if (tenant.status === 'pending_deletion' && tenant.deletionScheduledAt)
    rows.splice(1, 0, ['Deletion', `restorable until ${formatTimestamp(tenant.deletionScheduledAt, terminal)}, then purged`]);
  if (tenant.purgedAt) rows.splice(1, 0, ['Purged', `${formatTimestamp(tenant.purgedAt, terminal)}: tombstone only`]);
  const domains = tenant.domains.map((domain) => {
    const verification = domain.verified
      ? '✓ verified'
      : `✗ unverified (TXT ${domain.verification?.recordName ?? ''} = ${domain.verification?.recordValue ?? ''})`;
    return `    ${domain.isPrimary ? '★' : ' '} ${domain.hostname}  ${domain.kind}  ${verification}`;
  });
  const custom = customSettingRows(tenant.settings);
  return [
    `${ctx.style.bold(tenant.name)} (${tenant.slug})`,
    fields(rows),
    `  Custom settings:${custom.length === 0 ? ' none' : ''}`,
    ...(custom.length > 0 ? [fields(custom, '    ')] : []),
    '  Usage:',
    fields(usageRows(tenant.usage), '    '),
    `  Health:${findings.length === 0 ? ` ${ctx.style.green('✓ no findings')}` : ''}`,
    ...findings.map(
      (finding) =>
        `    ${finding.severity === 'error' ? ctx.style.red('✗ error') : finding.severity === 'warn' ? ctx.style.yellow('! warn') : 'i info'}  ${finding.code}  ${finding.message}`,
    ),
    `  Domains:${domains.length === 0 ? ' none' : ''}`,
    ...domains,
  ].join('\n');
}

/** "3 of 10 (2 members + 1 pending invitation)", "0.42 of 10 GB", "- of 5 (not counted: the blueprint has no such table)". */
function usageRows(usage: UsageReport): [string, string][] {
  const of = (item: LimitUsage, unit = '') =>
    `${item.used ?? '-'} of ${item.limit}${unit}${item.used === null ? ' (not counted: the blueprint has no such table)' : ''}`;
  const invitations = `${usage.pendingInvitations} pending invitation${usage.pendingInvitations === 1 ? '' : 's'}`;
  return [
    ['Users', `${of(usage.maxUsers)} (${usage.members} member${usage.members === 1 ? '' : 's'} + ${invitations})`],
    ['Assets', of(usage.maxAssets)],
    ['Devices', of(usage.maxDevices)],
    ['Storage', of(usage.storageQuotaGb, ' GB')],
    ['API keys', of(usage.maxApiKeys)],
    ['Domains', of(usage.maxDomains)],
  ];
}
