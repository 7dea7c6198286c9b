import type { SqlEntityManager } from '@mikro-orm/sql';
import type { z } from 'zod';
import { exportedControlTables, tablesOf, type TableInfo } from './catalog.ts';
import { exportInvalid, type ExportRow, type TenantExport } from './export-document.ts';
import { controlRowSchema, exportHeaderTenant } from './export-row.schemas.ts';

interface ParsedRow {
  line: number;
  table: string;
  row: Record<string, unknown>;
}

/**
 * Refuses (EXPORT_INVALID, naming the line and the field) an export whose rows are not all of the one
 * tenant it exports, before anything is written: every control-plane row is of a table an export
 * holds and passes that table's schema, there is one tenant row and it is the header's tenant, every
 * `tenant_id` is that tenant's, every other reference points at a row of the same file (a membership
 * at one of its users, a role at one of its memberships), and every user is referenced. Data rows of
 * shared tables carry the tenant's id. So an import creates rows of the tenant it imports and no other.
 */
export async function checkExportRows(em: SqlEntityManager, document: TenantExport): Promise<void> {
  const header = exportHeaderTenant.safeParse(document.header.tenant);
  if (!header.success) throw exportInvalid(`its header ${describeIssue(header.error, 'tenant')}`);
  const tenantId = header.data.id;
  const catalog = new Map(exportedControlTables(await tablesOf(em, 'tenantry')).map((table) => [table.name, table]));
  const rows = parseRows(document.rows, 'control');
  const ids = new Map<string, Set<string>>();
  for (const { line, table, row } of rows) {
    if (!catalog.has(table)) throw exportInvalid(`line ${line} is a row of ${table}, which no export holds`);
    const parsed = controlRowSchema(table).safeParse(row);
    if (!parsed.success) throw exportInvalid(`line ${line} (${table} ${String(row.id)}) ${describeIssue(parsed.error)}`, undefined, { line, table });
    const seen = ids.get(table) ?? new Set<string>();
    if (seen.has(String(row.id))) throw exportInvalid(`line ${line} repeats ${table} ${String(row.id)}`, undefined, { line, table });
    ids.set(table, seen.add(String(row.id)));
  }
  const tenants = rows.filter((entry) => entry.table === 'tenants');
  const tenant = tenants[0];
  if (tenants.length !== 1 || !tenant) throw exportInvalid(`it holds ${tenants.length} tenant rows instead of one`);
  if (tenant.row.id !== tenantId || tenant.row.slug !== header.data.slug || tenant.row.isolation !== header.data.isolation) {
    throw exportInvalid(`line ${tenant.line} (the tenant row) is not the tenant its header names (${header.data.slug}, ${tenantId})`, undefined, {
      line: tenant.line,
      table: 'tenants',
    });
  }
  const referencedUsers = new Set<string>();
  for (const { line, table, row } of rows) {
    for (const [column, target] of Object.entries((catalog.get(table) as TableInfo).foreignKeys)) {
      if (row[column] === null || row[column] === undefined) continue;
      const value = typeof row[column] === 'string' ? row[column] : JSON.stringify(row[column]);
      const own = target === 'tenants' ? value === tenantId : ids.get(target)?.has(value) === true;
      if (!own) {
        const whose = target === 'tenants' ? `another tenant (${value}), not ${header.data.slug}` : `a ${target} row that is not in the export (${value})`;
        throw exportInvalid(
          `line ${line} (${table} ${String(row.id)}) has ${column} pointing at ${whose}`,
          'An export may only hold rows of the tenant it exports; this file was made or edited by hand.',
          { line, table, column },
        );
      }
      if (target === 'users') referencedUsers.add(value);
    }
  }
  const stray = rows.find((entry) => entry.table === 'users' && !referencedUsers.has(String(entry.row.id)));
  if (stray)
    throw exportInvalid(`line ${stray.line} (users ${String(stray.row.id)}) is a user no row of the tenant points at`, undefined, {
      line: stray.line,
      table: 'users',
    });
  if (header.data.isolation === 'shared') {
    const foreign = parseRows(document.rows, 'data').find((entry) => 'tenant_id' in entry.row && entry.row.tenant_id !== tenantId);
    if (foreign)
      throw exportInvalid(`line ${foreign.line} (${foreign.table}) has tenant_id ${String(foreign.row.tenant_id)}, not the tenant's ${tenantId}`, undefined, {
        line: foreign.line,
        table: foreign.table,
      });
  }
}

function parseRows(rows: readonly ExportRow[], section: ExportRow['section']): ParsedRow[] {
  const parsed: ParsedRow[] = [];
  rows.forEach((entry, index) => {
    if (entry.section !== section) return;
    const line = index + 2;
    let row: unknown;
    try {
      row = JSON.parse(entry.json);
    } catch {
      throw exportInvalid(`line ${line} is not valid JSON`, undefined, { line });
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw exportInvalid(`line ${line} is not a row object`, undefined, { line });
    parsed.push({ line, table: entry.table, row: row as Record<string, unknown> });
  });
  return parsed;
}

function describeIssue(error: z.ZodError, prefix?: string): string {
  const [issue] = error.issues;
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return `field ${path || '(row)'} ${issue?.message ?? 'is invalid'}`;
}
