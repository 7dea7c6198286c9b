import { DRY_RUN_FLAG, defineCommand } from '../../command.ts';
import { plural } from '../../../text/plural.ts';

export const dbMigrate = defineCommand({
  path: ['db', 'migrate'],
  summary: 'Applies pending control-plane migrations, in one transaction under an advisory lock.',
  description: 'Tenantry also applies them on first use; this command does it explicitly (before a deploy, say).',
  flags: [DRY_RUN_FLAG],
  json: true,
  leavesMigrationsPending: true,
  examples: [
    { description: 'Migrate the embedded store', command: 'tenantry db migrate' },
    { description: 'See what would be applied on a server', command: 'TENANTRY_DATABASE_URL=postgresql://postgres@db/tenantry tenantry db migrate --dry-run' },
  ],
  async run(ctx, { flags }) {
    const client = await ctx.client();
    const result = await client.database.migrate({ dryRun: flags['dry-run'] === true });
    if (ctx.json) return ctx.outJson({ target: client.target, ...result });
    if (result.applied.length === 0) return ctx.out(`${ctx.style.green('✓')} Up to date (${client.target.location}).`);
    const verb = result.dryRun ? 'Would apply' : 'Applied';
    ctx.out(`${ctx.style.green('✓')} ${verb} ${plural(result.applied.length, 'migration')} to ${client.target.location}:`);
    for (const id of result.applied) ctx.out(`  ${id}`);
  },
});
