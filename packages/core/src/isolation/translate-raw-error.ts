import { TenantryError } from '../errors.ts';
import { translateDatabaseError } from '../db/translate-error.ts';

/** Unique constraints whose violation has a domain meaning (for errors straight from the driver). */
const UNIQUE_MEANINGS: Record<string, (value: string) => TenantryError> = {
  tenants_slug_key: (value) => TenantryError.slugTaken(value),
  users_email_key: (value) => TenantryError.emailTaken(value),
  domains_hostname_key: (value) => TenantryError.hostnameTaken(value),
};

/**
 * A driver error from SQL sent as written (not through MikroORM's exception converter): refused by
 * privileges or row-level security → FORBIDDEN, a known unique constraint → its code, another integrity
 * violation → CONFLICT, anything else → INTERNAL keeping the cause.
 */
export function translateRawError(error: unknown): TenantryError {
  if (error instanceof TenantryError) return error;
  const { code: sqlState, constraint, detail } = error as { code?: unknown; constraint?: string; detail?: string };
  const reason = error instanceof Error ? error.message : String(error);
  if (sqlState === '23505' && constraint && UNIQUE_MEANINGS[constraint]) return UNIQUE_MEANINGS[constraint](/=\((.*)\) already exists/.exec(detail ?? '')?.[1] ?? '');
  if (sqlState === '42501') {
    return new TenantryError('FORBIDDEN', { message: `Refused in the tenant's data space: ${reason}.`, details: { sqlState }, hint: "Application queries reach only the tenant's own rows and tables.", cause: error });
  }
  if (typeof sqlState === 'string' && sqlState.startsWith('23')) {
    return new TenantryError('CONFLICT', { message: `The change conflicts with existing data: ${reason}.`, details: { sqlState, ...(constraint ? { constraint } : {}) }, cause: error });
  }
  return translateDatabaseError(error);
}
