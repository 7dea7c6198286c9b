import type { SqlEntityManager } from '@mikro-orm/sql';
import { countDataSpace } from '../../isolation/data-space-counts.ts';
import type { IsolationMode } from '../../isolation/isolation-mode.ts';
import type { LimitKey, Limits } from './catalog.ts';
import { tenantUsage } from './usage.ts';

/** One limit: what the tenant uses of it (null: its blueprint has no table to count) and what it allows. */
export interface LimitUsage {
  used: number | null;
  limit: number;
}

/** Every limit of a tenant against what it uses, from the counts the limit checks and the doctor use. */
export type UsageReport = Record<LimitKey, LimitUsage> & {
  /** What `maxUsers` counts, split: members and pending invitations that have not expired. */
  members: number;
  pendingInvitations: number;
};

/** Counts control-plane rows and the data space in the caller's transaction; a missing data space counts as unknown. */
export async function usageReport(
  tx: SqlEntityManager,
  tenant: { id: string; isolation: IsolationMode; limits: Limits },
  now: Date,
  hasDataSpace: boolean,
): Promise<UsageReport> {
  const [control, data] = await Promise.all([tenantUsage(tx, tenant.id, now), hasDataSpace ? countDataSpace(tx, tenant) : null]);
  const of = (key: LimitKey, used: number | null): LimitUsage => ({ used, limit: tenant.limits[key] });
  return {
    maxUsers: of('maxUsers', control.users),
    maxApiKeys: of('maxApiKeys', control.apiKeys),
    maxDomains: of('maxDomains', control.domains),
    maxAssets: of('maxAssets', data?.assets ?? null),
    maxDevices: of('maxDevices', data?.devices ?? null),
    storageQuotaGb: of('storageQuotaGb', data?.storageGb == null ? null : Math.round(data.storageGb * 100) / 100),
    members: control.members,
    pendingInvitations: control.pendingInvitations,
  };
}
