import { suspendTenant } from '../../modules/lifecycle/suspend-tenant.operation.ts';
import { repairVia } from '../repairs/repair-via.ts';
import { tenantFilter, tenantFinding, type Check, type TenantRow } from '../types.ts';

const suspendAfterTrial = repairVia(suspendTenant, async (_ctx, finding) => ({ slug: finding.tenant?.slug ?? '', reason: 'trial ended without payment' }));

export const trialEnded: Check = {
  code: 'TRIAL_ENDED_ACTIVE',
  title: 'Trial ended but the tenant is active',
  severity: 'warn',
  scope: 'tenant',
  description: 'A tenant whose trial is over, with no payment recorded after it, still active: it uses the product for free.',
  remediation:
    'Extend the trial (`tenantry tenant trial <slug> --extend-days N`), record the payment (`tenantry tenant billing <slug> --paid-until DATE`), or suspend it (`tenantry repair TRIAL_ENDED_ACTIVE <slug>` suspends it, restorable with `tenant resume`).',
  repair: suspendAfterTrial,
  async run(ctx) {
    const filter = tenantFilter(ctx);
    const rows = await ctx.em.execute<(TenantRow & { trial_ends_at: Date | string })[]>(
      `select t.id as tenant_id, t.slug, t.name, t.trial_ends_at
         from tenantry.tenants t
        where t.status = 'active' and t.trial_ends_at < ? and (t.paid_until is null or t.paid_until < ?)${filter.sql}
        order by t.slug`,
      [ctx.now, ctx.now, ...filter.params],
    );
    return rows.map((row) => {
      const ended = new Date(row.trial_ends_at);
      const days = Math.floor((ctx.now.getTime() - ended.getTime()) / 86_400_000);
      return tenantFinding(
        this,
        row,
        `${row.slug}'s trial ended ${days} day(s) ago (${ended.toISOString().slice(0, 10)}) and it is still active, with no payment recorded.`,
        { trialEndedAt: ended.toISOString(), days },
      );
    });
  },
};
