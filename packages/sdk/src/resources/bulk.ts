import { provisionBulk, type BulkReport, type BulkRowReport } from '@tenantry/core';
import { parseBulkFile, type BulkFormat } from '../bulk/parse-bulk-file.ts';
import { readInputFile } from '../files.ts';
import type { ClientRuntime } from '../runtime.ts';

export type BulkRowReportDto = BulkRowReport;
export type BulkReportDto = BulkReport & { format: BulkFormat };

/** A bulk file by path, or its text (with a name or format to tell CSV from JSON). */
export type BulkSource = { file: string } | { text: string; name?: string };

export interface BulkProvisionOptions {
  /** Checks every row and returns each one's plan or errors; writes nothing. */
  dryRun?: boolean;
  /** Tenants provisioned at once (1-64). Default: 8 on a server (of its 10 connections), 1 embedded. */
  concurrency?: number;
  /** New owners without a password in the file: a generated one-time password each (default, in the report only), or none. */
  ownerPasswords?: 'generate' | 'none';
  /** Write nothing at all when a row is invalid. */
  strict?: boolean;
  /** Default: from the file name (.csv, .json), else the first character. */
  format?: BulkFormat;
  /** Called as each row's outcome is final (progress). */
  onRow?: (row: BulkRowReportDto, done: number, total: number) => void;
}

export async function provisionBulkFrom(runtime: ClientRuntime, source: BulkSource, options: BulkProvisionOptions): Promise<BulkReportDto> {
  const text = 'file' in source ? await readInputFile(source.file, 'file') : source.text;
  const name = 'file' in source ? source.file : source.name;
  const parsed = runtime.run(async () => parseBulkFile(text, { ...(options.format ? { format: options.format } : {}), ...(name ? { name } : {}) }));
  const { format, rows } = await parsed;
  const concurrency = options.concurrency ?? (runtime.database.target.kind === 'embedded' ? 1 : 8);
  const report = await runtime.run((ctx) =>
    provisionBulk(ctx, rows, {
      concurrency,
      mailer: runtime.options.mailer,
      ...(options.dryRun !== undefined ? { dryRun: options.dryRun } : {}),
      ...(options.ownerPasswords ? { ownerPasswords: options.ownerPasswords } : {}),
      ...(options.strict !== undefined ? { strict: options.strict } : {}),
      ...(options.onRow ? { onRow: options.onRow } : {}),
    }),
  );
  return { ...report, format };
}
