import type { ApiKeyDto } from '@tenantry/sdk';
import { defineCommand, requiredArg } from '../../command.ts';
import { formatTimestamp } from '../../output/format.ts';
import { listEnvelope } from '../../output/list-envelope.ts';
import { renderTable, type Column } from '../../output/table.ts';

export const keyList = defineCommand({
  path: ['key', 'list'],
  aliases: [['key', 'ls']],
  summary: 'Lists the API keys of a tenant with scopes, status, expiry and last use (never the keys).',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  json: true,
  examples: [
    { description: "A tenant's keys", command: 'tenantry key list acme-corp' },
    { description: 'Keys never used, from JSON', command: "tenantry key list acme-corp --json | jq -r '.items[] | select(.lastUsedAt == null) | .prefix'" },
  ],
  async run(ctx, input) {
    const keys = await (await ctx.client()).apiKeys.list(requiredArg(input, 'slug'));
    if (ctx.json) return ctx.outJson(listEnvelope(keys));
    const terminal = Boolean(ctx.io.stdout.isTTY);
    const when = (value: string | null) => (value ? formatTimestamp(value, terminal) : '-');
    const columns: Column<ApiKeyDto>[] = [
      { header: 'prefix', value: (k) => k.prefix },
      { header: 'name', value: (k) => k.name, shrink: true },
      { header: 'scopes', value: (k) => k.scopes.join(','), shrink: true },
      { header: 'status', value: (k) => k.status },
      { header: 'expires', value: (k) => (k.expiresAt ? when(k.expiresAt) : 'never') },
      { header: 'last used', value: (k) => when(k.lastUsedAt) },
      { header: 'created', value: (k) => when(k.createdAt) },
    ];
    ctx.io.stdout.write(renderTable(ctx.io, columns, keys));
  },
});
