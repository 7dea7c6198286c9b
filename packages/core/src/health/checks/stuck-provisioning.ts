import { finishProvisioning } from '../repairs/data-space.repair.ts';
import { tenantFilter, tenantFinding, type Check, type TenantRow } from '../types.ts';

export const stuckProvisioning: Check = {
  code: 'TENANT_STUCK_PROVISIONING',
  title: 'Tenant stuck in provisioning',
  severity: 'error',
  scope: 'tenant',
  repair: finishProvisioning,
  description:
    'A tenant whose status is still `provisioning` long after it was created: a provisioning run died between claiming the slug and activating the tenant, or a program wrote the row itself.',
  remediation:
    'Finish the provisioning: create the missing data space and activate the tenant (`tenantry repair TENANT_STUCK_PROVISIONING <slug>`), or delete the tenant.',
  async run(ctx) {
    const filter = tenantFilter(ctx);
    const cutoff = new Date(ctx.now.getTime() - ctx.settings.stuckProvisioningMinutes * 60_000);
    const rows = await ctx.em.execute<(TenantRow & { created_at: Date | string })[]>(
      `select t.id as tenant_id, t.slug, t.name, t.created_at
         from tenantry.tenants t
        where t.status = 'provisioning' and t.created_at < ?${filter.sql}
        order by t.slug`,
      [cutoff, ...filter.params],
    );
    return rows.map((row) => {
      const minutes = Math.floor((ctx.now.getTime() - new Date(row.created_at).getTime()) / 60_000);
      return tenantFinding(this, row, `${row.slug} has been provisioning for ${minutes} minutes (limit ${ctx.settings.stuckProvisioningMinutes}).`, {
        minutes,
      });
    });
  },
};
