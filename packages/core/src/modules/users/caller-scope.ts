import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';

/**
 * Whether the caller may act on this account: anyone but an API key, which acts only on members of its
 * own tenant. An account is global, so a key of one tenant must not lock, guess at or change the
 * account of another tenant's user; to it, such an account does not exist.
 */
export async function callerReaches(ctx: ServiceContext, em: SqlEntityManager, userId: string): Promise<boolean> {
  const key = ctx.actor.apiKey;
  if (!key) return true;
  const [row] = await em.execute<{ member: boolean }[]>('select exists (select 1 from tenantry.memberships where tenant_id = ? and user_id = ?) as member', [
    key.tenantId,
    userId,
  ]);
  return row?.member === true;
}
