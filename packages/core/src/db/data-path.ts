import type { MikroORM, SqlEntityManager } from '@mikro-orm/sql';
import { TenantryError } from '../errors.ts';
import { APP_ROLE } from '../isolation/names.ts';
import type { Database, DatabaseOptions } from './database.ts';
import { CONTROL_PLANE_ENTITIES } from './entities.ts';
import { describeServerUrl, translateDatabaseError } from './translate-error.ts';

/**
 * How `withTenant` reaches tenant data. `login-role`: its own small pool logged in as the application
 * role (a server), so `RESET ROLE` inside a callback returns to a role with no more rights. `set-role`:
 * the control plane's own connection with `SET LOCAL ROLE` (the embedded store, which has one user).
 */
export type DataPathMode = 'login-role' | 'set-role';

export interface DataPathOptions {
  /** The URL the data path logs in with. Default: the server URL with the user `tenantry_app` and no password. */
  url?: string;
  /** Connections of the data path's pool. Default 5. */
  poolSize?: number;
}

export interface DataPath {
  readonly mode: DataPathMode;
  /** Runs `work` in one transaction on a data-path connection. */
  transactional<T>(work: (tx: SqlEntityManager) => Promise<T>): Promise<T>;
  /** The key that signs the tenant setting, loaded (by the control plane) on first use and kept in memory. */
  signingKey(load: () => Promise<Buffer>): Promise<Buffer>;
  close(): Promise<void>;
}

/** Keeps the first successfully loaded signing key. */
function keyCache(): DataPath['signingKey'] {
  let key: Promise<Buffer> | undefined;
  return (load) => {
    key ??= load().catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  };
}

/** What the data path logs in as, for `db status` and `preflight`. */
export interface DataPathRole {
  mode: DataPathMode;
  /** The role a callback is left with after `RESET ROLE`. */
  sessionRole: string;
  superuser: boolean;
  bypassRls: boolean;
}

/** The server URL with the application role as its user (and the password removed). */
export function defaultDataPathUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.username = APP_ROLE;
  url.password = '';
  return url.toString();
}

/**
 * The data path of an open database. On a server its pool opens on first use, so a program that never
 * calls `withTenant` never logs in as the application role.
 */
export function openDataPath(database: Database, options: DatabaseOptions, dataPath: DataPathOptions = {}): DataPath {
  if (options.kind === 'embedded') {
    return { mode: 'set-role', transactional: (work) => database.fork().transactional(work), signingKey: keyCache(), close: async () => undefined };
  }
  const url = dataPath.url ?? defaultDataPathUrl(options.url);
  const target = { kind: 'server' as const, location: describeServerUrl(url) };
  let opening: Promise<MikroORM> | undefined;
  let closed = false;
  const orm = () => (opening ??= connect(url, dataPath.poolSize ?? 5, options.connectTimeoutMs));
  return {
    mode: 'login-role',
    signingKey: keyCache(),
    async transactional(work) {
      if (closed) throw new TenantryError('PRECONDITION_FAILED', { message: 'The data path is closed.', hint: 'Create a new client.' });
      let opened: MikroORM;
      try {
        opened = await orm();
      } catch (error) {
        opening = undefined;
        throw loginFailed(translateDatabaseError(error, target));
      }
      return opened.em.fork().transactional(work);
    },
    async close() {
      closed = true;
      const current = opening;
      opening = undefined;
      if (current) await (await current.catch(() => undefined))?.close(true);
    },
  };
}

async function connect(url: string, poolSize: number, connectTimeoutMs = 5000): Promise<MikroORM> {
  const { MikroORM } = await import('@mikro-orm/postgresql');
  const orm = await MikroORM.init({
    entities: CONTROL_PLANE_ENTITIES,
    clientUrl: url,
    pool: { min: 0, max: poolSize },
    driverOptions: { connectionTimeoutMillis: connectTimeoutMs },
    allowGlobalContext: false,
  });
  try {
    await orm.em.fork().execute('select 1');
  } catch (error) {
    await orm.close(true).catch(() => undefined);
    throw error;
  }
  return orm;
}

function loginFailed(error: TenantryError): TenantryError {
  if (error.code !== 'DATABASE_UNREACHABLE') return error;
  return new TenantryError('DATABASE_UNREACHABLE', {
    message: `${error.message.replace(/\.$/, '')} (the data path, logging in as the application role).`,
    details: error.details,
    hint: `withTenant logs in as ${APP_ROLE}: give it a password (alter role ${APP_ROLE} password '…') and pass it in TENANTRY_DATA_PATH_URL (or dataPathUrl), or in ~/.pgpass; run \`tenantry db migrate\` if ${APP_ROLE} cannot log in yet.`,
    cause: error,
  });
}

/** Which role the data path's connections log in as, and whether it could escape row-level security. */
export async function describeDataPath(dataPath: DataPath): Promise<DataPathRole> {
  const [row] = await dataPath.transactional((tx) =>
    tx.execute<{ role: string; superuser: boolean; bypass_rls: boolean }[]>(
      'select r.rolname as role, r.rolsuper as superuser, r.rolbypassrls as bypass_rls from pg_roles r where r.rolname = session_user',
    ),
  );
  return { mode: dataPath.mode, sessionRole: row?.role ?? 'unknown', superuser: row?.superuser ?? false, bypassRls: row?.bypass_rls ?? false };
}
