import type { Blueprint } from '../../isolation/blueprint.ts';
import { splitSqlStatements } from '../../isolation/split-sql.ts';
import { resetDataSpace } from '../repairs/reset-data-space.repair.ts';
import { tenantFilter, tenantFinding, type Check, type TenantRow } from '../types.ts';

const CREATES = /^\s*create\s+(?:unique\s+)?(table|index)\s+(?:if\s+not\s+exists\s+)?(?:"?[a-z_][a-z0-9_]*"?\.)?"?([a-z_][a-z0-9_]*)"?/i;

/** The tables and indexes each schema-mode migration creates, read from its SQL (function bodies are opaque). */
export function expectedObjects(blueprint: Blueprint): { migration: string; object: string }[] {
  return blueprint.migrations.flatMap((migration) => {
    const body = migration.schema;
    if (typeof body === 'function') return [];
    const statements = typeof body === 'string' ? splitSqlStatements(body) : body;
    return statements.flatMap((statement) => {
      const match = CREATES.exec(statement);
      return match?.[2] ? [{ migration: migration.id, object: match[2].toLowerCase() }] : [];
    });
  });
}

interface MissingRow extends TenantRow {
  schema_name: string;
  missing: { migration: string; object: string }[];
}

export const migrationObjectsMissing: Check = {
  code: 'TENANT_MIGRATION_OBJECTS_MISSING',
  title: 'Recorded migration whose objects are gone',
  severity: 'error',
  scope: 'tenant',
  description:
    "A schema-isolated tenant whose migration records say a blueprint migration ran, but a table or index it created is not in the tenant's schema: dropped by hand or by a failed restore. Queries on it fail.",
  remediation:
    'Restore the object from a backup; or reset the data space: export it, drop the schema and run every migration again (`tenantry repair TENANT_MIGRATION_OBJECTS_MISSING <slug>`, destroys the remaining data after exporting it).',
  repair: resetDataSpace,
  async run(ctx) {
    const expected = expectedObjects(ctx.blueprint);
    if (expected.length === 0) return [];
    const filter = tenantFilter(ctx);
    const rows = await ctx.em.execute<MissingRow[]>(
      // The expected (schema oid, object) pairs first, materialized, then one probe of pg_class's unique
      // (relname, relnamespace) index per pair: left to itself the planner probed by name alone and
      // scanned every schema's "assets" for each pair (seconds at 1,000 schemas).
      `with expected as materialized (
         select t.id as tenant_id, t.slug, t.name, t.schema_name, n.oid as namespace, e.migration, e.object
           from tenantry.tenants t
           join pg_namespace n on n.nspname = t.schema_name
           join tenantry.tenant_migrations m on m.tenant_id = t.id
           join jsonb_to_recordset(?::jsonb) as e(migration text, object text) on e.migration = m.migration_id
          where t.isolation = 'schema' and t.status not in ('provisioning', 'deleted')${filter.sql}
       )
       select x.tenant_id, x.slug, x.name, x.schema_name,
              jsonb_agg(jsonb_build_object('migration', x.migration, 'object', x.object) order by x.migration, x.object) as missing
         from expected x
         left join pg_class c on c.relname = x.object and c.relnamespace = x.namespace
        where c.oid is null
        group by x.tenant_id, x.slug, x.name, x.schema_name
        order by x.slug`,
      [JSON.stringify(expected), ...filter.params],
    );
    return rows.map((row) =>
      tenantFinding(
        this,
        row,
        `${row.slug} has ${row.missing.length} object(s) of applied migrations missing from ${row.schema_name}: ${row.missing.map((item) => `${item.object} (${item.migration})`).join(', ')}.`,
        { schema: row.schema_name, missing: row.missing },
      ),
    );
  },
};
