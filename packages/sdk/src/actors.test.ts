import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, rejectionOf, type TestDatabase } from '@tenantry/testing';
import { createTenantry, TenantryError, type TenantryClient } from './index.ts';

let testDatabase: TestDatabase;
let client: TenantryClient;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  client = await createTenantry(testDatabase.sdkOptions);
  await client.tenants.provision({ name: 'Actors One', slug: 'actors-one', ownerEmail: 'owner@one.example', ownerPassword: 'Owner-Password-1' });
  await client.tenants.provision({ name: 'Actors Two', slug: 'actors-two', ownerEmail: 'owner@two.example', ownerPassword: 'Owner-Password-1' });
});

afterAll(async () => {
  await client?.close();
  await testDatabase?.drop();
});

const failure = (promise: Promise<unknown>) => rejectionOf(promise, TenantryError);

describe('client.as(user)', () => {
  it("holds the caller to the user's roles in their own tenant only", async () => {
    const owner = client.as('owner@one.example');
    expect((await owner.tenants.get('actors-one')).slug).toBe('actors-one');
    expect((await failure(owner.tenants.get('actors-two'))).code).toBe('FORBIDDEN');
    expect((await failure(owner.tenants.list())).code).toBe('FORBIDDEN');
    expect((await failure(owner.tenants.provision({ name: 'Sneaky', ownerEmail: 'x@sneaky.example' }))).code).toBe('FORBIDDEN');
    expect((await failure(owner.audit.list())).code).toBe('FORBIDDEN');
    expect((await owner.audit.list({ tenant: 'actors-one' })).length).toBeGreaterThan(0);
  });

  it('keeps tenant users out of what crosses tenants: slugs of other tenants, the database, the doctor', async () => {
    const owner = client.as('owner@one.example');
    expect((await failure(owner.tenants.checkSlug('actors-two'))).code).toBe('FORBIDDEN');
    expect((await failure(owner.tenants.suggestSlugs('Actors Two'))).code).toBe('FORBIDDEN');
    expect((await failure(owner.database.status())).code).toBe('FORBIDDEN');
    expect((await failure(owner.database.migrate({ dryRun: true }))).code).toBe('FORBIDDEN');
    expect((await failure(owner.health.check())).code).toBe('FORBIDDEN');
    expect((await client.tenants.checkSlug('actors-two')).available).toBe(false);
  });

  it('lets the system actor do what the platform does, the doctor included', async () => {
    const own = await createTestDatabase();
    try {
      await using system = await createTenantry({ ...own.sdkOptions, actor: { type: 'system', label: 'nightly job' } });
      expect((await system.health.check()).checks).toBeGreaterThan(0);
      expect((await system.tenants.checkSlug('actors-one')).available).toBe(true);
    } finally {
      await own.drop();
    }
  });

  it('accepts { email } and { userId }, and refuses an unknown user as FORBIDDEN', async () => {
    const { owners } = await client.tenants.get('actors-two');
    const byId = client.as({ userId: owners[0]?.userId ?? '' });
    expect((await byId.tenants.get('actors-two')).slug).toBe('actors-two');
    expect((await client.as({ email: 'OWNER@two.example' }).tenants.get('actors-two')).slug).toBe('actors-two');
    expect((await failure(client.as('nobody@nowhere.example').tenants.get('actors-one'))).code).toBe('FORBIDDEN');
    expect((await failure(client.as({ userId: 'not-a-uuid' }).tenants.get('actors-one'))).code).toBe('FORBIDDEN');
  });

  it('shares the database: closing the derived client keeps the root open', async () => {
    const derived = client.as('owner@one.example');
    await derived.close();
    expect((await client.tenants.list()).total).toBe(2);
    expect((await derived.tenants.get('actors-one')).slug).toBe('actors-one');
  });
});
