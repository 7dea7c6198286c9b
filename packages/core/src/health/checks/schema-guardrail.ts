import type { Check } from '../types.ts';

export const schemaGuardrail: Check = {
  code: 'SCHEMA_COUNT_GUARDRAIL',
  title: 'Tenant schemas past the scale guardrail',
  severity: 'warn',
  scope: 'database',
  description:
    'Each schema-isolated tenant adds its tables and indexes to the PostgreSQL catalog. Past a few thousand schemas, catalog size, planning, backups and migrations across tenants slow down (django-tenants takes ~12 minutes for a no-op migrate over ~900 schemas).',
  remediation:
    'Provision new tenants with `--isolation shared` (row-level security in one set of tables), or move to Citus schema-based sharding (`citus.enable_schema_based_sharding`) to spread schemas over nodes.',
  async run(ctx) {
    if (ctx.tenantId) return [];
    const [row] = await ctx.em.execute<{ schemas: number }[]>(
      `select count(*)::int as schemas from tenantry.tenants where isolation = 'schema' and status <> 'deleted'`,
    );
    const schemas = row?.schemas ?? 0;
    if (schemas <= ctx.settings.schemaGuardrail) return [];
    return [
      {
        code: this.code,
        severity: this.severity,
        scope: 'database',
        tenant: null,
        subject: null,
        message: `${schemas} schema-isolated tenants, past the guardrail of ${ctx.settings.schemaGuardrail}.`,
        remediation: this.remediation,
        repairable: false,
        fingerprint: `${this.code}::`,
        details: { schemas, guardrail: ctx.settings.schemaGuardrail },
      },
    ];
  },
};
