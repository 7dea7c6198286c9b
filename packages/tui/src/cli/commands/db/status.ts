import { defineCommand } from '../../command.ts';
import type { MigrationStatusDto } from '@tenantry/sdk';
import { formatTimestamp } from '../../output/format.ts';

type Style = { green(text: string): string; yellow(text: string): string; red(text: string): string };

/** Which role withTenant logs in as, marked when RESET ROLE in a callback could escape row-level security. */
function dataPathLine(role: MigrationStatusDto['dataPath'], problem: string | undefined, style: Style): string {
  if (!role) return `Data path: ${style.red('✗')} withTenant cannot log in: ${problem ?? 'unknown reason'}`;
  if (role.mode === 'set-role')
    return `Data path: ${style.yellow('!')} SET LOCAL ROLE tenantry_app from ${role.sessionRole} (embedded, one user: RESET ROLE undoes it)`;
  if (role.superuser || role.bypassRls)
    return `Data path: ${style.red('✗')} logs in as ${role.sessionRole}, which ${role.superuser ? 'is a superuser' : 'bypasses row-level security'}`;
  return `Data path: ${style.green('✓')} logs in as ${role.sessionRole} (not a superuser)`;
}

export const dbStatus = defineCommand({
  path: ['db', 'status'],
  summary: 'Shows which control-plane migrations are applied and which are pending, and the role withTenant logs in as.',
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
    ctx.out(dataPathLine(status.dataPath, status.dataPathProblem, ctx.style));
  },
});
