import { chmodSync, lstatSync, mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTenantry } from './client.ts';

const home = mkdtempSync(join(tmpdir(), 'tenantry-perms-'));

afterAll(() => rm(home, { recursive: true, force: true }));

/** Every file and directory under `root` that the group or others may use. */
function shared(root: string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    const stats = lstatSync(path);
    if (stats.isSocket() || stats.isSymbolicLink()) return;
    if ((stats.mode & 0o077) !== 0) found.push(`${path} ${(stats.mode & 0o777).toString(8)}`);
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(root);
  return found;
}

describe('the embedded store on disk', () => {
  it('is private to its owner (0700/0600), and preflight flags it when it is not', { timeout: 120_000 }, async () => {
    chmodSync(home, 0o755);
    {
      await using client = await createTenantry({ home, env: {}, embeddedStore: 'in-process' });
      await client.tenants.provision({ name: 'Private', ownerEmail: 'owner@private.test' });
    }
    expect(shared(home)).toEqual([]);
    await using client = await createTenantry({ home, env: {}, embeddedStore: 'in-process' });
    const [first] = readdirSync(join(home, 'pgdata'));
    chmodSync(join(home, 'pgdata', String(first)), 0o755);
    const check = (await client.health.preflight()).find((result) => result.name === 'embedded store permissions');
    expect(check).toMatchObject({ ok: false });
    expect(check?.detail).toContain('chmod -R go-rwx');
  });
});
