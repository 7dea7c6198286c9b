import { join } from 'node:path';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { MikroORM } from '@mikro-orm/sql';
import { TenantryError } from '../errors.ts';
import type { Database, DatabaseTarget } from './database-target.ts';
import { controlPlaneStatus, migrateControlPlane, schemaTooNew } from './control-plane-migrator.ts';
import { CONTROL_PLANE_ENTITIES } from './entities.ts';
import { openSharedStore } from './shared-store.ts';
import { trackBrokenConnections } from './broken-connections.ts';
import { acquireStoreLock, type StoreLock } from './store-lock.ts';
import { socketPathFits, storePaths } from './store-paths.ts';
import { tightenStorePermissions } from './store-permissions.ts';
import { describeServerUrl, translateDatabaseError } from './translate-error.ts';

export type { Database, DatabaseTarget } from './database-target.ts';

export type DatabaseOptions =
  | {
      kind: 'embedded';
      /** Tenantry's home directory: the PGlite data lives in `<home>/pgdata`, the lock in `<home>/tenantry.lock`. */
      home: string;
      /** Named in the lock so a second process can say who holds the store. */
      command?: string;
      /**
       * `shared` (default): through the store's serving process, which every process on this home
       * shares (started on first use). `in-process`: PGlite in this process, holding the store for
       * itself — every other process gets STORE_LOCKED until it closes (tests, one-off tools); its
       * umask is 077 meanwhile, so the files PGlite makes are private.
       */
      mode?: 'shared' | 'in-process';
      /** How long the serving process stays up without clients (shared mode). Default 5 minutes. */
      idleMs?: number;
    }
  | {
      kind: 'server';
      url: string;
      poolSize?: number;
      connectTimeoutMs?: number;
      /** Create the database when it does not exist (`tenantry db init --create`). Never done otherwise: a typo must not make a new, empty database. */
      createDatabase?: boolean;
    };

/** What to do about pending control-plane migrations when opening. */
export type MigrationMode = 'apply' | 'require' | 'ignore';

export async function openDatabase(options: DatabaseOptions, migrations: MigrationMode = 'apply'): Promise<Database> {
  const database = options.kind === 'embedded' ? await openEmbedded(options) : await openServer(options);
  try {
    await prepareSchema(database.fork(), migrations);
  } catch (error) {
    await database.close();
    throw translateDatabaseError(error, database.target);
  }
  return database;
}

async function prepareSchema(em: SqlEntityManager, mode: MigrationMode): Promise<void> {
  if (mode === 'ignore') return;
  const status = await controlPlaneStatus(em);
  if (status.unknown.length > 0) throw schemaTooNew(status.unknown);
  if (status.pending.length === 0) return;
  if (mode === 'apply') {
    await migrateControlPlane(em);
    return;
  }
  throw new TenantryError('MIGRATIONS_PENDING', {
    message: `${status.pending.length} control-plane migration(s) are pending: ${status.pending.map((m) => m.id).join(', ')}.`,
    details: { pending: status.pending.map((m) => m.id) },
    hint: 'Run `tenantry db migrate`.',
  });
}

/** Where the embedded store keeps its data and its lock under Tenantry's home directory. */
export function embeddedPaths(home: string): { dataDir: string; lockPath: string } {
  return { dataDir: join(home, 'pgdata'), lockPath: join(home, 'tenantry.lock') };
}

/** How long the serving process of the embedded store waits for a client before it exits. */
export const DEFAULT_STORE_IDLE_MS = 5 * 60_000;

async function openEmbedded(options: Extract<DatabaseOptions, { kind: 'embedded' }>): Promise<Database> {
  const { dataDir, lockPath } = embeddedPaths(options.home);
  const target: DatabaseTarget = { kind: 'embedded', location: dataDir };
  // A home whose socket path is too long for a Unix socket cannot be served: it is opened in process.
  if (options.mode !== 'in-process' && socketPathFits(storePaths(options.home))) {
    return openSharedStore({ home: options.home, idleMs: options.idleMs ?? DEFAULT_STORE_IDLE_MS }, target);
  }
  const lock: StoreLock = acquireStoreLock(lockPath, dataDir, options.command ?? 'tenantry');
  // What PGlite creates while open must be private too: this process's umask is 077 until it closes.
  const restoreUmask = privateUmask();
  try {
    tightenStorePermissions(options.home);
    const [{ PGlite }, { MikroORM }] = await Promise.all([import('@electric-sql/pglite'), import('@mikro-orm/pglite')]);
    const pglite = await PGlite.create({ dataDir });
    const orm = await MikroORM.init({
      entities: CONTROL_PLANE_ENTITIES,
      dbName: 'postgres',
      driverOptions: { pglite },
      allowGlobalContext: false,
    });
    return wrap(orm, target, async () => {
      await pglite.close();
      tightenStorePermissions(options.home);
      restoreUmask();
      lock.release();
    });
  } catch (error) {
    restoreUmask();
    lock.release();
    throw translateDatabaseError(error, target);
  }
}

/** Sets the umask to 077 and returns how to put the previous one back (a no-op in a worker thread, which has none of its own). */
function privateUmask(): () => void {
  try {
    const previous = process.umask(0o077);
    return () => void process.umask(previous);
  } catch {
    return () => undefined;
  }
}

async function openServer(options: Extract<DatabaseOptions, { kind: 'server' }>): Promise<Database> {
  const target: DatabaseTarget = { kind: 'server', location: describeServerUrl(options.url) };
  const { MikroORM } = await import('@mikro-orm/postgresql');
  let orm: MikroORM | undefined;
  const broken = trackBrokenConnections();
  try {
    orm = await MikroORM.init({
      entities: CONTROL_PLANE_ENTITIES,
      clientUrl: options.url,
      ensureDatabase: options.createDatabase === true,
      pool: { min: 0, max: options.poolSize ?? 10 },
      driverOptions: { connectionTimeoutMillis: options.connectTimeoutMs ?? 5000, onPoolCreated: (pool: unknown) => broken.watch(pool) },
      allowGlobalContext: false,
    });
    await orm.em.fork().execute('select 1');
    return wrap(
      orm,
      target,
      async () => undefined,
      () => broken.releaseBroken(),
    );
  } catch (error) {
    broken.releaseBroken();
    await orm?.close(true).catch(() => undefined);
    throw translateDatabaseError(error, target);
  }
}

function wrap(orm: MikroORM, target: DatabaseTarget, afterClose: () => Promise<void>, beforeClose?: () => void): Database {
  let closed = false;
  return {
    target,
    fork: () => orm.em.fork(),
    async close() {
      if (closed) return;
      closed = true;
      try {
        beforeClose?.();
        await orm.close(true);
      } finally {
        await afterClose();
      }
    },
  };
}
