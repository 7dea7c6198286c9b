import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { addTestMember, failure, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { operationFunction } from '../../testing/operation-function.ts';
import { grantRole as grantRoleOp } from './grant-role.operation.ts';
import { revokeRole as revokeRoleOp } from './revoke-role.operation.ts';
import { listRoleAssignments } from './roles.service.ts';

const grantRole = operationFunction(grantRoleOp);
const revokeRole = operationFunction(revokeRoleOp);

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

const snapshot = () => snapshotRows((sql) => database.fork().execute<Record<string, unknown>[]>(sql));

describe('grantRole and revokeRole', () => {
  it('grant and revoke roles with before/after in the audit trail; repeating is unchanged', async () => {
    const tenant = await provisionTestTenant(database);
    const member = await addTestMember(database, tenant.slug, []);
    const ctx = testContext(database);
    const granted = await grantRole(ctx, { slug: tenant.slug, email: member.email, role: 'analyst' });
    expect(granted).toMatchObject({ result: 'applied', changes: [{ field: 'roles', from: [], to: ['analyst'] }], member: { roles: ['analyst'] } });
    expect((await grantRole(testContext(database), { slug: tenant.slug, email: member.email, role: 'analyst' })).result).toBe('unchanged');
    await grantRole(testContext(database), { slug: tenant.slug, email: member.email, role: 'admin' });
    expect(await listRoleAssignments(testContext(database), tenant.slug)).toEqual([
      { userId: tenant.ownerId, email: tenant.ownerEmail, role: 'owner' },
      { userId: member.userId, email: member.email, role: 'admin' },
      { userId: member.userId, email: member.email, role: 'analyst' },
    ]);
    const revoked = await revokeRole(testContext(database), { slug: tenant.slug, email: member.email, role: 'admin' });
    expect(revoked.member.roles).toEqual(['analyst']);
    expect((await revokeRole(testContext(database), { slug: tenant.slug, email: member.email, role: 'admin' })).result).toBe('unchanged');
    const events = await listAuditEvents(testContext(database), { tenant: tenant.slug, action: 'role.*', limit: 3 });
    expect(events.map((event) => [event.action, event.before, event.after])).toEqual([
      ['role.revoked', { role: 'admin', roles: ['admin', 'analyst'] }, { roles: ['analyst'] }],
      ['role.granted', { roles: ['analyst'] }, { role: 'admin', roles: ['admin', 'analyst'] }],
      ['role.granted', { roles: [] }, { role: 'analyst', roles: ['analyst'] }],
    ]);
  });

  it('dry run plans and writes nothing', async () => {
    const tenant = await provisionTestTenant(database);
    const member = await addTestMember(database, tenant.slug, ['viewer']);
    const before = await snapshot();
    expect((await grantRole(testContext(database), { slug: tenant.slug, email: member.email, role: 'admin' }, { dryRun: true })).result).toBe('planned');
    expect((await revokeRole(testContext(database), { slug: tenant.slug, email: member.email, role: 'viewer' }, { dryRun: true })).result).toBe('planned');
    expect(await snapshot()).toEqual(before);
  });

  it('never demotes the last owner; a second owner can be demoted', async () => {
    const tenant = await provisionTestTenant(database);
    const ctx = () => testContext(database);
    expect((await failure(revokeRole(ctx(), { slug: tenant.slug, email: tenant.ownerEmail, role: 'owner' }))).code).toBe('LAST_OWNER');
    const second = await addTestMember(database, tenant.slug, ['owner']);
    await revokeRole(ctx(), { slug: tenant.slug, email: tenant.ownerEmail, role: 'owner' });
    expect((await failure(revokeRole(ctx(), { slug: tenant.slug, email: second.email, role: 'owner' }))).code).toBe('LAST_OWNER');
  });

  it('lets only an owner grant or revoke owner; an admin manages the other roles', async () => {
    const tenant = await provisionTestTenant(database);
    const admin = await addTestMember(database, tenant.slug, ['admin']);
    const member = await addTestMember(database, tenant.slug, ['viewer']);
    const asAdmin = () => userContext(database, admin);
    expect((await failure(grantRole(asAdmin(), { slug: tenant.slug, email: member.email, role: 'owner' }))).code).toBe('FORBIDDEN');
    expect((await failure(grantRole(asAdmin(), { slug: tenant.slug, email: admin.email, role: 'owner' }))).code).toBe('FORBIDDEN');
    expect((await failure(revokeRole(asAdmin(), { slug: tenant.slug, email: tenant.ownerEmail, role: 'owner' }))).code).toBe('FORBIDDEN');
    expect((await grantRole(asAdmin(), { slug: tenant.slug, email: member.email, role: 'analyst' })).result).toBe('applied');
    const asOwner = userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail });
    expect((await grantRole(asOwner, { slug: tenant.slug, email: admin.email, role: 'owner' })).result).toBe('applied');
  });

  it('refuses a non-member, an unknown role and an unknown tenant', async () => {
    const tenant = await provisionTestTenant(database);
    const ctx = testContext(database);
    expect((await failure(grantRole(ctx, { slug: tenant.slug, email: 'nobody@example.com', role: 'viewer' }))).code).toBe('MEMBER_NOT_FOUND');
    expect((await failure(grantRole(ctx, { slug: tenant.slug, email: tenant.ownerEmail, role: 'superuser' as never }))).details.issues).toEqual([
      expect.objectContaining({ path: 'role' }),
    ]);
    expect((await failure(revokeRole(ctx, { slug: 'no-such-tenant', email: tenant.ownerEmail, role: 'viewer' }))).code).toBe('TENANT_NOT_FOUND');
  });
});
