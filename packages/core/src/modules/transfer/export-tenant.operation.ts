import { z } from 'zod';
import { defineOperation } from '../../operations/operation.ts';
import { slugSchema } from '../tenants/tenant.schemas.ts';
import { serializeExport, type ExportHeader } from './export-document.ts';
import { exportKeyFor } from './export-key.ts';
import { readTenantExport } from './export.service.ts';
import { writePrivateFile } from './private-file.ts';

export const exportTenantInput = z.strictObject({
  slug: slugSchema,
  /** Where to write the export; null returns its text instead (to stream it). */
  file: z.string().min(1).nullable(),
  /** Sign with this key (another installation imports with it) instead of this installation's. */
  exportKey: z.string().optional(),
});
export type ExportTenantInput = z.input<typeof exportTenantInput>;

export interface ExportSummary {
  file: string | null;
  tenant: ExportHeader['tenant'];
  exportedAt: string;
  format: string;
  version: number;
  bytes: number;
  rows: { control: number; data: number; audit: number };
  tables: ExportHeader['tables'];
}

/**
 * Exports a tenant to one versioned file: the plan reads everything in one snapshot and names the file
 * and what goes in it (tables and row counts); applying writes exactly that text, mode 0600, atomically.
 */
export const exportTenantOperation = defineOperation({
  id: 'tenant.export',
  summary: "Exports a tenant's control-plane records and data space to one signed, versioned file.",
  scope: 'platform',
  input: exportTenantInput,
  audit: ['tenant.exported'],
  secretFields: ['exportKey'],
  async plan(ctx, request) {
    // One snapshot for every read of the export; the executor's transaction has run no statement yet.
    await ctx.tx.execute('set transaction isolation level repeatable read');
    const key = await exportKeyFor(ctx.tx, request.exportKey);
    const document = await readTenantExport(ctx, ctx.tx, request.slug);
    const text = serializeExport(document, key);
    const { header } = document;
    const count = (section: string) => document.rows.filter((row) => row.section === section).length;
    const summary: ExportSummary = {
      file: request.file,
      tenant: header.tenant,
      exportedAt: header.exportedAt,
      format: header.format,
      version: header.version,
      bytes: Buffer.byteLength(text),
      rows: { control: count('control'), data: count('data'), audit: count('audit') },
      tables: header.tables,
    };
    const tables = header.tables.map((table) => `${table.section} ${table.table} ${table.rows}`).join(', ');
    return {
      steps: [
        {
          action: 'read-export',
          description: `Read ${header.tenant.slug} in one snapshot: ${tables || 'no rows'}; sign it with ${request.exportKey === undefined ? "this installation's export key" : 'the export key given'}`,
        },
        {
          action: 'write-export',
          description:
            request.file === null
              ? `Return the export (${summary.bytes} bytes) as text`
              : `Write it to ${request.file} (${summary.bytes} bytes, mode 0600, atomically)`,
        },
        { action: 'audit', description: 'Record tenant.exported in the audit trail' },
      ],
      basis: header.tables,
      audit: {
        tenant: { id: header.tenant.id, slug: header.tenant.slug },
        targetType: 'tenant',
        targetId: header.tenant.id,
        after: {
          file: request.file,
          format: header.format,
          version: header.version,
          rows: summary.rows,
          signedWith: request.exportKey === undefined ? 'installation' : 'given',
        },
      },
      data: { summary, text },
    };
  },
  async apply(_ctx, plan): Promise<{ summary: ExportSummary; text: string }> {
    if (plan.data.summary.file !== null) await writePrivateFile(plan.data.summary.file, plan.data.text, 'file');
    return plan.data;
  },
});
