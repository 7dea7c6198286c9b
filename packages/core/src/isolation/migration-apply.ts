import type { ServiceContext } from '../context.ts';
import type { PlanStep } from '../plan.ts';
import type { Blueprint } from './blueprint.ts';
import type { DriftedMigration, TenantMigrationStatus } from './migration-status.ts';
import { executeUnit, unitPreamble, type MigrationUnit, type RecordMigrationEvent, type UnitError, type UnitReport } from './migration-unit.ts';
import { planTenantUnit } from './migration-unit-plan.ts';
import { poolSteps, sqlOf } from './pool.ts';
import { runWithConcurrency } from './work-pool.ts';

export interface MigrationProgress {
  done: number;
  total: number;
  report: UnitReport;
}

/** How a run goes: tenants at once, canaries first, whether a failure stops it, how long a unit waits for a lock. */
export interface MigrationRunOptions {
  concurrency: number;
  canary: number;
  continueOnError: boolean;
  lockTimeoutMs: number;
}

/** Which units a run takes: every tenant behind (`all`), or only the named ones. */
export interface UnitSelection {
  all: boolean;
  /** The slugs named (known to exist); undefined: every tenant. */
  only?: ReadonlySet<string>;
}

export interface TenantMigrationRun {
  dryRun: boolean;
  /** Recorded as applied without running (`fake`): no migration ran. */
  fake: boolean;
  blueprint: string;
  options: MigrationRunOptions;
  /** Every unit in the order it runs: canary tenants, the shared tables, the other tenants. */
  units: UnitReport[];
  /** Dry run: what each unit's transaction does, with the SQL. */
  steps: PlanStep[];
  summary: { units: number; migrated: number; recorded: number; unchanged: number; failed: number; skipped: number; planned: number };
  /** Applied migrations whose checksum changed since: reported, never re-run. */
  drifted: DriftedMigration[];
  /** Present when the database became unavailable: the run stopped at the first outage (units not started are `skipped`). */
  stopped?: { error: UnitError; done: number; total: number };
  elapsedMs: number;
}

/**
 * Rolls the blueprint's migrations out to the units selected from `status`: canary tenants first, one
 * at a time, then the shared tables, then the rest with bounded concurrency. Each unit is its own
 * transaction; a failure never rolls back another, and stops the run unless `continueOnError` (a
 * failing canary always stops it). The report lists every unit's outcome; a dry run plans each unit.
 */
export async function runTenantMigrations(
  ctx: ServiceContext,
  blueprint: Blueprint,
  status: TenantMigrationStatus,
  selection: UnitSelection,
  options: MigrationRunOptions & { dryRun?: boolean; onProgress?: (progress: MigrationProgress) => void; record: RecordMigrationEvent },
): Promise<TenantMigrationRun> {
  const started = performance.now();
  const units = selectUnits(selection, status);
  const schemaUnits = units.filter((unit) => unit.kind === 'tenant');
  const canaries: MigrationUnit[] = schemaUnits.slice(0, options.canary);
  const shared = units.filter((unit) => unit.kind === 'shared');
  const rest = schemaUnits.slice(options.canary);
  const ordered = [...canaries, ...shared, ...rest];
  const { concurrency, canary, continueOnError, lockTimeoutMs } = options;
  const result = (reports: UnitReport[], steps: PlanStep[] = []): TenantMigrationRun => ({
    dryRun: options.dryRun === true,
    fake: false,
    blueprint: blueprint.name,
    options: { concurrency, canary, continueOnError, lockTimeoutMs },
    units: reports,
    steps,
    summary: summarize(reports),
    drifted: status.drifted,
    elapsedMs: Math.round(performance.now() - started),
  });
  if (options.dryRun) {
    const planned = ordered.map((unit) => ({ ...report(unit, 'planned', canaries.includes(unit)), ...unitSteps(blueprint, unit, ctx.now(), lockTimeoutMs) }));
    return result(planned, describeRun(blueprint, ordered, lockTimeoutMs));
  }

  const reports = new Map<MigrationUnit, UnitReport>();
  let failed = false;
  let outage: UnitError | undefined;
  const run = async (unit: MigrationUnit) => {
    const outcome = await executeUnit(ctx, blueprint, unit, lockTimeoutMs, canaries.includes(unit), options.record);
    reports.set(unit, outcome);
    if (outcome.outcome === 'failed') failed = true;
    if (outcome.error?.kind === 'unavailable') outage ??= outcome.error;
    options.onProgress?.({ done: reports.size, total: ordered.length, report: outcome });
  };
  // Canary tenants one at a time; any failure among them stops the run whatever continueOnError says.
  const canariesLeft = await runWithConcurrency(canaries, 1, run, () => failed);
  // An outage stops the run even with continueOnError: every later unit would fail the same way.
  const stop = () => outage !== undefined || (failed && !continueOnError);
  if (canariesLeft.length === 0 && !failed) {
    await runWithConcurrency(shared, 1, run, stop);
    await runWithConcurrency(rest, concurrency, run, stop);
  }
  const done = result(ordered.map((unit) => reports.get(unit) ?? report(unit, 'skipped', canaries.includes(unit))));
  return outage ? { ...done, stopped: { error: outage, done: reports.size, total: ordered.length } } : done;
}

function selectUnits(selection: UnitSelection, status: TenantMigrationStatus): MigrationUnit[] {
  const only = selection.only;
  const behind = only ? status.behind.filter((tenant) => only.has(tenant.slug)) : status.behind;
  const sharedBehind = behind.filter((tenant) => tenant.isolation === 'shared');
  const poolStale = status.shared.pending.length > 0 && status.shared.applied.length > 0 && selection.all;
  const units: MigrationUnit[] = [];
  if (sharedBehind.length > 0 || poolStale) {
    const missing = new Set([...status.shared.pending, ...sharedBehind.flatMap((tenant) => tenant.missing)]);
    units.push({ kind: 'shared', migrations: [...missing], tenantsBehind: sharedBehind.length });
  }
  for (const tenant of behind) {
    if (tenant.isolation !== 'schema') continue;
    units.push({ kind: 'tenant', id: tenant.id, slug: tenant.slug, schema: tenant.schemaName ?? '', migrations: tenant.missing, unknown: tenant.unknown });
  }
  return units;
}

/** A unit's report before (or without) it running. */
export function report(unit: MigrationUnit, outcome: 'planned' | 'skipped', canary: boolean): UnitReport {
  return { target: unit.kind, slug: unit.kind === 'tenant' ? unit.slug : null, outcome, migrations: unit.migrations, canary, durationMs: 0 };
}

/** A tenant unit's own plan: the statements its transaction runs (the shared tables are planned under their lock). */
function unitSteps(blueprint: Blueprint, unit: MigrationUnit, now: Date, lockTimeoutMs: number): { steps?: PlanStep[] } {
  if (unit.kind !== 'tenant') return {};
  const todo = blueprint.migrations.filter((migration) => unit.migrations.includes(migration.id));
  return { steps: planTenantUnit(unit, todo, now, lockTimeoutMs).steps };
}

function describeRun(blueprint: Blueprint, units: readonly MigrationUnit[], lockTimeoutMs: number): PlanStep[] {
  const schemaUnits = units.filter((unit) => unit.kind === 'tenant');
  const steps: PlanStep[] = [];
  const shared = units.find((unit) => unit.kind === 'shared');
  if (shared) {
    const pending = blueprint.migrations.filter((migration) => shared.migrations.includes(migration.id));
    steps.push(
      { action: 'lock', description: 'Take the shared tables lock, with the lock timeout', sql: [unitPreamble(lockTimeoutMs)[0] as string] },
      ...poolSteps(pending),
    );
    steps.push({ action: 'record-migrations', description: `Record the shared migrations for every shared tenant (${shared.tenantsBehind} behind)` });
  }
  if (schemaUnits.length === 0) return steps;
  steps.push({
    action: 'lock',
    description: `For each of ${schemaUnits.length} tenant schema(s), in its own transaction: the lock timeout and the tenant's advisory lock`,
    sql: unitPreamble(lockTimeoutMs),
  });
  for (const migration of blueprint.migrations) {
    const count = schemaUnits.filter((unit) => unit.migrations.includes(migration.id)).length;
    if (count === 0) continue;
    steps.push({
      action: 'run-migration',
      description: `Run ${migration.id} in ${count} tenant schema(s): ${migration.description}`,
      sql: sqlOf(migration.schema, migration),
    });
  }
  steps.push({ action: 'isolate-schema', description: 'Grant the application role and force row-level security on any new table' });
  steps.push({ action: 'record-migrations', description: 'Record each migration with its checksum, and an audit event per tenant' });
  return steps;
}

/** How many units ended each way. */
export function summarize(reports: readonly UnitReport[]): TenantMigrationRun['summary'] {
  const count = (outcome: UnitReport['outcome']) => reports.filter((unit) => unit.outcome === outcome).length;
  return {
    units: reports.length,
    migrated: count('migrated'),
    recorded: count('recorded'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    skipped: count('skipped'),
    planned: count('planned'),
  };
}
