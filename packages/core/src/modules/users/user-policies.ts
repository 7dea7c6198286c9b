import type { SqlEntityManager } from '@mikro-orm/sql';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from './password-policy.ts';

/**
 * The password rules a user's new password must meet: a user is one account across tenants, so the
 * strictest of every tenant they belong to (not purged) applies, rule by rule; the default without one.
 */
export async function passwordPolicyOfUser(em: SqlEntityManager, userId: string): Promise<{ policy: PasswordPolicy; tenants: string[] }> {
  const rows = await em.execute<{ slug: string; password: PasswordPolicy }[]>(
    `select t.slug, t.security_policy -> 'password' as password
       from tenantry.memberships m join tenantry.tenants t on t.id = m.tenant_id
      where m.user_id = ? and t.status <> 'deleted'
      order by t.slug`,
    [userId],
  );
  if (rows.length === 0) return { policy: DEFAULT_PASSWORD_POLICY, tenants: [] };
  const policies = rows.map((row) => (typeof row.password === 'string' ? (JSON.parse(row.password) as PasswordPolicy) : row.password));
  return {
    policy: {
      minLength: Math.max(...policies.map((policy) => policy.minLength)),
      requireUppercase: policies.some((policy) => policy.requireUppercase),
      requireLowercase: policies.some((policy) => policy.requireLowercase),
      requireNumbers: policies.some((policy) => policy.requireNumbers),
      requireSymbols: policies.some((policy) => policy.requireSymbols),
      history: Math.max(...policies.map((policy) => policy.history ?? 0)),
    },
    tenants: rows.map((row) => row.slug),
  };
}
