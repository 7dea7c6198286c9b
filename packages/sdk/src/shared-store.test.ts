import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTenantry } from './client.ts';
import { stopStore, storeStatus } from './store.ts';

const home = mkdtempSync(join(tmpdir(), 'tenantry-sdk-shared-'));

afterAll(async () => {
  await stopStore({ home });
  await rm(home, { recursive: true, force: true });
});

describe('createTenantry() on the shared embedded store', () => {
  it('opens two clients on one home at once, both served by one serving process it started', { timeout: 240_000 }, async () => {
    const [first, second] = await Promise.all([createTenantry({ home, env: {} }), createTenantry({ home, env: {} })]);
    try {
      expect(first.target).toEqual({ kind: 'embedded', location: join(home, 'pgdata') });
      await first.tenants.provision({ name: 'From First', ownerEmail: 'owner@first.test' });
      expect((await second.tenants.get('from-first')).name).toBe('From First');
      const status = await storeStatus({ home });
      expect(status).toMatchObject({ state: 'serving', responding: true });
      expect(status.state === 'serving' && status.pid).not.toBe(process.pid);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
    expect(await stopStore({ home })).toMatchObject({ stopped: true });
    expect((await storeStatus({ home })).state).toBe('stopped');
  });
});
