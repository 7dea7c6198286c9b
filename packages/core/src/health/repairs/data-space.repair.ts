import type { ServiceContext } from '../../context.ts';
import { createDataSpace, planDataSpace, type DataSpacePlan } from '../../isolation/create-data-space.ts';
import { runStatement } from '../../isolation/runner.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { recordAudit } from '../../modules/audit/audit.service.ts';
import { Tenant } from '../../modules/tenants/tenant.entity.ts';
import { statementStep, type PlanStep } from '../../plan.ts';
import { statement } from '../../statement.ts';
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
  return planDataSpace(
    ctx.em,
    blueprintOf(ctx),
    { isolation: tenant.isolation, tenantId: tenant.id, schemaName: tenant.schemaName ?? null, seedDemoData: false },
    ctx.now(),
  );
}

/** What a data-space repair runs: its steps (the statements shown are the ones run), and the data space to make. */
interface DataSpaceRepairPlan {
  tenant: Tenant;
  forget: PlanStep | null;
  dataSpace: DataSpacePlan | null;
  after: PlanStep[];
}

const forgetRecords = (tenant: Tenant): PlanStep =>
  statementStep('forget-migration-records', `Forget the tenant migration records of ${tenant.slug}: its data space is gone`, [
    statement('delete from tenantry.tenant_migrations where tenant_id = $1', [tenant.id]),
  ]);

function stepsOf(plan: DataSpaceRepairPlan): PlanStep[] {
  return [...(plan.forget ? [plan.forget] : []), ...(plan.dataSpace?.steps ?? []), ...plan.after];
}

/** Runs exactly the plan: the forgetting, the data space's script, then the steps after it, in order. */
async function runPlan(ctx: ServiceContext, plan: DataSpaceRepairPlan): Promise<void> {
  for (const planned of plan.forget?.statements ?? []) await runStatement(ctx.em, planned);
  if (plan.dataSpace) await createDataSpace(ctx.em, blueprintOf(ctx), plan.dataSpace, ctx.now());
  for (const planned of plan.after.flatMap((step) => step.statements ?? [])) await runStatement(ctx.em, planned);
}

async function planRecreate(ctx: ServiceContext, finding: Finding): Promise<DataSpaceRepairPlan> {
  const tenant = await tenantOf(ctx, finding);
  return { tenant, forget: forgetRecords(tenant), dataSpace: await dataSpacePlan(ctx, tenant), after: [] };
}

/** Recreates a missing data space: the schema and every blueprint migration, without demo data. */
export const recreateDataSpace: Repair = {
  async plan(ctx, finding): Promise<RepairPlan> {
    return { destructive: false, confirmText: null, steps: stepsOf(await planRecreate(ctx, finding)) };
  },
  async apply(ctx, finding) {
    const plan = await planRecreate(ctx, finding);
    await runPlan(ctx, plan);
    const { tenant } = plan;
    recordAudit(ctx, ctx.em, {
      action: 'tenant.data_space_recreated',
      tenant: { id: tenant.id, slug: tenant.slug },
      targetType: 'tenant',
      targetId: tenant.id,
      after: { isolation: tenant.isolation, schema: tenant.schemaName, repair: finding.code },
    });
    await ctx.em.flush();
  },
};

async function planFinish(ctx: ServiceContext, finding: Finding): Promise<DataSpaceRepairPlan> {
  const tenant = await tenantOf(ctx, finding);
  const missing = !(await dataSpaceExists(ctx, tenant));
  const activate = statementStep('activate-tenant', `Set ${tenant.slug} from provisioning to active`, [
    statement(`update tenantry.tenants set status = 'active', updated_at = $2 where id = $1`, [tenant.id, ctx.now()]),
  ]);
  return { tenant, forget: missing ? forgetRecords(tenant) : null, dataSpace: missing ? await dataSpacePlan(ctx, tenant) : null, after: [activate] };
}

/** Finishes a provisioning that stopped: creates the data space if it is missing, then activates the tenant. */
export const finishProvisioning: Repair = {
  async plan(ctx, finding): Promise<RepairPlan> {
    return { destructive: false, confirmText: null, steps: stepsOf(await planFinish(ctx, finding)) };
  },
  async apply(ctx, finding) {
    const plan = await planFinish(ctx, finding);
    await runPlan(ctx, plan);
    const { tenant } = plan;
    recordAudit(ctx, ctx.em, {
      action: 'tenant.activated',
      tenant: { id: tenant.id, slug: tenant.slug },
      targetType: 'tenant',
      targetId: tenant.id,
      before: { status: 'provisioning' },
      after: { status: 'active', repair: finding.code },
    });
    await ctx.em.flush();
  },
};
