import type { SqlEntityManager } from '@mikro-orm/sql';
import { TenantryError } from '../../errors.ts';
import { quoteIdent } from '../../isolation/names.ts';
import { nativeQuery } from '../../isolation/native-query.ts';
import { translateDatabaseError } from '../../db/translate-error.ts';

const CHUNK = 500;

/** Unique constraints whose violation on import has a domain meaning. */
const UNIQUE_MEANINGS: Record<string, (detail: string) => TenantryError> = {
  tenants_slug_key: (value) => TenantryError.slugTaken(value),
  tenants_pkey: () =>
    new TenantryError('CONFLICT', {
      message: 'A tenant with the exported id already exists here.',
      hint: 'Import under a new slug (--slug) to give it new ids.',
    }),
  users_email_key: (value) => TenantryError.emailTaken(value),
  domains_hostname_key: (value) => TenantryError.hostnameTaken(value),
};

/**
 * Inserts rows given as PostgreSQL JSON text into a table, in chunks, with `jsonb_populate_recordset`
 * so every value converts to its column's type exactly. Columns the rows lack take their defaults;
 * a row key the table has no column for is refused (its data would be lost).
 */
export async function loadRows(tx: SqlEntityManager, schema: string, table: string, rows: readonly string[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = await nativeQuery<{ name: string; generated: boolean; identity: boolean }>(
    tx,
    `select a.attname as name, a.attgenerated <> '' as generated, a.attidentity <> '' as identity
       from pg_attribute a where a.attrelid = to_regclass($1) and a.attnum > 0 and not a.attisdropped order by a.attnum`,
    [`${quoteIdent(schema)}.${quoteIdent(table)}`],
  );
  if (columns.length === 0) throw mismatch(`the table ${schema}.${table} does not exist here`);
  const keys = Object.keys(JSON.parse(rows[0] as string) as Record<string, unknown>);
  const byName = new Map(columns.map((column) => [column.name, column]));
  const lost = keys.filter((key) => !byName.has(key));
  if (lost.length > 0) throw mismatch(`${schema}.${table} has no column ${lost.join(', ')} any more`);
  const used = keys
    .filter((key) => !byName.get(key)?.generated)
    .map(quoteIdent)
    .join(', ');
  const overriding = columns.some((column) => column.identity) ? 'overriding system value' : '';
  const target = `${quoteIdent(schema)}.${quoteIdent(table)}`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = `[${rows.slice(start, start + CHUNK).join(',')}]`;
    try {
      await nativeQuery(tx, `insert into ${target} (${used}) ${overriding} select ${used} from jsonb_populate_recordset(null::${target}, $1::jsonb)`, [chunk]);
    } catch (error) {
      throw translateLoadError(error);
    }
  }
  await resetSequences(tx, target);
}

/** Sequences behind serial and identity columns continue after the highest loaded value. */
async function resetSequences(tx: SqlEntityManager, target: string): Promise<void> {
  const sequences = await nativeQuery<{ column: string; sequence: string }>(
    tx,
    `select a.attname as column, pg_get_serial_sequence($1, a.attname) as sequence
       from pg_attribute a where a.attrelid = to_regclass($1) and a.attnum > 0 and not a.attisdropped
        and pg_get_serial_sequence($1, a.attname) is not null`,
    [target],
  );
  for (const { column, sequence } of sequences) {
    await nativeQuery(
      tx,
      `select setval($1, greatest((select coalesce(max(${quoteIdent(column)}), 0) from ${target}), (select last_value from ${sequence})))`,
      [sequence],
    );
  }
}

function translateLoadError(error: unknown): TenantryError {
  const constraint = (error as { constraint?: string }).constraint;
  const detail = (error as { detail?: string }).detail ?? '';
  if ((error as { code?: string }).code === '23505' && constraint && UNIQUE_MEANINGS[constraint]) {
    return UNIQUE_MEANINGS[constraint](/=\((.*)\) already exists/.exec(detail)?.[1] ?? '');
  }
  return translateDatabaseError(error);
}

export function mismatch(reason: string): TenantryError {
  return new TenantryError('BLUEPRINT_MISMATCH', {
    message: `The export does not fit this database: ${reason}.`,
    details: { reason },
    hint: 'Import it with the blueprint (program version) it was exported with.',
  });
}
