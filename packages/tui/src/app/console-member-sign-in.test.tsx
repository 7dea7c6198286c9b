import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { createTenantry, type TenantryClient } from '@tenantry/sdk';
import { renderConsole } from './testing/render-console.tsx';

let database: TestDatabase;
let client: TenantryClient;
const PLAN = 'The plan (nothing is written until you confirm)';
const PASSWORD = 'Pied-Piper-Owner-1';
let clockAheadMs = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  // Failed sign-ins wait longer and longer: the client's clock moves past each wait instead of the test waiting.
  client = await createTenantry({ ...database.sdkOptions, now: () => new Date(Date.now() + clockAheadMs) });
  await client.tenants.provision(
    { name: 'Piper', slug: 'piper', ownerEmail: 'owner@piper.test', ownerPassword: PASSWORD, skipDemoData: true },
    { ownerPassword: 'chosen' },
  );
});

afterAll(async () => {
  await client?.close();
  await database?.drop();
});

describe("console: a member's sign-in state", () => {
  it('shows the last sign-in, 2FA and a lock on the members tab, and U unlocks the selected member', async () => {
    const credentials = { tenant: 'piper', email: 'owner@piper.test', ip: '192.0.2.1' };
    await client.users.signIn({ ...credentials, password: PASSWORD });
    await client.users.enrollTotp({ email: credentials.email, password: PASSWORD });
    let refused = '';
    while (refused !== 'ACCOUNT_LOCKED') {
      refused = await client.users.signIn({ ...credentials, password: 'Wrong-Password-1' }).then(
        () => 'signed in',
        (error: { code: string }) => error.code,
      );
      clockAheadMs += 61_000;
    }
    const ui = renderConsole(client, { columns: 140, rows: 30 });
    try {
      await ui.waitForFrame('Tenants');
      ui.type(':piper\r');
      await ui.waitForFrame(/Status +\S/);
      ui.key('2');
      const members = await ui.waitForFrame('LAST SIGN-IN');
      expect(members).toMatch(/owner@piper\.test .*owner .*(now|second|minute).* pending +✗ locked \(ends in \d+ minutes\)/);
      ui.press('unlockMember');
      const plan = await ui.waitForFrame(PLAN);
      expect(plan).toContain('Unlock the account of owner@piper.test');
      expect(plan).toMatch(/locked +true → false/);
      ui.key('enter');
      await ui.waitForFrame('owner@piper.test may sign in again');
      ui.key('enter');
      await ui.waitForFrame(/owner@piper\.test .* pending +ok/);
    } finally {
      ui.unmount();
    }
    expect((await client.users.get({ email: 'owner@piper.test' })).lockedUntil).toBeNull();
  });
});
