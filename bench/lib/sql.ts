import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

/** Raw SQL for the floors: pg on the server, PGlite in process for the embedded store. */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Several statements at once, no parameters (simple query protocol). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

export function pgSql(url: string, poolSize: number): Sql {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as Row[];
    },
    async exec(text: string) {
      await pool.query(text);
    },
    close: () => pool.end(),
  };
}

export async function pgliteSql(dataDir: string): Promise<Sql> {
  const db = await PGlite.create({ dataDir });
  return {
    async query<Row>(text: string, params: unknown[] = []) {
      return (await db.query<Row>(text, params)).rows;
    },
    async exec(text: string) {
      await db.exec(text);
    },
    close: () => db.close(),
  };
}
