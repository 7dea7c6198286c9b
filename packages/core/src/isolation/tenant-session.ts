import type { ServiceContext } from '../context.ts';
import { TenantryError } from '../errors.ts';
import { translateDatabaseError } from '../db/translate-error.ts';
import { findTenant } from '../modules/tenants/tenant-queries.service.ts';
import type { IsolationMode } from '../modules/tenants/tenant.schemas.ts';
import { requireTenantMember } from '../modules/permissions/authorize.ts';
import { IsolationErrors } from './isolation-errors.ts';
import { searchPathFor } from './isolation-sql.ts';
import { APP_ROLE, SHARED_SCHEMA, TENANT_SETTING } from './names.ts';
import { nativeQuery } from './native-query.ts';

/** What application code gets inside `withTenant`: the tenant, and queries that can only reach its rows. */
export interface TenantSession {
  readonly tenant: { id: string; slug: string; isolation: IsolationMode; schema: string };
  /**
   * Runs one statement with PostgreSQL's `$1` parameters as the application role, with the tenant's data
   * space first on the search_path and row-level security pinned to the tenant. Returns the rows.
   */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/**
 * Runs `work` in one transaction in the tenant's data space: `SET LOCAL ROLE tenantry_app` (not a
 * superuser, not the tables' owner, so row-level security applies), the session's tenant set, and the
 * search_path on the tenant's schema (schema mode) or the shared schema (shared mode). It commits when
 * `work` resolves and rolls back when it throws. It guards against mistakes in trusted application
 * code; SQL from untrusted sources needs a login role that has only the application role's rights.
 * A tenant user (an SDK client acting `as` one) reaches only tenants they are a member of.
 */
export async function runInTenant<T>(ctx: ServiceContext, slug: string, work: (session: TenantSession) => Promise<T>): Promise<T> {
  const em = ctx.em;
  const tenant = await findTenant(em, slug);
  await requireTenantMember(ctx, em, tenant);
  if (tenant.status === 'deleted') throw IsolationErrors.dataSpaceMissing(slug, 'the tenant was purged');
  const schema = tenant.isolation === 'schema' ? tenant.schemaName : SHARED_SCHEMA;
  if (!schema) throw IsolationErrors.dataSpaceMissing(slug, 'it has no schema name');
  return em.fork().transactional(async (tx) => {
    const [present] = await nativeQuery<{ present: boolean }>(tx, 'select to_regnamespace($1) is not null as present', [schema]);
    if (!present?.present) throw IsolationErrors.dataSpaceMissing(slug, `its schema ${schema} does not exist`);
    await nativeQuery(tx, `select set_config('search_path', $1, true), set_config($2, $3, true)`, [searchPathFor(schema), TENANT_SETTING, tenant.id]);
    await nativeQuery(tx, `set local role ${APP_ROLE}`);
    const session: TenantSession = {
      tenant: { id: tenant.id, slug: tenant.slug, isolation: tenant.isolation, schema },
      async query<Row>(sql: string, params: readonly unknown[] = []) {
        try {
          return await nativeQuery<Row>(tx, sql, params);
        } catch (error) {
          throw translateTenantQueryError(error);
        }
      },
    };
    return work(session);
  });
}

/** Application query failures: refused by privileges or row-level security → FORBIDDEN; integrity → CONFLICT. */
export function translateTenantQueryError(error: unknown): TenantryError {
  if (error instanceof TenantryError) return error;
  const sqlState = (error as { code?: unknown }).code;
  const reason = error instanceof Error ? error.message : String(error);
  if (sqlState === '42501') {
    return new TenantryError('FORBIDDEN', {
      message: `Refused in the tenant's data space: ${reason}.`,
      details: { sqlState },
      hint: "Application queries reach only the tenant's own rows and tables.",
      cause: error,
    });
  }
  if (typeof sqlState === 'string' && sqlState.startsWith('23')) {
    const constraint = (error as { constraint?: string }).constraint;
    return new TenantryError('CONFLICT', { message: `The change conflicts with the tenant's data: ${reason}.`, details: { sqlState, ...(constraint ? { constraint } : {}) }, cause: error });
  }
  return translateDatabaseError(error);
}
