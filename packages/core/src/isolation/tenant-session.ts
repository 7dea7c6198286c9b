import { TenantryError } from '../errors.ts';
import { translateDatabaseError } from '../db/translate-error.ts';
import type { IsolationMode } from './isolation-mode.ts';
import { IsolationErrors } from './isolation-errors.ts';
import { searchPathFor } from './isolation-sql.ts';
import { APP_ROLE, TENANT_SETTING } from './names.ts';
import { nativeQuery } from './native-query.ts';
import type { DataPath } from '../db/data-path.ts';
import { TENANT_SIGNATURE_SETTING } from './tenant-signature.ts';

/** What application code gets inside `withTenant`: the tenant, and queries that can only reach its rows. */
export interface TenantSession {
  readonly tenant: { id: string; slug: string; isolation: IsolationMode; schema: string };
  /**
   * Runs one statement with PostgreSQL's `$1` parameters as the application role, with the tenant's data
   * space first on the search_path and row-level security pinned to the tenant. Returns the rows.
   */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** The tenant a data-path session enters: found, authorized and checked by the caller. */
export interface SessionTenant {
  id: string;
  slug: string;
  isolation: IsolationMode;
  /** Its schema, or the shared schema its rows live in. */
  schema: string;
}

/**
 * Runs `work` in one transaction on the data path (see `db/data-path.ts`): logged in as the application
 * role on a server (so `RESET ROLE` gains nothing), `SET LOCAL ROLE tenantry_app` on the embedded store;
 * the session's tenant set with its signature (tenant-signature.ts) and the search_path on the tenant's
 * schema (schema mode) or the shared schema (shared mode), with `pg_temp` last. Temporary objects never
 * cross calls: the transaction starts by dropping any the connection holds (and resetting session
 * settings), and ends by dropping its own. It commits when `work` resolves and rolls back when it throws;
 * the session refuses queries after. A boundary against mistakes in application code, other tenants'
 * calls on the same pool, RESET ROLE (on a server) and SQL that sets the tenant setting itself; see
 * docs/architecture.md for what it is not.
 */
export async function enterDataSpace<T>(
  dataPath: DataPath,
  tenant: SessionTenant,
  signature: string,
  work: (session: TenantSession) => Promise<T>,
): Promise<T> {
  const { schema } = tenant;
  return dataPath.transactional(async (tx) => {
    await nativeQuery(tx, CLEAN_CONNECTION);
    const [entered] = await nativeQuery<{ present: boolean }>(
      tx,
      `select to_regnamespace($1) is not null as present, set_config('search_path', $2, true), set_config($3, $4, true), set_config($5, $6, true), set_config('role', $7, true)`,
      [schema, searchPathFor(schema), TENANT_SETTING, tenant.id, TENANT_SIGNATURE_SETTING, signature, APP_ROLE],
    );
    if (!entered?.present) throw IsolationErrors.dataSpaceMissing(tenant.slug, `its schema ${schema} does not exist`);
    let open = true;
    const session: TenantSession = {
      tenant: { id: tenant.id, slug: tenant.slug, isolation: tenant.isolation, schema },
      async query<Row>(sql: string, params: readonly unknown[] = []) {
        if (!open) throw sessionEnded(tenant.slug);
        try {
          return await nativeQuery<Row>(tx, sql, params);
        } catch (error) {
          throw translateDatabaseError(error);
        }
      },
    };
    try {
      return await work(session);
    } finally {
      open = false;
      // After a failed statement the transaction is aborted and this fails; the rollback drops them then.
      await nativeQuery(tx, 'discard temp').catch(() => undefined);
    }
  });
}

/** Drops temporary objects and session settings an earlier call on this connection left (one round trip). */
const CLEAN_CONNECTION = 'do $tenantry$ begin discard temp; reset all; end $tenantry$';

function sessionEnded(slug: string): TenantryError {
  return new TenantryError('PRECONDITION_FAILED', {
    message: `The withTenant session of ${slug} has ended: its transaction is over.`,
    hint: 'Run queries inside the callback, awaiting them before it returns.',
  });
}
