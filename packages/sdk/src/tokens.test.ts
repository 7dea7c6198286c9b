import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, rejectionOf, type TestDatabase } from '@tenantry/testing';
import { createTenantry, TenantryError, type TenantryClient } from './index.ts';

let testDatabase: TestDatabase;
let client: TenantryClient;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  client = await createTenantry(testDatabase.sdkOptions);
  await client.tenants.provision({ name: 'Sdk Tokens', slug: 'sdk-tokens', ownerEmail: 'owner@sdk-tokens.example', ownerPassword: 'Owner-Password-1' });
});

afterAll(async () => {
  await client?.close();
  await testDatabase?.drop();
});

const failure = (promise: Promise<unknown>) => rejectionOf(promise, TenantryError);

describe('client.tokens', () => {
  it('create hands the token over once as JSON-safe DTOs; list, verify and revoke agree', async () => {
    const planned = await client.tokens.create({ name: 'billing-api', expiresDays: 30 }, { dryRun: true });
    expect(planned).toMatchObject({ result: 'planned', fingerprint: expect.any(String) });
    expect(planned.serviceToken.token).toBeUndefined();
    expect(await client.tokens.list()).toEqual([]);

    const created = await client.tokens.create({ name: 'billing-api', expiresDays: 30 }, { expectFingerprint: planned.fingerprint ?? '' });
    expect(created.result).toBe('applied');
    const { token, ...listed } = created.serviceToken;
    expect(token).toMatch(new RegExp(`^tts_${listed.prefix}_[A-Za-z0-9]{40}$`));
    expect(listed).toEqual({
      id: expect.any(String),
      name: 'billing-api',
      prefix: expect.stringMatching(/^[a-z0-9]{8}$/),
      status: 'active',
      expiresAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
      createdBy: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(await client.tokens.list()).toEqual([listed]);

    expect(await client.tokens.verify({ token: token ?? '' })).toEqual({
      valid: true,
      token: { prefix: listed.prefix, name: 'billing-api', expiresAt: listed.expiresAt },
    });
    expect((await client.tokens.list())[0]?.lastUsedAt).toEqual(expect.any(String));

    const revoked = await client.tokens.revoke({ prefix: `tts_${listed.prefix}` });
    expect(revoked).toMatchObject({ result: 'applied', serviceToken: { prefix: listed.prefix, status: 'revoked', revokedAt: expect.any(String) } });
    expect(revoked.serviceToken.token).toBeUndefined();
    expect(await client.tokens.verify({ token: token ?? '' })).toMatchObject({ valid: false, reason: 'revoked' });
    expect((await client.tokens.revoke({ prefix: listed.prefix })).result).toBe('unchanged');
    expect(await client.tokens.verify({ token: 'not-a-token' })).toMatchObject({ valid: false, reason: 'malformed' });
  });

  it('refuses tenant users, duplicate live names and unknown prefixes with their codes', async () => {
    const owner = client.as('owner@sdk-tokens.example');
    expect((await failure(owner.tokens.create({ name: 'sneaky' }))).code).toBe('FORBIDDEN');
    expect((await failure(owner.tokens.list())).code).toBe('FORBIDDEN');
    await client.tokens.create({ name: 'deploy' });
    expect((await failure(client.tokens.create({ name: 'deploy' }))).code).toBe('SERVICE_TOKEN_NAME_TAKEN');
    expect((await failure(client.tokens.revoke({ prefix: 'zzzzzzzz' }))).code).toBe('SERVICE_TOKEN_NOT_FOUND');
    expect((await failure(client.tokens.create({ name: 'x', expiresDays: 0 }))).code).toBe('INVALID_INPUT');
  });
});
