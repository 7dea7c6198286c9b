import type { SqlEntityManager } from '@mikro-orm/sql';
import { TenantryError } from '../../errors.ts';
import type { LimitKey } from './catalog.ts';

/** What a tenant uses of the limits the control plane can count. */
export interface TenantUsage {
  members: number;
  /** Pending invitations that have not expired: each will become a member. */
  pendingInvitations: number;
  /** members + pendingInvitations: what `maxUsers` bounds. */
  users: number;
  /** Keys that can still be used: not revoked, not expired, not replaced by a rotation. */
  apiKeys: number;
  domains: number;
}

/** Members of the tenant whose id is the SQL expression `tenantId`. */
const membersCountSql = (tenantId: string) => `(select count(*) from tenantry.memberships where tenant_id = ${tenantId})::int`;

/** Its pending invitations that have not expired (one parameter: now): each will become a member. */
const pendingCountSql = (tenantId: string) =>
  `(select count(*) from tenantry.invitations where tenant_id = ${tenantId} and state = 'pending' and expires_at > ?)::int`;

/** What `maxUsers` bounds, members plus pending invitations (one parameter: now): limit checks and the doctor both count it so. */
export const usersCountSql = (tenantId: string) => `(${membersCountSql(tenantId)} + ${pendingCountSql(tenantId)})`;

/** Counts, in one query, what the tenant uses. */
export async function tenantUsage(em: SqlEntityManager, tenantId: string, now: Date): Promise<TenantUsage> {
  const [row] = await em.execute<{ members: number; pending: number; api_keys: number; domains: number }[]>(
    `select
       ${membersCountSql('?')} as members,
       ${pendingCountSql('?')} as pending,
       (select count(*) from tenantry.api_keys where tenant_id = ? and revoked_at is null and replaced_by_id is null
          and (expires_at is null or expires_at > ?))::int as api_keys,
       (select count(*) from tenantry.domains where tenant_id = ?)::int as domains`,
    [tenantId, tenantId, now, tenantId, now, tenantId],
  );
  const members = row?.members ?? 0;
  const pendingInvitations = row?.pending ?? 0;
  return { members, pendingInvitations, users: members + pendingInvitations, apiKeys: row?.api_keys ?? 0, domains: row?.domains ?? 0 };
}

const LIMIT_NOUNS: Record<LimitKey, string> = {
  maxUsers: 'users',
  maxAssets: 'assets',
  maxDevices: 'devices',
  storageQuotaGb: 'GB of storage',
  maxApiKeys: 'API keys',
  maxDomains: 'domains',
};

export function limitNoun(limit: LimitKey): string {
  return LIMIT_NOUNS[limit];
}

/** "acme-corp allows 10 users and has 10 (8 members + 2 pending invitations)". */
export function limitExceeded(slug: string, limit: LimitKey, max: number, used: number, breakdown?: string): TenantryError {
  const noun = LIMIT_NOUNS[limit];
  return new TenantryError('LIMIT_EXCEEDED', {
    message: `${slug} allows ${max} ${noun} and already has ${used}${breakdown ? ` (${breakdown})` : ''}.`,
    details: { slug, limit, max, used },
    hint: `Free one up, or raise the limit: \`tenantry tenant plan ${slug} <plan> --${limitFlag(limit)} N\`.`,
  });
}

export function limitFlag(limit: LimitKey): string {
  return limit === 'storageQuotaGb' ? 'storage-quota' : limit.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export function usersBreakdown(usage: Pick<TenantUsage, 'members' | 'pendingInvitations'>): string {
  const invitations = `${usage.pendingInvitations} pending invitation${usage.pendingInvitations === 1 ? '' : 's'}`;
  return `${usage.members} member${usage.members === 1 ? '' : 's'} + ${invitations}`;
}
