import { join } from 'node:path';
import pg from 'pg';
import type { TestDatabase } from './test-database.ts';

export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Every row of every table outside the system schemas, plus the list of schemas: "the database as it is". */
export async function snapshotRows(query: Query): Promise<Record<string, unknown[]>> {
  const tables = await query(
    `select table_schema || '.' || table_name as name from information_schema.tables
      where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'
      order by 1`,
  );
  const snapshot: Record<string, unknown[]> = {
    schemas: (await query(`select nspname from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema' order by 1`)).map(
      (row) => row.nspname,
    ),
  };
  for (const { name } of tables) {
    const [schema, table] = String(name).split('.');
    snapshot[String(name)] = await query(`select * from "${schema}"."${table}" order by 1`);
  }
  return snapshot;
}

/** Snapshots a test database that no process holds open (the CLI has exited). */
export async function snapshotDatabase(database: TestDatabase): Promise<Record<string, unknown[]>> {
  if (database.coreOptions.kind === 'server') {
    const client = new pg.Client({ connectionString: database.coreOptions.url });
    await client.connect();
    try {
      return await snapshotRows(async (sql) => (await client.query(sql)).rows as Record<string, unknown>[]);
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create({ dataDir: join(database.coreOptions.home, 'pgdata') });
  try {
    return await snapshotRows(async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await pglite.close();
  }
}

/** Runs SQL on a test database no process holds open (to make drift, or to look). */
export async function sqlOnDatabase(database: TestDatabase, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (database.coreOptions.kind === 'server') {
    const client = new pg.Client({ connectionString: database.coreOptions.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create({ dataDir: join(database.coreOptions.home, 'pgdata') });
  try {
    return (await pglite.query<Record<string, unknown>>(sql, params)).rows;
  } finally {
    await pglite.close();
  }
}
