import type { TenantDetailsDto } from '@tenantry/sdk';
import { defineCommand, requiredArg, type CommandContext } from '../../command.ts';
import { fields, formatLimits, formatStatus, formatTimestamp, formatTrial } from '../../output/format.ts';

export const tenantView = defineCommand({
  path: ['tenant', 'view'],
  summary: 'Shows a tenant: plan, limits, users used of the limit, domains, owner, status and trial.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  json: true,
  examples: [
    { description: 'A tenant at a glance', command: 'tenantry tenant view acme-corp' },
    { description: 'The primary domain, from JSON', command: "tenantry tenant view acme-corp --json | jq -r '.domains[] | select(.isPrimary) | .hostname'" },
  ],
  async run(ctx, input) {
    const client = await ctx.client();
    const tenant = await client.tenants.get(requiredArg(input, 'slug'));
    if (ctx.json) return ctx.outJson(tenant);
    ctx.out(renderTenant(ctx, tenant));
  },
});

function renderTenant(ctx: CommandContext, tenant: TenantDetailsDto): string {
  const terminal = Boolean(ctx.io.stdout.isTTY);
  const enabled = Object.entries(tenant.features).filter(([, on]) => on).map(([name]) => name);
  const owners = tenant.owners.map((owner) => (owner.name ? `${owner.email} (${owner.name})` : owner.email));
  const rows: [string, string][] = [
    ['Status', formatStatus(tenant.status, ctx.style)],
    ['Plan', tenant.plan],
    ['Users', `${tenant.usersUsed} of ${tenant.limits.maxUsers}`],
    ['Limits', formatLimits(tenant.limits)],
    ['Features', enabled.length > 0 ? enabled.join(', ') : 'none'],
    ['Trial', formatTrial(tenant.trialDaysLeft, tenant.trialEndsAt)],
    ['Isolation', tenant.schemaName ? `schema (${tenant.schemaName})` : tenant.isolation],
    ['Owner', owners.length > 0 ? owners.join(', ') : ctx.style.red('✗ none')],
    ['Time zone', tenant.timeZone],
    ['Contact', tenant.contactEmail ?? '-'],
    ['Support', [tenant.supportEmail, tenant.supportPhone].filter(Boolean).join(', ') || '-'],
    ['Created', formatTimestamp(tenant.createdAt, terminal)],
  ];
  if (tenant.suspendedAt) rows.splice(1, 0, ['Suspended', `since ${formatTimestamp(tenant.suspendedAt, terminal)}${tenant.suspensionReason ? ` (${tenant.suspensionReason})` : ''}`]);
  if (tenant.status === 'pending_deletion' && tenant.deletionScheduledAt) rows.splice(1, 0, ['Deletion', `restorable until ${formatTimestamp(tenant.deletionScheduledAt, terminal)}, then purged`]);
  if (tenant.purgedAt) rows.splice(1, 0, ['Purged', `${formatTimestamp(tenant.purgedAt, terminal)}: tombstone only`]);
  const domains = tenant.domains.map((domain) => {
    const verification = domain.verified ? '✓ verified' : `✗ unverified (TXT ${domain.verification?.recordName ?? ''} = ${domain.verification?.recordValue ?? ''})`;
    return `    ${domain.isPrimary ? '★' : ' '} ${domain.hostname}  ${domain.kind}  ${verification}`;
  });
  return [
    `${ctx.style.bold(tenant.name)} (${tenant.slug})`,
    fields(rows),
    `  Domains:${domains.length === 0 ? ' none' : ''}`,
    ...domains,
  ].join('\n');
}
