/** The schema holding the shared (pool) tables of tenants with `isolation: shared`. */
export const SHARED_SCHEMA = 'tenantry_shared';

/**
 * The non-superuser role application queries run as inside `withTenant`. Roles are cluster-wide, so every
 * database on a server shares it; it owns nothing and has only the grants each data space gives it.
 */
export const APP_ROLE = 'tenantry_app';

/** The session setting naming the tenant; the policies admit it only with its signature (tenant-signature.ts). */
export const TENANT_SETTING = 'app.current_tenant_id';

/** The name of the policy Tenantry puts on every tenant table. */
export const POLICY_NAME = 'tenant_isolation';

/** Double-quotes an identifier for SQL text. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Single-quotes a literal for SQL text (used for values that must appear in DDL, such as a policy's tenant id). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
