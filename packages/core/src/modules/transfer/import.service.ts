import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { requirePlatform } from '../permissions/authorize.ts';
import { migrationChecksum, type Blueprint } from '../../isolation/blueprint.ts';
import { IsolationErrors } from '../../isolation/isolation-errors.ts';
import { isolationSql } from '../../isolation/isolation-sql.ts';
import { SHARED_SCHEMA, quoteIdent } from '../../isolation/names.ts';
import { migrateSharedPool, poolPending, readPoolMigrations, recordSharedTenants } from '../../isolation/pool.ts';
import { runBody } from '../../isolation/runner.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { withTenantSetting } from '../../isolation/tenant-setting.ts';
import type { PlanStep } from '../../plan.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { parseExport, type TenantExport } from './export-document.ts';
import { exportKeyFor } from './export-key.ts';
import { checkExportRows } from './import-check.ts';
import { planImport, remap, type ImportPlan } from './import-plan.ts';
import { loadRows } from './load-rows.ts';

export interface ImportOutcome {
  result: 'imported' | 'planned';
  tenant: { id: string; slug: string; isolation: TenantExport['header']['tenant']['isolation']; schemaName: string | null };
  from: { id: string; slug: string; exportedAt: string };
  users: { created: string[]; linked: number };
  rows: { control: number; data: number };
  skippedDomains: { hostname: string; reason: string }[];
  /** Under a new slug, API keys and invitations are not copied (their hashes must identify one tenant). */
  skippedCredentials: { table: string; rows: number }[];
  /** Blueprint migrations newer than the export, run on the imported data. */
  migrationsRun: string[];
  steps: PlanStep[];
}

export interface ImportOptions {
  /** Import under this slug (a copy with new ids) instead of the exported one. */
  slug?: string;
  dryRun?: boolean;
  /** The key the file was signed with when it comes from another installation; default: this installation's export key. */
  exportKey?: string;
}

/**
 * Restores an export file in one transaction: its signature verified with the export key (this
 * installation's, or the one given) and its rows checked to be of the one tenant it exports, field by
 * field (EXPORT_INVALID otherwise); then the tenant and its control-plane rows (new ids under a new
 * slug; users matched by email are linked, never overwritten), its data space made from the blueprint
 * migrations the export had, its rows loaded, then any newer migrations run on them. All or nothing.
 */
export async function importTenant(ctx: ServiceContext, text: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  requirePlatform(ctx, 'tenant.import');
  const document = parseExport(text, await exportKeyFor(ctx.em.fork(), options.exportKey));
  await checkExportRows(ctx.em.fork(), document);
  return importDocument(ctx, document, options);
}

async function importDocument(ctx: ServiceContext, document: TenantExport, options: ImportOptions): Promise<ImportOutcome> {
  const blueprint = blueprintOf(ctx);
  const { header } = document;
  const outcome = (plan: ImportPlan, result: ImportOutcome['result']): ImportOutcome => ({
    result,
    tenant: { id: plan.tenantId, slug: plan.slug, isolation: header.tenant.isolation, schemaName: plan.schemaName },
    from: { id: header.tenant.id, slug: header.tenant.slug, exportedAt: header.exportedAt },
    users: { created: plan.usersCreated, linked: plan.usersLinked.length },
    rows: { control: plan.control.length, data: document.rows.filter((row) => row.section === 'data').length },
    skippedDomains: plan.skippedDomains,
    skippedCredentials: plan.skippedCredentials,
    migrationsRun: plan.migrationsAfter,
    steps: plan.steps,
  });
  if (options.dryRun) return outcome(await planImport(ctx.em.fork(), blueprint, document, options.slug, ctx.settings.baseDomain), 'planned');
  return ctx.em.fork().transactional(async (tx) => {
    const plan = await planImport(tx, blueprint, document, options.slug, ctx.settings.baseDomain);
    if (plan.replacesTombstone) await tx.execute(`delete from tenantry.tenants where id = ? and status = 'deleted'`, [plan.tenantId]);
    let pending: { table: string; rows: string[] } | undefined;
    for (const row of plan.control) {
      if (pending && pending.table !== row.table) await loadRows(tx, 'tenantry', pending.table, pending.rows);
      if (!pending || pending.table !== row.table) pending = { table: row.table, rows: [] };
      pending.rows.push(row.json);
    }
    if (pending) await loadRows(tx, 'tenantry', pending.table, pending.rows);
    await restoreDataSpace(ctx, tx, blueprint, document, plan);
    recordAudit(ctx, tx, {
      action: 'tenant.imported',
      tenant: { id: plan.tenantId, slug: plan.slug },
      targetType: 'tenant',
      targetId: plan.tenantId,
      after: { from: { id: header.tenant.id, slug: header.tenant.slug, exportedAt: header.exportedAt }, renamed: plan.renamed, usersLinked: plan.usersLinked.length, skippedDomains: plan.skippedDomains, migrationsRun: plan.migrationsAfter },
    });
    return outcome(plan, 'imported');
  });
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
