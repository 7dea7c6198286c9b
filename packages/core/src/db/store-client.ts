import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { TenantryError } from '../errors.ts';
import { describeHolder, inspectStoreLock, type LockRecord } from './store-lock.ts';
import { STORE_SERVER_COMMAND, storePaths, type StorePaths } from './store-paths.ts';

export interface StoreClientOptions {
  home: string;
  /** How long the serving process, once started, waits without clients before it exits. */
  idleMs: number;
  /** How long to wait for it to start (a cold PGlite boot takes seconds on a loaded machine). */
  startTimeoutMs?: number;
}

export type StoreStatus =
  | { state: 'stopped'; home: string }
  | { state: 'serving'; home: string; pid: number; since: string; socket: string; responding: boolean }
  /** Opened for itself by one process (in-process mode): it cannot be shared until that process ends. */
  | { state: 'exclusive'; home: string; holder: string };

/**
 * Makes sure the store's serving process runs and answers on its socket, starting it if need be.
 * Two clients starting it at once spawn two, of which one takes the lock and the other exits; a
 * dead server's lock and socket are taken over by the next one.
 */
export async function ensureStoreServer(options: StoreClientOptions): Promise<StorePaths> {
  const paths = storePaths(options.home);
  if (await answers(paths.socketPath)) return paths;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  let child: { exited: boolean } | undefined;
  let spawned = 0;
  while (Date.now() < deadline) {
    const lock = inspectStoreLock(paths.lockPath);
    if (lock.state === 'held' && lock.holder.command !== STORE_SERVER_COMMAND) {
      throw TenantryError.storeLocked(paths.dataDir, describeHolder(lock.holder), paths.lockPath);
    }
    if (lock.state !== 'held' && (child === undefined || child.exited)) {
      if (spawned++ >= 3) break;
      child = spawnServer(paths, options);
    }
    if (await answers(paths.socketPath)) return paths;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new TenantryError('UNAVAILABLE', {
    message: `The embedded store's serving process did not start within ${Math.round((options.startTimeoutMs ?? 60_000) / 1000)} s.`,
    details: { home: options.home, log: paths.logPath, lastLog: lastLines(paths.logPath) },
    hint: `See ${paths.logPath}; \`tenantry store status\` shows the process.`,
  });
}

/** What serves the store now, without starting anything. */
export async function storeStatus(home: string): Promise<StoreStatus> {
  const paths = storePaths(home);
  const lock = inspectStoreLock(paths.lockPath);
  if (lock.state !== 'held') return { state: 'stopped', home };
  if (lock.holder.command !== STORE_SERVER_COMMAND) return { state: 'exclusive', home, holder: describeHolder(lock.holder) };
  return { state: 'serving', home, pid: lock.holder.pid, since: lock.holder.since, socket: paths.socketPath, responding: await answers(paths.socketPath) };
}

/** Stops the serving process (its clients' open transactions roll back) and waits until it is gone. */
export async function stopStoreServer(home: string, timeoutMs = 30_000): Promise<{ stopped: boolean; pid?: number }> {
  const paths = storePaths(home);
  const lock = inspectStoreLock(paths.lockPath);
  if (lock.state !== 'held') return { stopped: false };
  const holder: LockRecord = lock.holder;
  if (holder.command !== STORE_SERVER_COMMAND) throw TenantryError.storeLocked(paths.dataDir, describeHolder(holder), paths.lockPath);
  process.kill(holder.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const now = inspectStoreLock(paths.lockPath);
    if (now.state !== 'held' || now.holder.pid !== holder.pid) return { stopped: true, pid: holder.pid };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new TenantryError('UNAVAILABLE', {
    message: `The serving process ${holder.pid} did not stop within ${Math.round(timeoutMs / 1000)} s.`,
    details: { pid: holder.pid, log: paths.logPath },
    hint: `See ${paths.logPath}; \`kill -9 ${holder.pid}\` ends it (committed work is kept).`,
  });
}

function spawnServer(paths: StorePaths, options: StoreClientOptions): { exited: boolean } {
  mkdirSync(options.home, { recursive: true, mode: 0o700 });
  const log = openSync(paths.logPath, 'a', 0o600);
  try {
    const child = spawn(process.execPath, [serverScript(), options.home, String(options.idleMs)], {
      cwd: options.home,
      detached: true,
      stdio: ['ignore', log, log],
    });
    const state = { exited: false };
    child.once('exit', () => (state.exited = true));
    child.once('error', () => (state.exited = true));
    child.unref();
    return state;
  } finally {
    closeSync(log);
  }
}

/** The serving script beside this module: compiled (`.js`, the bundled binary) or the TypeScript source. */
function serverScript(): string {
  for (const name of ['store-server-main.js', 'store-server-main.ts']) {
    const path = fileURLToPath(new URL(name, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new TenantryError('INTERNAL', {
    message: `The embedded store's serving script (store-server-main.js) is missing beside ${fileURLToPath(import.meta.url)}.`,
    details: {},
  });
}

/** True when something accepts a connection on the socket. */
function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function lastLines(path: string): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-6).join('\n');
  } catch {
    return '';
  }
}
