import type { SqlEntityManager } from '@mikro-orm/sql';
import { IsolationLevel } from '@mikro-orm/core';
import type { ServiceContext } from '../../context.ts';
import { CONTROL_PLANE_MIGRATIONS } from '../../db/migrations/index.ts';
import { requirePlatform } from '../permissions/authorize.ts';
import { SHARED_SCHEMA, quoteIdent } from '../../isolation/names.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { withTenantSetting } from '../../isolation/tenant-setting.ts';
import { IsolationErrors } from '../../isolation/isolation-errors.ts';
import { findTenant } from '../tenants/tenant-queries.service.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { exportedControlTables, parentsFirst, tablesOf } from './catalog.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, serializeExport, type ExportRow, type TenantExport } from './export-document.ts';
import { exportKeyFor } from './export-key.ts';

/**
 * Reads everything of one tenant in one consistent snapshot (repeatable read): its control-plane rows
 * (tenant, members and their users, roles, domains, invitations, API keys: secrets only as the hashes
 * stored), its data space (every table of its schema, or its rows of the shared tables), and its audit
 * trail for the record. Rows stay PostgreSQL's JSON text.
 */
export async function exportTenant(ctx: ServiceContext, slug: string): Promise<TenantExport> {
  requirePlatform(ctx, 'tenant.export');
  return ctx.em.fork().transactional((tx) => readTenantExport(ctx, tx, slug), { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true });
}

/** The reads of an export, in the caller's transaction (one snapshot: repeatable read). */
export async function readTenantExport(ctx: ServiceContext, tx: SqlEntityManager, slug: string): Promise<TenantExport> {
  const tenant = await findTenant(tx, slug);
  if (tenant.status === 'deleted') throw IsolationErrors.dataSpaceMissing(slug, 'the tenant was purged');
  const control = await controlRows(tx, tenant);
  const data = await withTenantSetting(tx, tenant.id, () => dataRows(tx, tenant));
  const audit = (
    await tx.execute<{ json: string }[]>('select to_jsonb(a)::text as json from tenantry.audit_events a where tenant_id = ? order by id', [tenant.id])
  ).map((row) => ({ section: 'audit' as const, table: 'audit_events', json: row.json }));
  const migrations = await tx.execute<{ migration_id: string; checksum: string }[]>(
    'select migration_id, checksum from tenantry.tenant_migrations where tenant_id = ?',
    [tenant.id],
  );
  const order = blueprintOf(ctx).migrations.map((migration) => migration.id);
  migrations.sort((a, b) => rank(order, a.migration_id) - rank(order, b.migration_id) || a.migration_id.localeCompare(b.migration_id));
  const rows = [...control, ...data, ...audit];
  return {
    header: {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: ctx.now().toISOString(),
      tenant: {
        id: tenant.id,
        slug: tenant.slug,
        name: tenant.name,
        isolation: tenant.isolation,
        schemaName: tenant.schemaName ?? null,
        status: tenant.status,
      },
      blueprint: { name: blueprintOf(ctx).name, migrations: migrations.map((row) => ({ id: row.migration_id, checksum: row.checksum })) },
      controlPlaneMigrations: CONTROL_PLANE_MIGRATIONS.map((migration) => migration.id),
      tables: countTables(rows),
    },
    rows,
  };
}

/**
 * The export as its file holds it: serialized and signed (HMAC-SHA-256) with this installation's export
 * key, or with `exportKey` when given (to import it on another installation that is given the same key).
 */
export async function exportTenantText(
  ctx: ServiceContext,
  slug: string,
  options: { exportKey?: string } = {},
): Promise<{ document: TenantExport; text: string }> {
  requirePlatform(ctx, 'tenant.export');
  const key = await exportKeyFor(ctx.em.fork(), options.exportKey);
  const document = await exportTenant(ctx, slug);
  return { document, text: serializeExport(document, key) };
}

function rank(order: string[], id: string): number {
  const index = order.indexOf(id);
  return index < 0 ? order.length : index;
}

async function controlRows(tx: SqlEntityManager, tenant: Tenant): Promise<ExportRow[]> {
  const tables = await tablesOf(tx, 'tenantry');
  const scoped = exportedControlTables(tables).filter((table) => table.foreignKeys.tenant_id === 'tenants');
  const rows = new Map<string, string[]>();
  const select = async (table: string, where: string, params: unknown[]) =>
    (await tx.execute<{ json: string }[]>(`select to_jsonb(t)::text as json from tenantry.${quoteIdent(table)} t where ${where} order by 1`, params)).map(
      (row) => row.json,
    );
  rows.set('tenants', await select('tenants', 'id = ?', [tenant.id]));
  for (const table of scoped) rows.set(table.name, await select(table.name, 'tenant_id = ?', [tenant.id]));
  rows.set('role_assignments', await select('role_assignments', 'membership_id in (select id from tenantry.memberships where tenant_id = ?)', [tenant.id]));
  // Users: the members, and anyone else a tenant row points at (who accepted an invitation, say).
  const userIds = new Set<string>();
  for (const table of tables) {
    const userColumns = Object.entries(table.foreignKeys)
      .filter(([, target]) => target === 'users')
      .map(([column]) => column);
    for (const json of rows.get(table.name) ?? []) {
      const row = JSON.parse(json) as Record<string, unknown>;
      for (const column of userColumns) if (typeof row[column] === 'string') userIds.add(row[column]);
    }
  }
  rows.set('users', userIds.size > 0 ? await select('users', 'id in (?)', [[...userIds]]) : []);
  const included = tables.filter((table) => rows.has(table.name));
  return parentsFirst(included).flatMap((table) => (rows.get(table.name) ?? []).map((json) => ({ section: 'control' as const, table: table.name, json })));
}

async function dataRows(tx: SqlEntityManager, tenant: Tenant): Promise<ExportRow[]> {
  const schema = tenant.isolation === 'schema' ? tenant.schemaName : SHARED_SCHEMA;
  if (!schema) return [];
  const tables = (await tablesOf(tx, schema)).filter((table) => tenant.isolation === 'schema' || table.hasTenantId);
  if (tenant.isolation === 'schema' && tables.length === 0) {
    const [present] = await tx.execute<{ present: boolean }[]>('select to_regnamespace(?) is not null as present', [schema]);
    if (!present?.present) throw IsolationErrors.dataSpaceMissing(tenant.slug, `its schema ${schema} does not exist`);
  }
  const rows: ExportRow[] = [];
  for (const table of parentsFirst(tables)) {
    const where = tenant.isolation === 'shared' ? 'where t.tenant_id = ?' : '';
    const found = await tx.execute<{ json: string }[]>(
      `select to_jsonb(t)::text as json from ${quoteIdent(schema)}.${quoteIdent(table.name)} t ${where} order by 1`,
      tenant.isolation === 'shared' ? [tenant.id] : [],
    );
    rows.push(...found.map((row) => ({ section: 'data' as const, table: table.name, json: row.json })));
  }
  return rows;
}

function countTables(rows: readonly ExportRow[]): { section: ExportRow['section']; table: string; rows: number }[] {
  const counts: { section: ExportRow['section']; table: string; rows: number }[] = [];
  for (const row of rows) {
    const last = counts.at(-1);
    if (last && last.section === row.section && last.table === row.table) last.rows++;
    else counts.push({ section: row.section, table: row.table, rows: 1 });
  }
  return counts;
}
