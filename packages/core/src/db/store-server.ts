import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { acquireStoreLock } from './store-lock.ts';
import { STORE_SERVER_COMMAND, storePaths } from './store-paths.ts';
import { tightenStorePermissions } from './store-permissions.ts';
import { WireMultiplexer } from './wire-multiplexer.ts';

export interface StoreServerOptions {
  home: string;
  /** Stop after this long without a client connection. */
  idleMs: number;
  log?: (line: string) => void;
}

export interface RunningStoreServer {
  /** Resolves once it has stopped: socket removed, PGlite closed, lock released. */
  readonly stopped: Promise<void>;
  stop(reason: string): void;
}

/** How long a new server waits for its first client, however short the idle setting. */
const FIRST_CLIENT_GRACE_MS = 30_000;

/**
 * Serves the embedded store at `<home>/.s.PGSQL.5432` (mode 0600, in a 0700 home) to every local
 * client, holding its lock for as long as it runs: one PGlite behind the wire-protocol multiplexer.
 * Throws STORE_LOCKED when another process holds the store (another server won the start race).
 */
export async function startStoreServer(options: StoreServerOptions): Promise<RunningStoreServer> {
  const log = options.log ?? (() => undefined);
  const paths = storePaths(options.home);
  mkdirSync(options.home, { recursive: true, mode: 0o700 });
  const lock = acquireStoreLock(paths.lockPath, paths.dataDir, STORE_SERVER_COMMAND);
  let server: Server | undefined;
  try {
    tightenStorePermissions(options.home);
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create({ dataDir: paths.dataDir });
    const mux = new WireMultiplexer(pglite);
    let idleTimer: NodeJS.Timeout | undefined;
    let stopping: Promise<void> | undefined;
    const onStopped: { resolve: () => void; reject: (error: unknown) => void }[] = [];
    const stop = (reason: string): Promise<void> =>
      (stopping ??= (async () => {
        log(`stopping: ${reason}`);
        clearTimeout(idleTimer);
        const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
        await mux.closeAll();
        await closed;
        await pglite.close();
        rmSync(paths.socketPath, { force: true });
        tightenStorePermissions(options.home);
        lock.release();
        log('stopped');
      })().then(
        () => onStopped.forEach((waiter) => waiter.resolve()),
        (error: unknown) => {
          onStopped.forEach((waiter) => waiter.reject(error));
          throw error;
        },
      ));
    const armIdleTimer = (waitMs = options.idleMs) => {
      clearTimeout(idleTimer);
      if (mux.connections === 0) idleTimer = setTimeout(() => void stop(`idle for ${waitMs} ms`), waitMs);
    };
    server = createServer((socket) => {
      clearTimeout(idleTimer);
      void mux.serve(socket).then(() => armIdleTimer());
    });
    // We hold the lock: a socket file here is a dead server's.
    rmSync(paths.socketPath, { force: true });
    await new Promise<void>((resolve, reject) => {
      server?.once('error', reject);
      server?.listen(paths.socketPath, () => resolve());
    });
    chmodSync(paths.socketPath, 0o600);
    // The process that started this server is still on its way to connect (slowly, on a busy machine):
    // a short idle setting must not stop the server before its first client arrives.
    armIdleTimer(Math.max(options.idleMs, FIRST_CLIENT_GRACE_MS));
    log(`listening on ${paths.socketPath} (pid ${process.pid})`);
    return {
      get stopped() {
        return stopping ?? new Promise<void>((resolve, reject) => void onStopped.push({ resolve, reject }));
      },
      stop: (reason) => void stop(reason),
    };
  } catch (error) {
    server?.close();
    lock.release();
    throw error;
  }
}
