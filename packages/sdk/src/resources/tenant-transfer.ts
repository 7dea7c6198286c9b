import { exportTenantOperation, importTenantOperation, restoreTables, type ExportSummary, type ImportSummary, type TablesRestored } from '@tenantry/core';
import { toChangeDto, type ChangeDto } from '../dto/change.ts';
import { assertWritablePath, readInputFile } from '../files.ts';
import type { OperationOptions } from '../operation-options.ts';
import type { ClientRuntime } from '../runtime.ts';

/** What an export wrote (or, planned, would write). */
export interface TenantExportResultDto extends ChangeDto, ExportSummary {}

/** What restoring tables did (or, planned, would do), table by table. */
export interface TablesRestoredDto extends ChangeDto, TablesRestored {}

/** What an import did (or, planned, would do). */
export interface TenantImportResultDto extends ChangeDto, ImportSummary {}

export type ImportSource = { file: string } | { text: string };

/** An export key passed to sign or verify a file moving between installations; default: this installation's. */
export interface ExportKeyOption {
  /** At least 32 characters, the same on both installations (for example `openssl rand -hex 32`). */
  exportKey?: string;
}

/** Exports a tenant to one versioned file (JSON Lines, signed with the export key), written atomically and readable by its owner only. */
export async function exportToFile(
  runtime: ClientRuntime,
  slug: string,
  file: string | null,
  options: ExportKeyOption & OperationOptions = {},
): Promise<{ result: TenantExportResultDto; text: string }> {
  const { exportKey, ...run } = options;
  if (file !== null) await assertWritablePath(file, 'file');
  const executed = await runtime.execute(exportTenantOperation, { slug, file, ...(exportKey === undefined ? {} : { exportKey }) }, run);
  return { text: executed.data.text, result: { ...toChangeDto(executed), ...executed.data.summary } };
}

export async function importFrom(
  runtime: ClientRuntime,
  source: ImportSource,
  options: { slug?: string } & ExportKeyOption & OperationOptions,
): Promise<TenantImportResultDto> {
  const text = 'text' in source ? source.text : await readInputFile(source.file, 'file');
  const { slug, exportKey, ...run } = options;
  const executed = await runtime.execute(
    importTenantOperation,
    { text, ...(slug === undefined ? {} : { slug }), ...(exportKey === undefined ? {} : { exportKey }) },
    run,
  );
  return { ...toChangeDto(executed), ...executed.data.summary };
}

export async function restoreTablesFrom(
  runtime: ClientRuntime,
  source: ImportSource,
  options: { into: string; tables: string[]; confirm?: string } & ExportKeyOption & OperationOptions,
): Promise<TablesRestoredDto> {
  const text = 'text' in source ? source.text : await readInputFile(source.file, 'file');
  const { into, tables, confirm, exportKey, ...run } = options;
  const executed = await runtime.execute(
    restoreTables,
    { slug: into, text, tables, ...(confirm === undefined ? {} : { confirm }), ...(exportKey === undefined ? {} : { exportKey }) },
    run,
  );
  return { ...toChangeDto(executed), ...(executed.value ?? executed.data.result) };
}
