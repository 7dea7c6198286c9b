import type { SqlEntityManager } from '@mikro-orm/sql';
import { TenantryError } from '../../errors.ts';
import { quoteIdent } from '../../isolation/names.ts';
import { nativeQuery } from '../../isolation/native-query.ts';
import type { IsolationMode } from '../../isolation/isolation-mode.ts';
import { translateDatabaseError } from '../../db/translate-error.ts';

/** One table to restore: the export's rows, and what restoring them changes in the live table. */
export interface TableRestore {
  table: string;
  /** Rows of the export: updated where the key exists, inserted where not. */
  exported: number;
  updated: number;
  inserted: number;
  /** Live rows whose key the export lacks: deleted (written since the export). */
  deleted: number;
}

interface Target {
  schema: string;
  table: string;
  mode: IsolationMode;
  tenantId: string;
}

const qualified = ({ schema, table }: Pick<Target, 'schema' | 'table'>) => `${quoteIdent(schema)}.${quoteIdent(table)}`;

/** The primary key columns of a table; restoring matches rows by them (a table without one is refused). */
export async function keyColumns(tx: SqlEntityManager, target: Pick<Target, 'schema' | 'table'>): Promise<string[]> {
  const rows = await nativeQuery<{ name: string }>(
    tx,
    `select a.attname as name from pg_index i
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
      where i.indrelid = to_regclass($1) and i.indisprimary order by array_position(i.indkey, a.attnum)`,
    [qualified(target)],
  );
  if (rows.length === 0) {
    throw TenantryError.invalidInput([{ path: 'tables', message: `${target.table} has no primary key: its rows cannot be matched to the export's` }]);
  }
  return rows.map((row) => row.name);
}

/** What restoring a table would change: counted against the live rows by key, in the caller's transaction. */
export async function measureRestore(tx: SqlEntityManager, target: Target, keys: readonly string[], rows: readonly string[]): Promise<TableRestore> {
  const key = keys.map(quoteIdent).join(', ');
  const [counts] = await nativeQuery<{ matched: number; deleted: number }>(
    tx,
    `with exported as (select ${key} from jsonb_populate_recordset(null::${qualified(target)}, $1::jsonb)),
          live as (select ${key} from ${qualified(target)}${tenantFilter(target, 2)})
     select (select count(*)::int from live where (${key}) in (select ${key} from exported)) as matched,
            (select count(*)::int from live where (${key}) not in (select ${key} from exported)) as deleted`,
    target.mode === 'shared' ? [`[${rows.join(',')}]`, target.tenantId] : [`[${rows.join(',')}]`],
  );
  const matched = Number(counts?.matched ?? 0);
  return { table: target.table, exported: rows.length, updated: matched, inserted: rows.length - matched, deleted: Number(counts?.deleted ?? 0) };
}

/** Puts the export's rows back: updated where the key exists, inserted where not (every column as exported). */
export async function upsertRows(tx: SqlEntityManager, target: Target, keys: readonly string[], rows: readonly string[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(JSON.parse(rows[0] as string) as Record<string, unknown>);
  const assigned = columns.filter((column) => !keys.includes(column));
  const list = columns.map(quoteIdent).join(', ');
  const update =
    assigned.length > 0 ? `do update set ${assigned.map((column) => `${quoteIdent(column)} = excluded.${quoteIdent(column)}`).join(', ')}` : 'do nothing';
  try {
    await nativeQuery(
      tx,
      `insert into ${qualified(target)} (${list}) select ${list} from jsonb_populate_recordset(null::${qualified(target)}, $1::jsonb)
       on conflict (${keys.map(quoteIdent).join(', ')}) ${update}`,
      [`[${rows.join(',')}]`],
    );
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

/** Deletes the tenant's live rows whose key the export lacks. */
export async function deleteRowsNotIn(tx: SqlEntityManager, target: Target, keys: readonly string[], rows: readonly string[]): Promise<void> {
  const key = keys.map(quoteIdent).join(', ');
  const filter = tenantFilter(target, 2);
  try {
    await nativeQuery(
      tx,
      `delete from ${qualified(target)}${filter}${filter ? ' and' : ' where'} (${key}) not in
         (select ${key} from jsonb_populate_recordset(null::${qualified(target)}, $1::jsonb))`,
      target.mode === 'shared' ? [`[${rows.join(',')}]`, target.tenantId] : [`[${rows.join(',')}]`],
    );
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

function tenantFilter(target: Target, parameter: number): string {
  return target.mode === 'shared' ? ` where tenant_id = $${parameter}::uuid` : '';
}
