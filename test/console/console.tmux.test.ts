import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN_PATH, TmuxSession, createTestDatabase, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;

beforeAll(async () => {
  if (process.env.TENANTRY_TEST_DATABASE_URL) {
    database = await createTestDatabase();
    return;
  }
  // The embedded store starts truly fresh: an empty home the console creates and migrates itself.
  const home = mkdtempSync(join(tmpdir(), 'tenantry-fresh-'));
  database = {
    kind: 'embedded',
    sdkOptions: { home, embeddedStore: 'in-process', env: {} },
    coreOptions: { kind: 'embedded', home, mode: 'in-process' },
    env: { TENANTRY_HOME: home, TENANTRY_STORE: 'in-process', TENANTRY_DATABASE_URL: undefined, TENANTRY_BASE_DOMAIN: undefined, CI: undefined },
    drop: async () => undefined,
  };
});

afterAll(async () => {
  await database?.drop();
});

const consoleEnv = () => database.env;

describe('the console in a real terminal (tmux)', () => {
  it('provisions through the wizard, filters, opens, invites, repairs from the doctor, and quits restoring the screen', { timeout: 240_000 }, async () => {
    const first = await TmuxSession.start([process.execPath, BIN_PATH], { env: consoleEnv(), columns: 100, rows: 30 });
    try {
      await first.waitFor('No tenants yet', 30_000);
      await first.keys('n');
      await first.waitFor('New tenant');
      await first.type('Tmux Industries');
      await first.keys('Tab', 'Tab');
      await first.type('owner@tmux.test');
      await first.keys('Enter');
      await first.waitFor('The plan (nothing is written until you confirm)');
      await first.keys('Enter');
      const result = await first.waitFor('shown once');
      expect(result).toMatch(/One-time password: \S{24} \(shown once/);
      await first.keys('Enter');
      await first.waitFor('Tmux Industries (tmux-industries)');

      await first.keys('Escape');
      await first.waitFor('Tenants');
      await first.keys('/');
      await first.type('indus');
      await first.keys('Enter');
      const filtered = await first.waitFor('filter: indus');
      expect(filtered).toMatch(/tmux-industries +Tmux Industries +✓ active/);
      await first.keys('Enter');
      await first.waitFor('Tmux Industries (tmux-industries)');

      await first.keys('i');
      await first.waitFor('Invite a member to tmux-industries');
      await first.type('analyst@tmux.test');
      await first.keys('Enter');
      await first.waitFor('The plan (nothing is written until you confirm)');
      await first.keys('Enter');
      const invited = await first.waitFor('shown once');
      expect(invited).toMatch(/Invitation token: \S+ \(shown once/);
      await first.keys('Enter');

      await first.keys('q');
      expect(await first.exitCode()).toBe(0);
      const restored = await first.waitFor('[exited]');
      expect(restored).not.toContain('Tenants');
    } finally {
      await first.kill();
    }

    // Drift, the way a person with psql would cause it: the owner loses the role.
    await sqlOnDatabase(
      database,
      `delete from tenantry.role_assignments r using tenantry.memberships m, tenantry.tenants t
        where m.id = r.membership_id and t.id = m.tenant_id and t.slug = 'tmux-industries' and r.role = 'owner'`,
    );

    const second = await TmuxSession.start([process.execPath, BIN_PATH], { env: consoleEnv(), columns: 100, rows: 30 });
    try {
      const table = await second.waitFor('✗ failing', 30_000);
      expect(table).toMatch(/tmux-industries .*✗ failing/);
      await second.keys(':');
      await second.type('doctor');
      await second.keys('Enter');
      await second.waitFor('TENANT_NO_OWNER');
      await second.keys('Enter');
      await second.waitFor('Grant owner to owner@tmux.test in tmux-industries');
      await second.keys('Enter');
      await second.waitFor('✓ re-check: TENANT_NO_OWNER is gone');
      await second.keys('Enter');
      await second.waitFor(/healthy: \d+ checks found nothing wrong/);
      await second.keys('q');
      expect(await second.exitCode()).toBe(0);
      expect(await second.waitFor('[exited]')).not.toContain('Doctor');
    } finally {
      await second.kill();
    }
  });
});
