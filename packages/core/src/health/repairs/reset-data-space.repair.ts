import { exportTenantText } from '../../modules/transfer/export.service.ts';
import { createDataSpace, planDataSpace } from '../../isolation/create-data-space.ts';
import { quoteIdent } from '../../isolation/names.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { recordAudit } from '../../modules/audit/audit.service.ts';
import { Tenant } from '../../modules/tenants/tenant.entity.ts';
import { healthSettings } from '../health-settings.ts';
import type { Repair } from '../types.ts';
import { exportPath, writeExport } from './export-first.ts';

/** Exports the tenant, drops its schema, and creates the data space again from the blueprint. */
export const resetDataSpace: Repair = {
  // The export reads in its own transaction first; the reset is a second one.
  managesTransactions: true,
  async plan(ctx, finding) {
    const tenant = await ctx.em.findOneOrFail(Tenant, { id: finding.tenant?.id ?? '' });
    const schema = tenant.schemaName ?? '';
    const file = exportPath(healthSettings(ctx).exportDir, tenant.slug, ctx.now());
    return {
      destructive: true,
      confirmText: tenant.name,
      steps: [
        { action: 'export-tenant', description: `Export ${tenant.slug} (control-plane records and every row of ${schema}) to ${file}` },
        { action: 'drop-schema', description: `Drop the schema ${schema} and its migration records`, sql: [`drop schema ${quoteIdent(schema)} cascade`, `delete from tenantry.tenant_migrations where tenant_id = '${tenant.id}'`] },
        { action: 'create-data-space', description: `Create ${schema} again and run every blueprint migration in it (empty: import the export's rows to restore them)` },
      ],
    };
  },
  async apply(ctx, finding) {
    const tenant = await ctx.em.findOneOrFail(Tenant, { id: finding.tenant?.id ?? '' });
    const file = exportPath(healthSettings(ctx).exportDir, tenant.slug, ctx.now());
    await writeExport(file, (await exportTenantText(ctx, tenant.slug)).text);
    await ctx.em.transactional(async (tx) => {
      await tx.execute(`drop schema ${quoteIdent(tenant.schemaName ?? '')} cascade`);
      await tx.execute('delete from tenantry.tenant_migrations where tenant_id = ?', [tenant.id]);
      const plan = await planDataSpace(tx, blueprintOf(ctx), { isolation: 'schema', tenantId: tenant.id, schemaName: tenant.schemaName ?? null, seedDemoData: false });
      await createDataSpace(tx, blueprintOf(ctx), plan, ctx.now());
      recordAudit({ ...ctx, em: tx }, tx, { action: 'tenant.data_space_reset', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'tenant', targetId: tenant.id, after: { schema: tenant.schemaName, export: file, repair: finding.code } });
      await tx.flush();
    });
  },
};
