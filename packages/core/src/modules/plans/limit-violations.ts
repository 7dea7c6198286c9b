import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { LIMIT_KEYS, type LimitKey, type Limits } from './catalog.ts';
import { countDataSpace } from '../../isolation/data-space-counts.ts';
import { tenantUsage, usersBreakdown } from './usage.ts';

export interface LimitViolation {
  limit: LimitKey;
  newLimit: number;
  used: number;
  detail?: string;
}

/** Every lowered limit the tenant already uses more of. */
export async function usageViolations(ctx: Pick<ServiceContext, 'now'>, tx: SqlEntityManager, tenant: Tenant, limits: Limits): Promise<LimitViolation[]> {
  const lowered = LIMIT_KEYS.filter((key) => limits[key] < tenant.limits[key]);
  if (lowered.length === 0) return [];
  const usage = await tenantUsage(tx, tenant.id, ctx.now());
  const data = lowered.some((key) => key === 'maxAssets' || key === 'maxDevices' || key === 'storageQuotaGb') ? await countDataSpace(tx, tenant) : null;
  const used: Record<LimitKey, number | null> = {
    maxUsers: usage.users,
    maxApiKeys: usage.apiKeys,
    maxDomains: usage.domains,
    maxAssets: data?.assets ?? null,
    maxDevices: data?.devices ?? null,
    storageQuotaGb: data?.storageGb ?? null,
  };
  return lowered.flatMap((limit) => {
    const value = used[limit];
    if (value === null || value <= limits[limit]) return [];
    const violation: LimitViolation = { limit, newLimit: limits[limit], used: limit === 'storageQuotaGb' ? Math.round(value * 100) / 100 : value };
    if (limit === 'maxUsers') violation.detail = usersBreakdown(usage);
    return [violation];
  });
}
