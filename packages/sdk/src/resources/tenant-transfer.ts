import { exportTenantText, importTenant, type ExportHeader, type ImportOutcome, type PlanStep } from '@tenantry/core';
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

/** An export key passed to sign or verify a file moving between installations; default: this installation's. */
export interface ExportKeyOption {
  /** At least 32 characters, the same on both installations (for example `openssl rand -hex 32`). */
  exportKey?: string;
}

/** Exports a tenant to one versioned file (JSON Lines, signed with the export key), written atomically and readable by its owner only. */
export async function exportToFile(runtime: ClientRuntime, slug: string, file: string | null, options: ExportKeyOption = {}): Promise<{ result: TenantExportResultDto; text: string }> {
  const { document, text } = await runtime.run((ctx) => exportTenantText(ctx, slug, options));
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

export async function importFrom(runtime: ClientRuntime, source: ImportSource, options: { slug?: string; dryRun?: boolean } & ExportKeyOption): Promise<TenantImportResultDto> {
  const text = 'text' in source ? source.text : await readInputFile(source.file, 'file');
  return runtime.run(async (ctx) => importTenant(ctx, text, options));
}
