import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { migrationChecksum, type Blueprint } from '../../isolation/blueprint.ts';
import { IsolationErrors } from '../../isolation/isolation-errors.ts';
import { isolationSql } from '../../isolation/isolation-sql.ts';
import { SHARED_SCHEMA, quoteIdent } from '../../isolation/names.ts';
import { migrateSharedPool, poolPending, readPoolMigrations, recordSharedTenants } from '../../isolation/pool.ts';
import { runBody } from '../../isolation/runner.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { withTenantSetting } from '../../isolation/tenant-setting.ts';
import { parseExport, type TenantExport } from './export-document.ts';
import { exportKeyFor } from './export-key.ts';
import { checkExportRows } from './import-check.ts';
import { planImport, remap, type ImportPlan } from './import-plan.ts';
import { loadRows } from './load-rows.ts';

export interface ImportSummary {
  tenant: { id: string; slug: string; isolation: TenantExport['header']['tenant']['isolation']; schemaName: string | null };
  from: { id: string; slug: string; exportedAt: string };
  users: { created: string[]; linked: number };
  rows: { control: number; data: number };
  skippedDomains: { hostname: string; reason: string }[];
  /** Under a new slug, API keys and invitations are not copied (their hashes must identify one tenant). */
  skippedCredentials: { table: string; rows: number }[];
  /** Blueprint migrations newer than the export, run on the imported data. */
  migrationsRun: string[];
}

/** What an import is: the document (signature and rows checked) and the plan of how it goes in. */
export interface PlannedImport {
  document: TenantExport;
  plan: ImportPlan;
}

/**
 * Verifies an export's signature with the export key (this installation's, or the one given), checks its
 * rows are of the one tenant it exports, field by field (EXPORT_INVALID otherwise), and plans the import.
 */
export async function planTenantImport(
  ctx: ServiceContext,
  tx: SqlEntityManager,
  text: string,
  options: { slug?: string; exportKey?: string },
): Promise<PlannedImport> {
  const document = parseExport(text, await exportKeyFor(tx, options.exportKey));
  await checkExportRows(tx, document);
  return { document, plan: await planImport(tx, blueprintOf(ctx), document, options.slug, ctx.settings.baseDomain) };
}

/** What an import does (or, planned, would do), in the words of its result. */
export function importSummary({ document, plan }: PlannedImport): ImportSummary {
  const { header } = document;
  return {
    tenant: { id: plan.tenantId, slug: plan.slug, isolation: header.tenant.isolation, schemaName: plan.schemaName },
    from: { id: header.tenant.id, slug: header.tenant.slug, exportedAt: header.exportedAt },
    users: { created: plan.usersCreated, linked: plan.usersLinked.length },
    rows: { control: plan.control.length, data: document.rows.filter((row) => row.section === 'data').length },
    skippedDomains: plan.skippedDomains,
    skippedCredentials: plan.skippedCredentials,
    migrationsRun: plan.migrationsAfter,
  };
}

/**
 * Carries out an import plan in the caller's transaction: the tenant and its control-plane rows (new ids
 * under a new slug; users matched by email are linked, never overwritten), its data space made from the
 * blueprint migrations the export had, its rows loaded, then any newer migrations run on them.
 */
export async function applyTenantImport(ctx: ServiceContext, tx: SqlEntityManager, { document, plan }: PlannedImport): Promise<void> {
  if (plan.replacesTombstone) await tx.execute(`delete from tenantry.tenants where id = ? and status = 'deleted'`, [plan.tenantId]);
  let pending: { table: string; rows: string[] } | undefined;
  for (const row of plan.control) {
    if (pending && pending.table !== row.table) await loadRows(tx, 'tenantry', pending.table, pending.rows);
    if (!pending || pending.table !== row.table) pending = { table: row.table, rows: [] };
    pending.rows.push(row.json);
  }
  if (pending) await loadRows(tx, 'tenantry', pending.table, pending.rows);
  await restoreDataSpace(ctx, tx, blueprintOf(ctx), document, plan);
}

async function restoreDataSpace(ctx: ServiceContext, tx: SqlEntityManager, blueprint: Blueprint, document: TenantExport, plan: ImportPlan): Promise<void> {
  const byTable = new Map<string, string[]>();
  for (const row of document.rows) if (row.section === 'data') byTable.set(row.table, [...(byTable.get(row.table) ?? []), remap(row.json, plan.ids)]);
  const now = ctx.now();
  if (!plan.schemaName) {
    if (poolPending(blueprint, await readPoolMigrations(tx)).length > 0) await migrateSharedPool(tx, blueprint, now);
    await withTenantSetting(tx, plan.tenantId, async () => {
      for (const [table, rows] of byTable) await loadRows(tx, SHARED_SCHEMA, table, rows);
    });
    await recordSharedTenants(tx, now, plan.tenantId);
    return;
  }
  const schema = plan.schemaName;
  const target = { mode: 'schema' as const, schema, tenantId: plan.tenantId };
  const run = async (ids: string[]) => {
    for (const migration of blueprint.migrations.filter((m) => ids.includes(m.id))) {
      try {
        await runBody(tx, migration.schema, target);
      } catch (error) {
        throw IsolationErrors.migrationFailed(plan.slug, migration.id, error);
      }
    }
  };
  await tx.execute(`create schema ${quoteIdent(schema)}`);
  await run(plan.migrationsBefore);
  await withTenantSetting(tx, plan.tenantId, async () => {
    for (const [table, rows] of byTable) await loadRows(tx, schema, table, rows);
  });
  await run(plan.migrationsAfter);
  await tx.execute(isolationSql('schema', schema, plan.tenantId));
  const records = blueprint.migrations.map((migration) => ({ id: migration.id, checksum: migrationChecksum(migration, 'schema') }));
  await tx.execute(
    `insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at, duration_ms)
     select ?, r.id, r.checksum, ?, 0 from jsonb_to_recordset(?::jsonb) as r(id text, checksum text)`,
    [plan.tenantId, now, JSON.stringify(records)],
  );
}
