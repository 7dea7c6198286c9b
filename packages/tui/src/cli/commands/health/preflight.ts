import { defineCommand } from '../../command.ts';

export const preflight = defineCommand({
  path: ['preflight'],
  summary: 'Checks that the database and the environment are ready before a deploy or a provisioning run.',
  description: 'Database reachable and its version, privilege to create schemas, control-plane migrations applied, base domain configured, the role withTenant logs in as (failing when it is a superuser; marked ! on the embedded store, which has one user), and for the embedded store its lock and free disk. Exits 0 only when every line passes (7 otherwise).',
  json: true,
  leavesMigrationsPending: true,
  examples: [
    { description: 'Before a deploy', command: 'TENANTRY_DATABASE_URL=postgresql://tenantry@db/tenantry tenantry preflight' },
    { description: 'In CI, as JSON', command: 'tenantry preflight --json' },
  ],
  async run(ctx) {
    const client = await ctx.client();
    const results = await client.health.preflight();
    const ok = results.every((result) => result.ok);
    if (ctx.json) ctx.outJson({ ok, checks: results });
    else {
      for (const result of results) {
        ctx.out(`${!result.ok ? ctx.style.red('✗') : result.warning ? ctx.style.yellow('!') : ctx.style.green('✓')} ${result.name.padEnd(28)} ${result.detail}`);
      }
      ctx.out(ok ? ctx.style.green('Ready.') : ctx.style.red(`Not ready: ${results.filter((result) => !result.ok).length} check(s) failed.`));
    }
    return ok ? undefined : { exitKind: 'precondition_failed' };
  },
});
