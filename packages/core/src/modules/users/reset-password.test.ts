import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { addTestMember, failure, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { verifyPassword } from './password.ts';
import { resetUserPassword } from './reset-password.ts';

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
const userRow = async (email: string) =>
  (await database.fork().execute<{ password_hash: string; must_change_password: boolean }[]>('select password_hash, must_change_password from tenantry.users where email = ?', [email]))[0];

describe('resetUserPassword', () => {
  it('issues a new one-time password once: the stored hash is replaced, it must be changed, the audit has no password', async () => {
    const tenant = await provisionTestTenant(database);
    await database.fork().execute('update tenantry.users set must_change_password = false where email = ?', [tenant.ownerEmail]);
    const before = await userRow(tenant.ownerEmail);
    const outcome = await resetUserPassword(ctx(), { email: tenant.ownerEmail.toUpperCase() });
    expect(outcome).toMatchObject({ result: 'applied', user: { email: tenant.ownerEmail } });
    const password = outcome.oneTimePassword ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    const after = await userRow(tenant.ownerEmail);
    expect(after?.must_change_password).toBe(true);
    expect(after?.password_hash).not.toBe(before?.password_hash);
    expect(await verifyPassword(password, after?.password_hash ?? '')).toBe(true);
    const [event] = await listAuditEvents(ctx(), { action: 'user.password_reset' });
    expect(event).toMatchObject({ action: 'user.password_reset', targetType: 'user', targetId: outcome.user.id });
    expect(JSON.stringify(event)).not.toContain(password);
  });

  it('a dry run returns the plan and writes nothing', async () => {
    const tenant = await provisionTestTenant(database);
    const snapshot = () => snapshotRows((sql) => database.fork().execute<Record<string, unknown>[]>(sql));
    const before = await snapshot();
    const planned = await resetUserPassword(ctx(), { email: tenant.ownerEmail }, { dryRun: true });
    expect(planned.result).toBe('planned');
    expect(planned.oneTimePassword).toBeUndefined();
    expect(planned.steps.map((step) => step.action)).toEqual(['reset-password', 'audit']);
    expect(await snapshot()).toEqual(before);
  });

  it('only the platform operator may; an unknown email is USER_NOT_FOUND, a malformed one INVALID_INPUT', async () => {
    const tenant = await provisionTestTenant(database);
    const owner = userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail });
    const admin = await addTestMember(database, tenant.slug, ['admin']);
    expect((await failure(resetUserPassword(owner, { email: admin.email }))).code).toBe('FORBIDDEN');
    expect((await failure(resetUserPassword(ctx(), { email: 'nobody@nowhere.test' }))).code).toBe('USER_NOT_FOUND');
    expect((await failure(resetUserPassword(ctx(), { email: 'not an email' }))).code).toBe('INVALID_INPUT');
  });
});
