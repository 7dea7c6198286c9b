import type { SqlEntityManager } from '@mikro-orm/sql';
import { SHARED_SCHEMA, quoteIdent } from '../../isolation/names.ts';
import { withTenantSetting } from '../../isolation/tenant-setting.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';

/** What a tenant keeps in its data space, where its blueprint has the tables to tell (null: unknown). */
export interface DataSpaceUsage {
  assets: number | null;
  devices: number | null;
  /** Sum of assets.size_bytes, in GB, when the assets table has that column. */
  storageGb: number | null;
}

const GB = 1024 ** 3;

/**
 * Counts assets and devices, and sums asset sizes, in the tenant's data space (its schema, or its rows of
 * the shared tables), for blueprints that have those tables (the sample blueprint does). Inside the
 * caller's transaction.
 */
export async function dataSpaceUsage(tx: SqlEntityManager, tenant: Tenant): Promise<DataSpaceUsage> {
  const schema = tenant.isolation === 'schema' ? tenant.schemaName : SHARED_SCHEMA;
  const usage: DataSpaceUsage = { assets: null, devices: null, storageGb: null };
  if (!schema) return usage;
  const columns = await tx.execute<{ table_name: string; column_name: string }[]>(
    `select table_name, column_name from information_schema.columns
      where table_schema = ? and table_name in ('assets', 'devices') and column_name in ('id', 'tenant_id', 'size_bytes')`,
    [schema],
  );
  const has = (table: string, column: string) => columns.some((row) => row.table_name === table && row.column_name === column);
  const shared = tenant.isolation === 'shared';
  const scoped = (table: string) => has(table, 'id') && (!shared || has(table, 'tenant_id'));
  const where = shared ? ' where tenant_id = ?' : '';
  const params = shared ? [tenant.id] : [];
  const measure = async () => {
    if (scoped('assets')) {
      const size = has('assets', 'size_bytes') ? 'coalesce(sum(size_bytes), 0)::float8' : 'null';
      const [row] = await tx.execute<{ n: number; bytes: number | null }[]>(`select count(*)::int as n, ${size} as bytes from ${quoteIdent(schema)}.assets${where}`, params);
      usage.assets = row?.n ?? 0;
      usage.storageGb = row?.bytes == null ? null : Number(row.bytes) / GB;
    }
    if (scoped('devices')) {
      const [row] = await tx.execute<{ n: number }[]>(`select count(*)::int as n from ${quoteIdent(schema)}.devices${where}`, params);
      usage.devices = row?.n ?? 0;
    }
  };
  if (shared) await withTenantSetting(tx, tenant.id, measure);
  else await measure();
  return usage;
}
