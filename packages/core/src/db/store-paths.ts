import { join } from 'node:path';

/** The lock's `command` of the process that serves the embedded store to every client. */
export const STORE_SERVER_COMMAND = 'tenantry store server';

export interface StorePaths {
  dataDir: string;
  lockPath: string;
  /** The directory clients connect to (`host=<dir>`, as libpq and pg spell a Unix socket). */
  socketDir: string;
  socketPath: string;
  /** The serving process's stdout and stderr. */
  logPath: string;
}

/** Where the embedded store keeps its data, lock, socket and log under Tenantry's home directory. */
export function storePaths(home: string): StorePaths {
  return {
    dataDir: join(home, 'pgdata'),
    lockPath: join(home, 'tenantry.lock'),
    socketDir: home,
    socketPath: join(home, '.s.PGSQL.5432'),
    logPath: join(home, 'store.log'),
  };
}

/** Unix socket paths are limited to 108 bytes (104 on macOS) with the terminating NUL. */
export function socketPathFits(paths: StorePaths): boolean {
  return Buffer.byteLength(paths.socketPath) <= 103;
}
