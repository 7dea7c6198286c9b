import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { TenantryError } from '../errors.ts';
import { processIsGone, processStartTicks, processStartTime } from './process-identity.ts';

export interface LockRecord {
  pid: number;
  host: string;
  command: string;
  since: string;
  /** The holder's start (`processStartTicks`), so a pid the system gave to another process is told apart. */
  pidStart?: string;
}

export interface StoreLock {
  readonly path: string;
  release(): void;
}

/** What a lock file says: nobody holds it, a live holder does, or it is left over (dead, reused pid, garbage). */
export type LockState =
  { state: 'absent' } | { state: 'held'; holder: LockRecord; raw: string } | { state: 'stale'; raw: string } | { state: 'unreadable'; raw: string };

/** A lock file with no valid record older than this was left by a crash between creating and writing it. */
const GARBAGE_AFTER_MS = 2000;
/** Clock-tick and boot-time rounding when comparing a process start with a lock's `since`. */
const START_TOLERANCE_MS = 2000;

/**
 * Takes the embedded store's lock file (created exclusively), so a second process gets STORE_LOCKED
 * naming the holder instead of opening the same PGlite data directory. A lock left by a process that
 * is gone — dead, its pid now another process's, or a file with no record — is taken over.
 */
export function acquireStoreLock(lockPath: string, dataDir: string, command: string): StoreLock {
  mkdirSync(dirname(lockPath), { recursive: true, mode: 0o700 });
  const record: LockRecord = { pid: process.pid, host: hostname(), command, since: new Date().toISOString(), pidStart: processStartTicks(process.pid) };
  const writingDeadline = Date.now() + 1000;
  let found: LockState = { state: 'absent' };
  for (let attempt = 0; attempt < 50; attempt++) {
    if (tryCreate(lockPath, record)) return heldLock(lockPath);
    found = inspectStoreLock(lockPath);
    if (found.state === 'held') break;
    if (found.state === 'stale') removeStale(lockPath, found.raw);
    // A record being written right now: give its writer a moment.
    else if (found.state === 'unreadable' && Date.now() < writingDeadline) pause(20);
    else if (found.state === 'unreadable') break;
  }
  throw TenantryError.storeLocked(dataDir, found.state === 'held' ? describeHolder(found.holder) : 'a process that left an unreadable lock file', lockPath);
}

/** Reads the lock file and decides whether its holder is still there. */
export function inspectStoreLock(lockPath: string): LockState {
  let raw: string;
  let ageMs: number;
  try {
    raw = readFileSync(lockPath, 'utf8');
    ageMs = Date.now() - statSync(lockPath).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'absent' };
    throw error;
  }
  const holder = parseRecord(raw);
  if (!holder) return ageMs > GARBAGE_AFTER_MS ? { state: 'stale', raw } : { state: 'unreadable', raw };
  return holderIsGone(holder) ? { state: 'stale', raw } : { state: 'held', holder, raw };
}

function parseRecord(raw: string): LockRecord | undefined {
  try {
    const parsed = JSON.parse(raw) as Partial<LockRecord>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0 || typeof parsed.host !== 'string') return undefined;
    return {
      pid: parsed.pid,
      host: parsed.host,
      command: typeof parsed.command === 'string' ? parsed.command : 'tenantry',
      since: typeof parsed.since === 'string' ? parsed.since : '',
      ...(typeof parsed.pidStart === 'string' ? { pidStart: parsed.pidStart } : {}),
    };
  } catch {
    return undefined;
  }
}

/** True only when it is certain: a holder on another host, or one we cannot identify, is kept. */
function holderIsGone(holder: LockRecord): boolean {
  if (processIsGone(holder)) return true;
  if (holder.host !== hostname() || holder.pidStart !== undefined) return false;
  // A record without pidStart (written by hand or an older Tenantry): a process that started after
  // the lock was taken cannot be its holder.
  const started = processStartTime(holder.pid);
  const since = Date.parse(holder.since);
  return started !== undefined && !Number.isNaN(since) && started.getTime() > since + START_TOLERANCE_MS;
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

/** Moves the stale lock aside, and puts it back if a live process replaced it in the meantime. */
function removeStale(lockPath: string, staleRaw: string): void {
  const aside = `${lockPath}.${process.pid}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return;
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // gone already
  }
  if (moved !== staleRaw) {
    try {
      renameSync(aside, lockPath);
    } catch {
      unlinkQuietly(aside);
    }
    return;
  }
  unlinkQuietly(aside);
}

export function describeHolder(holder: LockRecord): string {
  const since = holder.since ? ` since ${holder.since}` : '';
  return `process ${holder.pid} on ${holder.host} (${holder.command})${since}`;
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
