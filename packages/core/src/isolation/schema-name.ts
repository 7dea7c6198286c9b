import { createHash } from 'node:crypto';

const PREFIX = 'tenant_';
const MAX_IDENTIFIER_LENGTH = 63;

/** The PostgreSQL schema of a schema-isolated tenant: `tenant_<slug with _>`, hashed when too long. */
export function schemaNameFor(slug: string): string {
  const name = PREFIX + slug.replaceAll('-', '_');
  if (name.length <= MAX_IDENTIFIER_LENGTH) return name;
  const hash = createHash('sha256').update(slug).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_IDENTIFIER_LENGTH - hash.length - 1)}_${hash}`;
}

/** The schema a schema-isolated tenant gets: the one chosen, or the one derived from its slug. */
export function tenantSchemaName(request: { slug: string; schemaName?: string | undefined }): string {
  return request.schemaName ?? schemaNameFor(request.slug);
}

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;
const SYSTEM_SCHEMAS = new Set(['public', 'information_schema']);

/**
 * Why a chosen schema name cannot be a tenant's schema, or undefined: it must be an identifier that
 * needs no quoting and that PostgreSQL does not truncate, and none of the system's or Tenantry's own
 * schemas (`tenantry`, `tenantry_shared`, `tenantry_session`, the adoption check's scratch schemas).
 */
export function schemaNameProblem(name: string): string | undefined {
  if (!IDENTIFIER.test(name)) return 'must be lower-case letters, digits and _, starting with a letter (e.g. theo or acme_corp)';
  if (Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_LENGTH) return `must be at most ${MAX_IDENTIFIER_LENGTH} bytes (PostgreSQL cuts longer names)`;
  if (name.startsWith('pg_')) return 'must not start with pg_ (PostgreSQL reserves those for its system schemas)';
  if (SYSTEM_SCHEMAS.has(name)) return `must not be ${name}, a schema every database has`;
  if (name === 'tenantry' || name.startsWith('tenantry_')) return "must not be tenantry or start with tenantry_ (Tenantry's own schemas)";
  return undefined;
}

/**
 * Why a chosen name does not fit this tenant: `tenant_*` names are the ones Tenantry derives from
 * slugs, so only this tenant's own derived name may be chosen (another slug's would be taken from it).
 */
export function chosenSchemaNameProblem(name: string, slug: string): string | undefined {
  if (name.startsWith(PREFIX) && name !== schemaNameFor(slug)) {
    return `must not start with ${PREFIX} unless it is this tenant's own ${schemaNameFor(slug)} (the others are derived from other slugs)`;
  }
  return undefined;
}
