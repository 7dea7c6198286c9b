import { exportTenant, importTenant, parseExport, serializeExport, type ExportHeader, type ImportOutcome, type PlanStep } from '@tenantry/core';
import { readInputFile, writePrivateFile } from '../files.ts';
import type { ClientRuntime } from '../runtime.ts';

/** What an export wrote. */
export interface TenantExportResultDto {
  /** The file written; null when the text was returned instead. */
  file: string | null;
  tenant: ExportHeader['tenant'];
  exportedAt: string;
  format: string;
  version: number;
  bytes: number;
  rows: { control: number; data: number; audit: number };
  tables: ExportHeader['tables'];
}

export interface TenantImportResultDto {
  result: ImportOutcome['result'];
  tenant: ImportOutcome['tenant'];
  from: ImportOutcome['from'];
  users: ImportOutcome['users'];
  rows: ImportOutcome['rows'];
  skippedDomains: ImportOutcome['skippedDomains'];
  skippedCredentials: ImportOutcome['skippedCredentials'];
  migrationsRun: string[];
  steps: PlanStep[];
}

export type ImportSource = { file: string } | { text: string };

/** Exports a tenant to one versioned file (JSON Lines, checksummed), written atomically and readable by its owner only. */
export async function exportToFile(runtime: ClientRuntime, slug: string, file: string | null): Promise<{ result: TenantExportResultDto; text: string }> {
  const document = await runtime.run((ctx) => exportTenant(ctx, slug));
  const text = serializeExport(document);
  if (file !== null) await writePrivateFile(file, text, 'file');
  const count = (section: string) => document.rows.filter((row) => row.section === section).length;
  const { header } = document;
  return {
    text,
    result: {
      file,
      tenant: header.tenant,
      exportedAt: header.exportedAt,
      format: header.format,
      version: header.version,
      bytes: Buffer.byteLength(text),
      rows: { control: count('control'), data: count('data'), audit: count('audit') },
      tables: header.tables,
    },
  };
}

export async function importFrom(runtime: ClientRuntime, source: ImportSource, options: { slug?: string; dryRun?: boolean }): Promise<TenantImportResultDto> {
  const text = 'text' in source ? source.text : await readInputFile(source.file, 'file');
  return runtime.run(async (ctx) => importTenant(ctx, parseExport(text), options));
}
