import type { SqlEntityManager } from '@mikro-orm/sql';
import { nativeQuery } from './native-query.ts';

/**
 * What the adoption check compares of a schema, one line per object: `table assets` (or view,
 * materialized view, foreign table), `column assets.name text` (its type as PostgreSQL formats it, the
 * schema's own prefix left out so two schemas compare), `index assets_playlist_idx on assets`. Grants,
 * policies, constraints other than their indexes, functions and types are not part of it.
 */
export type SchemaStructure = ReadonlySet<string>;

const RELATION_KINDS = `('r', 'p', 'v', 'm', 'f')`;

/** The structure of a schema as it is now (empty when the schema has nothing, or does not exist). */
export async function readSchemaStructure(em: SqlEntityManager, schema: string): Promise<SchemaStructure> {
  const rows = await nativeQuery<{ line: string }>(
    em,
    `with space as (select oid from pg_namespace where nspname = $1)
     select (case c.relkind when 'v' then 'view ' when 'm' then 'materialized view ' when 'f' then 'foreign table ' else 'table ' end) || c.relname as line
       from pg_class c where c.relnamespace = (select oid from space) and c.relkind in ${RELATION_KINDS}
     union all
     select 'column ' || c.relname || '.' || a.attname || ' ' || replace(format_type(a.atttypid, a.atttypmod), quote_ident($1) || '.', '')
       from pg_attribute a join pg_class c on c.oid = a.attrelid
      where c.relnamespace = (select oid from space) and c.relkind in ${RELATION_KINDS} and a.attnum > 0 and not a.attisdropped
     union all
     select 'index ' || i.relname || ' on ' || t.relname
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where i.relnamespace = (select oid from space)`,
    [schema],
  );
  return new Set(rows.map((row) => row.line));
}

/** The lines of `a` that `b` lacks, sorted. */
export function linesMissing(a: SchemaStructure, b: SchemaStructure): string[] {
  return [...a].filter((line) => !b.has(line)).sort();
}

export function sameStructure(a: SchemaStructure, b: SchemaStructure): boolean {
  return a.size === b.size && linesMissing(a, b).length === 0;
}
