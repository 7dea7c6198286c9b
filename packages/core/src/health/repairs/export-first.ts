import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { TenantryError } from '../../errors.ts';
import { quoteIdent } from '../../isolation/names.ts';

/** Where a destructive repair writes what it is about to destroy: `<dir>/<name>-<timestamp>.jsonl`. */
export function exportPath(exportDir: string | undefined, name: string, now: Date): string {
  if (!exportDir) {
    throw new TenantryError('PRECONDITION_FAILED', {
      message: 'This repair destroys data and exports it first, but no export directory is configured.',
      hint: 'Set TENANTRY_HOME (exports go to $TENANTRY_HOME/exports), or pass exportDir to the SDK.',
    });
  }
  return join(exportDir, `${name}-${now.toISOString().replace(/[:.]/g, '-')}.jsonl`);
}

/** The export file a destructive repair's plan names, carried in the plan's data so apply writes that very file. */
export interface PlannedExport {
  exportFile: string;
}

/** The file the plan named; a plan without one is a programming error, not the operator's. */
export function plannedExportFile(plan: { data?: unknown }): string {
  const file = (plan.data as Partial<PlannedExport> | undefined)?.exportFile;
  if (typeof file !== 'string') throw TenantryError.internal(new Error('The repair plan names no export file.'));
  return file;
}

/** Makes the export directory (owner only) so an export operation can write the planned file in it. */
export async function ensureExportDirectory(file: string): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
}

/** Writes the export atomically, readable by its owner only; the destruction happens only after this. */
export async function writeExport(file: string, text: string): Promise<void> {
  await ensureExportDirectory(file);
  const temporary = `${file}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Every row of every table of a schema as JSON Lines: a header, then one line per row. */
export async function exportSchemaRows(em: SqlEntityManager, schema: string, now: Date): Promise<{ text: string; rows: number }> {
  const tables = await em.execute<{ name: string }[]>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ? and c.relkind in ('r', 'p') order by c.relname`,
    [schema],
  );
  const lines = [
    JSON.stringify({ format: 'tenantry-schema-export', version: 1, schema, exportedAt: now.toISOString(), tables: tables.map((table) => table.name) }),
  ];
  for (const table of tables) {
    const rows = await em.execute<{ row: unknown }[]>(`select to_jsonb(t) as row from ${quoteIdent(schema)}.${quoteIdent(table.name)} t`);
    for (const { row } of rows) lines.push(JSON.stringify({ table: table.name, row }));
  }
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}
