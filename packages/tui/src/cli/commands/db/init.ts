import { TenantryError } from '@tenantry/sdk';
import { DRY_RUN_FLAG, defineCommand } from '../../command.ts';

export const dbInit = defineCommand({
  path: ['db', 'init'],
  summary: 'Prepares a database for Tenantry: creates it on the server with --create, then applies the control-plane migrations.',
  description:
    'Tenantry never creates a database on its own: any other command on a database that does not exist fails with exit 10 (DATABASE_NOT_FOUND) naming it, so a mistyped name is caught. The embedded store needs no init.',
  flags: [{ name: 'create', type: 'boolean', description: 'Create the database named in the URL when the server does not have it.' }, DRY_RUN_FLAG],
  json: true,
  leavesMigrationsPending: true,
  examples: [
    {
      description: 'Create and migrate a new database on a server',
      command: 'tenantry db init --create --database-url postgresql://postgres@db:5432/tenantry',
    },
    { description: 'See what it would do', command: 'tenantry db init --create --dry-run --database-url postgresql://postgres@db:5432/tenantry' },
  ],
  async run(ctx, { flags }) {
    const dryRun = flags['dry-run'] === true;
    const create = flags.create === true;
    let client;
    try {
      client = await ctx.client({ createDatabase: create && !dryRun });
    } catch (error) {
      if (!(dryRun && create && error instanceof TenantryError && error.code === 'DATABASE_NOT_FOUND')) throw error;
      const target = String(error.details.target);
      if (ctx.json) return ctx.outJson({ dryRun: true, created: true, target, applied: 'all' });
      return ctx.out(`${ctx.style.green('✓')} Would create the database ${target}, then apply every control-plane migration to it.`);
    }
    const result = await client.database.migrate({ dryRun });
    if (ctx.json) return ctx.outJson({ target: client.target, ...result });
    const verb = result.dryRun ? 'Would apply' : 'Applied';
    if (result.applied.length === 0) return ctx.out(`${ctx.style.green('✓')} ${client.target.location} is ready: up to date.`);
    ctx.out(`${ctx.style.green('✓')} ${verb} ${result.applied.length} migration(s) to ${client.target.location}:`);
    for (const id of result.applied) ctx.out(`  ${id}`);
  },
});
