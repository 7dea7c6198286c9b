import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/sql';
import { renderStatement, type StatementParam } from '../statement.ts';
import type { Database, DatabaseTarget } from '../db/database.ts';
import { CONTROL_PLANE_ENTITIES } from '../db/entities.ts';

/** One statement as the database received it: its text and its parameters, rendered as one text. */
export interface ReceivedStatement {
  text: string;
  params: readonly unknown[];
  rendered: string;
}

export interface CapturingDatabase extends Database {
  /** Every statement the driver sent since the last `clear()`, in order. */
  readonly received: ReceivedStatement[];
  clear(): void;
}

type Connection = { executeQuery(query: { sql: string; parameters: readonly unknown[] }, ...rest: unknown[]): Promise<unknown> };

/**
 * A database (the test's own embedded store or server database) whose every driver connection records
 * the statements it sends, through Kysely's `onCreateConnection`: what the database receives, below
 * MikroORM, the raw runner and the ORM's unit of work alike.
 */
export async function openCapturingDatabase(options: { kind: 'embedded'; home: string } | { kind: 'server'; url: string }): Promise<CapturingDatabase> {
  const received: ReceivedStatement[] = [];
  const onCreateConnection = async (connection: unknown) => {
    const target = connection as Connection;
    const execute = target.executeQuery.bind(target);
    target.executeQuery = (query, ...rest) => {
      received.push({
        text: query.sql,
        params: query.parameters,
        rendered: renderStatement({ text: query.sql, params: query.parameters as StatementParam[] }),
      });
      return execute(query, ...rest);
    };
  };
  const common = { entities: CONTROL_PLANE_ENTITIES, allowGlobalContext: false, onCreateConnection };
  let orm: MikroORM;
  let target: DatabaseTarget;
  let afterClose = async () => undefined as void;
  if (options.kind === 'embedded') {
    const [{ PGlite }, { MikroORM }] = await Promise.all([import('@electric-sql/pglite'), import('@mikro-orm/pglite')]);
    const pglite = await PGlite.create({ dataDir: join(options.home, 'pgdata') });
    orm = await MikroORM.init({ ...common, dbName: 'postgres', driverOptions: { pglite } });
    target = { kind: 'embedded', location: join(options.home, 'pgdata') };
    afterClose = () => pglite.close();
  } else {
    const { MikroORM } = await import('@mikro-orm/postgresql');
    orm = await MikroORM.init({ ...common, clientUrl: options.url, pool: { min: 0, max: 4 } });
    target = { kind: 'server', location: 'test' };
  }
  return {
    target,
    received,
    clear: () => void received.splice(0),
    fork: () => orm.em.fork(),
    async close() {
      await orm.close(true);
      await afterClose();
    },
  };
}
