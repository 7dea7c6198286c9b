import { closeSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { TenantryError } from '../errors.ts';

interface LockRecord {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface StoreLock {
  readonly path: string;
  release(): void;
}

/**
 * Takes the embedded store's lock file (created exclusively), so a second process gets STORE_LOCKED
 * naming the holder instead of opening the same PGlite data directory. A lock left by a process that
 * died on this host is taken over.
 */
export function acquireStoreLock(lockPath: string, dataDir: string, command: string): StoreLock {
  mkdirSync(dirname(lockPath), { recursive: true });
  const record: LockRecord = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockPath, record)) return heldLock(lockPath);
    const holder = readRecord(lockPath);
    if (holder && !isStale(holder)) throw TenantryError.storeLocked(dataDir, describeHolder(holder));
    if (holder) removeStale(lockPath, holder);
  }
  const holder = readRecord(lockPath);
  throw TenantryError.storeLocked(dataDir, holder ? describeHolder(holder) : 'another process');
}

function tryCreate(lockPath: string, record: LockRecord): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(record));
  } finally {
    closeSync(fd);
  }
  return true;
}

function heldLock(lockPath: string): StoreLock {
  const releaseOnExit = () => unlinkQuietly(lockPath);
  process.once('exit', releaseOnExit);
  let released = false;
  return {
    path: lockPath,
    release() {
      if (released) return;
      released = true;
      process.removeListener('exit', releaseOnExit);
      unlinkQuietly(lockPath);
    },
  };
}

function readRecord(lockPath: string): LockRecord | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockRecord>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return undefined;
    return { pid: parsed.pid, host: parsed.host, command: parsed.command ?? 'tenantry', since: parsed.since ?? '' };
  } catch {
    return undefined;
  }
}

function isStale(holder: LockRecord): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Moves the stale lock aside, and puts it back if a live process replaced it in the meantime. */
function removeStale(lockPath: string, stale: LockRecord): void {
  const aside = `${lockPath}.${process.pid}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return;
  }
  const moved = readRecord(aside);
  if (moved && (moved.pid !== stale.pid || moved.since !== stale.since)) {
    try {
      renameSync(aside, lockPath);
    } catch {
      unlinkQuietly(aside);
    }
    return;
  }
  unlinkQuietly(aside);
}

function describeHolder(holder: LockRecord): string {
  const since = holder.since ? ` since ${holder.since}` : '';
  return `process ${holder.pid} on ${holder.host} (${holder.command})${since}`;
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
