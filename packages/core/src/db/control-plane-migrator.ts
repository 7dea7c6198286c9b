import type { SqlEntityManager } from '@mikro-orm/sql';
import { TenantryError } from '../errors.ts';
import { CONTROL_PLANE_MIGRATIONS } from './migrations/index.ts';
import { migrationChecksum, type ControlPlaneMigration } from './migrations/migration.ts';

/** Serialises migrators across processes on one database (an arbitrary, fixed key). */
const MIGRATION_LOCK_KEY = 7_343_120_519;

export interface AppliedMigration {
  id: string;
  checksum: string;
  appliedAt: Date;
}

export interface MigrationStatus {
  applied: { id: string; description: string; appliedAt: Date; checksumMatches: boolean }[];
  pending: { id: string; description: string }[];
  /** Applied by a newer Tenantry: this version does not know them. */
  unknown: string[];
}

export async function controlPlaneStatus(
  em: SqlEntityManager,
  migrations: readonly ControlPlaneMigration[] = CONTROL_PLANE_MIGRATIONS,
): Promise<MigrationStatus> {
  const applied = await readApplied(em);
  const byId = new Map(applied.map((row) => [row.id, row]));
  const known = new Set(migrations.map((migration) => migration.id));
  return {
    applied: migrations.flatMap((migration) => {
      const row = byId.get(migration.id);
      return row
        ? [{ id: migration.id, description: migration.description, appliedAt: row.appliedAt, checksumMatches: row.checksum === migrationChecksum(migration.statements) }]
        : [];
    }),
    pending: migrations.filter((migration) => !byId.has(migration.id)).map(({ id, description }) => ({ id, description })),
    unknown: applied.filter((row) => !known.has(row.id)).map((row) => row.id),
  };
}

/** Applies every pending migration in one transaction under an advisory lock; returns the ids applied. */
export async function migrateControlPlane(
  em: SqlEntityManager,
  migrations: readonly ControlPlaneMigration[] = CONTROL_PLANE_MIGRATIONS,
): Promise<string[]> {
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
    await tx.execute('create schema if not exists tenantry');
    await tx.execute(`create table if not exists tenantry.schema_migrations (
      id text primary key,
      checksum text not null,
      description text not null,
      applied_at timestamptz not null default now()
    )`);
    const applied = new Set((await readApplied(tx)).map((row) => row.id));
    const unknown = [...applied].filter((id) => !migrations.some((migration) => migration.id === id));
    if (unknown.length > 0) throw schemaTooNew(unknown);
    const pending = migrations.filter((migration) => !applied.has(migration.id));
    for (const migration of pending) {
      for (const statement of migration.statements) await tx.execute(statement);
      await tx.execute('insert into tenantry.schema_migrations (id, checksum, description) values (?, ?, ?)', [
        migration.id,
        migrationChecksum(migration.statements),
        migration.description,
      ]);
    }
    return pending.map((migration) => migration.id);
  });
}

export function schemaTooNew(unknown: string[]): TenantryError {
  return new TenantryError('SCHEMA_TOO_NEW', {
    message: `The database has control-plane migrations this version of Tenantry does not know: ${unknown.join(', ')}.`,
    details: { unknown },
    hint: 'Upgrade Tenantry to the version that migrated this database.',
  });
}

async function readApplied(em: SqlEntityManager): Promise<AppliedMigration[]> {
  const [exists] = await em.execute<{ present: boolean }[]>(
    "select to_regclass('tenantry.schema_migrations') is not null as present",
  );
  if (!exists?.present) return [];
  const rows = await em.execute<{ id: string; checksum: string; applied_at: Date }[]>(
    'select id, checksum, applied_at from tenantry.schema_migrations order by id',
  );
  return rows.map((row) => ({ id: row.id, checksum: row.checksum, appliedAt: new Date(row.applied_at) }));
}
