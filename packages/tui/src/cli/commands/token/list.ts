import type { ServiceTokenDto } from '@tenantry/sdk';
import { defineCommand } from '../../command.ts';
import { formatTimestamp } from '../../output/format.ts';
import { listEnvelope } from '../../output/list-envelope.ts';
import { renderTable, type Column } from '../../output/table.ts';

export const tokenList = defineCommand({
  path: ['token', 'list'],
  aliases: [['token', 'ls']],
  summary: 'Lists the platform service tokens with status, expiry and last use (never the tokens).',
  json: true,
  examples: [
    { description: 'Every service token', command: 'tenantry token list' },
    {
      description: 'Active tokens never used, from JSON',
      command: `tenantry token list --json | jq -r '.items[] | select(.status == "active" and .lastUsedAt == null) | .prefix'`,
    },
  ],
  async run(ctx) {
    const tokens = await (await ctx.client()).tokens.list();
    if (ctx.json) return ctx.outJson(listEnvelope(tokens));
    const terminal = Boolean(ctx.io.stdout.isTTY);
    const when = (value: string | null) => (value ? formatTimestamp(value, terminal) : '-');
    const columns: Column<ServiceTokenDto>[] = [
      { header: 'prefix', value: (t) => t.prefix },
      { header: 'name', value: (t) => t.name, shrink: true },
      { header: 'status', value: (t) => t.status },
      { header: 'expires', value: (t) => (t.expiresAt ? when(t.expiresAt) : 'never') },
      { header: 'last used', value: (t) => when(t.lastUsedAt) },
      { header: 'created', value: (t) => when(t.createdAt) },
      { header: 'created by', value: (t) => t.createdBy, shrink: true },
    ];
    ctx.io.stdout.write(renderTable(ctx.io, columns, tokens));
  },
});
