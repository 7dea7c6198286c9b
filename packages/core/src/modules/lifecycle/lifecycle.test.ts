import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { addTestMember, failure, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { createApiKey } from '../../testing/api-key-use-cases.ts';
import { verifyApiKey } from '../api-keys/verify-api-key.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { sendInvitation } from '../../testing/invitation-use-cases.ts';
import { listMembers } from '../memberships/members.service.ts';
import { findTenant } from '../tenants/tenant-queries.service.ts';
import { deleteTenant as deleteOp } from './delete-tenant.operation.ts';
import { restoreTenant as restoreOp } from './restore-tenant.operation.ts';
import { extendTrial as trialOp } from './extend-trial.operation.ts';
import { resumeTenant as resumeOp } from './resume-tenant.operation.ts';
import { suspendTenant as suspendOp } from './suspend-tenant.operation.ts';
import { operationFunction } from '../../testing/operation-function.ts';

const deleteTenant = operationFunction(deleteOp);
const restoreTenant = operationFunction(restoreOp);
const extendTrial = operationFunction(trialOp);
const resumeTenant = operationFunction(resumeOp);
const suspendTenant = operationFunction(suspendOp);

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
const ctx = () => testContext(database);
const DAY = 86_400_000;

describe('suspend and resume', () => {
  it("suspend stops the tenant's users and keys, resume brings them back; repeating is unchanged", async () => {
    const tenant = await provisionTestTenant(database, { plan: 'professional' });
    const { key } = await createApiKey(ctx(), { slug: tenant.slug, name: 'k', scopes: ['*'] });
    const owner = userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail });
    const suspended = await suspendTenant(ctx(), { slug: tenant.slug, reason: 'unpaid invoice' });
    expect(suspended).toMatchObject({ result: 'applied', changes: [{ field: 'status', from: 'active', to: 'suspended' }] });
    expect((await suspendTenant(ctx(), { slug: tenant.slug })).result).toBe('unchanged');
    expect((await failure(listMembers(owner, tenant.slug))).code).toBe('TENANT_SUSPENDED');
    expect(await verifyApiKey(ctx(), { key: key ?? '' })).toMatchObject({ valid: false, reason: 'tenant_suspended' });
    expect((await listMembers(ctx(), tenant.slug)).length).toBe(1);
    expect((await resumeTenant(ctx(), { slug: tenant.slug })).result).toBe('applied');
    expect((await resumeTenant(ctx(), { slug: tenant.slug })).result).toBe('unchanged');
    expect((await listMembers(owner, tenant.slug)).length).toBe(1);
    const events = await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'tenant.*', limit: 2 });
    expect(events.map((event) => [event.action, event.after])).toEqual([
      ['tenant.resumed', { status: 'active', reason: null }],
      ['tenant.suspended', { status: 'suspended', reason: 'unpaid invoice' }],
    ]);
  });

  it('only the platform suspends; a dry run writes nothing', async () => {
    const tenant = await provisionTestTenant(database);
    const owner = userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail });
    expect((await failure(suspendTenant(owner, { slug: tenant.slug }))).code).toBe('FORBIDDEN');
    const before = await snapshot();
    expect((await suspendTenant(ctx(), { slug: tenant.slug }, { dryRun: true })).result).toBe('planned');
    expect(await snapshot()).toEqual(before);
  });
});

describe('extendTrial', () => {
  it('extends a running trial from its end, and an ended or missing one from now', async () => {
    const tenant = await provisionTestTenant(database, { trialDays: 10 });
    const before = (await findTenant(database.fork(), tenant.slug)).trialEndsAt as Date;
    const extended = await extendTrial(ctx(), { slug: tenant.slug, extendDays: 5 });
    expect(extended.trialEndsAt.getTime() - before.getTime()).toBe(5 * DAY);
    const none = await provisionTestTenant(database);
    const started = await extendTrial(ctx(), { slug: none.slug, extendDays: 14 });
    expect(started.changes).toEqual([{ field: 'trialEndsAt', from: null, to: started.trialEndsAt }]);
    expect(Math.round((started.trialEndsAt.getTime() - Date.now()) / DAY)).toBe(14);
    expect((await failure(extendTrial(ctx(), { slug: none.slug, extendDays: 0 }))).details.issues).toEqual([expect.objectContaining({ path: 'extendDays' })]);
  });
});

describe('delete and restore', () => {
  it('needs the exact name, keeps everything for the grace period, and restores to the previous status', async () => {
    const tenant = await provisionTestTenant(database, { name: 'Doomed Corp' });
    await addTestMember(database, tenant.slug, ['viewer']);
    await suspendTenant(ctx(), { slug: tenant.slug });
    expect((await failure(deleteTenant(ctx(), { slug: tenant.slug }))).details.issues).toEqual([expect.objectContaining({ path: 'confirm' })]);
    expect((await failure(deleteTenant(ctx(), { slug: tenant.slug, confirm: 'doomed corp' }))).details.issues).toEqual([
      expect.objectContaining({ path: 'confirm' }),
    ]);
    const planned = await deleteTenant(ctx(), { slug: tenant.slug }, { dryRun: true });
    expect(planned.result).toBe('planned');
    const before = await snapshot();
    const deleted = await deleteTenant(ctx(), { slug: tenant.slug, confirm: 'Doomed Corp' });
    expect(deleted.result).toBe('applied');
    expect(Math.round(((deleted.deletionScheduledAt?.getTime() ?? 0) - Date.now()) / DAY)).toBe(30);
    expect((await deleteTenant(ctx(), { slug: tenant.slug, confirm: 'Doomed Corp' })).result).toBe('unchanged');
    expect((await failure(sendInvitation(ctx(), { slug: tenant.slug, email: 'late@example.com' }))).code).toBe('TENANT_PENDING_DELETION');
    expect((await listMembers(ctx(), tenant.slug)).length).toBe(2);
    const restored = await restoreTenant(ctx(), { slug: tenant.slug });
    expect(restored.changes[0]).toEqual({ field: 'status', from: 'pending_deletion', to: 'suspended' });
    const after = await snapshot();
    // Every applied change raises the revision (and updated_at); everything else is as it was.
    const withoutVersion = (rows: unknown[] | undefined) =>
      (rows ?? []).map((row) => ({ ...(row as Record<string, unknown>), updated_at: null, revision: null }));
    expect(withoutVersion(after['tenantry.tenants'])).toEqual(withoutVersion(before['tenantry.tenants']));
    expect(after['tenantry.memberships']).toEqual(before['tenantry.memberships']);
    expect(after['tenantry.role_assignments']).toEqual(before['tenantry.role_assignments']);
    expect((await failure(restoreTenant(ctx(), { slug: tenant.slug }))).code).toBe('INVALID_STATUS_TRANSITION');
  });

  it('lets an owner delete and restore their tenant, not an admin', async () => {
    const tenant = await provisionTestTenant(database, { name: 'Self Service' });
    const admin = await addTestMember(database, tenant.slug, ['admin']);
    expect((await failure(deleteTenant(userContext(database, admin), { slug: tenant.slug, confirm: 'Self Service' }))).code).toBe('FORBIDDEN');
    const owner = userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail });
    expect((await deleteTenant(owner, { slug: tenant.slug, confirm: 'Self Service', graceDays: 7 })).result).toBe('applied');
    expect((await restoreTenant(userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail }), { slug: tenant.slug })).result).toBe('applied');
  });
});
