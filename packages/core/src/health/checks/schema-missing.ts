import { recreateDataSpace } from '../repairs/data-space.repair.ts';
import { tenantFilter, tenantFinding, type Check, type TenantRow } from '../types.ts';

export const schemaMissing: Check = {
  code: 'TENANT_SCHEMA_MISSING',
  title: 'Tenant schema missing',
  severity: 'error',
  scope: 'tenant',
  repair: recreateDataSpace,
  description: "A schema-isolated tenant whose PostgreSQL schema does not exist: the tenant's application data is gone or was never created.",
  remediation:
    'Recreate the schema and run every blueprint migration in it (`tenantry repair TENANT_SCHEMA_MISSING <slug>`), then restore the data from a backup or an export.',
  async run(ctx) {
    const filter = tenantFilter(ctx);
    const rows = await ctx.em.execute<(TenantRow & { schema_name: string })[]>(
      `select t.id as tenant_id, t.slug, t.name, t.schema_name
         from tenantry.tenants t
        where t.isolation = 'schema' and t.schema_name is not null and t.status not in ('provisioning', 'deleted')
          and not exists (select 1 from pg_namespace n where n.nspname = t.schema_name)${filter.sql}
        order by t.slug`,
      filter.params,
    );
    return rows.map((row) =>
      tenantFinding(this, row, `Schema ${row.schema_name} of ${row.slug} does not exist.`, { schema: row.schema_name }, row.schema_name),
    );
  },
};
