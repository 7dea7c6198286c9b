import type { ServiceContext } from '../../context.ts';
import { createDataSpace, planDataSpace, type DataSpacePlan } from '../../isolation/create-data-space.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { recordAudit } from '../../modules/audit/audit.service.ts';
import { Tenant } from '../../modules/tenants/tenant.entity.ts';
import type { PlanStep } from '../../plan.ts';
import type { Finding, Repair, RepairPlan } from '../types.ts';

async function tenantOf(ctx: ServiceContext, finding: Finding): Promise<Tenant> {
  return ctx.em.findOneOrFail(Tenant, { id: finding.tenant?.id ?? '' });
}

/** Whether the tenant's data space exists: its schema (schema mode), or its migration records (shared). */
async function dataSpaceExists(ctx: ServiceContext, tenant: Tenant): Promise<boolean> {
  const [row] = await ctx.em.execute<{ present: boolean }[]>(
    tenant.isolation === 'schema'
      ? 'select exists (select 1 from pg_namespace where nspname = ?) as present'
      : 'select exists (select 1 from tenantry.tenant_migrations where tenant_id = ?) as present',
    [tenant.isolation === 'schema' ? tenant.schemaName : tenant.id],
  );
  return row?.present === true;
}

function dataSpacePlan(ctx: ServiceContext, tenant: Tenant): Promise<DataSpacePlan> {
  return planDataSpace(ctx.em, blueprintOf(ctx), { isolation: tenant.isolation, tenantId: tenant.id, schemaName: tenant.schemaName ?? null, seedDemoData: false });
}

const forgetRecords = (tenant: Tenant): PlanStep => ({
  action: 'forget-migration-records',
  description: `Forget the tenant migration records of ${tenant.slug}: its data space is gone`,
  sql: [`delete from tenantry.tenant_migrations where tenant_id = '${tenant.id}'`],
});

/** Recreates a missing data space: the schema and every blueprint migration, without demo data. */
export const recreateDataSpace: Repair = {
  async plan(ctx, finding): Promise<RepairPlan> {
    const tenant = await tenantOf(ctx, finding);
    const plan = await dataSpacePlan(ctx, tenant);
    return { destructive: false, confirmText: null, steps: [forgetRecords(tenant), ...plan.steps] };
  },
  async apply(ctx, finding) {
    const tenant = await tenantOf(ctx, finding);
    await ctx.em.execute('delete from tenantry.tenant_migrations where tenant_id = ?', [tenant.id]);
    await createDataSpace(ctx.em, blueprintOf(ctx), await dataSpacePlan(ctx, tenant), ctx.now());
    recordAudit(ctx, ctx.em, { action: 'tenant.data_space_recreated', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'tenant', targetId: tenant.id, after: { isolation: tenant.isolation, schema: tenant.schemaName, repair: finding.code } });
    await ctx.em.flush();
  },
};

/** Finishes a provisioning that stopped: creates the data space if it is missing, then activates the tenant. */
export const finishProvisioning: Repair = {
  async plan(ctx, finding): Promise<RepairPlan> {
    const tenant = await tenantOf(ctx, finding);
    const steps = (await dataSpaceExists(ctx, tenant)) ? [] : [forgetRecords(tenant), ...(await dataSpacePlan(ctx, tenant)).steps];
    steps.push({ action: 'activate-tenant', description: `Set ${tenant.slug} from provisioning to active`, sql: [`update tenantry.tenants set status = 'active' where id = '${tenant.id}'`] });
    return { destructive: false, confirmText: null, steps };
  },
  async apply(ctx, finding) {
    const tenant = await tenantOf(ctx, finding);
    if (!(await dataSpaceExists(ctx, tenant))) {
      await ctx.em.execute('delete from tenantry.tenant_migrations where tenant_id = ?', [tenant.id]);
      await createDataSpace(ctx.em, blueprintOf(ctx), await dataSpacePlan(ctx, tenant), ctx.now());
    }
    tenant.status = 'active';
    recordAudit(ctx, ctx.em, { action: 'tenant.activated', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'tenant', targetId: tenant.id, before: { status: 'provisioning' }, after: { status: 'active', repair: finding.code } });
    await ctx.em.flush();
  },
};
