import type { SqlEntityManager } from '@mikro-orm/sql';
import { TENANT_SETTING } from './names.ts';

/**
 * Runs `work` with the session's tenant set in the current transaction, then puts the previous value
 * back. Row-level security is forced on shared tables, so even their owner sees only
 * the rows of the tenant set here; `em` must be inside a transaction.
 */
export async function withTenantSetting<T>(em: SqlEntityManager, tenantId: string, work: () => Promise<T>): Promise<T> {
  const [previous] = await em.execute<{ value: string | null }[]>('select current_setting(?, true) as value', [TENANT_SETTING]);
  await em.execute('select set_config(?, ?, true)', [TENANT_SETTING, tenantId]);
  const result = await work();
  // Only on success: after a failure the transaction is aborted and rolls back, the setting included.
  await em.execute('select set_config(?, ?, true)', [TENANT_SETTING, previous?.value ?? '']);
  return result;
}
