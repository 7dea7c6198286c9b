import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';

type CompiledQuery = Parameters<ReturnType<SqlEntityManager['getKysely']>['executeQuery']>[0];

/**
 * Runs one statement exactly as written, with PostgreSQL's own `$1` parameters, on the entity manager's
 * connection (its transaction when inside one). `em.execute` rewrites `?` placeholders and inlines values,
 * which breaks SQL written for PostgreSQL (the jsonb `?` operator, `$1`); blueprint bodies and
 * application queries go through here instead.
 */
export async function nativeQuery<Row = Record<string, unknown>>(em: SqlEntityManager, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  const compiled = {
    sql,
    parameters: params,
    query: { kind: 'RawNode', sqlFragments: [sql], parameters: [] },
    queryId: { queryId: randomUUID() },
  } as unknown as CompiledQuery;
  const result = await em.getKysely().executeQuery(compiled);
  return result.rows as Row[];
}
