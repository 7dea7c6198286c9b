import { mkdtempSync, readFileSync, writeFileSync, existsSync, utimesSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { TenantryError } from '../errors.ts';
import { acquireStoreLock } from './store-lock.ts';
import { processStartTicks } from './process-identity.ts';

const lockPath = () => join(mkdtempSync(join(tmpdir(), 'tenantry-lock-')), 'tenantry.lock');
const children: ChildProcess[] = [];
const liveProcess = () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  children.push(child);
  return child;
};
const lockError = (path: string): TenantryError => {
  try {
    acquireStoreLock(path, '/data', 'tenantry tenant list');
  } catch (caught) {
    if (caught instanceof TenantryError) return caught;
    throw caught;
  }
  throw new Error('the lock was granted');
};
/** Makes a file look as if it had been written a minute ago. */
const age = (path: string) => utimesSync(path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

describe('acquireStoreLock', () => {
  it('refuses a second holder, naming the first and the lock file, until it is released', () => {
    const path = lockPath();
    const child = liveProcess();
    writeFileSync(path, JSON.stringify({ pid: child.pid, host: hostname(), command: 'tenantry tenant create', since: new Date().toISOString() }));
    const error = lockError(path);
    expect(error.code).toBe('STORE_LOCKED');
    expect(error.message).toContain(`process ${child.pid}`);
    expect(error.message).toContain('tenantry tenant create');
    expect(error.hint).toContain(path);
  });

  it('refuses while its own record names a live process with the same start', async () => {
    const path = lockPath();
    const child = liveProcess();
    let start: string | undefined;
    while ((start = processStartTicks(child.pid ?? 0)) === undefined) await new Promise((resolve) => setImmediate(resolve));
    writeFileSync(path, JSON.stringify({ pid: child.pid, host: hostname(), command: 'tenantry console', since: '2026-01-01T00:00:00.000Z', pidStart: start }));
    expect(lockError(path).code).toBe('STORE_LOCKED');
  });

  it('takes over a lock whose process is gone, and removes it on release', () => {
    const path = lockPath();
    writeFileSync(path, JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), command: 'crashed', since: '' }));
    const lock = acquireStoreLock(path, '/data', 'tenantry test');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, command: 'tenantry test' });
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['garbage', '\u0000\u0000{not json'],
    ['a record without a pid', JSON.stringify({ host: hostname() })],
  ])('takes over an old %s lock file left by a crash', (_, content) => {
    const path = lockPath();
    writeFileSync(path, content);
    age(path);
    const lock = acquireStoreLock(path, '/data', 'tenantry test');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over a lock naming a pid the system has given to another process', () => {
    const other = liveProcess();
    const reusedWithStart = lockPath();
    writeFileSync(
      reusedWithStart,
      JSON.stringify({ pid: other.pid, host: hostname(), command: 'tenantry console', since: new Date().toISOString(), pidStart: '1' }),
    );
    acquireStoreLock(reusedWithStart, '/data', 'tenantry test').release();
    // An older record without the start: the live process started long after the lock was taken.
    const reusedLegacy = lockPath();
    writeFileSync(reusedLegacy, JSON.stringify({ pid: other.pid, host: hostname(), command: 'tenantry console', since: '2020-01-01T00:00:00.000Z' }));
    acquireStoreLock(reusedLegacy, '/data', 'tenantry test').release();
  });

  it('never takes over a lock held on another host, and says which file to remove', () => {
    const path = lockPath();
    writeFileSync(path, JSON.stringify({ pid: 1, host: 'some-other-host', command: 'tenantry console', since: '' }));
    const error = lockError(path);
    expect(error.message).toContain('some-other-host');
    expect(error.hint).toContain(`remove ${path}`);
  });
});
