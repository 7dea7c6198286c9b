import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../context.ts';
import { statementStep, type PlanStep } from '../plan.ts';
import { statement, type Statement } from '../statement.ts';
import type { Blueprint, TenantMigration } from './blueprint.ts';
import { IsolationErrors } from './isolation-errors.ts';
import { isolationSql } from './isolation-sql.ts';
import { report, summarize, type MigrationProgress, type MigrationRunOptions, type TenantMigrationRun } from './migration-apply.ts';
import type { TenantMigrationStatus } from './migration-status.ts';
import { classify, elapsed, recordFailure, type MigrationUnit, type RecordMigrationEvent, type UnitReport } from './migration-unit.ts';
import { recordRow, unitLock, type UnitTenant } from './migration-unit-plan.ts';
import { runStatement } from './runner.ts';
import { runWithConcurrency } from './work-pool.ts';

type TenantUnit = Extract<MigrationUnit, { kind: 'tenant' }>;

/**
 * What recording a tenant's migrations without running them does, in one transaction: the tenant's lock
 * (as `migrate apply` takes it), then the isolation a run would give any table of the schema (grants,
 * forced row-level security: the tables were made some other way), then the records with their checksums.
 */
export function planRecordUnit(
  tenant: UnitTenant,
  todo: readonly TenantMigration[],
  now: Date,
  lockTimeoutMs: number,
): { lock: Statement[]; steps: PlanStep[] } {
  const { lock, step } = unitLock(tenant, lockTimeoutMs);
  const rows = todo.map((migration) => recordRow(tenant, migration, now, '0'));
  return {
    lock,
    steps: [
      step,
      statementStep('isolate-schema', `Grant the application role and force row-level security on any table of ${tenant.schema} not yet isolated`, [
        statement(isolationSql('schema', tenant.schema, tenant.id)),
      ]),
      statementStep(
        'record-migrations',
        `Record ${todo.map((migration) => migration.id).join(', ')} as applied to ${tenant.slug} without running them, with their checksums`,
        [statement(`insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at, duration_ms) values ${rows.join(', ')}`)],
      ),
    ],
  };
}

/**
 * Records the named tenants' pending migrations (up to `to`, when given) as applied without running
 * them, each tenant its own transaction under its lock; what is recorded is read again under the lock,
 * so a re-run (or a run of `migrate apply` meanwhile) records exactly what is left.
 */
export async function recordTenantMigrations(
  ctx: ServiceContext,
  blueprint: Blueprint,
  units: readonly TenantUnit[],
  options: MigrationRunOptions & { dryRun?: boolean; onProgress?: (progress: MigrationProgress) => void; record: RecordMigrationEvent },
  drifted: TenantMigrationStatus['drifted'],
): Promise<TenantMigrationRun> {
  const started = performance.now();
  const { concurrency, canary, continueOnError, lockTimeoutMs } = options;
  const result = (reports: UnitReport[], steps: PlanStep[] = []): TenantMigrationRun => ({
    dryRun: options.dryRun === true,
    fake: true,
    blueprint: blueprint.name,
    options: { concurrency, canary, continueOnError, lockTimeoutMs },
    units: reports,
    steps,
    summary: summarize(reports),
    drifted,
    elapsedMs: elapsed(started),
  });
  const todoOf = (unit: TenantUnit) => blueprint.migrations.filter((migration) => unit.migrations.includes(migration.id));
  if (options.dryRun) {
    const planned = units.map((unit) => ({ ...report(unit, 'planned', false), steps: planRecordUnit(unit, todoOf(unit), ctx.now(), lockTimeoutMs).steps }));
    return result(planned, describeRecording(units, lockTimeoutMs));
  }
  const reports = new Map<TenantUnit, UnitReport>();
  let failed = false;
  await runWithConcurrency(
    units,
    concurrency,
    async (unit) => {
      const outcome = await recordUnit(ctx, blueprint, unit, lockTimeoutMs, options.record);
      reports.set(unit, outcome);
      if (outcome.outcome === 'failed') failed = true;
      options.onProgress?.({ done: reports.size, total: units.length, report: outcome });
    },
    () => failed && !continueOnError,
  );
  return result(units.map((unit) => reports.get(unit) ?? report(unit, 'skipped', false)));
}

async function recordUnit(
  ctx: ServiceContext,
  blueprint: Blueprint,
  unit: TenantUnit,
  lockTimeoutMs: number,
  record: RecordMigrationEvent,
): Promise<UnitReport> {
  const started = performance.now();
  const base = { target: 'tenant', slug: unit.slug, canary: false } as const;
  try {
    if (unit.unknown.length > 0) throw IsolationErrors.schemaTooNew(unit.slug, unit.unknown);
    const recorded = await ctx.em.fork().transactional((tx) => recordInTransaction(ctx, tx, blueprint, unit, lockTimeoutMs, record));
    return { ...base, outcome: recorded.length > 0 ? 'recorded' : 'unchanged', migrations: recorded, durationMs: elapsed(started) };
  } catch (error) {
    const failure = classify(error, unit, lockTimeoutMs);
    await recordFailure(ctx, unit, failure, record);
    return { ...base, outcome: 'failed', migrations: unit.migrations, durationMs: elapsed(started), error: failure.toJSON() };
  }
}

async function recordInTransaction(
  ctx: ServiceContext,
  tx: SqlEntityManager,
  blueprint: Blueprint,
  unit: TenantUnit,
  lockTimeoutMs: number,
  record: RecordMigrationEvent,
): Promise<string[]> {
  const now = ctx.now();
  for (const planned of unitLock(unit, lockTimeoutMs).lock) await runStatement(tx, planned);
  const [state] = await tx.execute<{ applied: string[] | null; present: boolean }[]>(
    'select array(select migration_id from tenantry.tenant_migrations where tenant_id = ?) as applied, to_regnamespace(?) is not null as present',
    [unit.id, unit.schema],
  );
  const done = new Set(state?.applied ?? []);
  const todo = blueprint.migrations.filter((migration) => unit.migrations.includes(migration.id) && !done.has(migration.id));
  if (todo.length === 0) return [];
  if (!state?.present) throw IsolationErrors.dataSpaceMissing(unit.slug, `its schema ${unit.schema} does not exist`);
  const [, ...steps] = planRecordUnit(unit, todo, now, lockTimeoutMs).steps;
  for (const step of steps) for (const planned of step.statements ?? []) await runStatement(tx, planned);
  const ids = todo.map((migration) => migration.id);
  record(tx, {
    action: 'tenant.migrations_recorded',
    tenant: { id: unit.id, slug: unit.slug },
    targetType: 'data_space',
    targetId: unit.schema,
    after: { migrations: ids, ran: false },
  });
  return ids;
}

function describeRecording(units: readonly TenantUnit[], lockTimeoutMs: number): PlanStep[] {
  if (units.length === 0) return [];
  const ids = [...new Set(units.flatMap((unit) => unit.migrations))];
  return [
    {
      action: 'lock',
      description: `For each of ${units.length} tenant schema(s), in its own transaction: the lock timeout (${lockTimeoutMs} ms) and the tenant's advisory lock`,
    },
    { action: 'isolate-schema', description: 'Grant the application role and force row-level security on any table not yet isolated' },
    {
      action: 'record-migrations',
      description: `Record ${ids.join(', ')} as applied without running them (nothing is run), with their checksums, and an audit event per tenant`,
    },
  ];
}
