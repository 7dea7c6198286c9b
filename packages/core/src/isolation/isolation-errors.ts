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

  schemaExists(schema: string): TenantryError {
    return new TenantryError('CONFLICT', {
      message: `The schema ${schema} already exists, though no tenant owns it (left over by hand, or by an older tool).`,
      details: { schema },
      hint: "Adopt it as the tenant's data space (--schema-name with --adopt-schema: its tables are checked against the blueprint), or drop or rename it after checking what is in it, or pick another name.",
    });
  },

  /** `owner`: the tenant that has it, when known (a concurrent provisioning that won knows no more than the constraint). */
  schemaTaken(schema: string, owner?: { slug: string; purged: boolean }): TenantryError {
    const whose = !owner
      ? 'is already the data space of another tenant'
      : owner.purged
        ? `was the data space of the purged tenant "${owner.slug}" (its tombstone keeps the name)`
        : `is already the data space of tenant "${owner.slug}"`;
    return new TenantryError('SCHEMA_TAKEN', {
      message: `The schema ${schema} ${whose}.`,
      details: { schema, ...(owner ? { slug: owner.slug, purged: owner.purged } : {}) },
      hint: 'Pick another schema name (--schema-name), or leave it out for tenant_<slug>.',
    });
  },

  schemaNotFound(schema: string): TenantryError {
    return new TenantryError('SCHEMA_NOT_FOUND', {
      message: `There is no schema ${schema} to adopt.`,
      details: { schema },
      hint: 'Check the name (schemas: select nspname from pg_namespace), or leave out --adopt-schema to create it.',
    });
  },

  schemaPartlyMigrated(schema: string, found: { matched: string[]; migration: string; missing: string[]; unexpected: string[] }): TenantryError {
    const unexpected = found.unexpected.length > 0 ? `; it also has what no migration makes: ${listed(found.unexpected)}` : '';
    return new TenantryError('SCHEMA_NOT_ADOPTABLE', {
      message:
        `The schema ${schema} cannot be adopted: it has objects of tenant migration ${found.migration} but lacks ` +
        `${listed(found.missing)}, which the blueprint has by then${unexpected}.`,
      details: { schema, ...found },
      hint: 'A migration is recorded only when the schema has everything the blueprint has after it. Finish or undo that migration in the schema by hand (--json lists every missing object in details.missing), then run again; nothing was written.',
    });
  },

  schemaUnmatched(schema: string, found: { matched: string[]; unexpected: string[] }): TenantryError {
    const through = found.matched.length > 0 ? ` (it has the blueprint through ${found.matched.at(-1)} otherwise)` : '';
    return new TenantryError('SCHEMA_NOT_ADOPTABLE', {
      message: `The schema ${schema} cannot be adopted: it holds what no blueprint migration makes: ${listed(found.unexpected)}${through}.`,
      details: { schema, ...found, missing: [] },
      hint: "Move or drop those objects (a framework's own table such as django_migrations too), or add a blueprint migration that makes them, then run again; nothing was written.",
    });
  },
};

/** The first few lines of a list, and how many more. */
function listed(lines: readonly string[]): string {
  const shown = lines.slice(0, 8).join(', ');
  return lines.length > 8 ? `${shown} and ${lines.length - 8} more` : shown;
}
