import { TenantryError } from '../errors.ts';

/** The messages of the data-space and tenant-migration errors, built in one place. */
export const IsolationErrors = {
  noSharedBody(migrationIds: string[]): TenantryError {
    return new TenantryError('BLUEPRINT_INVALID', {
      message: `The blueprint has no shared-mode body for ${migrationIds.join(', ')}, so it cannot serve tenants with isolation "shared".`,
      details: { issues: migrationIds.map((id) => ({ path: `blueprint.migrations.${id}.shared`, message: 'is required for shared isolation' })) },
      hint: 'Give those migrations a `shared` body, or provision the tenant with isolation "schema".',
    });
  },

  dataSpaceMissing(slug: string, reason: string): TenantryError {
    return new TenantryError('DATA_SPACE_MISSING', {
      message: `Tenant "${slug}" has no data space: ${reason}.`,
      details: { slug, reason },
      hint: 'Check the tenant with `tenantry tenant view`; an export can be restored with `tenantry tenant import`.',
    });
  },

  migrationFailed(slug: string, migrationId: string, cause: unknown): TenantryError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new TenantryError('TENANT_MIGRATION_FAILED', {
      message: `Tenant migration ${migrationId} failed for ${slug}: ${reason}`,
      details: { slug, migrationId, reason },
      hint: 'Nothing of this tenant was changed (its transaction rolled back). Fix the migration and run `tenantry migrate apply` again.',
      cause,
    });
  },

  migrationLocked(slug: string, lockTimeoutMs: number, cause: unknown): TenantryError {
    return new TenantryError('TENANT_MIGRATION_LOCKED', {
      message: `Could not lock ${slug} for migration within ${lockTimeoutMs} ms (another migration, or long-running queries on its tables).`,
      details: { slug, lockTimeoutMs },
      hint: 'Nothing was changed; run `tenantry migrate apply` again later, or raise --lock-timeout.',
      cause,
    });
  },

  schemaTooNew(slug: string, unknown: string[]): TenantryError {
    return new TenantryError('TENANT_SCHEMA_TOO_NEW', {
      message: `Tenant ${slug} has tenant migrations this blueprint does not know: ${unknown.join(', ')}.`,
      details: { slug, unknown },
      hint: 'Run the newer program (with its blueprint) that applied them.',
    });
  },
};
