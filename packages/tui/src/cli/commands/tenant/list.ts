import { PLAN_CODES, TENANT_STATUSES, type TenantSummaryDto } from '@tenantry/sdk';
import { defineCommand } from '../../command.ts';
import { formatStatus, formatTimestamp } from '../../output/format.ts';
import { renderTable, type Column } from '../../output/table.ts';

export const tenantList = defineCommand({
  path: ['tenant', 'list'],
  aliases: [['tenant', 'ls']],
  summary: 'Lists tenants with status, plan, users used of the limit and trial days left.',
  flags: [
    { name: 'status', type: 'string', placeholder: 'STATUS', field: 'status', choices: TENANT_STATUSES, description: 'Only tenants in this status (purged tenants, `deleted`, are listed only this way).' },
    { name: 'plan', type: 'string', placeholder: 'PLAN', field: 'plan', choices: PLAN_CODES, description: 'Only tenants on this plan.' },
    { name: 'search', type: 'string', placeholder: 'TEXT', field: 'search', description: 'Only tenants whose slug or name contains TEXT.' },
    { name: 'limit', type: 'integer', field: 'limit', description: 'At most N tenants (default 100, up to 10000).' },
    { name: 'offset', type: 'integer', field: 'offset', description: 'Skip the first N tenants.' },
  ],
  json: true,
  examples: [
    { description: 'All tenants', command: 'tenantry tenant list' },
    { description: 'Suspended tenants on the professional plan, as JSON', command: 'tenantry tenant list --status suspended --plan professional --json' },
    { description: 'Slugs only, for a script', command: 'tenantry tenant list --limit 10000 | cut -f1 | tail -n +2' },
  ],
  async run(ctx, { flags }) {
    const client = await ctx.client();
    const page = await client.tenants.list({
      ...(typeof flags.status === 'string' ? { status: flags.status as TenantSummaryDto['status'] } : {}),
      ...(typeof flags.plan === 'string' ? { plan: flags.plan as TenantSummaryDto['plan'] } : {}),
      ...(typeof flags.search === 'string' ? { search: flags.search } : {}),
      ...(typeof flags.limit === 'number' ? { limit: flags.limit } : {}),
      ...(typeof flags.offset === 'number' ? { offset: flags.offset } : {}),
    });
    if (ctx.json) return ctx.outJson(page);
    const terminal = Boolean(ctx.io.stdout.isTTY);
    if (page.items.length === 0 && terminal) return ctx.info('No tenants match. Create one with `tenantry tenant create`.');
    const columns: Column<TenantSummaryDto>[] = [
      { header: 'slug', value: (t) => t.slug },
      { header: 'name', value: (t) => t.name, shrink: true },
      { header: 'status', value: (t) => formatStatus(t.status) },
      { header: 'plan', value: (t) => t.plan },
      { header: 'users', value: (t) => `${t.usersUsed}/${t.maxUsers}`, align: 'right' },
      { header: 'trial', value: (t) => (t.trialDaysLeft === null ? '-' : `${t.trialDaysLeft}d`), align: 'right' },
      { header: 'created', value: (t) => formatTimestamp(t.createdAt, terminal) },
    ];
    ctx.io.stdout.write(renderTable(ctx.io, columns, page.items));
    if (terminal && page.total > page.items.length) {
      ctx.info(ctx.style.dim(`Showing ${page.items.length} of ${page.total} tenants; use --limit and --offset for more.`));
    }
  },
});
