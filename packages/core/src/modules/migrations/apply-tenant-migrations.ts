import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import type { Blueprint } from '../../isolation/blueprint.ts';
import type { IsolationMode } from '../../isolation/isolation-mode.ts';
import { runTenantMigrations, type MigrationProgress, type TenantMigrationRun, type UnitSelection } from '../../isolation/migration-apply.ts';
import { recordTenantMigrations } from '../../isolation/migration-record.ts';
import { tenantMigrationStatus, type TenantMigrationStatus } from '../../isolation/migration-status.ts';
import type { MigrationUnit, RecordMigrationEvent } from '../../isolation/migration-unit.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { defineOperation, type Executed } from '../../operations/operation.ts';
import { executeOperation } from '../../operations/execute.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { applyTenantMigrationsInput, type ApplyTenantMigrationsRequest } from './apply-migrations.schemas.ts';

export interface PlannedMigrations {
  /** The status the plan was made from: applying selects the very same units from it. */
  status: TenantMigrationStatus;
  selection: UnitSelection;
  /** The dry run's report: every unit in order, each tenant's statements. */
  planned: TenantMigrationRun;
  /** `fake`: the tenants whose pending migrations are recorded without running, with those migrations. */
  recording: RecordingUnit[] | null;
}

type RecordingUnit = Extract<MigrationUnit, { kind: 'tenant' }>;

/**
 * Rolls the blueprint's migrations out to every tenant that is behind (`all`), or the named ones: each
 * unit its own transaction (the operation runs its own), every outcome and failure in the audit trail,
 * then the run itself. See `runTenantMigrations` (isolation/) for the order, the canaries and when a
 * run stops. `onProgress` hears of each unit as it finishes.
 */
export function tenantMigrationsOperation(onProgress?: (progress: MigrationProgress) => void) {
  return defineOperation({
    id: 'migrate.apply',
    summary: "Applies the blueprint's tenant migrations to every tenant that is behind, or the named ones.",
    scope: 'platform',
    ownTransactions: true,
    input: applyTenantMigrationsInput,
    audit: ['tenant_migrations.applied', 'tenant_migrations.recorded'],
    async plan(ctx, request) {
      const blueprint = blueprintOf(ctx);
      const status = await tenantMigrationStatus(ctx.em, blueprint);
      const named = request.tenants && request.tenants.length > 0 ? await namedTenants(ctx, request.tenants) : undefined;
      const selection: UnitSelection = { all: request.all, ...(named ? { only: new Set(named.keys()) } : {}) };
      const options = { ...runOptions(request), dryRun: true, record: recorder(ctx) };
      const recording = request.fake ? recordingUnits(blueprint, status, named ?? new Map(), request.to) : null;
      const planned = recording
        ? await recordTenantMigrations(ctx, blueprint, recording, options, status.drifted)
        : await runTenantMigrations(ctx, blueprint, status, selection, options);
      const data: PlannedMigrations = { status, selection, planned, recording };
      if (planned.units.length === 0) return { unchanged: true, steps: [], data };
      return {
        steps: planned.steps,
        basis: planned.units.map((unit) => [unit.target, unit.slug, unit.migrations]),
        audit: {
          action: recording ? 'tenant_migrations.recorded' : 'tenant_migrations.applied',
          targetType: 'blueprint',
          targetId: blueprint.name,
          after: { units: planned.units.length, ...(recording ? { ran: false } : {}) },
        },
        data,
      };
    },
    async apply(ctx, plan, request) {
      const options = { ...runOptions(request), record: recorder(ctx), ...(onProgress ? { onProgress } : {}) };
      const { recording, status, selection } = plan.data;
      const run = recording
        ? await recordTenantMigrations(ctx, blueprintOf(ctx), recording, options, status.drifted)
        : await runTenantMigrations(ctx, blueprintOf(ctx), status, selection, options);
      if (plan.audit?.after) Object.assign(plan.audit.after, { summary: run.summary, ...(run.stopped ? { stopped: run.stopped.error.code } : {}) });
      return run;
    },
  });
}

/** The operation as registered (no progress callback). */
export const applyTenantMigrationsOperation = tenantMigrationsOperation();

/** The run an execution answers: the report (applied), or the plan (a dry run, or nothing to do). */
export function migrationRunOf(executed: Executed<PlannedMigrations, TenantMigrationRun>, dryRun: boolean): TenantMigrationRun {
  return executed.value ?? { ...executed.data.planned, dryRun };
}

/** For callers inside core (the doctor's repair, tests): the run's report. */
export async function applyTenantMigrations(
  ctx: ServiceContext,
  input: unknown,
  options: { dryRun?: boolean; onProgress?: (progress: MigrationProgress) => void } = {},
): Promise<TenantMigrationRun> {
  const executed = await executeOperation(ctx, tenantMigrationsOperation(options.onProgress), input as never, { dryRun: options.dryRun === true });
  return migrationRunOf(executed, options.dryRun === true);
}

function runOptions(request: ApplyTenantMigrationsRequest) {
  const { concurrency, canary, continueOnError, lockTimeoutMs } = request;
  return { concurrency, canary, continueOnError, lockTimeoutMs };
}

function recorder(ctx: ServiceContext): RecordMigrationEvent {
  return (tx, event) => void recordAudit(ctx, tx, event);
}

/** The named slugs with their isolation, every one a live tenant; TENANT_NOT_FOUND names those that are not. */
async function namedTenants(ctx: ServiceContext, slugs: readonly string[]): Promise<Map<string, IsolationMode>> {
  const wanted = [...new Set(slugs)];
  const found = await ctx.em
    .fork()
    .execute<{ slug: string; isolation: IsolationMode }[]>(`select slug, isolation from tenantry.tenants where slug in (?) and status <> 'deleted'`, [wanted]);
  const known = new Map(found.map((row) => [row.slug, row.isolation]));
  const missing = wanted.filter((slug) => !known.has(slug));
  if (missing.length > 0) {
    const error = TenantryError.tenantNotFound(missing[0] as string);
    throw new TenantryError('TENANT_NOT_FOUND', {
      message: `No tenant with slug ${missing.map((slug) => `"${slug}"`).join(', ')}.`,
      details: { slugs: missing },
      ...(error.hint ? { hint: error.hint } : {}),
    });
  }
  return known;
}

/**
 * `fake`: each named tenant's pending migrations up to and including `to` (all pending without it).
 * Shared tenants are refused: their migrations are the shared tables', applied once for all of them.
 */
function recordingUnits(
  blueprint: Blueprint,
  status: TenantMigrationStatus,
  named: ReadonlyMap<string, IsolationMode>,
  to: string | undefined,
): RecordingUnit[] {
  const ids = blueprint.migrations.map((migration) => migration.id);
  if (to !== undefined && !ids.includes(to)) {
    throw TenantryError.invalidInput([{ path: 'to', message: `"${to}" is not a migration of blueprint ${blueprint.name}; its migrations: ${ids.join(', ')}` }]);
  }
  const shared = [...named].filter(([, isolation]) => isolation === 'shared').map(([slug]) => slug);
  if (shared.length > 0) {
    throw TenantryError.invalidInput([
      {
        path: 'tenants',
        message: `${shared.join(', ')} ${shared.length === 1 ? 'is' : 'are'} shared-isolation: their migrations are the shared tables', so fake records migrations of schema tenants only`,
      },
    ]);
  }
  const upTo = new Set(to === undefined ? ids : ids.slice(0, ids.indexOf(to) + 1));
  return status.behind.flatMap((tenant): RecordingUnit[] => {
    const migrations = tenant.missing.filter((id) => upTo.has(id));
    if (!named.has(tenant.slug) || migrations.length === 0) return [];
    return [{ kind: 'tenant', id: tenant.id, slug: tenant.slug, schema: tenant.schemaName ?? '', migrations, unknown: tenant.unknown }];
  });
}
