import { z } from 'zod';
import { TenantryError } from '../../errors.ts';
import { SHARED_SCHEMA } from '../../isolation/names.ts';
import { withTenantSetting } from '../../isolation/tenant-setting.ts';
import { defineOperation } from '../../operations/operation.ts';
import { tenantSlugField } from '../changes/inputs.ts';
import { parentsFirst, tablesOf } from './catalog.ts';
import { parseExport } from './export-document.ts';
import { exportKeyFor } from './export-key.ts';
import { checkExportRows } from './import-check.ts';
import { mismatch } from './load-rows.ts';
import { deleteRowsNotIn, keyColumns, measureRestore, upsertRows, type TableRestore } from './restore-tables.ts';

export const restoreTablesInput = z.strictObject({
  /** The live tenant the tables are restored into: the tenant the export is of. */
  slug: tenantSlugField,
  /** The export file's text. */
  text: z.string('must be the text of an export file').min(1, 'is required'),
  /** Tables of the tenant's data space to restore (`assets`, `devices`). */
  tables: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-z_][a-z0-9_]*$/, 'must be table names of the data space'),
      'must be a list of table names',
    )
    .min(1, 'must name at least one table')
    .max(100, 'must name at most 100 tables'),
  exportKey: z.string().optional(),
  /** The tenant's exact name, typed back: restoring replaces live rows. */
  confirm: z.string().optional(),
});
export type RestoreTablesInput = z.input<typeof restoreTablesInput>;

export interface TablesRestored {
  slug: string;
  exportedAt: string;
  tables: TableRestore[];
}

/**
 * Restores chosen tables of a live tenant's data space from its export, in one transaction: each row of
 * the export is put back as it was (updated by its primary key, or inserted), and the tenant's rows the
 * export lacks are deleted, children before parents. Rows of tables not named keep pointing at the rows
 * put back (same keys); one that references a deleted row follows its foreign key (set null, cascade), as
 * the plan says. The export must be of this tenant, signed, with the blueprint migrations
 * the tenant has; typing the tenant's name confirms it.
 */
export const restoreTables = defineOperation({
  id: 'tenant.restore_tables',
  summary: "Restores chosen tables of a live tenant's data space from its export, in one transaction (rows put back by key; rows written since deleted).",
  scope: 'tenant',
  input: restoreTablesInput,
  audit: ['tenant.tables_restored'],
  secretFields: ['exportKey'],
  async plan(ctx, request) {
    const { tx, tenant } = ctx;
    const document = parseExport(request.text, await exportKeyFor(tx, request.exportKey));
    await checkExportRows(tx, document);
    const { header } = document;
    if (header.tenant.id !== tenant.id) {
      throw TenantryError.invalidInput([
        {
          path: 'text',
          message: `is an export of ${header.tenant.slug} (id ${header.tenant.id}), not of ${tenant.slug}: tables are restored into the tenant they were exported from`,
        },
      ]);
    }
    const applied = await tx.execute<{ migration_id: string; checksum: string }[]>(
      'select migration_id, checksum from tenantry.tenant_migrations where tenant_id = ?',
      [tenant.id],
    );
    const live = new Map(applied.map((row) => [row.migration_id, row.checksum]));
    const exported = new Map(header.blueprint.migrations.map((migration) => [migration.id, migration.checksum]));
    const differ = [...new Set([...live.keys(), ...exported.keys()])].filter((id) => live.get(id) !== exported.get(id));
    if (differ.length > 0) {
      throw mismatch(
        `its tenant migrations differ from those ${tenant.slug} has now (${differ.join(', ')}); restore tables from an export made since the last migration`,
      );
    }
    const schema = tenant.isolation === 'schema' ? (tenant.schemaName ?? '') : SHARED_SCHEMA;
    const catalog = (await tablesOf(tx, schema)).filter((table) => tenant.isolation === 'schema' || table.hasTenantId);
    const names = [...new Set(request.tables)];
    const unknown = names.filter((name) => !catalog.some((table) => table.name === name));
    if (unknown.length > 0) {
      throw TenantryError.invalidInput([
        {
          path: 'tables',
          message: `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a table of ${tenant.slug}'s data space; its tables: ${catalog.map((t) => t.name).join(', ')}`,
        },
      ]);
    }
    const chosen = parentsFirst(catalog.filter((table) => names.includes(table.name)));
    const rowsOf = (table: string) => document.rows.filter((row) => row.section === 'data' && row.table === table).map((row) => row.json);
    const restores = await withTenantSetting(tx, tenant.id, async () => {
      const planned = [];
      for (const table of chosen) {
        const target = { schema, table: table.name, mode: tenant.isolation, tenantId: tenant.id };
        const keys = await keyColumns(tx, target);
        const rows = rowsOf(table.name);
        planned.push({ target, keys, rows, measured: await measureRestore(tx, target, keys, rows) });
      }
      return planned;
    });
    const measured = restores.map((restore) => restore.measured);
    return {
      steps: [
        ...measured.map((m) => ({
          action: 'restore-table',
          description: `Restore ${schema}.${m.table} of ${tenant.slug} as exported at ${header.exportedAt}: update ${m.updated} rows, insert ${m.inserted}, delete ${m.deleted} written since${m.deleted > 0 ? ' (rows of other tables that reference them follow their foreign keys)' : ''}`,
        })),
        { action: 'audit', description: 'Record tenant.tables_restored with the rows per table' },
      ],
      confirm: { text: tenant.name, label: `the exact name of ${tenant.slug}` },
      basis: { exportedAt: header.exportedAt, measured },
      audit: { targetType: 'data_space', targetId: schema, after: { exportedAt: header.exportedAt, tables: measured } },
      data: { restores, result: { slug: tenant.slug, exportedAt: header.exportedAt, tables: measured } satisfies TablesRestored },
    };
  },
  async apply({ tx, tenant }, plan): Promise<TablesRestored> {
    const { restores, result } = plan.data;
    await withTenantSetting(tx, tenant.id, async () => {
      for (const { target, keys, rows } of [...restores].reverse()) await deleteRowsNotIn(tx, target, keys, rows);
      for (const { target, keys, rows } of restores) await upsertRows(tx, target, keys, rows);
    });
    return result;
  },
});
