import { defineCommand } from '../../command.ts';
import { formatTimestamp } from '../../output/format.ts';

export const dbStatus = defineCommand({
  path: ['db', 'status'],
  summary: 'Shows which control-plane migrations are applied and which are pending.',
  json: true,
  leavesMigrationsPending: true,
  examples: [
    { description: 'The embedded store', command: 'tenantry db status' },
    { description: 'A server, as JSON', command: 'tenantry db status --database-url postgresql://postgres@db:5432/tenantry --json' },
  ],
  async run(ctx) {
    const client = await ctx.client();
    const status = await client.database.status();
    if (ctx.json) return ctx.outJson(status);
    const terminal = Boolean(ctx.io.stdout.isTTY);
    ctx.out(`Database: ${status.target.kind} (${status.target.location})`);
    for (const row of status.applied) {
      const drift = row.checksumMatches ? '' : ctx.style.red('  ✗ changed since it was applied');
      ctx.out(`  ${ctx.style.green('✓')} ${row.id}  applied ${formatTimestamp(row.appliedAt, terminal)}${drift}`);
    }
    for (const row of status.pending) ctx.out(`  ${ctx.style.yellow('○')} ${row.id}  pending: ${row.description}`);
    for (const id of status.unknown) ctx.out(`  ${ctx.style.red('?')} ${id}  applied by a newer Tenantry`);
    ctx.out(status.pending.length === 0 ? 'Up to date.' : `${status.pending.length} pending: run \`tenantry db migrate\`.`);
  },
});
