import { dropOrphanSchema } from '../repairs/drop-orphan-schema.repair.ts';
import type { Check, Finding } from '../types.ts';

export const orphanSchema: Check = {
  code: 'ORPHAN_TENANT_SCHEMA',
  title: 'Orphan tenant schema',
  severity: 'warn',
  scope: 'database',
  repair: dropOrphanSchema,
  description:
    'A `tenant_*` schema that no tenant owns: left by a purge that failed half-way, an import elsewhere, or a hand-made copy. It holds data nobody can reach through Tenantry.',
  remediation:
    'Export it and drop it (`tenantry repair ORPHAN_TENANT_SCHEMA --all --yes --confirm <schema>`), re-attach it by importing the tenant, or make it the data space of a new tenant of its slug (`tenantry tenant create --slug <slug> --schema-name tenant_<slug> --adopt-schema`).',
  async run(ctx) {
    if (ctx.tenantId) return [];
    const rows = await ctx.em.execute<{ schema: string; tables: number }[]>(
      `select n.nspname as schema,
              (select count(*)::int from pg_class c where c.relnamespace = n.oid and c.relkind in ('r', 'p')) as tables
         from pg_namespace n
        where n.nspname like 'tenant\\_%'
          and not exists (select 1 from tenantry.tenants t where t.schema_name = n.nspname)
        order by n.nspname`,
    );
    return rows.map((row): Finding => ({
      code: this.code,
      severity: this.severity,
      scope: 'database',
      tenant: null,
      subject: row.schema,
      message: `Schema ${row.schema} (${row.tables === 1 ? '1 table' : `${row.tables} tables`}) belongs to no tenant.`,
      remediation: this.remediation,
      repairable: this.repair !== undefined,
      fingerprint: `${this.code}::${row.schema}`,
      details: { schema: row.schema, tables: row.tables },
    }));
  },
};
