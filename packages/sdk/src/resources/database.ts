import { controlPlaneStatus, migrateControlPlane, type DatabaseTarget } from '@tenantry/core';
import type { ClientRuntime } from '../runtime.ts';

export interface MigrationStatusDto {
  target: DatabaseTarget;
  applied: { id: string; description: string; appliedAt: string; checksumMatches: boolean }[];
  pending: { id: string; description: string }[];
  unknown: string[];
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
   * @throws {@link TenantryError} `SCHEMA_TOO_NEW`; and, like every method, a database code (see `TenantryClient`)
   */
  async status(): Promise<MigrationStatusDto> {
    return this.#runtime.run(async (ctx) => {
      const status = await controlPlaneStatus(ctx.em);
      return {
        target: this.target,
        applied: status.applied.map((row) => ({ ...row, appliedAt: row.appliedAt.toISOString() })),
        pending: status.pending,
        unknown: status.unknown,
      };
    });
  }

  /**
   * Applies pending migrations; `dryRun` lists them without applying. Returns the ids (to be) applied.
   *
   * @throws {@link TenantryError} `SCHEMA_TOO_NEW`, `FORBIDDEN`; and, like every method, a database code (see `TenantryClient`)
   */
  async migrate(options: { dryRun?: boolean } = {}): Promise<{ applied: string[]; dryRun: boolean }> {
    return this.#runtime.run(async (ctx) => {
      if (options.dryRun) {
        const status = await controlPlaneStatus(ctx.em);
        return { applied: status.pending.map((migration) => migration.id), dryRun: true };
      }
      return { applied: await migrateControlPlane(ctx.em), dryRun: false };
    });
  }
}
