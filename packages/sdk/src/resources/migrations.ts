import { getTenantMigrationStatus, migrationRunOf, tenantMigrationsOperation, type ApplyTenantMigrationsInput } from '@tenantry/core';
import {
  toMigrationRunDto,
  toMigrationStatusDto,
  type MigrationUnitDto,
  type TenantMigrationRunDto,
  type TenantMigrationStatusDto,
} from '../dto/migrations.ts';
import type { OperationOptions } from '../operation-options.ts';
import type { ClientRuntime } from '../runtime.ts';

export interface MigrationProgressDto {
  done: number;
  total: number;
  report: MigrationUnitDto;
}

/** How a migration run is applied: a dry run, the fingerprint of the plan to hold to, progress. */
export interface ApplyMigrationsOptions extends OperationOptions {
  /** Returns the plan (units in order, each tenant's statements, the fingerprint) and writes nothing. */
  dryRun?: boolean;
  /** Called after each unit (a tenant, or the shared tables) finishes. */
  onProgress?: (progress: MigrationProgressDto) => void;
}

/**
 * The blueprint's tenant migrations across every tenant (`client.database` is the control plane's own).
 *
 * @example
 * ```ts
 * const status = await tenantry.migrations.status();
 * const run = await tenantry.migrations.apply({ all: true, canary: 3 });
 * await tenantry.migrations.apply({ tenants: ['theo'], fake: true, to: '0002_devices' }); // recorded, not run
 * ```
 */
export class Migrations {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  /**
   * Which tenants are behind and by which migrations, which applied ones changed since: set-based, fast at any count.
   *
   * @throws {@link TenantryError} `FORBIDDEN`, `TENANT_SCHEMA_TOO_NEW`; and, like every method, a database code (see `TenantryClient`)
   */
  async status(): Promise<TenantMigrationStatusDto> {
    return this.#runtime.run(async (ctx) => toMigrationStatusDto(await getTenantMigrationStatus(ctx)));
  }

  /**
   * Applies what each tenant lacks: `{ all: true }` or `{ tenants: [slug...] }`, with `concurrency`
   * (default 4 on a server, 1 embedded), `canary` (tenants migrated first, one at a time; a failure
   * stops the run), `continueOnError`, `lockTimeoutMs` (default 5000). Each tenant is one transaction;
   * the report lists every outcome. Failures do not throw: check `summary.failed`.
   *
   * `fake: true` with `tenants` records their pending migrations as applied without running them (up to
   * and including `to`, when given; schema-isolated tenants only): for a schema that has them already.
   * Each tenant is still locked as a run locks it, its tables get the isolation a run gives them, and the
   * audit trail says they were recorded, not run (`migration.recorded`); units end `recorded`.
   *
   * A dry run carries the plan's `fingerprint`; `expectFingerprint` applies only while the plan is the same.
   *
   * @throws {@link TenantryError} `INVALID_INPUT`, `FORBIDDEN`, `TENANT_NOT_FOUND`, `TENANT_MIGRATION_FAILED`, `TENANT_MIGRATION_LOCKED`, `TENANT_SCHEMA_TOO_NEW`, `PARTIAL_FAILURE`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async apply(input: ApplyTenantMigrationsInput, options: ApplyMigrationsOptions = {}): Promise<TenantMigrationRunDto> {
    const concurrency = input.concurrency ?? (this.#runtime.database.target.kind === 'embedded' ? 1 : 4);
    const { onProgress, ...run } = options;
    const executed = await this.#runtime.execute(tenantMigrationsOperation(onProgress), { ...input, concurrency }, run);
    return { ...toMigrationRunDto(migrationRunOf(executed, run.dryRun === true)), fingerprint: executed.fingerprint };
  }
}
