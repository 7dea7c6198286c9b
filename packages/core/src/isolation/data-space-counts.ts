import type { SqlEntityManager } from '@mikro-orm/sql';
import type { IsolationMode } from './isolation-mode.ts';
import { SHARED_SCHEMA, quoteIdent } from './names.ts';
import { withTenantSetting } from './tenant-setting.ts';
import { runWithConcurrency } from './work-pool.ts';

/** What a tenant keeps in its data space, where its blueprint has the tables to tell (null: unknown). */
export interface DataSpaceCounts {
  assets: number | null;
  devices: number | null;
  /** Sum of assets.size_bytes, in GB, when the assets table has that column. */
  storageGb: number | null;
}

const UNKNOWN: DataSpaceCounts = { assets: null, devices: null, storageGb: null };

const GB = 1024 ** 3;
/** Schemas counted per statement: one UNION ALL over this many schemas, never a query per tenant. */
const SCHEMAS_PER_QUERY = 250;
/**
 * Statements at once. Most of a statement's time is opening and planning its schemas' tables (slow
 * after a migration rollout invalidated them), which runs on one core per connection.
 */
const CONCURRENT_QUERIES = 4;

interface Layout {
  schema: string;
  assets: boolean;
  sizes: boolean;
  devices: boolean;
}

/**
 * One tenant's counts, from the same queries the doctor runs over all tenants, inside the caller's
 * transaction. A shared tenant's rows are read with its (signed) tenant setting, so row-level security
 * lets any control-plane role see them.
 */
export async function countDataSpace(tx: SqlEntityManager, tenant: { id: string; isolation: IsolationMode }): Promise<DataSpaceCounts> {
  const count = async () => (await dataSpaceCounts(tx, tenant.id)).get(tenant.id) ?? UNKNOWN;
  return tenant.isolation === 'shared' ? withTenantSetting(tx, tenant.id, count) : count();
}

/**
 * Assets, devices and stored GB (sum of assets.size_bytes) of every tenant whose blueprint has those
 * tables: shared tenants from two GROUP BY queries, schema tenants from UNION ALL statements over batches
 * of schemas. Reading across tenants needs a role that bypasses row-level security (the migrating owner).
 */
export async function dataSpaceCounts(em: SqlEntityManager, tenantId: string | undefined): Promise<Map<string, DataSpaceCounts>> {
  const counts = new Map<string, DataSpaceCounts>();
  const layouts = await em.execute<(Layout & { tenant_id: string | null })[]>(
    `select t.id as tenant_id, n.nspname as schema,
            exists (select 1 from pg_class c where c.relnamespace = n.oid and c.relname = 'assets') as assets,
            exists (select 1 from pg_attribute a join pg_class c on c.oid = a.attrelid
                     where c.relnamespace = n.oid and c.relname = 'assets' and a.attname = 'size_bytes' and not a.attisdropped) as sizes,
            exists (select 1 from pg_class c where c.relnamespace = n.oid and c.relname = 'devices') as devices
       from pg_namespace n left join tenantry.tenants t on t.schema_name = n.nspname and t.isolation = 'schema'
      where (n.nspname = ? or t.id is not null)${tenantId ? ' and (t.id = ? or n.nspname = ?)' : ''}`,
    tenantId ? [SHARED_SCHEMA, tenantId, SHARED_SCHEMA] : [SHARED_SCHEMA],
  );
  const shared = layouts.find((layout) => layout.schema === SHARED_SCHEMA);
  if (shared) await countShared(em, shared, tenantId, counts);
  const schemas = layouts.filter((layout): layout is Layout & { tenant_id: string } => layout.tenant_id !== null && (layout.assets || layout.devices));
  const batches = Array.from({ length: Math.ceil(schemas.length / SCHEMAS_PER_QUERY) }, (_, index) =>
    schemas.slice(index * SCHEMAS_PER_QUERY, (index + 1) * SCHEMAS_PER_QUERY),
  );
  await runWithConcurrency(batches, CONCURRENT_QUERIES, (batch) => countSchemas(em, batch, counts));
  return counts;
}

async function countShared(em: SqlEntityManager, layout: Layout, tenantId: string | undefined, counts: Map<string, DataSpaceCounts>): Promise<void> {
  const filter = tenantId ? ' where tenant_id = ?' : '';
  const params = tenantId ? [tenantId] : [];
  if (layout.assets) {
    const size = layout.sizes ? 'coalesce(sum(size_bytes), 0)::float8' : 'null::float8';
    const rows = await em.execute<{ tenant_id: string; n: number; bytes: number | null }[]>(
      `select tenant_id, count(*)::int as n, ${size} as bytes from ${SHARED_SCHEMA}.assets${filter} group by tenant_id`,
      params,
    );
    for (const row of rows) entry(counts, row.tenant_id, { assets: row.n, storageGb: row.bytes === null ? null : Number(row.bytes) / GB });
  }
  if (layout.devices) {
    const rows = await em.execute<{ tenant_id: string; n: number }[]>(
      `select tenant_id, count(*)::int as n from ${SHARED_SCHEMA}.devices${filter} group by tenant_id`,
      params,
    );
    for (const row of rows) entry(counts, row.tenant_id, { devices: row.n });
  }
}

async function countSchemas(em: SqlEntityManager, layouts: (Layout & { tenant_id: string })[], counts: Map<string, DataSpaceCounts>): Promise<void> {
  const branches = layouts.map((layout) => {
    const schema = quoteIdent(layout.schema);
    const assets = layout.assets ? `(select count(*) from ${schema}.assets)::int` : 'null::int';
    const bytes = layout.assets && layout.sizes ? `(select coalesce(sum(size_bytes), 0) from ${schema}.assets)::float8` : 'null::float8';
    const devices = layout.devices ? `(select count(*) from ${schema}.devices)::int` : 'null::int';
    return `select '${layout.tenant_id}'::uuid as tenant_id, ${assets} as assets, ${bytes} as bytes, ${devices} as devices`;
  });
  const rows = await em.execute<{ tenant_id: string; assets: number | null; bytes: number | null; devices: number | null }[]>(branches.join('\nunion all\n'));
  for (const row of rows)
    entry(counts, row.tenant_id, { assets: row.assets, devices: row.devices, storageGb: row.bytes === null ? null : Number(row.bytes) / GB });
}

function entry(counts: Map<string, DataSpaceCounts>, tenantId: string, values: Partial<DataSpaceCounts>): void {
  counts.set(tenantId, { ...(counts.get(tenantId) ?? UNKNOWN), ...values });
}
