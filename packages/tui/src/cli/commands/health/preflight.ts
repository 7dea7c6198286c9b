import { plural } from '../../../text/plural.ts';
import { defineCommand } from '../../command.ts';

export const preflight = defineCommand({
  path: ['preflight'],
  summary: 'Checks that the database and the environment are ready before a deploy or a provisioning run.',
  description:
    'Database reachable and its version, privilege to create schemas, control-plane migrations applied, the role withTenant logs in as (failing when it is a superuser; marked ! on the embedded store, which has one user), and for the embedded store its lock, permissions and free disk must pass; an optional setting left unset (the base domain) is a warning (!). Exits 0 when every check passes, warnings or not (7 otherwise).',
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
        const mark = !result.ok ? ctx.style.red('✗') : result.warning ? ctx.style.yellow('!') : ctx.style.green('✓');
        ctx.out(`${mark} ${result.name.padEnd(28)} ${result.detail}`);
      }
      const warnings = results.filter((result) => result.warning).length;
      const failed = results.filter((result) => !result.ok).length;
      ctx.out(
        ok
          ? ctx.style.green(warnings > 0 ? `Ready, with ${plural(warnings, 'warning')}.` : 'Ready.')
          : ctx.style.red(`Not ready: ${plural(failed, 'check')} failed.`),
      );
    }
    return ok ? undefined : { exitKind: 'precondition_failed' };
  },
});
