import { dataSpaceCounts } from '../../isolation/data-space-counts.ts';
import { PLAN_CATALOG, type PlanCode } from '../../modules/plans/catalog.ts';
import { usersCountSql } from '../../modules/plans/usage.ts';
import type { MonitoringThresholds } from '../../modules/settings/settings.schemas.ts';
import type { CheckContext, Finding, TenantRow } from '../types.ts';
import { tenantFilter, tenantFinding, type Check } from '../types.ts';

export interface UsageRow extends TenantRow {
  resource: 'users' | 'assets' | 'devices' | 'storage';
  used: number;
  limit: number;
  /** The share to warn at: the run's flag, else the tenant's own threshold, else its plan's. */
  warnAt: number;
  warnAtFrom: 'run' | 'tenant' | 'plan';
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
    ctx.em.execute<(TenantRow & { users: number; limits: Record<string, number>; plan: PlanCode; monitoring: MonitoringThresholds | null })[]>(
      `select t.id as tenant_id, t.slug, t.name, t.limits, t.plan, t.settings->'monitoring' as monitoring,
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
    const row = (resource: UsageRow['resource'], used: number, limit: number | undefined): UsageRow => ({
      ...base,
      resource,
      used,
      limit: limit ?? 0,
      ...threshold(ctx, resource, tenant.monitoring, tenant.plan),
    });
    const rows: UsageRow[] = [row('users', tenant.users, tenant.limits.maxUsers)];
    if (data?.assets != null) rows.push(row('assets', data.assets, tenant.limits.maxAssets));
    if (data?.devices != null) rows.push(row('devices', data.devices, tenant.limits.maxDevices));
    if (data?.storageGb != null) rows.push(row('storage', Math.round(data.storageGb * 100) / 100, tenant.limits.storageQuotaGb));
    return rows;
  });
}

function threshold(
  ctx: CheckContext,
  resource: UsageRow['resource'],
  own: MonitoringThresholds | null,
  plan: PlanCode,
): Pick<UsageRow, 'warnAt' | 'warnAtFrom'> {
  const run = ctx.settings.warnAt[resource];
  if (run !== undefined) return { warnAt: run, warnAtFrom: 'run' };
  const tenant = own?.[resource];
  if (typeof tenant === 'number') return { warnAt: tenant, warnAtFrom: 'tenant' };
  return { warnAt: (PLAN_CATALOG[plan] ?? PLAN_CATALOG.basic).warnAt[resource], warnAtFrom: 'plan' };
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
    "A tenant past the warning share of a limit, so the operator can upsell or clean up before the limit bites: the tenant's own thresholds (`tenantry tenant monitor`), else its plan's (80% of storage, 90% of users, assets or devices); a run's --warn-* flags override both.",
  remediation: 'Tell the tenant, offer a plan with more room (`tenantry tenant plan`), or raise the limit.',
  async run(ctx) {
    return (await usageReadings(ctx))
      .filter((row) => row.used <= row.limit && row.limit > 0 && row.used >= row.warnAt * row.limit)
      .map((row) =>
        usageFinding(
          this,
          row,
          `${row.slug} uses ${row.used} ${UNITS[row.resource]} of ${row.limit} (${Math.round((100 * row.used) / row.limit)}%, warning at ${Math.round(100 * row.warnAt)}%${row.warnAtFrom === 'plan' ? '' : row.warnAtFrom === 'tenant' ? ", the tenant's threshold" : ', this run'}).`,
          { warnAt: row.warnAt, warnAtFrom: row.warnAtFrom },
        ),
      );
  },
};

function usageFinding(check: Check, row: UsageRow, message: string, extra: Record<string, unknown> = {}): Finding {
  return tenantFinding(check, row, message, { resource: row.resource, used: row.used, limit: row.limit, ...extra }, row.resource);
}
