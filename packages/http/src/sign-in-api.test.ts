import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticatorCode, createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { createTenantry, type TenantryClient } from '@tenantry/sdk';
import type { FastifyInstance } from 'fastify';
import { createServer } from './index.ts';

let testDatabase: TestDatabase;
let client: TenantryClient;
let server: FastifyInstance;
let base: string;
let token: string;

async function call(method: string, path: string, body?: unknown, auth: string | null = token): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  client = await createTenantry(testDatabase.sdkOptions);
  token = String((await client.tokens.create({ name: 'sign-in tests' })).serviceToken.token);
  server = await createServer(client, { log: false });
  base = await server.listen({ host: '127.0.0.1', port: 0 });
  await client.tenants.provision({ name: 'Login Co', slug: 'login-co', ownerEmail: 'owner@login.test', skipDemoData: true });
});

afterAll(async () => {
  await server?.close();
  await client?.close();
  await testDatabase?.drop();
});

describe('sign-in over HTTP', () => {
  it('runs the whole first sign-in: one-time password, change, 2FA enrollment, code; failures are 401 problems', async () => {
    const { oneTimePassword } = await client.users.resetPassword({ email: 'owner@login.test' });
    const credentials = { tenant: 'login-co', email: 'owner@login.test', ip: '203.0.113.9' };
    expect((await call('POST', '/v1/sign-in', { ...credentials, password: oneTimePassword }, null)).status).toBe(401);

    const first = await call('POST', '/v1/sign-in', { ...credentials, password: oneTimePassword });
    expect(first).toMatchObject({ status: 200, body: { roles: ['owner'], required: ['password_change'], tenant: { slug: 'login-co' } } });
    const password = 'My-Own-Password-42';
    const changed = await call('POST', '/v1/users/password', { email: credentials.email, currentPassword: oneTimePassword, newPassword: password });
    expect(changed).toMatchObject({ status: 200, body: { result: 'applied' } });

    await client.tenants.updatePolicy({ slug: 'login-co', require2fa: true });
    expect((await call('POST', '/v1/sign-in', { ...credentials, password })).body).toMatchObject({ required: ['totp_enrollment'] });
    const enrolled = await call('POST', '/v1/users/totp', { email: credentials.email, password });
    expect(enrolled.status).toBe(200);
    const secret = String(enrolled.body.secret);
    expect(enrolled.body.recoveryCodes).toHaveLength(10);
    expect((await call('POST', '/v1/users/totp/confirm', { email: credentials.email, code: authenticatorCode(secret) })).status).toBe(200);
    expect((await call('POST', '/v1/sign-in', { ...credentials, password })).body).toMatchObject({ required: ['totp'] });

    const wrong = await call('POST', '/v1/sign-in', { ...credentials, password: 'Not-My-Password-1' });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'SIGN_IN_FAILED', kind: 'unauthenticated' } });
    expect(JSON.stringify(wrong.body)).not.toContain('Not-My-Password-1');
    const recovery = (enrolled.body.recoveryCodes as string[])[0];
    expect((await call('POST', '/v1/sign-in', { ...credentials, password, totp: recovery })).body).toMatchObject({
      required: [],
      secondFactor: 'recovery_code',
    });

    const user = await call('GET', '/v1/users/owner@login.test');
    expect(user.body).toMatchObject({ twoFactor: 'enrolled', failedSignIns: 0, recoveryCodesLeft: 9, mustChangePassword: false });
    expect(user.body.lastSignInAt).not.toBeNull();
    // A sign-in is never answered from a stored response: the same Idempotency-Key and body are checked again.
    const keyed = JSON.stringify({ ...credentials, password, totp: (enrolled.body.recoveryCodes as string[])[1] });
    const signInWithKey = () =>
      fetch(`${base}/v1/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'same-key-twice' },
        body: keyed,
      });
    expect((await signInWithKey()).status).toBe(200);
    const again = await signInWithKey();
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([401, null]);
    const bad = await call('POST', '/v1/sign-in', { ...credentials, password, ip: 'not-an-ip' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'INVALID_INPUT' } });
  });
});
