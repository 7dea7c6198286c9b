import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, rejectionOf, type TestDatabase } from '@tenantry/testing';
import { createTenantry, TenantryError } from './index.ts';

let testDatabase: TestDatabase;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
});

afterAll(async () => {
  await testDatabase?.drop();
});

describe('client.audit', () => {
  it('records the face that acted: sdk by default, the one given to createTenantry otherwise', async () => {
    const sdk = await createTenantry(testDatabase.sdkOptions);
    try {
      await sdk.tenants.provision({ name: 'Face Sdk', slug: 'face-sdk', ownerEmail: 'owner@face-sdk.example' });
      expect(new Set((await sdk.audit.list({ tenant: 'face-sdk' })).map((event) => event.face))).toEqual(new Set(['sdk']));
    } finally {
      await sdk.close();
    }
    const consoleClient = await createTenantry({ ...testDatabase.sdkOptions, face: 'console' });
    try {
      await consoleClient.tenants.suspend({ slug: 'face-sdk' });
      const [latest] = await consoleClient.audit.list({ tenant: 'face-sdk', limit: 1 });
      expect(latest).toMatchObject({ action: 'tenant.suspended', face: 'console' });
      expect(await consoleClient.audit.verify()).toMatchObject({ intact: true, broken: null });
    } finally {
      await consoleClient.close();
    }
  });

  it('refuses an unknown face naming the option', async () => {
    const error = await rejectionOf(createTenantry({ ...testDatabase.sdkOptions, face: 'telnet' as 'cli' }), TenantryError);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'face' })]);
  });
});
