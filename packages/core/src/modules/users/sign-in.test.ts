import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { executeOperation } from '../../operations/execute.ts';
import { addTestMember, failure, provisionTestTenant, type TestTenant } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { deleteTenant } from '../lifecycle/delete-tenant.operation.ts';
import { suspendTenant } from '../lifecycle/suspend-tenant.operation.ts';
import { updateSecurityPolicy } from '../settings/update-policy.operation.ts';
import { SIGN_IN_GUARD } from './sign-in-guard.ts';
import { signIn } from './sign-in.ts';
import { unlockUser } from './unlock-user.operation.ts';
import { viewUser } from './user-view.ts';

let testDatabase: TestDatabase;
let database: Database;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.coreOptions);
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

const PASSWORD = 'Owner-Password-1';
const IP = '203.0.113.7';

/** A clock the test moves: throttling and locks are about time, and tests never wait for it. */
function clock(start = new Date('2026-12-01T09:00:00Z')) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (seconds: number) => void (now += seconds * 1000) };
}

/** A tenant whose owner has already replaced the one-time password. */
async function provisionSignedUpTenant(): Promise<TestTenant> {
  const tenant = await provisionTestTenant(database);
  await database.fork().execute('update tenantry.users set must_change_password = false where id = ?', [tenant.ownerId]);
  return tenant;
}

const at = (time: ReturnType<typeof clock>) => testContext(database, { now: time.now });
const attempt = (tenant: TestTenant, overrides: Record<string, unknown> = {}, time = clock()) =>
  signIn(at(time), { tenant: tenant.slug, email: tenant.ownerEmail, password: PASSWORD, ip: IP, ...overrides });

describe('signIn', () => {
  it('answers the user, their roles and the session timeout; records the sign-in in the audit trail, never the password', async () => {
    const tenant = await provisionSignedUpTenant();
    const result = await attempt(tenant, { email: tenant.ownerEmail.toUpperCase() });
    expect(result).toMatchObject({
      user: { id: tenant.ownerId, email: tenant.ownerEmail },
      tenant: { slug: tenant.slug },
      roles: ['owner'],
      sessionTimeoutMinutes: 480,
      required: [],
      secondFactor: null,
      previousSignInAt: null,
    });
    const [event] = await listAuditEvents(testContext(database), { action: 'user.signed_in', tenant: tenant.slug });
    expect(event).toMatchObject({ targetId: tenant.ownerId, after: { email: tenant.ownerEmail, ip: IP } });
    expect(JSON.stringify(event)).not.toContain(PASSWORD);
    expect((await viewUser(testContext(database), { email: tenant.ownerEmail })).lastSignInAt).not.toBeNull();
  });

  it('gives one answer for a wrong password, an unknown email, an unknown tenant and a non-member', async () => {
    const tenant = await provisionSignedUpTenant();
    const other = await provisionSignedUpTenant();
    const wrongPassword = await failure(attempt(tenant, { password: 'Not-The-Password-1' }));
    const unknownEmail = await failure(attempt(tenant, { email: 'nobody@example.com' }));
    const unknownTenant = await failure(attempt(tenant, { tenant: 'no-such-tenant' }));
    const notMember = await failure(attempt(other, { email: tenant.ownerEmail }));
    for (const refused of [wrongPassword, unknownEmail, unknownTenant, notMember]) {
      expect(refused).toMatchObject({ code: 'SIGN_IN_FAILED', kind: 'unauthenticated', message: wrongPassword.message });
    }
    const [failed] = await listAuditEvents(testContext(database), { action: 'user.sign_in_failed', tenant: tenant.slug });
    expect(failed).toMatchObject({ targetId: tenant.ownerId, after: { reason: 'password' } });
    expect(JSON.stringify(failed)).not.toContain('Not-The-Password-1');
  });

  it('throttles after repeated failures, then locks the account, even for the right password; an operator unlocks it', async () => {
    const tenant = await provisionSignedUpTenant();
    const time = clock();
    const wrong = () => failure(attempt(tenant, { password: 'Wrong-Password-1' }, time));
    for (let i = 0; i < SIGN_IN_GUARD.throttleAfter; i++) expect((await wrong()).code).toBe('SIGN_IN_FAILED');
    expect(await wrong()).toMatchObject({ code: 'SIGN_IN_THROTTLED', kind: 'rate_limited', details: { retryAfterSeconds: 1 } });
    for (let i = SIGN_IN_GUARD.throttleAfter; i < SIGN_IN_GUARD.lockAfter; i++) {
      time.advance(SIGN_IN_GUARD.maxDelaySeconds);
      expect((await wrong()).code).toBe('SIGN_IN_FAILED');
    }
    time.advance(SIGN_IN_GUARD.maxDelaySeconds);
    const locked = await failure(attempt(tenant, {}, time));
    expect(locked).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { email: tenant.ownerEmail } });
    expect((await viewUser(at(time), { email: tenant.ownerEmail })).lockedUntil).toEqual(
      new Date(time.now().getTime() - 60_000 + SIGN_IN_GUARD.lockMinutes * 60_000),
    );
    expect(await listAuditEvents(testContext(database), { action: 'user.locked', tenant: tenant.slug })).toHaveLength(1);

    const unlocked = await executeOperation(at(time), unlockUser, { email: tenant.ownerEmail });
    expect(unlocked).toMatchObject({ result: 'applied', changes: [{ field: 'locked', from: true, to: false }] });
    expect((await attempt(tenant, {}, time)).required).toEqual([]);
    expect((await executeOperation(at(time), unlockUser, { email: tenant.ownerEmail })).result).toBe('unchanged');
  });

  it('a lock ends by itself after its time', async () => {
    const tenant = await provisionSignedUpTenant();
    const time = clock();
    for (let i = 0; i < SIGN_IN_GUARD.lockAfter; i++) {
      await failure(attempt(tenant, { password: 'Wrong-Password-1' }, time));
      time.advance(SIGN_IN_GUARD.maxDelaySeconds);
    }
    expect((await failure(attempt(tenant, {}, time))).code).toBe('ACCOUNT_LOCKED');
    time.advance(SIGN_IN_GUARD.lockMinutes * 60);
    expect((await attempt(tenant, {}, time)).user.email).toBe(tenant.ownerEmail);
  });

  it('counts parallel wrong guesses one by one: none slips past the throttle', async () => {
    const tenant = await provisionSignedUpTenant();
    const time = clock();
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => failure(attempt(tenant, { password: `Wrong-Password-${i}` }, time))));
    const codes = guesses.map((refused) => refused.code).sort();
    expect(codes.filter((code) => code === 'SIGN_IN_FAILED')).toHaveLength(SIGN_IN_GUARD.throttleAfter);
    expect(codes.filter((code) => code === 'SIGN_IN_THROTTLED')).toHaveLength(12 - SIGN_IN_GUARD.throttleAfter);
    expect((await viewUser(at(time), { email: tenant.ownerEmail })).failedSignIns).toBe(SIGN_IN_GUARD.throttleAfter);
  });

  it("refuses an address outside the tenant's allowed ranges, before checking the password", async () => {
    const tenant = await provisionSignedUpTenant();
    await executeOperation(testContext(database), updateSecurityPolicy, { slug: tenant.slug, allowedIpRanges: ['10.0.0.0/8', '2001:db8::/32'] });
    expect(await failure(attempt(tenant, { ip: '192.168.1.20', password: 'Wrong-Password-1' }))).toMatchObject({
      code: 'ADDRESS_NOT_ALLOWED',
      details: { ip: '192.168.1.20', allowedIpRanges: ['10.0.0.0/8', '2001:db8::/32'] },
    });
    for (const ip of ['10.1.2.3', '::ffff:10.1.2.3', '2001:db8::42']) expect((await attempt(tenant, { ip })).roles).toEqual(['owner']);
    expect((await viewUser(testContext(database), { email: tenant.ownerEmail })).failedSignIns).toBe(0);
    expect(await listAuditEvents(testContext(database), { action: 'user.sign_in_refused', tenant: tenant.slug })).toHaveLength(1);
  });

  it('refuses a suspended or pending-deletion tenant once the credentials are right', async () => {
    const suspended = await provisionSignedUpTenant();
    await executeOperation(testContext(database), suspendTenant, { slug: suspended.slug });
    expect((await failure(attempt(suspended))).code).toBe('TENANT_SUSPENDED');
    expect((await failure(attempt(suspended, { password: 'Wrong-Password-1' }))).code).toBe('SIGN_IN_FAILED');
    const deleting = await provisionSignedUpTenant();
    await executeOperation(testContext(database), deleteTenant, { slug: deleting.slug, confirm: deleting.name });
    expect((await failure(attempt(deleting))).code).toBe('TENANT_PENDING_DELETION');
  });

  it('tells the application a one-time password must be changed first', async () => {
    const tenant = await provisionTestTenant(database);
    const member = await addTestMember(database, tenant.slug, ['viewer']);
    expect((await attempt(tenant)).required).toEqual(['password_change']);
    expect((await viewUser(testContext(database), { email: tenant.ownerEmail })).lastSignInAt).toBeNull();
    expect((await failure(attempt(tenant, { email: member.email }))).code).toBe('SIGN_IN_FAILED');
  });

  it("gives an API key no reach to another tenant's users: it cannot sign them in, guess at them or lock them", async () => {
    const own = await provisionSignedUpTenant();
    const other = await provisionSignedUpTenant();
    const asKey = (time: ReturnType<typeof clock>) =>
      testContext(database, { now: time.now, actor: { type: 'api_key', label: 'key of own', apiKey: { tenantId: own.id, scopes: ['*'] } } });
    const time = clock();
    for (let i = 0; i < SIGN_IN_GUARD.lockAfter + 2; i++) {
      const refused = await failure(signIn(asKey(time), { tenant: own.slug, email: other.ownerEmail, password: 'Wrong-Password-1', ip: IP }));
      expect(refused.code).toBe('SIGN_IN_FAILED');
    }
    expect(await failure(signIn(asKey(time), { tenant: other.slug, email: other.ownerEmail, password: PASSWORD, ip: IP }))).toMatchObject({
      code: 'SIGN_IN_FAILED',
    });
    expect((await viewUser(testContext(database), { email: other.ownerEmail })).failedSignIns).toBe(0);
    expect((await signIn(asKey(time), { tenant: own.slug, email: own.ownerEmail, password: PASSWORD, ip: IP })).roles).toEqual(['owner']);
  });

  it('names the field of bad input', async () => {
    const tenant = await provisionSignedUpTenant();
    expect(await failure(attempt(tenant, { ip: 'localhost' }))).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'ip' }] } });
    expect(await failure(attempt(tenant, { totp: '12345' }))).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'totp' }] } });
  });
});
