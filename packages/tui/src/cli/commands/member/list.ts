import type { MemberDto } from '@tenantry/sdk';
import { defineCommand, requiredArg } from '../../command.ts';
import { formatTimestamp } from '../../output/format.ts';
import { listEnvelope } from '../../output/list-envelope.ts';
import { renderTable, type Column } from '../../output/table.ts';

export const memberList = defineCommand({
  path: ['member', 'list'],
  aliases: [['member', 'ls']],
  summary: 'Lists the members of a tenant with their roles.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  json: true,
  examples: [
    { description: 'Members of a tenant', command: 'tenantry member list acme-corp' },
    { description: 'Owners only, from JSON', command: 'tenantry member list acme-corp --json | jq -r \'.items[] | select(.roles | index("owner")) | .email\'' },
  ],
  async run(ctx, input) {
    const members = await (await ctx.client()).members.list(requiredArg(input, 'slug'));
    if (ctx.json) return ctx.outJson(listEnvelope(members));
    const terminal = Boolean(ctx.io.stdout.isTTY);
    const columns: Column<MemberDto>[] = [
      { header: 'email', value: (m) => m.email },
      { header: 'name', value: (m) => m.name ?? '-', shrink: true },
      { header: 'roles', value: (m) => (m.roles.length > 0 ? m.roles.join(',') : '-') },
      { header: 'joined', value: (m) => formatTimestamp(m.joinedAt, terminal) },
    ];
    ctx.io.stdout.write(renderTable(ctx.io, columns, members));
  },
});
