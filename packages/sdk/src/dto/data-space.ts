import type { DataSpaceView, Executed, SeededTable, TableRows } from '@tenantry/core';
import { toChangeDto, type ChangeDto } from './change.ts';

/** A tenant's data space, JSON-safe: where it lives, its migrations, what it holds against its limits. */
export interface DataSpaceDto extends Omit<DataSpaceView, 'migrations'> {
  migrations: { id: string; description: string; appliedAt: string | null; checksumMatches: boolean | null }[];
}

export function toDataSpaceDto(view: DataSpaceView): DataSpaceDto {
  return { ...view, migrations: view.migrations.map((migration) => ({ ...migration, appliedAt: migration.appliedAt?.toISOString() ?? null })) };
}

/** One table of the tenant's data space when demo data is seeded: its rows before and, once applied, after. */
export interface SeededTableDto {
  table: string;
  before: number;
  /** null in a plan (dry run): nothing was written. */
  after: number | null;
  added: number | null;
}

/** What `tenants.seedDemo` answers: the change, and every table of the data space with its rows. */
export interface DemoSeedResultDto extends ChangeDto {
  tables: SeededTableDto[];
}

export function toDemoSeedDto(executed: Executed<{ tables: TableRows[] }, { tables: SeededTable[] }>): DemoSeedResultDto {
  const tables = executed.value?.tables ?? executed.data.tables.map((table) => ({ table: table.table, before: table.rows, after: null, added: null }));
  return { ...toChangeDto(executed), tables };
}
