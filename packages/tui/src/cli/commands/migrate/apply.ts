import type { ApplyTenantMigrationsInput } from '@tenantry/sdk';
import { CHANGE_FLAGS, QUIET_FLAG, changeOptions, defineCommand } from '../../command.ts';
import { createProgress, type Progress } from '../../output/progress.ts';
import { renderRun, unitLabel } from './render-run.ts';

export const migrateApply = defineCommand({
  path: ['migrate', 'apply'],
  summary: "Applies the blueprint's pending tenant migrations to every tenant that is behind, or to the named ones.",
  description:
    'Each tenant is one transaction under its own advisory lock, with a lock timeout so it never queues behind application\n' +
    'traffic for long. Canary tenants go first, one at a time, and a failing canary stops the run; the shared tables\n' +
    '(every shared tenant at once) come next, then the rest with bounded concurrency. A failing tenant rolls back alone and\n' +
    'is reported; the run stops there unless --continue-on-error. Running it again applies exactly what is left. A migration\n' +
    'whose checksum changed after it was applied is reported, never run again. Exit 8 when some tenants failed; the first\n' +
    'outage stops the run, even with --continue-on-error (exit 10, saying how far it got).\n' +
    "--fake records the named tenants' pending migrations (up to and including --to ID) as applied without running them,\n" +
    'for a schema that has them already (one adopted, or changed by hand): under the same lock, with the isolation a run\n' +
    'gives its tables, audited as recorded (migration.recorded). It needs --tenant; shared-isolation tenants are refused.',
  flags: [
    { name: 'all', type: 'boolean', field: 'all', description: 'Every tenant that is behind.' },
    { name: 'tenant', type: 'list', placeholder: 'SLUG', field: 'tenants', description: 'Only this tenant (repeatable).' },
    { name: 'concurrency', type: 'integer', field: 'concurrency', description: 'Tenants migrated at once (1-64). Default: 4 on a server, 1 embedded.' },
    {
      name: 'canary',
      type: 'integer',
      placeholder: 'K',
      field: 'canary',
      description: 'Migrate the first K tenants (by slug) first, one at a time; stop if one fails. Default 0.',
    },
    { name: 'continue-on-error', type: 'boolean', field: 'continueOnError', description: 'Go on with the other tenants after a failure.' },
    {
      name: 'lock-timeout',
      type: 'integer',
      placeholder: 'MS',
      field: 'lockTimeoutMs',
      description: 'Give up on a tenant whose locks are not granted within MS milliseconds (default 5000).',
    },
    {
      name: 'fake',
      type: 'boolean',
      field: 'fake',
      description: "Record the named tenants' pending migrations as applied without running them (needs --tenant).",
    },
    {
      name: 'to',
      type: 'string',
      placeholder: 'ID',
      field: 'to',
      description: 'With --fake: only the pending migrations up to and including this migration id.',
    },
    ...CHANGE_FLAGS,
    QUIET_FLAG,
  ],
  json: true,
  examples: [
    { description: 'See what would run, with the SQL', command: 'tenantry migrate apply --all --dry-run' },
    { description: 'Roll out to every tenant, 5 canaries first, 8 at a time', command: 'tenantry migrate apply --all --canary 5 --concurrency 8' },
    { description: 'Two tenants, going on past failures, as JSON', command: 'tenantry migrate apply --tenant acme --tenant globex --continue-on-error --json' },
    {
      description: "Record theo's migrations through 0002_devices as applied without running them (its schema has them)",
      command: 'tenantry migrate apply --fake --tenant theo --to 0002_devices',
    },
  ],
  async run(ctx, { flags }) {
    const input: ApplyTenantMigrationsInput = {
      all: flags.all === true,
      continueOnError: flags['continue-on-error'] === true,
      fake: flags.fake === true,
      ...(typeof flags.to === 'string' ? { to: flags.to } : {}),
      ...(Array.isArray(flags.tenant) ? { tenants: flags.tenant } : {}),
      ...(typeof flags.concurrency === 'number' ? { concurrency: flags.concurrency } : {}),
      ...(typeof flags.canary === 'number' ? { canary: flags.canary } : {}),
      ...(typeof flags['lock-timeout'] === 'number' ? { lockTimeoutMs: flags['lock-timeout'] } : {}),
    };
    const client = await ctx.client();
    let progress: Progress | undefined;
    const run = await client.migrations.apply(input, {
      ...changeOptions(flags),
      onProgress: ({ total, report }) => {
        progress ??= createProgress({ stream: ctx.io.stderr, total, noun: 'units', style: ctx.style, quiet: flags.quiet === true });
        const detail = report.outcome === 'failed' ? `${report.error?.code} ${report.error?.message}` : report.migrations.join(', ') || 'nothing left';
        progress.item(`${report.outcome} ${unitLabel(report)} (${report.durationMs} ms): ${detail}`, report.outcome === 'failed');
      },
    });
    progress?.done();
    if (run.stopped) {
      // The outage is the error; the units done so far are reported beside it.
      const { error, done, total } = run.stopped;
      const stoppedError = { ...error, details: { ...error.details, done, total, notStarted: total - done } };
      if (ctx.json) ctx.outJson({ error: stoppedError, run });
      else {
        ctx.out(renderRun(run, ctx.style));
        ctx.info(`${ctx.style.red('✗')} ${error.message}`);
        ctx.info(
          `  The run stopped at the first outage after ${done} of ${total} unit(s); run it again once the database is back: it applies exactly what is left.`,
        );
        ctx.info(`  ${ctx.style.dim('code:')} ${error.code}`);
      }
      return { exitKind: 'unavailable' };
    }
    if (ctx.json) ctx.outJson(run);
    else ctx.out(renderRun(run, ctx.style));
    return run.summary.failed > 0 ? { exitKind: 'partial_failure' } : undefined;
  },
});
