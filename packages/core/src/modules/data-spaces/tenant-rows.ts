import type { SqlEntityManager } from '@mikro-orm/sql';
import type { IsolationMode } from '../../isolation/isolation-mode.ts';
import { IsolationErrors } from '../../isolation/isolation-errors.ts';
import { quoteIdent, quoteLiteral } from '../../isolation/names.ts';
import { withTenantSetting } from '../../isolation/tenant-setting.ts';
import { tablesOf } from '../transfer/catalog.ts';

/** How many rows a tenant has in one table of its data space. */
export interface TableRows {
  table: string;
  rows: number;
}

/**
 * The tenant's rows in every table of its data space, by table name: every table of its schema, or its
 * rows of each shared table with `tenant_id` (the tables an export holds). One count query, read with the
 * tenant's signed setting so row-level security admits any control-plane role. DATA_SPACE_MISSING when
 * the schema is gone.
 */
export async function countTenantRows(
  tx: SqlEntityManager,
  tenant: { id: string; slug: string; isolation: IsolationMode },
  schema: string,
): Promise<TableRows[]> {
  const tables = (await tablesOf(tx, schema)).filter((table) => tenant.isolation === 'schema' || table.hasTenantId);
  if (tables.length === 0) {
    const [present] = await tx.execute<{ present: boolean }[]>('select to_regnamespace(?) is not null as present', [schema]);
    if (!present?.present) throw IsolationErrors.dataSpaceMissing(tenant.slug, `its schema ${schema} does not exist`);
    return [];
  }
  const where = tenant.isolation === 'shared' ? ` where tenant_id = ${quoteLiteral(tenant.id)}::uuid` : '';
  const counts = tables.map(
    (table) => `select ${quoteLiteral(table.name)} as "table", count(*)::int as "rows" from ${quoteIdent(schema)}.${quoteIdent(table.name)}${where}`,
  );
  const rows = await withTenantSetting(tx, tenant.id, () => tx.execute<TableRows[]>(counts.join('\nunion all\n')));
  return tables.map((table) => ({ table: table.name, rows: Number(rows.find((row) => row.table === table.name)?.rows ?? 0) }));
}

/** Blueprint migrations the tenant has not had, in blueprint order. */
export async function missingMigrations(tx: SqlEntityManager, tenantId: string, migrationIds: readonly string[]): Promise<string[]> {
  const applied = await tx.execute<{ migration_id: string }[]>('select migration_id from tenantry.tenant_migrations where tenant_id = ?', [tenantId]);
  const done = new Set(applied.map((row) => row.migration_id));
  return migrationIds.filter((id) => !done.has(id));
}
