import type { SqlEntityManager } from '@mikro-orm/sql';
import type { PlanStep } from '../plan.ts';
import type { IsolationMode } from './isolation-mode.ts';
import { SHARED_SCHEMA, quoteIdent } from './names.ts';
import { withTenantSetting } from './tenant-setting.ts';

/** What identifies a tenant's data space. A `Tenant` entity fits. */
export interface DataSpaceOwner {
  id: string;
  slug: string;
  isolation: IsolationMode;
  schemaName?: string | null;
}

export interface DroppedDataSpace {
  isolation: IsolationMode;
  /** Schema mode: the schema dropped, null when there was none. */
  schema: string | null;
  /** Shared mode: the rows deleted, per table of the shared schema. */
  rowsDeleted: Record<string, number>;
}

/** The plan step that removes a tenant's data space, with its SQL. */
export function dropDataSpaceStep(tenant: DataSpaceOwner): PlanStep {
  if (tenant.isolation === 'schema' && tenant.schemaName) {
    return {
      action: 'drop-data-space',
      description: `Drop the tenant's schema ${tenant.schemaName} with every table in it, and its tenant migration records`,
      sql: [`drop schema if exists ${quoteIdent(tenant.schemaName)} cascade`, `delete from tenantry.tenant_migrations where tenant_id = '${tenant.id}'`],
    };
  }
  return {
    action: 'drop-data-space',
    description: `Delete the tenant's rows from every table of the shared schema ${SHARED_SCHEMA} (children first), and its tenant migration records`,
    sql: [
      `delete from ${SHARED_SCHEMA}.<each table with tenant_id> where tenant_id = '${tenant.id}'`,
      `delete from tenantry.tenant_migrations where tenant_id = '${tenant.id}'`,
    ],
  };
}

/**
 * Removes a tenant's data space inside the caller's transaction: schema mode drops the schema (cascade),
 * shared mode deletes the tenant's rows from every shared table. Nothing of it is left behind; the
 * tenant's rows in `tenantry.tenant_migrations` go too. Commits or rolls back with the caller.
 */
export async function dropTenantDataSpace(tx: SqlEntityManager, tenant: DataSpaceOwner): Promise<DroppedDataSpace> {
  const dropped: DroppedDataSpace = { isolation: tenant.isolation, schema: null, rowsDeleted: {} };
  if (tenant.isolation === 'schema') {
    if (tenant.schemaName) {
      const [present] = await tx.execute<{ present: boolean }[]>('select exists (select 1 from pg_namespace where nspname = ?) as present', [
        tenant.schemaName,
      ]);
      await tx.execute(`drop schema if exists ${quoteIdent(tenant.schemaName)} cascade`);
      if (present?.present) dropped.schema = tenant.schemaName;
    }
  } else {
    await withTenantSetting(tx, tenant.id, async () => {
      for (const table of await sharedTablesChildrenFirst(tx)) {
        const [row] = await tx.execute<{ n: number }[]>(
          `with gone as (delete from ${quoteIdent(SHARED_SCHEMA)}.${quoteIdent(table)} where tenant_id = ? returning 1) select count(*)::int as n from gone`,
          [tenant.id],
        );
        dropped.rowsDeleted[table] = row?.n ?? 0;
      }
    });
  }
  await tx.execute('delete from tenantry.tenant_migrations where tenant_id = ?', [tenant.id]);
  return dropped;
}

/** The shared tables that carry `tenant_id`, ordered so a table comes before the tables it references. */
export async function sharedTablesChildrenFirst(em: SqlEntityManager): Promise<string[]> {
  const rows = await em.execute<{ name: string; referenced: string[] | null }[]>(
    `select c.relname as name,
            array(select distinct p.relname::text from pg_constraint k join pg_class p on p.oid = k.confrelid
                   where k.contype = 'f' and k.conrelid = c.oid and k.confrelid <> c.oid) as referenced
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      order by c.relname`,
    [SHARED_SCHEMA],
  );
  const remaining = new Map(rows.map((row) => [row.name, new Set(row.referenced ?? [])]));
  const ordered: string[] = [];
  while (remaining.size > 0) {
    // A table nobody left references can go now; on a cycle, take the first one left.
    const next = [...remaining.keys()].find((name) => ![...remaining.values()].some((refs) => refs.has(name))) ?? [...remaining.keys()][0];
    if (next === undefined) break;
    ordered.push(next);
    remaining.delete(next);
  }
  return ordered;
}
