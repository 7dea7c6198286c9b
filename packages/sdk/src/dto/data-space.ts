import type { DataSpaceView } from '@tenantry/core';

/** A tenant's data space, JSON-safe: where it lives, its migrations, what it holds against its limits. */
export interface DataSpaceDto extends Omit<DataSpaceView, 'migrations'> {
  migrations: { id: string; description: string; appliedAt: string | null; checksumMatches: boolean | null }[];
}

export function toDataSpaceDto(view: DataSpaceView): DataSpaceDto {
  return { ...view, migrations: view.migrations.map((migration) => ({ ...migration, appliedAt: migration.appliedAt?.toISOString() ?? null })) };
}
