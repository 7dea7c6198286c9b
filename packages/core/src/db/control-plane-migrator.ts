import type { SqlEntityManager } from '@mikro-orm/sql';
import { TenantryError } from '../errors.ts';
import { statementStep, type PlanStep } from '../plan.ts';
import { renderStatement, statement, type Statement } from '../statement.ts';
import { CONTROL_PLANE_MIGRATIONS } from './migrations/index.ts';
import { controlPlaneChecksum, type ControlPlaneMigration } from './migrations/migration.ts';

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
        ? [
            {
              id: migration.id,
              description: migration.description,
              appliedAt: row.appliedAt,
              checksumMatches: row.checksum === controlPlaneChecksum(migration.statements),
            },
          ]
        : [];
    }),
    pending: migrations.filter((migration) => !byId.has(migration.id)).map(({ id, description }) => ({ id, description })),
    unknown: applied.filter((row) => !known.has(row.id)).map((row) => row.id),
  };
}

/** What every run starts with: the migrators' lock, then the schema and the table of applied migrations. */
function preamble(): Statement[] {
  return [
    statement(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`),
    statement('create schema if not exists tenantry'),
    statement(`create table if not exists tenantry.schema_migrations (
      id text primary key,
      checksum text not null,
      description text not null,
      applied_at timestamptz not null default now()
    )`),
  ];
}

/** The statements applying a migration runs: its own, then its record. */
function migrationStatements(migration: ControlPlaneMigration): Statement[] {
  return [
    ...migration.statements.map((text) => statement(text)),
    statement('insert into tenantry.schema_migrations (id, checksum, description) values ($1, $2, $3)', [
      migration.id,
      controlPlaneChecksum(migration.statements),
      migration.description,
    ]),
  ];
}

/** The plan of applying `pending`: the steps hold the very statements `migrateControlPlane` runs. */
export function controlPlaneSteps(pending: readonly ControlPlaneMigration[]): PlanStep[] {
  return [
    statementStep('lock', "Take the migrators' lock and make sure the table of applied migrations exists", preamble()),
    ...pending.map((migration) =>
      statementStep('run-migration', `Apply control-plane migration ${migration.id}: ${migration.description}`, migrationStatements(migration)),
    ),
  ];
}

/** The migrations not applied yet, in order. */
export function pendingControlPlaneMigrations(
  status: MigrationStatus,
  migrations: readonly ControlPlaneMigration[] = CONTROL_PLANE_MIGRATIONS,
): ControlPlaneMigration[] {
  const pending = new Set(status.pending.map((migration) => migration.id));
  return migrations.filter((migration) => pending.has(migration.id));
}

/**
 * Applies every pending migration in one transaction under an advisory lock; returns the ids applied.
 * `planned`: the ids a plan showed; if what is pending under the lock differs, nothing is applied (PLAN_STALE).
 */
export async function migrateControlPlane(
  em: SqlEntityManager,
  migrations: readonly ControlPlaneMigration[] = CONTROL_PLANE_MIGRATIONS,
  planned?: readonly string[],
): Promise<string[]> {
  return em.transactional(async (tx) => {
    const run = (statements: readonly Statement[]) =>
      statements.reduce(async (previous, next) => {
        await previous;
        await tx.execute(renderStatement(next, { executable: true }));
      }, Promise.resolve());
    await run(preamble());
    const applied = new Set((await readApplied(tx)).map((row) => row.id));
    const unknown = [...applied].filter((id) => !migrations.some((migration) => migration.id === id));
    if (unknown.length > 0) throw schemaTooNew(unknown);
    const pending = migrations.filter((migration) => !applied.has(migration.id));
    if (planned && planned.join() !== pending.map((migration) => migration.id).join()) throw pendingChanged(planned, pending);
    for (const migration of pending) await run(migrationStatements(migration));
    return pending.map((migration) => migration.id);
  });
}

function pendingChanged(planned: readonly string[], pending: readonly ControlPlaneMigration[]): TenantryError {
  const now = pending.map((migration) => migration.id);
  return new TenantryError('PLAN_STALE', {
    message: `The pending control-plane migrations changed since the plan (planned: ${planned.join(', ') || 'none'}; now: ${now.join(', ') || 'none'}): nothing was applied.`,
    details: { operation: 'database.migrate', planned: [...planned], pending: now },
    hint: 'Run `tenantry db migrate --dry-run` again and apply that plan.',
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
  const [exists] = await em.execute<{ present: boolean }[]>("select to_regclass('tenantry.schema_migrations') is not null as present");
  if (!exists?.present) return [];
  const rows = await em.execute<{ id: string; checksum: string; applied_at: Date }[]>(
    'select id, checksum, applied_at from tenantry.schema_migrations order by id',
  );
  return rows.map((row) => ({ id: row.id, checksum: row.checksum, appliedAt: new Date(row.applied_at) }));
}
