import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TenantryError } from '../errors.ts';
import { acquireStoreLock } from './store-lock.ts';

const lockPath = () => join(mkdtempSync(join(tmpdir(), 'tenantry-lock-')), 'tenantry.lock');

describe('acquireStoreLock', () => {
  it('refuses a second holder, naming the first, until it is released', async () => {
    const path = lockPath();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(path, JSON.stringify({ pid: child.pid, host: hostname(), command: 'tenantry tenant create', since: '2026-01-01T00:00:00.000Z' }));
      let error: unknown;
      try {
        acquireStoreLock(path, '/data', 'tenantry tenant list');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TenantryError);
      expect((error as TenantryError).code).toBe('STORE_LOCKED');
      expect((error as TenantryError).message).toContain(`process ${child.pid}`);
      expect((error as TenantryError).message).toContain('tenantry tenant create');
    } finally {
      child.kill();
    }
  });

  it('takes over a lock whose process is gone, and removes it on release', () => {
    const path = lockPath();
    writeFileSync(path, JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), command: 'crashed', since: '' }));
    const lock = acquireStoreLock(path, '/data', 'tenantry test');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, command: 'tenantry test' });
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('never takes over a lock held on another host', () => {
    const path = lockPath();
    writeFileSync(path, JSON.stringify({ pid: 1, host: 'some-other-host', command: 'tenantry console', since: '' }));
    expect(() => acquireStoreLock(path, '/data', 'tenantry test')).toThrow(/some-other-host/);
  });
});
