import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../context.ts';
import type { PlanStep } from '../plan.ts';
import type { ErrorCode, ErrorDetails, ErrorKind, TenantryError } from '../errors.ts';
import { translateDatabaseError } from '../db/translate-error.ts';
import type { Blueprint, TenantMigration } from './blueprint.ts';
import { IsolationErrors } from './isolation-errors.ts';
import { isolationSql } from './isolation-sql.ts';
import { SHARED_SCHEMA } from './names.ts';
import { planTenantUnit, recordRow } from './migration-unit-plan.ts';
import { migrateSharedPool } from './pool.ts';
import { runBody, runScript, runStatement } from './runner.ts';

/** One transaction of a migration run: a schema tenant, or the shared tables (for every shared tenant). */
export type MigrationUnit =
  | { kind: 'tenant'; id: string; slug: string; schema: string; migrations: string[]; unknown: string[] }
  | { kind: 'shared'; migrations: string[]; tenantsBehind: number };

export interface UnitError {
  code: ErrorCode;
  kind: ErrorKind;
  message: string;
  details: ErrorDetails;
  hint?: string;
}

export interface UnitReport {
  target: 'tenant' | 'shared';
  /** The tenant's slug; null for the shared tables. */
  slug: string | null;
  /** `recorded`: recorded as applied without running them (`fake`). */
  outcome: 'planned' | 'migrated' | 'recorded' | 'unchanged' | 'failed' | 'skipped';
  /** Applied (migrated) or recorded, to apply (planned, skipped, failed). */
  migrations: string[];
  canary: boolean;
  durationMs: number;
  error?: UnitError;
  /** Planned tenant units: what its transaction will run, statement by statement (applying runs exactly these). */
  steps?: PlanStep[];
}

/** An event of a migration run for the audit trail, written by the caller's recorder inside `tx`. */
export interface MigrationEvent {
  action: 'tenant.migrated' | 'tenant.migrations_recorded' | 'tenant.migration_failed' | 'shared_schema.migrated' | 'shared_schema.migration_failed';
  tenant?: { id: string; slug: string };
  targetType: 'data_space';
  targetId: string;
  after: Record<string, unknown>;
}

/** Records a migration event in the transaction given (the engine knows nothing of the audit trail). */
export type RecordMigrationEvent = (tx: SqlEntityManager, event: MigrationEvent) => void;

/** The SQL every unit's transaction starts with. */
export function unitPreamble(lockTimeoutMs: number): string[] {
  return [`set local lock_timeout = '${lockTimeoutMs}ms'`, `select pg_advisory_xact_lock(hashtextextended('tenantry.tenant:' || <tenant id>, 0))`];
}

/**
 * Applies what a unit still lacks in one transaction, with a lock timeout so it never queues behind
 * application traffic for long, and an advisory lock so two runs never migrate one tenant at once.
 * What is applied is read again under the lock: a re-run (or a concurrent one) applies exactly what is
 * left. A failure rolls back this unit only and is recorded in the audit trail.
 */
export async function executeUnit(
  ctx: ServiceContext,
  blueprint: Blueprint,
  unit: MigrationUnit,
  lockTimeoutMs: number,
  canary: boolean,
  record: RecordMigrationEvent,
): Promise<UnitReport> {
  const started = performance.now();
  const base = { target: unit.kind, slug: unit.kind === 'tenant' ? unit.slug : null, canary } as const;
  try {
    if (unit.kind === 'tenant' && unit.unknown.length > 0) throw IsolationErrors.schemaTooNew(unit.slug, unit.unknown);
    const applied = await ctx.em.fork().transactional(async (tx) => {
      if (unit.kind === 'tenant') return migrateTenant(ctx, tx, blueprint, unit, lockTimeoutMs, record);
      await tx.execute(`select set_config('lock_timeout', ?, true)`, [`${lockTimeoutMs}ms`]);
      return migrateShared(ctx, tx, blueprint, unit, record);
    });
    return { ...base, outcome: applied.length > 0 ? 'migrated' : 'unchanged', migrations: applied, durationMs: elapsed(started) };
  } catch (error) {
    const failure = classify(error, unit, lockTimeoutMs);
    await recordFailure(ctx, unit, failure, record);
    return { ...base, outcome: 'failed', migrations: unit.migrations, durationMs: elapsed(started), error: failure.toJSON() };
  }
}

async function migrateShared(
  ctx: ServiceContext,
  tx: SqlEntityManager,
  blueprint: Blueprint,
  unit: Extract<MigrationUnit, { kind: 'shared' }>,
  record: RecordMigrationEvent,
): Promise<string[]> {
  const run = await migrateSharedPool(tx, blueprint, ctx.now());
  const applied = run.applied.map((migration) => migration.id);
  record(tx, {
    action: 'shared_schema.migrated',
    targetType: 'data_space',
    targetId: SHARED_SCHEMA,
    after: { migrations: run.applied, tenantsBehind: unit.tenantsBehind },
  });
  return applied;
}

async function migrateTenant(
  ctx: ServiceContext,
  tx: SqlEntityManager,
  blueprint: Blueprint,
  unit: Extract<MigrationUnit, { kind: 'tenant' }>,
  lockTimeoutMs: number,
  record: RecordMigrationEvent,
): Promise<string[]> {
  const started = performance.now();
  const now = ctx.now();
  const planFor = (todo: readonly TenantMigration[]) => planTenantUnit(unit, todo, now, lockTimeoutMs);
  for (const planned of planFor([]).lock) await runStatement(tx, planned);
  // Read under the lock, in a statement of its own (a snapshot taken after the lock was granted).
  const [state] = await tx.execute<{ applied: string[] | null; present: boolean }[]>(
    'select array(select migration_id from tenantry.tenant_migrations where tenant_id = ?) as applied, to_regnamespace(?) is not null as present',
    [unit.id, unit.schema],
  );
  const done = new Set(state?.applied ?? []);
  const todo = blueprint.migrations.filter((migration) => !done.has(migration.id));
  if (todo.length === 0) return [];
  if (!state?.present) throw IsolationErrors.dataSpaceMissing(unit.slug, `its schema ${unit.schema} does not exist`);
  const target = { mode: 'schema' as const, schema: unit.schema, tenantId: unit.id };
  // What is left, planned as the dry run plans it: the script runs exactly the plan's statements.
  const plan = planFor(todo);
  if (plan.script) {
    await runScript(tx, plan.script, target, unit.slug);
  } else {
    const rows: string[] = [];
    for (const migration of todo) {
      const begun = performance.now();
      try {
        await runBody(tx, migration.schema, target);
      } catch (error) {
        throw IsolationErrors.migrationFailed(unit.slug, migration.id, error);
      }
      rows.push(recordRow(unit, migration, now, String(elapsed(begun))));
    }
    await tx.execute(isolationSql('schema', unit.schema, unit.id));
    await tx.execute(`insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at, duration_ms) values ${rows.join(', ')}`);
  }
  record(tx, {
    action: 'tenant.migrated',
    tenant: { id: unit.id, slug: unit.slug },
    targetType: 'data_space',
    targetId: unit.schema,
    after: { migrations: todo.map((migration) => migration.id), durationMs: elapsed(started) },
  });
  return todo.map((migration) => migration.id);
}

/** A unit's failure as an error: a lock not granted in time, or the database's error translated. */
export function classify(error: unknown, unit: MigrationUnit, lockTimeoutMs: number): TenantryError {
  const label = unit.kind === 'tenant' ? unit.slug : SHARED_SCHEMA;
  if (sqlStateOf(error) === '55P03') return IsolationErrors.migrationLocked(label, lockTimeoutMs, error);
  return translateDatabaseError(error);
}

/** The SQLSTATE of a driver error, looked for through wrappers (`cause`). */
export function sqlStateOf(error: unknown, depth = 0): string | undefined {
  if (error === null || typeof error !== 'object' || depth > 5) return undefined;
  const candidate = error as { code?: unknown; sqlState?: unknown; cause?: unknown };
  if (typeof candidate.sqlState === 'string') return candidate.sqlState;
  if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate.code;
  return sqlStateOf(candidate.cause, depth + 1);
}

/** Audits a unit's failure in a transaction of its own (the unit's rolled back). */
export async function recordFailure(ctx: ServiceContext, unit: MigrationUnit, failure: TenantryError, record: RecordMigrationEvent): Promise<void> {
  const tenant = unit.kind === 'tenant' ? { id: unit.id, slug: unit.slug } : undefined;
  try {
    await ctx.em.fork().transactional(async (tx) => {
      record(tx, {
        action: unit.kind === 'tenant' ? 'tenant.migration_failed' : 'shared_schema.migration_failed',
        ...(tenant ? { tenant } : {}),
        targetType: 'data_space',
        targetId: unit.kind === 'tenant' ? unit.schema : SHARED_SCHEMA,
        after: { migrations: unit.migrations, code: failure.code, message: failure.message },
      });
    });
  } catch {
    // The report still carries the failure; an unreachable database fails the next unit too.
  }
}

/** Milliseconds since `started` (a `performance.now()`), rounded. */
export function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
