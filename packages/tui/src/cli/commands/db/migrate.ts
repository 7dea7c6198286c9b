import { CHANGE_FLAGS, changeOptions, defineCommand } from '../../command.ts';
import { sqlBlock } from '../../output/sql-block.ts';
import { plural } from '../../../text/plural.ts';

export const dbMigrate = defineCommand({
  path: ['db', 'migrate'],
  summary: 'Applies pending control-plane migrations, in one transaction under an advisory lock.',
  description: 'Tenantry also applies them on first use; this command does it explicitly (before a deploy, say).',
  flags: [...CHANGE_FLAGS],
  json: true,
  leavesMigrationsPending: true,
  examples: [
    { description: 'Migrate the embedded store', command: 'tenantry db migrate' },
    { description: 'See what would be applied on a server', command: 'TENANTRY_DATABASE_URL=postgresql://postgres@db/tenantry tenantry db migrate --dry-run' },
  ],
  async run(ctx, { flags }) {
    const client = await ctx.client();
    const result = await client.database.migrate(changeOptions(flags));
    if (ctx.json) return ctx.outJson({ target: client.target, ...result });
    if (result.applied.length === 0) return ctx.out(`${ctx.style.green('✓')} Up to date (${client.target.location}).`);
    const verb = result.dryRun ? 'Would apply' : 'Applied';
    ctx.out(`${ctx.style.green('✓')} ${verb} ${plural(result.applied.length, 'migration')} to ${client.target.location}:`);
    for (const id of result.applied) ctx.out(`  ${id}`);
    if (!result.dryRun) return;
    ctx.out('');
    result.steps.forEach((step, index) => {
      ctx.out(`  ${index + 1}. ${step.description}`);
      for (const sql of step.sql ?? []) ctx.out(ctx.style.dim(sqlBlock(sql, '       ')));
    });
    ctx.out(`Add --expect-plan ${result.fingerprint} to apply exactly this plan (refused if anything changed since).`);
  },
});
