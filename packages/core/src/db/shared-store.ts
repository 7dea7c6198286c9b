import type { MikroORM } from '@mikro-orm/sql';
import type { Database, DatabaseTarget } from './database-target.ts';
import { CONTROL_PLANE_ENTITIES } from './entities.ts';
import { ensureStoreServer } from './store-client.ts';
import { translateDatabaseError } from './translate-error.ts';

export interface SharedStoreOptions {
  home: string;
  idleMs: number;
  startTimeoutMs?: number;
}

/**
 * Opens the embedded store through its serving process (started if need be) with the ordinary
 * PostgreSQL driver over the Unix socket: one connection, as PGlite in process has one, kept open
 * for the client's life so the server does not count it idle.
 */
export async function openSharedStore(options: SharedStoreOptions, target: DatabaseTarget): Promise<Database> {
  let orm: MikroORM | undefined;
  try {
    const [paths, { MikroORM }] = await Promise.all([ensureStoreServer(options), import('@mikro-orm/postgresql')]);
    orm = await MikroORM.init({
      entities: CONTROL_PLANE_ENTITIES,
      host: paths.socketDir,
      port: 5432,
      user: 'postgres',
      dbName: 'postgres',
      ensureDatabase: false,
      pool: { min: 0, max: 1, idleTimeoutMillis: 0 },
      allowGlobalContext: false,
    });
    await orm.em.fork().execute('select 1');
  } catch (error) {
    await orm?.close(true).catch(() => undefined);
    throw translateDatabaseError(error, target);
  }
  const opened = orm;
  let closed = false;
  return {
    target,
    fork: () => opened.em.fork(),
    async close() {
      if (closed) return;
      closed = true;
      await opened.close(true);
    },
  };
}
