import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { addTestMember, failure, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { operationFunction } from '../../testing/operation-function.ts';
import { listMembers } from './members.service.ts';
import { removeMember as removeMemberOp } from './remove-member.operation.ts';

const removeMember = operationFunction(removeMemberOp);

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

describe('listMembers', () => {
  it('lists members with their roles, oldest first; members with no role show none', async () => {
    const tenant = await provisionTestTenant(database);
    const analyst = await addTestMember(database, tenant.slug, ['analyst', 'viewer']);
    const bare = await addTestMember(database, tenant.slug, []);
    const members = await listMembers(testContext(database), tenant.slug);
    expect(members.map((member) => [member.email, member.roles])).toEqual([
      [tenant.ownerEmail, ['owner']],
      [analyst.email, ['analyst', 'viewer']],
      [bare.email, []],
    ]);
    expect((await failure(listMembers(testContext(database), 'no-such-tenant'))).code).toBe('TENANT_NOT_FOUND');
  });
});

describe('removeMember', () => {
  it('removes the membership and roles, keeps the user, and audits it', async () => {
    const tenant = await provisionTestTenant(database);
    const member = await addTestMember(database, tenant.slug, ['admin']);
    const ctx = testContext(database);
    const outcome = await removeMember(ctx, { slug: tenant.slug, email: member.email.toUpperCase() });
    expect(outcome.result).toBe('applied');
    expect((await listMembers(testContext(database), tenant.slug)).map((m) => m.email)).toEqual([tenant.ownerEmail]);
    const [user] = await database.fork().execute('select id from tenantry.users where email = ?', [member.email]);
    expect(user).toBeDefined();
    const [event] = await listAuditEvents(testContext(database), { tenant: tenant.slug, action: 'membership.removed' });
    expect(event).toMatchObject({ correlationId: ctx.correlationId, targetId: member.userId, before: { email: member.email, roles: ['admin'] } });
  });

  it('dry run plans and writes nothing', async () => {
    const tenant = await provisionTestTenant(database);
    const member = await addTestMember(database, tenant.slug, ['viewer']);
    const before = await snapshot();
    const outcome = await removeMember(testContext(database), { slug: tenant.slug, email: member.email }, { dryRun: true });
    expect(outcome.result).toBe('planned');
    expect(outcome.steps.map((step) => step.action)).toEqual(['remove-membership']);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the last owner, a non-member, a bad email, and an admin removing an owner', async () => {
    const tenant = await provisionTestTenant(database);
    const ctx = testContext(database);
    expect((await failure(removeMember(ctx, { slug: tenant.slug, email: tenant.ownerEmail }))).code).toBe('LAST_OWNER');
    expect((await failure(removeMember(ctx, { slug: tenant.slug, email: 'stranger@example.com' }))).code).toBe('MEMBER_NOT_FOUND');
    expect((await failure(removeMember(ctx, { slug: tenant.slug, email: 'not-an-email' }))).details.issues).toEqual([
      expect.objectContaining({ path: 'email' }),
    ]);
    const admin = await addTestMember(database, tenant.slug, ['admin']);
    const secondOwner = await addTestMember(database, tenant.slug, ['owner']);
    expect((await failure(removeMember(userContext(database, admin), { slug: tenant.slug, email: secondOwner.email }))).code).toBe('FORBIDDEN');
    // With two owners, an owner may remove the other.
    await removeMember(userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail }), { slug: tenant.slug, email: secondOwner.email });
    expect((await listMembers(ctx, tenant.slug)).map((m) => m.email)).toEqual([tenant.ownerEmail, admin.email]);
  });

  it('never leaves a tenant without an owner when two owners are removed at once', async () => {
    const tenant = await provisionTestTenant(database);
    const second = await addTestMember(database, tenant.slug, ['owner']);
    const results = await Promise.allSettled([
      removeMember(testContext(database), { slug: tenant.slug, email: tenant.ownerEmail }),
      removeMember(testContext(database), { slug: tenant.slug, email: second.email }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const owners = (await listMembers(testContext(database), tenant.slug)).filter((m) => m.roles.includes('owner'));
    expect(owners).toHaveLength(1);
  });
});
