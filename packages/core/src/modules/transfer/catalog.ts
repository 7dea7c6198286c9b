import type { SqlEntityManager } from '@mikro-orm/sql';

export interface TableInfo {
  name: string;
  hasTenantId: boolean;
  /** Tables this one references (foreign keys), other than itself. */
  references: string[];
  /** Single-column foreign keys: column → referenced table. */
  foreignKeys: Record<string, string>;
}

/** Every base table of a schema with its foreign keys, from one catalog query. */
export async function tablesOf(em: SqlEntityManager, schema: string): Promise<TableInfo[]> {
  const rows = await em.execute<{ name: string; has_tenant_id: boolean; fks: { column: string; target: string }[] | null }[]>(
    `select c.relname as name,
            exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as has_tenant_id,
            (select jsonb_agg(jsonb_build_object('column', a.attname, 'target', p.relname))
               from pg_constraint k
               join pg_class p on p.oid = k.confrelid
               join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
              where k.contype = 'f' and k.conrelid = c.oid) as fks
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`,
    [schema],
  );
  return rows.map((row) => {
    const fks = row.fks ?? [];
    return {
      name: row.name,
      hasTenantId: row.has_tenant_id,
      references: [...new Set(fks.map((fk) => fk.target).filter((target) => target !== row.name))],
      foreignKeys: Object.fromEntries(fks.map((fk) => [fk.column, fk.target])),
    };
  });
}

/** Orders tables so each comes after the tables it references (parents first); cycles keep catalog order. */
export function parentsFirst<T extends Pick<TableInfo, 'name' | 'references'>>(tables: readonly T[]): T[] {
  const names = new Set(tables.map((table) => table.name));
  const placed = new Set<string>();
  const ordered: T[] = [];
  let remaining = [...tables];
  while (remaining.length > 0) {
    const ready = remaining.filter((table) => table.references.every((ref) => placed.has(ref) || !names.has(ref)));
    const batch = ready.length > 0 ? ready : remaining.slice(0, 1);
    for (const table of batch) {
      ordered.push(table);
      placed.add(table.name);
    }
    remaining = remaining.filter((table) => !placed.has(table.name));
  }
  return ordered;
}

/** Tenant-scoped control-plane tables left out: the mail outbox may hold tokens in clear; migration records are remade. */
const NOT_EXPORTED = new Set(['outbox_messages', 'tenant_migrations', 'audit_events', 'schema_migrations', 'shared_migrations']);

/**
 * The control-plane tables an export holds rows of, and so the only ones an import writes: the tenant,
 * the users its rows point at, the tables whose `tenant_id` references tenants (not caches such as
 * health notifications), and the role assignments of its memberships.
 */
export function exportedControlTables(tables: readonly TableInfo[]): TableInfo[] {
  return tables.filter(
    (table) => ['tenants', 'users', 'role_assignments'].includes(table.name) || (table.foreignKeys.tenant_id === 'tenants' && !NOT_EXPORTED.has(table.name)),
  );
}
