import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { runTenantMigrations, type MigrationProgress, type TenantMigrationRun, type UnitSelection } from '../../isolation/migration-apply.ts';
import { tenantMigrationStatus, type TenantMigrationStatus } from '../../isolation/migration-status.ts';
import type { RecordMigrationEvent } from '../../isolation/migration-unit.ts';
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
}

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
    audit: ['tenant_migrations.applied'],
    async plan(ctx, request) {
      const blueprint = blueprintOf(ctx);
      const status = await tenantMigrationStatus(ctx.em, blueprint);
      const named = request.tenants && request.tenants.length > 0 ? await existingSlugs(ctx, request.tenants) : undefined;
      const selection: UnitSelection = { all: request.all, ...(named ? { only: named } : {}) };
      const planned = await runTenantMigrations(ctx, blueprint, status, selection, { ...runOptions(request), dryRun: true, record: recorder(ctx) });
      const data: PlannedMigrations = { status, selection, planned };
      if (planned.units.length === 0) return { unchanged: true, steps: [], data };
      return {
        steps: planned.steps,
        basis: planned.units.map((unit) => [unit.target, unit.slug, unit.migrations]),
        audit: { targetType: 'blueprint', targetId: blueprint.name, after: { units: planned.units.length } },
        data,
      };
    },
    async apply(ctx, plan, request) {
      const run = await runTenantMigrations(ctx, blueprintOf(ctx), plan.data.status, plan.data.selection, {
        ...runOptions(request),
        record: recorder(ctx),
        ...(onProgress ? { onProgress } : {}),
      });
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

/** The named slugs, every one a live tenant; TENANT_NOT_FOUND names those that are not. */
async function existingSlugs(ctx: ServiceContext, slugs: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(slugs)];
  const found = await ctx.em.fork().execute<{ slug: string }[]>(`select slug from tenantry.tenants where slug in (?) and status <> 'deleted'`, [wanted]);
  const known = new Set(found.map((row) => row.slug));
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
