import type { SqlEntityManager } from '@mikro-orm/sql';
import { statementStep, type PlanStep } from '../plan.ts';
import { statement } from '../statement.ts';
import { migrationChecksum, statementsOf, type Blueprint, type TenantMigration } from './blueprint.ts';
import { IsolationErrors } from './isolation-errors.ts';
import { isolationSql } from './isolation-sql.ts';
import { SHARED_SCHEMA } from './names.ts';
import { bodyStatements, runBody } from './runner.ts';

/** Serialises changes to the shared (pool) tables across processes (an arbitrary, fixed key). */
const POOL_LOCK_KEY = 7_343_120_601;

/** Which blueprint migrations the shared tables have had, by id → checksum. */
export async function readPoolMigrations(em: SqlEntityManager): Promise<Map<string, string>> {
  const rows = await em.execute<{ migration_id: string; checksum: string }[]>('select migration_id, checksum from tenantry.shared_migrations');
  return new Map(rows.map((row) => [row.migration_id, row.checksum]));
}

export function poolPending(blueprint: Blueprint, applied: ReadonlyMap<string, string>): TenantMigration[] {
  return blueprint.migrations.filter((migration) => !applied.has(migration.id));
}

/**
 * The steps that bring the shared tables up to the blueprint, with the statements `migrateSharedPool`
 * runs for them (a function body is shown by its version).
 */
export function poolSteps(pending: readonly TenantMigration[]): PlanStep[] {
  if (pending.length === 0) return [];
  return [
    ...pending.map((migration) => {
      const description = `Run tenant migration ${migration.id} once in the shared schema ${SHARED_SCHEMA} (every shared tenant gets it): ${migration.description}`;
      const body = migration.shared;
      return body === undefined || typeof body === 'function'
        ? { action: 'migrate-shared-schema', description, sql: sqlOf(body, migration) }
        : statementStep('migrate-shared-schema', description, bodyStatements(body));
    }),
    statementStep(
      'isolate-shared-schema',
      'Force row-level security with the tenant policy on every shared table with tenant_id, and grant the application role DML on them',
      [statement(isolationSql('shared', SHARED_SCHEMA))],
    ),
  ];
}

export function sqlOf(body: TenantMigration['shared'], migration: Pick<TenantMigration, 'id' | 'version'>): string[] {
  if (body === undefined) return [];
  if (typeof body === 'function') return [`-- ${migration.id}: a function body, version ${migration.version ?? '?'}`];
  return statementsOf(body);
}

export interface PoolRun {
  applied: { id: string; durationMs: number }[];
}

/**
 * Brings the shared tables up to the blueprint inside the caller's transaction, under the pool lock:
 * every pending migration's shared body, the isolation step, and the records (the pool's, and every
 * live shared tenant's, set-based). Pending migrations are read again under the lock, so two callers
 * never apply one twice.
 */
export async function migrateSharedPool(tx: SqlEntityManager, blueprint: Blueprint, now: Date): Promise<PoolRun> {
  await tx.execute('select pg_advisory_xact_lock(?)', [POOL_LOCK_KEY]);
  const pending = poolPending(blueprint, await readPoolMigrations(tx));
  const missing = pending.filter((migration) => migration.shared === undefined).map((migration) => migration.id);
  if (missing.length > 0) throw IsolationErrors.noSharedBody(missing);
  const applied: PoolRun['applied'] = [];
  for (const migration of pending) {
    const started = performance.now();
    try {
      await runBody(tx, migration.shared as NonNullable<TenantMigration['shared']>, { mode: 'shared', schema: SHARED_SCHEMA });
    } catch (error) {
      throw IsolationErrors.migrationFailed(SHARED_SCHEMA, migration.id, error);
    }
    applied.push({ id: migration.id, durationMs: Math.round(performance.now() - started) });
  }
  if (applied.length > 0) {
    await tx.execute(isolationSql('shared', SHARED_SCHEMA));
    const records = applied.map((run) => ({
      id: run.id,
      checksum: migrationChecksum(blueprint.migrations.find((m) => m.id === run.id) as TenantMigration, 'shared'),
      ms: run.durationMs,
    }));
    await tx.execute(
      `insert into tenantry.shared_migrations (migration_id, checksum, applied_at, duration_ms)
       select r.id, r.checksum, ?, r.ms from jsonb_to_recordset(?::jsonb) as r(id text, checksum text, ms int)`,
      [now, JSON.stringify(records)],
    );
  }
  await recordSharedTenants(tx, now);
  return { applied };
}

/**
 * Every live shared tenant (or just `tenantId`) has had every migration the shared tables have had, with
 * the checksum the shared tables recorded (one statement).
 */
export async function recordSharedTenants(tx: SqlEntityManager, now: Date, tenantId?: string): Promise<void> {
  await tx.execute(
    `insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at, duration_ms)
     select t.id, p.migration_id, p.checksum, ?, 0
       from tenantry.tenants t cross join tenantry.shared_migrations p
      where t.isolation = 'shared' and t.status <> 'deleted' ${tenantId ? 'and t.id = ?' : ''}
     on conflict (tenant_id, migration_id) do nothing`,
    tenantId ? [now, tenantId] : [now],
  );
}
