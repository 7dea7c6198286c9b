import type { TenantMigrationStatusDto } from '@tenantry/sdk';
import { plural } from '../../../text/plural.ts';
import { defineCommand } from '../../command.ts';
import type { Style } from '../../output/style.ts';
import { renderTable } from '../../output/table.ts';
import { driftLines } from './render-run.ts';

export const migrateStatus = defineCommand({
  path: ['migrate', 'status'],
  summary: "Shows which tenants are behind the blueprint's tenant migrations, and which applied ones changed since.",
  description:
    'Reads tenantry.tenant_migrations with a few set-based queries (no walk over tenant schemas), so it stays fast with\n' +
    "thousands of tenants. The blueprint is the program's ($TENANTRY_BLUEPRINT names a module), else the sample one.",
  json: true,
  examples: [
    { description: 'What is behind, per migration and per tenant', command: 'tenantry migrate status' },
    { description: 'Slugs of the tenants that are behind, for a script', command: "tenantry migrate status --json | jq -r '.behind[].slug'" },
  ],
  async run(ctx) {
    const client = await ctx.client();
    const status = await client.migrations.status();
    if (ctx.json) return ctx.outJson(status);
    // The table of tenants behind is the data on stdout; the summary and the warnings are prose, on stderr.
    ctx.info(renderStatus(status, ctx.style));
    if (status.behind.length > 0) {
      ctx.io.stdout.write(
        renderTable(
          ctx.io,
          [
            { header: 'slug', value: (row: TenantMigrationStatusDto['behind'][number]) => row.slug },
            { header: 'isolation', value: (row) => row.isolation },
            { header: 'missing', value: (row) => row.missing.join(', '), shrink: true },
          ],
          status.behind,
        ),
      );
    }
    for (const line of driftLines(status.drifted, ctx.style)) ctx.info(line);
    for (const row of status.unknown) ctx.info(`${ctx.style.red('✗')} ${row.slug} has migrations this blueprint does not know: ${row.migrationIds.join(', ')}`);
  },
});

function renderStatus(status: TenantMigrationStatusDto, style: Style): string {
  const { tenants } = status;
  const headline =
    tenants.behind === 0 && tenants.drifted === 0
      ? `${style.green('✓')} ${tenants.total === 1 ? 'The 1 tenant is' : `All ${plural(tenants.total, 'tenant')} are`} up to date with blueprint ${style.bold(status.blueprint.name)}.`
      : `${style.yellow('!')} ${tenants.behind} of ${plural(tenants.total, 'tenant')} ${tenants.behind === 1 ? 'is' : 'are'} behind blueprint ${style.bold(status.blueprint.name)}; ${tenants.drifted} drifted.`;
  const width = Math.max(...status.blueprint.migrations.map((migration) => migration.id.length), 9);
  const lines = [headline, '', `  ${'MIGRATION'.padEnd(width)}  APPLIED  PENDING  DESCRIPTION`];
  for (const migration of status.blueprint.migrations) {
    lines.push(`  ${migration.id.padEnd(width)}  ${String(migration.applied).padStart(7)}  ${String(migration.pending).padStart(7)}  ${migration.description}`);
  }
  const shared = status.shared;
  if (shared.applied.length > 0) {
    lines.push(
      '',
      `Shared tables: ${shared.pending.length === 0 ? 'up to date' : `pending ${shared.pending.join(', ')}`}${shared.drifted.length > 0 ? `; changed since applied: ${shared.drifted.join(', ')}` : ''}`,
    );
  }
  if (status.behind.length > 0) lines.push('', 'Behind (apply with `tenantry migrate apply --all`):');
  return lines.join('\n');
}
