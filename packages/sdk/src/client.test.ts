import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, rejectionOf, type TestDatabase } from '@tenantry/testing';
import { createTenantry, defaultHome, TenantryError, type TenantryClient } from './index.ts';

let testDatabase: TestDatabase;
let client: TenantryClient;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  client = await createTenantry(testDatabase.sdkOptions);
});

afterAll(async () => {
  await client?.close();
  await testDatabase?.drop();
});

const failure = (promise: Promise<unknown>) => rejectionOf(promise, TenantryError);

describe('tenants', () => {
  it('provision returns a JSON-safe result with the one-time password, get and list show the tenant', async () => {
    const result = await client.tenants.provision({
      name: 'Globex',
      ownerEmail: 'hank@globex.example',
      ownerName: 'Hank Scorpio',
      plan: 'enterprise',
      trialDays: 30,
      supportPhone: '+1 555 123 4567',
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result).toMatchObject({
      result: 'created',
      tenant: { slug: 'globex', status: 'active', plan: 'enterprise', trialDaysLeft: 30 },
      owner: { email: 'hank@globex.example', existingUser: false, mustChangePassword: true },
    });
    expect(result.owner.oneTimePassword).toHaveLength(24);

    const tenant = await client.tenants.get('globex');
    expect(tenant).toMatchObject({ slug: 'globex', name: 'Globex', usersUsed: 1, supportPhone: '+1 555 123 4567' });
    expect(tenant.owners).toEqual([
      {
        userId: result.owner.userId,
        email: 'hank@globex.example',
        name: 'Hank Scorpio',
        roles: ['owner'],
        joinedAt: expect.any(String),
        lastSignInAt: null,
        lockedUntil: null,
        twoFactor: 'none',
      },
    ]);
    expect(JSON.stringify(tenant)).not.toContain(result.owner.oneTimePassword);

    const list = await client.tenants.list({ search: 'GLOB' });
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ slug: 'globex', usersUsed: 1, maxUsers: 200, trialDaysLeft: 30 });
  });

  it('list filters by status and plan and pages by limit and offset', async () => {
    for (const name of ['Page One', 'Page Two', 'Page Three']) {
      await client.tenants.provision({ name, ownerEmail: `${name.replace(' ', '.').toLowerCase()}@example.com`, plan: 'professional' });
    }
    const first = await client.tenants.list({ plan: 'professional', limit: 2 });
    const second = await client.tenants.list({ plan: 'professional', limit: 2, offset: 2 });
    expect(first.total).toBe(3);
    expect([...first.items, ...second.items].map((item) => item.slug)).toEqual(['page-one', 'page-three', 'page-two']);
    expect(first.nextCursor).toBe('page-three');
    expect(second.nextCursor).toBeNull();
    const after = await client.tenants.list({ plan: 'professional', limit: 2, cursor: first.nextCursor ?? '' });
    expect(after).toMatchObject({ total: 3, nextCursor: null, items: [expect.objectContaining({ slug: 'page-two' })] });
    expect((await client.tenants.list({ status: 'suspended' })).items).toEqual([]);
    expect((await failure(client.tenants.list({ status: 'gone' as never }))).code).toBe('INVALID_INPUT');
  });

  it('checkSlug and suggestSlugs answer from the database', async () => {
    await client.tenants.provision({ name: 'Initech', ownerEmail: 'bill@initech.example' });
    expect(await client.tenants.checkSlug('initech')).toEqual({ slug: 'initech', available: false, reason: 'taken by tenant "Initech"' });
    expect(await client.tenants.checkSlug('initech-2')).toEqual({ slug: 'initech-2', available: true });
    expect((await client.tenants.checkSlug('Initech')).reason).toMatch(/^invalid:/);
    const suggestions = await client.tenants.suggestSlugs('Initech');
    expect(suggestions).not.toContain('initech');
    expect(suggestions[0]).toBe('initech-hq');
  });

  it('throws TenantryError with stable codes', async () => {
    expect((await failure(client.tenants.get('no-such-tenant'))).code).toBe('TENANT_NOT_FOUND');
    expect((await failure(client.tenants.provision({ name: 'X', ownerEmail: 'bad' }))).code).toBe('INVALID_INPUT');
    expect((await failure(client.tenants.provision({ name: 'Globex', ownerEmail: 'other@globex.example' }))).code).toBe('SLUG_TAKEN');
  });
});

describe('createTenantry', () => {
  it('validates its options, naming the field', async () => {
    const error = await failure(createTenantry({ databaseUrl: 'mysql://nope', env: {} }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'databaseUrl' })]);
    expect((await failure(createTenantry({ baseDomain: 'not a domain', env: {} }))).details.issues).toEqual([expect.objectContaining({ path: 'baseDomain' })]);
  });

  it('in process: holds the embedded store for itself, releases it on `await using`, and refuses calls once closed', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tenantry-sdk-'));
    let escaped: TenantryClient | undefined;
    {
      await using scoped = await createTenantry({ home, env: {}, embeddedStore: 'in-process' });
      escaped = scoped;
      expect(scoped.target).toEqual({ kind: 'embedded', location: join(home, 'pgdata') });
      await expect(createTenantry({ home, env: {}, embeddedStore: 'in-process' })).rejects.toMatchObject({ code: 'STORE_LOCKED' });
    }
    expect((await failure(escaped.tenants.list())).code).toBe('PRECONDITION_FAILED');
    const reopened = await createTenantry({ home, env: {}, embeddedStore: 'in-process' });
    await reopened.close();
  });

  it('finds the embedded store under TENANTRY_HOME, XDG_DATA_HOME or ~/.local/share', () => {
    expect(defaultHome({ TENANTRY_HOME: '/srv/tenantry' })).toBe('/srv/tenantry');
    expect(defaultHome({ XDG_DATA_HOME: '/home/ops/.data' })).toBe('/home/ops/.data/tenantry');
    expect(defaultHome({ HOME: '/home/ops' })).toBe('/home/ops/.local/share/tenantry');
  });
});
