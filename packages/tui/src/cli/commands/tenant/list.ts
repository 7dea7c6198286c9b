import {
  PLAN_CODES,
  TENANT_STATUSES,
  TenantryError,
  type ListTenantsInput,
  type TenantListDto,
  type TenantSummaryDto,
  type TenantryClient,
} from '@tenantry/sdk';
import { plural } from '../../../text/plural.ts';
import { defineCommand } from '../../command.ts';
import { formatStatus, formatTimestamp } from '../../output/format.ts';
import { listEnvelope } from '../../output/list-envelope.ts';
import { renderTable, type Column } from '../../output/table.ts';

export const tenantList = defineCommand({
  path: ['tenant', 'list'],
  aliases: [['tenant', 'ls']],
  summary: 'Lists tenants with status, plan, users used of the limit and trial days left.',
  flags: [
    {
      name: 'status',
      type: 'string',
      placeholder: 'STATUS',
      field: 'status',
      choices: TENANT_STATUSES,
      description: 'Only tenants in this status (purged tenants, `deleted`, are listed only this way).',
    },
    { name: 'plan', type: 'string', placeholder: 'PLAN', field: 'plan', choices: PLAN_CODES, description: 'Only tenants on this plan.' },
    { name: 'search', type: 'string', placeholder: 'TEXT', field: 'search', description: 'Only tenants whose slug or name contains TEXT.' },
    { name: 'limit', type: 'integer', field: 'limit', description: 'At most N tenants (default 100, up to 10000); stderr says when more match.' },
    { name: 'all', type: 'boolean', description: 'Every matching tenant, read page by page (no --limit).' },
    {
      name: 'cursor',
      type: 'string',
      placeholder: 'CURSOR',
      field: 'cursor',
      description: 'The page after this one: the `nextCursor` of a previous --json page.',
    },
    { name: 'offset', type: 'integer', field: 'offset', description: 'Skip the first N tenants.' },
  ],
  json: true,
  examples: [
    { description: 'All tenants', command: 'tenantry tenant list' },
    { description: 'Suspended tenants on the professional plan, as JSON', command: 'tenantry tenant list --status suspended --plan professional --json' },
    { description: 'Every slug, for a script', command: 'tenantry tenant list --all | cut -f1 | tail -n +2' },
    { description: 'The next page of 500, as JSON', command: 'tenantry tenant list --limit 500 --cursor "$(jq -r .nextCursor page1.json)" --json' },
  ],
  async run(ctx, { flags }) {
    if (flags.all === true && (flags.limit !== undefined || flags.cursor !== undefined || flags.offset !== undefined)) {
      throw TenantryError.invalidInput([{ path: '--all', message: 'reads every page: leave out --limit, --cursor and --offset' }]);
    }
    const client = await ctx.client();
    const filter: ListTenantsInput = {
      ...(typeof flags.status === 'string' ? { status: flags.status as TenantSummaryDto['status'] } : {}),
      ...(typeof flags.plan === 'string' ? { plan: flags.plan as TenantSummaryDto['plan'] } : {}),
      ...(typeof flags.search === 'string' ? { search: flags.search } : {}),
      ...(typeof flags.limit === 'number' ? { limit: flags.limit } : {}),
      ...(typeof flags.cursor === 'string' ? { cursor: flags.cursor } : {}),
      ...(typeof flags.offset === 'number' ? { offset: flags.offset } : {}),
    };
    const page = flags.all === true ? await readEveryPage(client, filter) : await client.tenants.list(filter);
    if (page.nextCursor !== null) {
      ctx.info(
        `Showing ${page.items.length.toLocaleString('en-US')} of ${plural(page.total, 'tenant')}: pass --all for every one, or --cursor ${page.nextCursor} for the next page.`,
      );
    }
    if (ctx.json) return ctx.outJson(listEnvelope(page.items, page));
    const terminal = Boolean(ctx.io.stdout.isTTY);
    if (page.items.length === 0 && terminal) return ctx.info('No tenants match. Create one with `tenantry tenant create`.');
    const columns: Column<TenantSummaryDto>[] = [
      { header: 'slug', value: (t) => t.slug },
      { header: 'name', value: (t) => t.name, shrink: true },
      { header: 'status', value: (t, tty) => (tty ? formatStatus(t.status) : t.status) },
      { header: 'plan', value: (t) => t.plan, dropOrder: 3 },
      { header: 'users', value: (t) => `${t.usersUsed}/${t.maxUsers}`, align: 'right' },
      { header: 'trial', value: (t) => (t.trialDaysLeft === null ? '-' : `${t.trialDaysLeft}d`), align: 'right', dropOrder: 2 },
      { header: 'created', value: (t, tty) => formatTimestamp(t.createdAt, tty), dropOrder: 1 },
    ];
    ctx.io.stdout.write(renderTable(ctx.io, columns, page.items));
  },
});

const PAGE_FOR_ALL = 1000;

async function readEveryPage(client: TenantryClient, filter: ListTenantsInput): Promise<TenantListDto> {
  const items: TenantSummaryDto[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await client.tenants.list({ ...filter, limit: PAGE_FOR_ALL, ...(cursor === undefined ? {} : { cursor }) });
    items.push(...page.items);
    if (page.nextCursor === null) return { items, total: page.total, nextCursor: null };
    cursor = page.nextCursor;
  }
}
