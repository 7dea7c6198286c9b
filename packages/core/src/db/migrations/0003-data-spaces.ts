import { ensureRoleSql } from '../../isolation/app-role.ts';
import { APP_ROLE } from '../../isolation/names.ts';
import type { ControlPlaneMigration } from './migration.ts';

/**
 * Tenant data spaces: which blueprint migrations each tenant (and the shared pool) has applied, the
 * shared schema, and the non-superuser role application queries run as. Roles are cluster-wide and
 * several databases may be migrated at once, so the role is created race-safely.
 */
export const controlPlane0003: ControlPlaneMigration = {
  id: '0003_data_spaces',
  description: 'Tenant migration records, the shared (pool) schema and the application role for tenant data.',
  statements: [
    `create table tenantry.tenant_migrations (
      tenant_id uuid not null references tenantry.tenants (id) on delete cascade,
      migration_id text not null,
      checksum text not null,
      applied_at timestamptz not null,
      duration_ms integer not null default 0,
      constraint tenant_migrations_pkey primary key (tenant_id, migration_id)
    )`,
    `create index tenant_migrations_migration_idx on tenantry.tenant_migrations (migration_id)`,
    `create table tenantry.shared_migrations (
      migration_id text primary key,
      checksum text not null,
      applied_at timestamptz not null,
      duration_ms integer not null default 0
    )`,
    ensureRoleSql(APP_ROLE),
    `create schema tenantry_shared`,
    `grant usage on schema tenantry_shared to tenantry_app`,
  ],
};
