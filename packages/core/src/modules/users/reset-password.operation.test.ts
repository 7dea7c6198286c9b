import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { executeOperation } from '../../operations/execute.ts';
import { addTestMember, failure, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { verifyPassword } from './password.ts';
import { resetPassword } from './reset-password.operation.ts';

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

const ctx = () => testContext(database);
const snapshot = () => snapshotRows((sql) => database.fork().execute<Record<string, unknown>[]>(sql));
const userRow = async (email: string) =>
  (
    await database
      .fork()
      .execute<{ password_hash: string; must_change_password: boolean }[]>('select password_hash, must_change_password from tenantry.users where email = ?', [
        email,
      ])
  )[0];

describe('the user.reset_password operation', () => {
  it('issues a new one-time password once: the stored hash is replaced, it must be changed, the audit has no password', async () => {
    const tenant = await provisionTestTenant(database);
    await database.fork().execute('update tenantry.users set must_change_password = false where email = ?', [tenant.ownerEmail]);
    const before = await userRow(tenant.ownerEmail);
    const planned = await executeOperation(ctx(), resetPassword, { email: tenant.ownerEmail.toUpperCase() }, { dryRun: true });
    const applied = await executeOperation(ctx(), resetPassword, { email: tenant.ownerEmail.toUpperCase() }, { expectFingerprint: planned.fingerprint });
    expect(applied).toMatchObject({ result: 'applied', steps: planned.steps, fingerprint: planned.fingerprint, data: { user: { email: tenant.ownerEmail } } });
    const password = applied.value?.oneTimePassword ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    const after = await userRow(tenant.ownerEmail);
    expect(after?.must_change_password).toBe(true);
    expect(after?.password_hash).not.toBe(before?.password_hash);
    expect(await verifyPassword(password, after?.password_hash ?? '')).toBe(true);
    const [event] = await listAuditEvents(ctx(), { action: 'user.password_reset' });
    expect(event).toMatchObject({ action: 'user.password_reset', targetType: 'user', targetId: applied.data.user.id });
    expect(JSON.stringify(event)).not.toContain(password);
    expect(JSON.stringify({ ...applied, value: undefined })).not.toContain(password);
  });

  it('a dry run returns the plan without a password and writes nothing', async () => {
    const tenant = await provisionTestTenant(database);
    const before = await snapshot();
    const planned = await executeOperation(ctx(), resetPassword, { email: tenant.ownerEmail }, { dryRun: true });
    expect(planned).toMatchObject({ result: 'planned', changes: [{ field: 'mustChangePassword', from: true, to: true }] });
    expect(planned.value).toBeUndefined();
    expect(planned.steps.map((step) => step.action)).toEqual(['reset-password', 'audit']);
    expect(await snapshot()).toEqual(before);
  });

  it('a plan shown before another reset is stale, and nothing is written', async () => {
    const tenant = await provisionTestTenant(database);
    const planned = await executeOperation(ctx(), resetPassword, { email: tenant.ownerEmail }, { dryRun: true });
    await executeOperation(ctx(), resetPassword, { email: tenant.ownerEmail });
    const before = await snapshot();
    expect((await failure(executeOperation(ctx(), resetPassword, { email: tenant.ownerEmail }, { expectFingerprint: planned.fingerprint }))).code).toBe(
      'PLAN_STALE',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('only the platform operator may; an unknown email is USER_NOT_FOUND, a malformed one INVALID_INPUT', async () => {
    const tenant = await provisionTestTenant(database);
    const owner = userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail });
    const admin = await addTestMember(database, tenant.slug, ['admin']);
    const before = await snapshot();
    expect((await failure(executeOperation(owner, resetPassword, { email: admin.email }))).code).toBe('FORBIDDEN');
    expect((await failure(executeOperation(owner, resetPassword, { email: admin.email }, { dryRun: true }))).code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
    expect((await failure(executeOperation(ctx(), resetPassword, { email: 'nobody@nowhere.test' }))).code).toBe('USER_NOT_FOUND');
    expect((await failure(executeOperation(ctx(), resetPassword, { email: 'not an email' }))).code).toBe('INVALID_INPUT');
  });
});
