import type { SqlEntityManager } from '@mikro-orm/sql';
import { TENANT_SETTING } from './names.ts';
import { TENANT_SIGNATURE_SETTING } from './tenant-signature.ts';

/** Sets the tenant and its signature (made in the database: the control plane's user may read the key). */
const SET_SIGNED = `select set_config(?, ?, true), set_config(?, coalesce(tenantry.tenant_signature(nullif(?, '')::uuid), ''), true)`;

/**
 * Runs `work` with the session's tenant set (signed) in the current transaction, then puts the previous
 * value back. Row-level security is forced on shared tables, so even their owner sees only the rows of
 * the tenant set here; `em` must be inside a transaction.
 */
export async function withTenantSetting<T>(em: SqlEntityManager, tenantId: string, work: () => Promise<T>): Promise<T> {
  const [previous] = await em.execute<{ value: string | null; sig: string | null }[]>(
    'select current_setting(?, true) as value, current_setting(?, true) as sig',
    [TENANT_SETTING, TENANT_SIGNATURE_SETTING],
  );
  await em.execute(SET_SIGNED, [TENANT_SETTING, tenantId, TENANT_SIGNATURE_SETTING, tenantId]);
  const result = await work();
  // Only on success: after a failure the transaction is aborted and rolls back, the setting included.
  await em.execute('select set_config(?, ?, true), set_config(?, ?, true)', [
    TENANT_SETTING,
    previous?.value ?? '',
    TENANT_SIGNATURE_SETTING,
    previous?.sig ?? '',
  ]);
  return result;
}
