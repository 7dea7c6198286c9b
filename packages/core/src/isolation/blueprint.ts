import { createHash } from 'node:crypto';
import { TenantryError, type InputIssue } from '../errors.ts';
import type { IsolationMode } from './isolation-mode.ts';
import { splitSqlStatements } from './split-sql.ts';

/** Where a migration body runs, handed to function bodies. */
export interface MigrationTarget {
  mode: IsolationMode;
  /** The tenant's schema (schema mode) or the shared schema (shared mode); first on the search_path. */
  schema: string;
  /** Schema mode: the tenant. Shared mode: undefined (a shared body runs once for every shared tenant). */
  tenantId: string | undefined;
  /** Runs one statement with PostgreSQL's own `$1` parameters; returns the rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** SQL text (one string, split on `;` outside quotes and comments, or a list of statements) or a function. */
export type MigrationBody = string | readonly string[] | ((target: MigrationTarget) => Promise<void>);

/** One tenant migration. Its id and its bodies never change once shipped: a changed checksum is reported as drift. */
export interface TenantMigration {
  /** Stable and ordered, e.g. `0001_assets`: lowercase letters, digits and `_`. */
  id: string;
  description: string;
  /** Schema mode: runs in the tenant's schema (unqualified names land there). */
  schema: MigrationBody;
  /**
   * Shared mode: runs once in the shared schema for all shared tenants. Tenant tables carry
   * `tenant_id uuid not null`; Tenantry adds the row-level security policy and the grants.
   */
  shared?: MigrationBody;
  /** Required for function bodies: change it when the function changes (the checksum covers it). */
  version?: string;
}

/** Rows a new tenant starts with unless provisioning skips demo data; runs like a migration body. */
export interface DemoData {
  description: string;
  schema: MigrationBody;
  /** Default: the schema body (shared tables default `tenant_id` to the session's tenant). */
  shared?: MigrationBody;
  version?: string;
}

/** The application's tenant-owned tables, as an ordered list of tenant migrations. */
export interface Blueprint {
  name: string;
  migrations: readonly TenantMigration[];
  demoData?: DemoData;
}

const MIGRATION_ID = /^[a-z0-9][a-z0-9_]{0,99}$/;

/** Refuses a blueprint with missing, duplicate or badly formed ids, or function bodies without a version. */
export function validateBlueprint(blueprint: Blueprint): Blueprint {
  const issues: InputIssue[] = [];
  if (!blueprint.name?.trim()) issues.push({ path: 'blueprint.name', message: 'is required' });
  const seen = new Set<string>();
  blueprint.migrations.forEach((migration, index) => {
    const path = `blueprint.migrations.${index}`;
    if (!MIGRATION_ID.test(migration.id ?? ''))
      issues.push({ path: `${path}.id`, message: 'must be lowercase letters, digits and _ (e.g. 0004_add_device_tags)' });
    if (seen.has(migration.id)) issues.push({ path: `${path}.id`, message: `"${migration.id}" is used twice` });
    seen.add(migration.id);
    for (const mode of ['schema', 'shared'] as const) {
      const body = migration[mode];
      if (typeof body === 'function' && !migration.version) issues.push({ path: `${path}.version`, message: 'is required when a body is a function' });
      if (typeof body !== 'function' && body !== undefined && statementsOf(body).length === 0)
        issues.push({ path: `${path}.${mode}`, message: 'has no SQL statement' });
    }
  });
  if (issues.length > 0) throw TenantryError.invalidInput(issues);
  return blueprint;
}

/** The body a mode runs, or undefined when the migration has none for it. */
export function bodyFor(migration: Pick<TenantMigration, 'schema' | 'shared'>, mode: IsolationMode): MigrationBody | undefined {
  return mode === 'schema' ? migration.schema : migration.shared;
}

/** The checksum recorded when a migration is applied in a mode: its SQL, or its function's version. */
export function migrationChecksum(migration: TenantMigration, mode: IsolationMode): string {
  const body = bodyFor(migration, mode);
  const text = typeof body === 'function' ? `function:${migration.version ?? ''}` : body === undefined ? 'none' : statementsOf(body).join(';\n');
  return createHash('sha256').update(`${migration.id}\n${text}`).digest('hex');
}

/** The statements of a SQL body. */
export function statementsOf(body: string | readonly string[]): string[] {
  return typeof body === 'string' ? splitSqlStatements(body) : body.map((statement) => statement.trim()).filter(Boolean);
}

/** Blueprint migrations that cannot run in shared mode (no shared body). */
export function missingSharedBodies(blueprint: Blueprint): string[] {
  return blueprint.migrations.filter((migration) => migration.shared === undefined).map((migration) => migration.id);
}
