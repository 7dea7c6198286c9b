import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';
import { createTenantry, type TenantryClient } from '@tenantry/sdk';
import { renderConsole } from '../testing/render-console.tsx';

let database: TestDatabase;
let client: TenantryClient;

beforeAll(async () => {
  database = await createTestDatabase();
  // Tenants provisioned before a base domain was configured have no domain: once it is, the doctor
  // reports NO_PRIMARY_DOMAIN for them (repairable), and a 1-user limit is USAGE_NEAR_LIMIT (not repairable).
  const before = await createTenantry(database.sdkOptions);
  await before.tenants.provision({ name: 'Routed Later', ownerEmail: 'owner@routed.test', isolation: 'shared' });
  await before.tenants.provision({ name: 'Tight Limits', ownerEmail: 'owner@tight.test', isolation: 'shared', maxUsers: 1, domain: 'tight.example.net' });
  await before.close();
  // Its custom domain verified (and so primary): routed, not a NO_PRIMARY_DOMAIN finding.
  await sqlOnDatabase(database, `update tenantry.domains set verified_at = now(), is_primary = true where hostname = 'tight.example.net'`);
  client = await createTenantry({ ...database.sdkOptions, baseDomain: 'example.io' });
});

afterAll(async () => {
  await client?.close();
  await database?.drop();
});

describe('console: doctor', () => {
  it('shows health in the tenant table, findings by severity, and repairs one with plan, confirmation and re-check', async () => {
    const ui = renderConsole(client, { columns: 120, rows: 30 });
    try {
      const table = await ui.waitForFrame('! warning');
      // No domain at all under host routing: no request can reach it, an error.
      expect(table).toMatch(/routed-later .*✗ failing/);
      ui.press('doctor');
      const doctor = await ui.waitForFrame('! Warnings');
      expect(doctor).toMatch(/NO_PRIMARY_DOMAIN +routed-later +repair +routed-later has no verified domain: no request/);
      expect(doctor).toMatch(/USAGE_NEAR_LIMIT +tight-limits +manual +tight-limits uses 1 users of 1/);
      ui.key('enter');
      const plan = await ui.waitForFrame('The plan (nothing is written until you confirm)');
      // The repair is `domain primary`: the operation's plan, no hand-built SQL.
      expect(plan).toContain('1. Add routed-later.example.io to routed-later (it has no such domain)');
      expect(plan).toContain('the primary domain of routed-later');
      expect(plan).not.toContain('insert into');
      ui.key('enter');
      const result = await ui.waitForFrame('✓ re-check: NO_PRIMARY_DOMAIN is gone');
      expect(result).toContain('Repaired NO_PRIMARY_DOMAIN');
      ui.key('enter');
      const after = await ui.waitForFrame(/Doctor[\s\S]*0 errors · 1 warning /);
      expect(after).not.toMatch(/NO_PRIMARY_DOMAIN +routed-later/);
      expect((await client.tenants.get('routed-later')).domains.map((domain) => domain.hostname)).toEqual(['routed-later.example.io']);
    } finally {
      ui.unmount();
    }
  });

  it('explains a finding that has no automatic repair instead of crashing', async () => {
    const ui = renderConsole(client, { columns: 120, rows: 30 });
    try {
      await ui.waitForFrame('tight-limits');
      ui.type(':doctor\r');
      await ui.waitForFrame('USAGE_NEAR_LIMIT');
      ui.key('end');
      ui.key('enter');
      const frame = await ui.waitForFrame('has no automatic repair');
      expect(frame).toContain('PRECONDITION_FAILED');
    } finally {
      ui.unmount();
    }
  });
});
