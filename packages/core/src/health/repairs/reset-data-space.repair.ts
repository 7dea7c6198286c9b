import type { ServiceContext } from '../../context.ts';
import { exportTenantText } from '../../modules/transfer/export.service.ts';
import { createDataSpace, planDataSpace, type DataSpacePlan } from '../../isolation/create-data-space.ts';
import { quoteIdent } from '../../isolation/names.ts';
import { runStatement } from '../../isolation/runner.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { recordAudit } from '../../modules/audit/audit.service.ts';
import { Tenant } from '../../modules/tenants/tenant.entity.ts';
import { statementStep, type PlanStep } from '../../plan.ts';
import { statement } from '../../statement.ts';
import { healthSettings } from '../health-settings.ts';
import type { Finding, Repair } from '../types.ts';
import { exportPath, writeExport } from './export-first.ts';

interface ResetPlan {
  tenant: Tenant;
  /** Where the export goes: named once, so the file the plan names is the file written. */
  file: string;
  drop: PlanStep;
  dataSpace: DataSpacePlan;
  steps: PlanStep[];
}

async function planReset(ctx: ServiceContext, finding: Finding): Promise<ResetPlan> {
  const tenant = await ctx.em.findOneOrFail(Tenant, { id: finding.tenant?.id ?? '' });
  const schema = tenant.schemaName ?? '';
  const now = ctx.now();
  const file = exportPath(healthSettings(ctx).exportDir, tenant.slug, now);
  const drop = statementStep('drop-schema', `Drop the schema ${schema} and its migration records`, [
    statement(`drop schema ${quoteIdent(schema)} cascade`),
    statement('delete from tenantry.tenant_migrations where tenant_id = $1', [tenant.id]),
  ]);
  // Planned as it will be after the drop: the schema gone.
  const dataSpace = await planDataSpace(
    ctx.em,
    blueprintOf(ctx),
    { isolation: 'schema', tenantId: tenant.id, schemaName: tenant.schemaName ?? null, seedDemoData: false },
    now,
    { schemaExists: false, pool: {} },
  );
  const steps = [
    { action: 'export-tenant', description: `Export ${tenant.slug} (control-plane records and every row of ${schema}) to ${file}` },
    drop,
    {
      action: 'create-data-space',
      description: `Create ${schema} again and run every blueprint migration in it (empty: import the export's rows to restore them)`,
    },
    ...dataSpace.steps,
  ];
  return { tenant, file, drop, dataSpace, steps };
}

/** Exports the tenant, drops its schema, and creates the data space again from the blueprint. */
export const resetDataSpace: Repair = {
  // The export reads in its own transaction first; the reset is a second one.
  managesTransactions: true,
  async plan(ctx, finding) {
    const plan = await planReset(ctx, finding);
    return { destructive: true, confirmText: plan.tenant.name, steps: plan.steps };
  },
  async apply(ctx, finding) {
    const plan = await planReset(ctx, finding);
    const { tenant } = plan;
    await writeExport(plan.file, (await exportTenantText(ctx, tenant.slug)).text);
    await ctx.em.transactional(async (tx) => {
      for (const planned of plan.drop.statements ?? []) await runStatement(tx, planned);
      await createDataSpace(tx, blueprintOf(ctx), plan.dataSpace, ctx.now());
      recordAudit({ ...ctx, em: tx }, tx, {
        action: 'tenant.data_space_reset',
        tenant: { id: tenant.id, slug: tenant.slug },
        targetType: 'tenant',
        targetId: tenant.id,
        after: { schema: tenant.schemaName, export: plan.file, repair: finding.code },
      });
      await tx.flush();
    });
  },
};
