import { purgeTenant } from '../../modules/lifecycle/purge-tenant.operation.ts';
import { executeOperation } from '../../operations/execute.ts';
import { exportTenantOperation } from '../../modules/transfer/export-tenant.operation.ts';
import { healthSettings } from '../health-settings.ts';
import { ensureExportDirectory, exportPath, plannedExportFile, type PlannedExport } from '../repairs/export-first.ts';
import { tenantFilter, tenantFinding, type Check, type Repair, type TenantRow } from '../types.ts';

/** Exports the tenant (the export operation, to the file the plan names), then purges it: the step the operator forgot when the grace period ended. */
const exportAndPurge: Repair = {
  managesTransactions: true,
  async plan(ctx, finding) {
    const tenant = finding.tenant;
    const planned = await executeOperation(ctx, purgeTenant, { slug: tenant?.slug ?? '', confirm: tenant?.name ?? '' }, { dryRun: true });
    const file = exportPath(healthSettings(ctx).exportDir, tenant?.slug ?? 'tenant', ctx.now());
    const exported = await executeOperation(ctx, exportTenantOperation, { slug: tenant?.slug ?? '', file }, { dryRun: true });
    const data: PlannedExport = { exportFile: file };
    return {
      data,
      destructive: true,
      confirmText: tenant?.name ?? null,
      steps: [...exported.steps.filter((step) => step.action !== 'audit'), ...planned.steps],
    };
  },
  async apply(ctx, finding, plan) {
    const tenant = finding.tenant;
    const file = plannedExportFile(plan);
    await ensureExportDirectory(file);
    await executeOperation(ctx, exportTenantOperation, { slug: tenant?.slug ?? '', file });
    await executeOperation(ctx, purgeTenant, { slug: tenant?.slug ?? '', confirm: tenant?.name ?? '' });
  },
};

export const deletionGraceOver: Check = {
  code: 'DELETION_GRACE_OVER',
  title: 'Deletion grace period over',
  severity: 'warn',
  scope: 'tenant',
  description:
    'A tenant pending deletion whose grace period has ended: it can no longer be expected back, yet its data is still kept (and still counts against storage and privacy commitments).',
  remediation:
    'Purge it (`tenantry tenant purge <slug> --confirm "<name>"`, exported first), or restore it if the customer came back (`tenantry tenant restore <slug>`).',
  repair: exportAndPurge,
  async run(ctx) {
    const filter = tenantFilter(ctx);
    const rows = await ctx.em.execute<(TenantRow & { deletion_scheduled_at: Date | string })[]>(
      `select t.id as tenant_id, t.slug, t.name, t.deletion_scheduled_at
         from tenantry.tenants t
        where t.status = 'pending_deletion' and t.deletion_scheduled_at < ?${filter.sql}
        order by t.slug`,
      [ctx.now, ...filter.params],
    );
    return rows.map((row) => {
      const due = new Date(row.deletion_scheduled_at);
      const days = Math.floor((ctx.now.getTime() - due.getTime()) / 86_400_000);
      return tenantFinding(this, row, `${row.slug} has been pending deletion ${days} day(s) past its grace period (ended ${due.toISOString().slice(0, 10)}).`, {
        graceEndedAt: due.toISOString(),
        days,
      });
    });
  },
};
