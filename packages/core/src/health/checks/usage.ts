import { dataSpaceCounts } from '../../isolation/data-space-counts.ts';
import { usersCountSql } from '../../modules/plans/usage.ts';
import type { CheckContext, Finding, TenantRow } from '../types.ts';
import { tenantFilter, tenantFinding, type Check } from '../types.ts';

export interface UsageRow extends TenantRow {
  resource: 'users' | 'assets' | 'devices' | 'storage';
  used: number;
  limit: number;
}

const UNITS: Record<UsageRow['resource'], string> = { users: 'users', assets: 'assets', devices: 'devices', storage: 'GB of storage' };

/** One reading per doctor run: the over-limit and near-limit checks share it. */
const readings = new WeakMap<CheckContext, Promise<UsageRow[]>>();

/** Usage of every limited resource for every live tenant: set-based queries, no walk over tenants. */
export function usageReadings(ctx: CheckContext): Promise<UsageRow[]> {
  let reading = readings.get(ctx);
  if (!reading) {
    reading = readUsage(ctx);
    readings.set(ctx, reading);
  }
  return reading;
}

async function readUsage(ctx: CheckContext): Promise<UsageRow[]> {
  const filter = tenantFilter(ctx);
  const [tenants, counts] = await Promise.all([
    ctx.em.execute<(TenantRow & { users: number; limits: Record<string, number> })[]>(
      `select t.id as tenant_id, t.slug, t.name, t.limits,
              ${usersCountSql('t.id')} as users
         from tenantry.tenants t
        where t.status in ('active', 'suspended')${filter.sql}
        order by t.slug`,
      [ctx.now, ...filter.params],
    ),
    dataSpaceCounts(ctx.em, ctx.tenantId),
  ]);
  return tenants.flatMap((tenant): UsageRow[] => {
    const data = counts.get(tenant.tenant_id);
    const base = { tenant_id: tenant.tenant_id, slug: tenant.slug, name: tenant.name };
    const rows: UsageRow[] = [{ ...base, resource: 'users', used: tenant.users, limit: tenant.limits.maxUsers ?? 0 }];
    if (data?.assets != null) rows.push({ ...base, resource: 'assets', used: data.assets, limit: tenant.limits.maxAssets ?? 0 });
    if (data?.devices != null) rows.push({ ...base, resource: 'devices', used: data.devices, limit: tenant.limits.maxDevices ?? 0 });
    if (data?.storageGb != null)
      rows.push({ ...base, resource: 'storage', used: Math.round(data.storageGb * 100) / 100, limit: tenant.limits.storageQuotaGb ?? 0 });
    return rows;
  });
}

export const usageOverLimit: Check = {
  code: 'USAGE_OVER_LIMIT',
  title: 'Usage over a limit',
  severity: 'error',
  scope: 'tenant',
  description:
    "A tenant using more of a resource (users, assets, devices, storage) than its plan's limit allows, after a downgrade or a change made outside Tenantry.",
  remediation: 'Upgrade the plan or raise the limit (`tenantry tenant plan <slug> <plan> --max-users N`), or have the tenant remove what is over.',
  async run(ctx) {
    return (await usageReadings(ctx))
      .filter((row) => row.used > row.limit)
      .map((row) => usageFinding(this, row, `${row.slug} uses ${row.used} ${UNITS[row.resource]} of ${row.limit} allowed.`));
  },
};

export const usageNearLimit: Check = {
  code: 'USAGE_NEAR_LIMIT',
  title: 'Usage past a warning threshold',
  severity: 'warn',
  scope: 'tenant',
  description:
    'A tenant past the warning share of a limit: 80% of storage, 90% of users, assets or devices (configurable), so the operator can upsell or clean up before the limit bites.',
  remediation: 'Tell the tenant, offer a plan with more room (`tenantry tenant plan`), or raise the limit.',
  async run(ctx) {
    return (await usageReadings(ctx))
      .filter((row) => row.used <= row.limit && row.limit > 0 && row.used >= ctx.settings.warnAt[row.resource] * row.limit)
      .map((row) =>
        usageFinding(
          this,
          row,
          `${row.slug} uses ${row.used} ${UNITS[row.resource]} of ${row.limit} (${Math.round((100 * row.used) / row.limit)}%, warning at ${Math.round(100 * ctx.settings.warnAt[row.resource])}%).`,
        ),
      );
  },
};

function usageFinding(check: Check, row: UsageRow, message: string): Finding {
  return tenantFinding(check, row, message, { resource: row.resource, used: row.used, limit: row.limit }, row.resource);
}
