import type { SqlEntityManager } from '@mikro-orm/sql';
import type { IsolationMode } from './isolation-mode.ts';
import { migrationChecksum, type Blueprint } from './blueprint.ts';
import { readPoolMigrations } from './pool.ts';

export interface BehindTenant {
  id: string;
  slug: string;
  isolation: IsolationMode;
  /** The tenant's lifecycle status (the control plane's vocabulary). */
  status: string;
  schemaName: string | null;
  /** Blueprint migrations the tenant has not had, in blueprint order. */
  missing: string[];
  /** Migrations the tenant has had that this blueprint does not know (a newer program applied them). */
  unknown: string[];
}

export interface DriftedMigration {
  slug: string;
  isolation: IsolationMode;
  migrationId: string;
  appliedChecksum: string;
  expectedChecksum: string;
  appliedAt: Date;
}

export interface TenantMigrationStatus {
  blueprint: { name: string; migrations: { id: string; description: string; applied: number; pending: number }[] };
  /** Live tenants (every status but purged). */
  tenants: { total: number; upToDate: number; behind: number; drifted: number; unknown: number };
  behind: BehindTenant[];
  drifted: DriftedMigration[];
  /** Tenants with migrations this blueprint does not know, whether or not they are behind. */
  unknown: { slug: string; migrationIds: string[] }[];
  /** The shared tables: which migrations they have had, which they still need, which changed since. */
  shared: { applied: string[]; pending: string[]; drifted: string[] };
}

/**
 * Which tenants are behind the blueprint, by which migrations, and which applied migrations changed
 * since: a handful of set-based queries over `tenantry.tenant_migrations`, never a walk over schemas.
 */
export async function tenantMigrationStatus(em: SqlEntityManager, blueprint: Blueprint): Promise<TenantMigrationStatus> {
  const spec = JSON.stringify(
    blueprint.migrations.map((migration, ord) => ({
      id: migration.id,
      ord,
      schema_checksum: migrationChecksum(migration, 'schema'),
      shared_checksum: migrationChecksum(migration, 'shared'),
    })),
  );
  const [behindRows, offRows, counts, pool] = await Promise.all([
    em.execute<{ id: string; slug: string; isolation: IsolationMode; status: string; schema_name: string | null; missing: string[] }[]>(
      `select t.id, t.slug, t.isolation, t.status, t.schema_name, array_agg(b.id order by b.ord) as missing
         from tenantry.tenants t
        cross join jsonb_to_recordset(?::jsonb) as b(id text, ord int)
        where t.status <> 'deleted'
          and not exists (select 1 from tenantry.tenant_migrations m where m.tenant_id = t.id and m.migration_id = b.id)
        group by t.id, t.slug, t.isolation, t.status, t.schema_name
        order by t.slug`,
      [spec],
    ),
    em.execute<{ slug: string; isolation: IsolationMode; migration_id: string; checksum: string; applied_at: Date | string; expected: string | null }[]>(
      `select t.slug, t.isolation, m.migration_id, m.checksum, m.applied_at,
              case t.isolation when 'schema' then b.schema_checksum else b.shared_checksum end as expected
         from tenantry.tenant_migrations m
         join tenantry.tenants t on t.id = m.tenant_id
         left join jsonb_to_recordset(?::jsonb) as b(id text, schema_checksum text, shared_checksum text) on b.id = m.migration_id
        where t.status <> 'deleted'
          and (b.id is null or m.checksum <> case t.isolation when 'schema' then b.schema_checksum else b.shared_checksum end)
        order by t.slug, m.migration_id`,
      [spec],
    ),
    em.execute<{ migration_id: string | null; n: number }[]>(
      `select null as migration_id, count(*)::int as n from tenantry.tenants where status <> 'deleted'
       union all
       select m.migration_id, count(*)::int from tenantry.tenant_migrations m join tenantry.tenants t on t.id = m.tenant_id
        where t.status <> 'deleted' group by m.migration_id`,
    ),
    readPoolMigrations(em),
  ]);
  const total = counts.find((row) => row.migration_id === null)?.n ?? 0;
  const appliedBy = new Map(counts.filter((row) => row.migration_id !== null).map((row) => [row.migration_id as string, row.n]));
  const unknownBySlug = groupUnknown(offRows.filter((row) => row.expected === null));
  const drifted: DriftedMigration[] = offRows
    .filter((row) => row.expected !== null)
    .map((row) => ({
      slug: row.slug,
      isolation: row.isolation,
      migrationId: row.migration_id,
      appliedChecksum: row.checksum,
      expectedChecksum: row.expected as string,
      appliedAt: new Date(row.applied_at),
    }));
  const behind = behindRows.map((row) => ({
    id: row.id,
    slug: row.slug,
    isolation: row.isolation,
    status: row.status,
    schemaName: row.schema_name,
    missing: row.missing,
    unknown: unknownBySlug.get(row.slug) ?? [],
  }));
  const driftedSlugs = new Set(drifted.map((row) => row.slug));
  const behindSlugs = new Set(behind.map((row) => row.slug));
  const known = new Set(blueprint.migrations.map((migration) => migration.id));
  return {
    blueprint: {
      name: blueprint.name,
      migrations: blueprint.migrations.map((migration) => {
        const applied = appliedBy.get(migration.id) ?? 0;
        return { id: migration.id, description: migration.description, applied, pending: total - applied };
      }),
    },
    tenants: {
      total,
      upToDate: total - new Set([...behindSlugs, ...driftedSlugs]).size,
      behind: behindSlugs.size,
      drifted: driftedSlugs.size,
      unknown: unknownBySlug.size,
    },
    behind,
    drifted,
    unknown: [...unknownBySlug].map(([slug, migrationIds]) => ({ slug, migrationIds })),
    shared: {
      applied: blueprint.migrations
        .filter((m) => pool.has(m.id))
        .map((m) => m.id)
        .concat([...pool.keys()].filter((id) => !known.has(id))),
      pending: blueprint.migrations.filter((m) => !pool.has(m.id)).map((m) => m.id),
      drifted: blueprint.migrations.filter((m) => pool.has(m.id) && pool.get(m.id) !== migrationChecksum(m, 'shared')).map((m) => m.id),
    },
  };
}

function groupUnknown(rows: { slug: string; migration_id: string }[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const row of rows) grouped.set(row.slug, [...(grouped.get(row.slug) ?? []), row.migration_id]);
  return grouped;
}
