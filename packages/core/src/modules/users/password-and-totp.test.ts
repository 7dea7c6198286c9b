import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticatorCode, createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { executeOperation } from '../../operations/execute.ts';
import { failure, provisionTestTenant, type TestTenant } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { updateSecurityPolicy } from '../settings/update-policy.operation.ts';
import { changePassword } from './change-password.operation.ts';
import { confirmTotp } from './confirm-totp.operation.ts';
import { enrollTotp } from './enroll-totp.operation.ts';
import { resetPassword } from './reset-password.operation.ts';
import { resetTotp } from './reset-totp.operation.ts';
import { signIn } from './sign-in.ts';

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
const ctx = (now?: Date) => testContext(database, now ? { now: () => now } : {});
const change = (tenant: TestTenant, currentPassword: string, newPassword: string) =>
  executeOperation(ctx(), changePassword, { email: tenant.ownerEmail, currentPassword, newPassword });
const signInAt = (tenant: TestTenant, now: Date, totp?: string, password = PASSWORD) =>
  signIn(ctx(now), { tenant: tenant.slug, email: tenant.ownerEmail, password, ip: '198.51.100.4', ...(totp ? { totp } : {}) });

describe('user.change_password', () => {
  it("applies the strictest policy of the user's tenants and clears must-change; the audit holds no password", async () => {
    const tenant = await provisionTestTenant(database);
    await executeOperation(ctx(), updateSecurityPolicy, { slug: tenant.slug, password: { minLength: 16, requireSymbols: true } });
    expect(await failure(change(tenant, PASSWORD, 'Short-Pass-123'))).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'newPassword', message: `must have at least 16 characters (the password policy of ${tenant.slug})` }] },
    });
    expect((await signInAt(tenant, new Date())).required).toEqual(['password_change']);
    const applied = await change(tenant, PASSWORD, 'A-Much-Longer-Password-1');
    expect(applied).toMatchObject({ result: 'applied', changes: [{ field: 'mustChangePassword', from: true, to: false }] });
    expect((await signInAt(tenant, new Date(), undefined, 'A-Much-Longer-Password-1')).required).toEqual([]);
    expect(await failure(signInAt(tenant, new Date()))).toMatchObject({ code: 'SIGN_IN_FAILED' });
    const [event] = await listAuditEvents(ctx(), { action: 'user.password_changed' });
    expect(JSON.stringify(event)).not.toMatch(/Owner-Password-1|A-Much-Longer-Password-1/);
    expect(JSON.stringify(applied)).not.toContain('A-Much-Longer-Password-1');
  });

  it('refuses the current password and, with password.history N, the N before it (resets included)', async () => {
    const tenant = await provisionTestTenant(database);
    await executeOperation(ctx(), updateSecurityPolicy, { slug: tenant.slug, password: { history: 2 } });
    expect(await failure(change(tenant, PASSWORD, PASSWORD))).toMatchObject({
      details: {
        issues: [{ path: 'newPassword', message: `must not be the current password or one of the 2 before it (the password policy of ${tenant.slug})` }],
      },
    });
    await change(tenant, PASSWORD, 'Second-Password-22');
    await change(tenant, 'Second-Password-22', 'Third-Password-333');
    expect((await failure(change(tenant, 'Third-Password-333', PASSWORD))).code).toBe('INVALID_INPUT');
    await change(tenant, 'Third-Password-333', 'Fourth-Password-4444');
    // The first is now three back: allowed again.
    expect((await change(tenant, 'Fourth-Password-4444', PASSWORD)).result).toBe('applied');
    const reset = await executeOperation(ctx(), resetPassword, { email: tenant.ownerEmail });
    expect((await failure(change(tenant, reset.value?.oneTimePassword ?? '', PASSWORD))).code).toBe('INVALID_INPUT');
  });

  it('counts a wrong current password toward the lock, and a dry run changes nothing', async () => {
    const tenant = await provisionTestTenant(database);
    expect(await failure(change(tenant, 'Wrong-Password-1', 'Another-Password-1'))).toMatchObject({ code: 'SIGN_IN_FAILED' });
    expect((await viewUser(ctx(), { email: tenant.ownerEmail })).failedSignIns).toBe(1);
    const planned = await executeOperation(
      ctx(),
      changePassword,
      { email: tenant.ownerEmail, currentPassword: PASSWORD, newPassword: 'Another-Password-1' },
      { dryRun: true },
    );
    expect(planned.result).toBe('planned');
    expect((await signInAt(tenant, new Date())).user.email).toBe(tenant.ownerEmail);
  });
});

describe('TOTP', () => {
  it('enrolls, confirms with the first code, then sign-in asks for a code; a code is good once, a recovery code too', async () => {
    const tenant = await provisionTestTenant(database);
    await change(tenant, PASSWORD, 'Totp-User-Password-1');
    const password = 'Totp-User-Password-1';
    await executeOperation(ctx(), updateSecurityPolicy, { slug: tenant.slug, require2fa: true });
    const start = new Date('2026-12-01T10:00:00Z');
    expect((await signInAt(tenant, start, undefined, password)).required).toEqual(['totp_enrollment']);

    const enrolled = await executeOperation(ctx(start), enrollTotp, { email: tenant.ownerEmail, password, issuer: 'Acme App' });
    const enrollment = enrolled.value;
    if (!enrollment) throw new Error('enrollment returned nothing');
    expect(enrollment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Acme%20App:.+\?issuer=Acme%20App&secret=[A-Z2-7]+/);
    expect(enrollment.recoveryCodes).toHaveLength(10);
    const stored = JSON.stringify(await database.fork().execute('select * from tenantry.users where id = ?', [tenant.ownerId]));
    expect(stored).not.toContain(enrollment.secret);
    for (const code of enrollment.recoveryCodes) expect(stored).not.toContain(code);
    expect((await viewUser(ctx(), { email: tenant.ownerEmail })).twoFactor).toBe('pending');

    expect(await failure(executeOperation(ctx(start), confirmTotp, { email: tenant.ownerEmail, code: '000000' }))).toMatchObject({
      details: { issues: [{ path: 'code' }] },
    });
    await executeOperation(ctx(start), confirmTotp, { email: tenant.ownerEmail, code: authenticatorCode(enrollment.secret, start) });
    expect(await failure(executeOperation(ctx(start), enrollTotp, { email: tenant.ownerEmail, password }))).toMatchObject({ code: 'TOTP_ALREADY_ENROLLED' });

    const later = new Date(start.getTime() + 90_000);
    expect(await signInAt(tenant, later, undefined, password)).toMatchObject({ required: ['totp'], recoveryCodesLeft: 10 });
    const code = authenticatorCode(enrollment.secret, later);
    expect(await signInAt(tenant, later, code, password)).toMatchObject({ required: [], secondFactor: 'totp' });
    expect(await failure(signInAt(tenant, later, code, password))).toMatchObject({ code: 'SIGN_IN_FAILED' });
    const [recovery] = enrollment.recoveryCodes;
    expect(await signInAt(tenant, later, recovery?.toUpperCase(), password)).toMatchObject({ secondFactor: 'recovery_code', recoveryCodesLeft: 9 });
    expect(await failure(signInAt(tenant, later, recovery, password))).toMatchObject({ code: 'SIGN_IN_FAILED' });
    const [failed] = await listAuditEvents(ctx(), { action: 'user.sign_in_failed', tenant: tenant.slug });
    expect(failed).toMatchObject({ after: { reason: 'totp' } });

    // With an authenticator, changing the password needs a code too, and does not reset the failures.
    expect(
      await failure(executeOperation(ctx(later), changePassword, { email: tenant.ownerEmail, currentPassword: password, newPassword: 'Next-Password-99' })),
    ).toMatchObject({
      details: { issues: [{ path: 'totp' }] },
    });
    expect(
      (
        await failure(
          executeOperation(ctx(later), changePassword, {
            email: tenant.ownerEmail,
            currentPassword: password,
            newPassword: 'Next-Password-99',
            totp: '000000',
          }),
        )
      ).code,
    ).toBe('SIGN_IN_FAILED');
    const failures = (await viewUser(ctx(later), { email: tenant.ownerEmail })).failedSignIns;
    expect(failures).toBeGreaterThanOrEqual(2);
    const [second] = enrollment.recoveryCodes.slice(1);
    await executeOperation(ctx(later), changePassword, { email: tenant.ownerEmail, currentPassword: password, newPassword: 'Next-Password-99', totp: second });
    expect((await viewUser(ctx(later), { email: tenant.ownerEmail })).failedSignIns).toBe(failures);

    await executeOperation(ctx(), resetTotp, { email: tenant.ownerEmail });
    expect((await signInAt(tenant, later, undefined, 'Next-Password-99')).required).toEqual(['totp_enrollment']);
    expect((await executeOperation(ctx(), resetTotp, { email: tenant.ownerEmail })).result).toBe('unchanged');
  });

  it('confirming needs a waiting enrollment', async () => {
    const tenant = await provisionTestTenant(database);
    expect(await failure(executeOperation(ctx(), confirmTotp, { email: tenant.ownerEmail, code: '123456' }))).toMatchObject({ code: 'TOTP_NOT_PENDING' });
  });
});
