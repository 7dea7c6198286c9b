import type { IsolationMode, PlanStep, TenantMigrationRun, TenantMigrationStatus, TenantStatus, UnitReport } from '@tenantry/core';

/** Which tenants are behind the blueprint, JSON-safe. */
export interface TenantMigrationStatusDto {
  blueprint: { name: string; migrations: { id: string; description: string; applied: number; pending: number }[] };
  tenants: { total: number; upToDate: number; behind: number; drifted: number; unknown: number };
  behind: { slug: string; isolation: IsolationMode; status: TenantStatus; missing: string[]; unknown: string[] }[];
  drifted: DriftedMigrationDto[];
  unknown: { slug: string; migrationIds: string[] }[];
  shared: { applied: string[]; pending: string[]; drifted: string[] };
}

export interface DriftedMigrationDto {
  slug: string;
  isolation: IsolationMode;
  migrationId: string;
  appliedChecksum: string;
  expectedChecksum: string;
  appliedAt: string;
}

export type MigrationUnitDto = UnitReport;

/** The report of a migration run (or its plan), JSON-safe. */
export interface TenantMigrationRunDto {
  dryRun: boolean;
  /** `fake`: the units' migrations were (or will be) recorded as applied without running them. */
  fake: boolean;
  /** The plan's fingerprint (pass it as `expectFingerprint` to apply exactly this plan); set by `migrations.apply`. */
  fingerprint?: string;
  blueprint: string;
  options: TenantMigrationRun['options'];
  units: MigrationUnitDto[];
  steps: PlanStep[];
  summary: TenantMigrationRun['summary'];
  drifted: DriftedMigrationDto[];
  /** Present when the database became unavailable: the run stopped at the first outage. */
  stopped?: TenantMigrationRun['stopped'];
  elapsedMs: number;
}

function toDrifted(rows: TenantMigrationStatus['drifted']): DriftedMigrationDto[] {
  return rows.map((row) => ({ ...row, appliedAt: row.appliedAt.toISOString() }));
}

export function toMigrationStatusDto(status: TenantMigrationStatus): TenantMigrationStatusDto {
  return {
    blueprint: status.blueprint,
    tenants: status.tenants,
    behind: status.behind.map(({ slug, isolation, status: tenantStatus, missing, unknown }) => ({
      slug,
      isolation,
      status: tenantStatus as TenantStatus,
      missing,
      unknown,
    })),
    drifted: toDrifted(status.drifted),
    unknown: status.unknown,
    shared: status.shared,
  };
}

export function toMigrationRunDto(run: TenantMigrationRun): TenantMigrationRunDto {
  return { ...run, drifted: toDrifted(run.drifted) };
}
