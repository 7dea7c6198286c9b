import { controlPlaneStatus, describeDataPath, migrateDatabase, requirePlatform, type DatabaseTarget, type DataPathRole, type PlanStep } from '@tenantry/core';
import { toStepDtos } from '../dto/change.ts';
import type { OperationOptions } from '../operation-options.ts';
import type { ClientRuntime } from '../runtime.ts';

export interface MigrationStatusDto {
  target: DatabaseTarget;
  applied: { id: string; description: string; appliedAt: string; checksumMatches: boolean }[];
  pending: { id: string; description: string }[];
  unknown: string[];
  /** The role withTenant logs in as (null when it cannot log in: `dataPathProblem` says why). */
  dataPath: DataPathRole | null;
  dataPathProblem?: string;
}

/**
 * The control-plane schema: which versioned migrations are applied, and applying the rest.
 *
 * @example
 * ```ts
 * const { pending } = await tenantry.database.status();
 * if (pending.length > 0) await tenantry.database.migrate();
 * ```
 */
export class DatabaseResource {
  readonly #runtime: ClientRuntime;

  constructor(runtime: ClientRuntime) {
    this.#runtime = runtime;
  }

  get target(): DatabaseTarget {
    return this.#runtime.database.target;
  }

  /**
   * Which control-plane migrations are applied and pending, and which role the data path logs in as. Platform only.
   *
   * @throws {@link TenantryError} `SCHEMA_TOO_NEW`, `FORBIDDEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async status(): Promise<MigrationStatusDto> {
    return this.#runtime.run(async (ctx) => {
      requirePlatform(ctx, 'database.status');
      const status = await controlPlaneStatus(ctx.em);
      return {
        target: this.target,
        applied: status.applied.map((row) => ({ ...row, appliedAt: row.appliedAt.toISOString() })),
        pending: status.pending,
        unknown: status.unknown,
        ...(await this.#dataPath()),
      };
    });
  }

  async #dataPath(): Promise<{ dataPath: DataPathRole | null; dataPathProblem?: string }> {
    try {
      return { dataPath: await describeDataPath(this.#runtime.dataPath) };
    } catch (error) {
      return { dataPath: null, dataPathProblem: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Applies pending migrations; `dryRun` lists them without applying, with the plan's steps (every
   * statement) and `fingerprint`; `expectFingerprint` applies only that plan. Returns the ids (to be) applied.
   *
   * @throws {@link TenantryError} `SCHEMA_TOO_NEW`, `FORBIDDEN`, `PLAN_STALE`; and, like every method, a database code (see `TenantryClient`)
   */
  async migrate(options: OperationOptions = {}): Promise<{ applied: string[]; dryRun: boolean; fingerprint: string; steps: PlanStep[] }> {
    const executed = await this.#runtime.execute(migrateDatabase, {}, options);
    const applied = executed.value ?? (executed.result === 'planned' ? executed.data.pending : []);
    return { applied, dryRun: options.dryRun === true, fingerprint: executed.fingerprint, steps: toStepDtos(executed.steps) };
  }
}
