import { controlPlaneStatus, describeDataPath, migrateControlPlane, requirePlatform, type DatabaseTarget, type DataPathRole } from '@tenantry/core';
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
   * Applies pending migrations; `dryRun` lists them without applying. Returns the ids (to be) applied.
   *
   * @throws {@link TenantryError} `SCHEMA_TOO_NEW`, `FORBIDDEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async migrate(options: { dryRun?: boolean } = {}): Promise<{ applied: string[]; dryRun: boolean }> {
    return this.#runtime.run(async (ctx) => {
      requirePlatform(ctx, 'database.migrate');
      if (options.dryRun) {
        const status = await controlPlaneStatus(ctx.em);
        return { applied: status.pending.map((migration) => migration.id), dryRun: true };
      }
      return { applied: await migrateControlPlane(ctx.em), dryRun: false };
    });
  }
}
