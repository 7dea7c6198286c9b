import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { addTestMember, failure, provisionTestTenant } from '../../testing/access-fixtures.ts';
import { tenantInput, testContext } from '../../testing/service-context.ts';
import { createApiKey } from '../../testing/api-key-use-cases.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { sendInvitation } from '../../testing/invitation-use-cases.ts';
import { provisionTenant } from '../tenants/provision.service.ts';
import { findTenant } from '../tenants/tenant-queries.service.ts';
import { deleteTenant as deleteOp } from './delete-tenant.operation.ts';
import { operationFunction } from '../../testing/operation-function.ts';
import { purgeTenant as purgeOp } from './purge-tenant.operation.ts';

const deleteTenant = operationFunction(deleteOp);
const purgeTenant = operationFunction(purgeOp);

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

const rows = (sql: string, params: unknown[] = []) => database.fork().execute<Record<string, unknown>[]>(sql, params);
const snapshot = () => snapshotRows((sql) => rows(sql));
const ctx = () => testContext(database);
const DAY = 86_400_000;

describe('purgeTenant', () => {
  it('drops the data space and every row of the tenant, keeps a tombstone and the audit trail', async () => {
    const input = tenantInput({ name: 'Gone Inc', ownerPassword: 'Owner-Password-1', domain: 'gone.example', plan: 'professional' });
    await provisionTenant(ctx(), input);
    const tenant = await findTenant(database.fork(), String(input.slug));
    const shared = await addTestMember(database, tenant.slug, ['viewer']);
    const survivor = await provisionTestTenant(database);
    await addTestMember(database, survivor.slug, ['viewer'], shared.email);
    await createApiKey(ctx(), { slug: tenant.slug, name: 'k', scopes: ['*'] });
    await sendInvitation(ctx(), { slug: tenant.slug, email: 'pending@example.com' });
    await deleteTenant(ctx(), { slug: tenant.slug, confirm: 'Gone Inc' });
    expect((await failure(purgeTenant(ctx(), { slug: tenant.slug, confirm: 'Gone Inc' }))).code).toBe('GRACE_PERIOD_ACTIVE');
    const before = await snapshot();
    const planned = await purgeTenant(ctx(), { slug: tenant.slug, force: true }, { dryRun: true });
    expect(planned.steps.map((step) => step.action)).toEqual(['drop-data-space', 'delete-access', 'delete-orphan-users', 'tombstone', 'audit']);
    expect(planned.counts).toEqual({ members: 2, usersDeleted: 1, domains: 1, apiKeys: 1, invitations: 1, outboxMessages: 1 });
    expect(await snapshot()).toEqual(before);
    expect((await failure(purgeTenant(ctx(), { slug: tenant.slug, force: true, confirm: 'gone inc' }))).details.issues).toEqual([
      expect.objectContaining({ path: 'confirm' }),
    ]);

    const later = testContext(database, { now: () => new Date(Date.now() + 31 * DAY) });
    const purged = await purgeTenant(later, { slug: tenant.slug, confirm: 'Gone Inc' });
    expect(purged.result).toBe('applied');
    for (const table of ['memberships', 'domains', 'api_keys', 'invitations', 'outbox_messages']) {
      expect(await rows(`select * from tenantry.${table} where tenant_id = ?`, [tenant.id]), table).toEqual([]);
    }
    expect(await rows('select id from tenantry.users where email = ?', [input.ownerEmail])).toEqual([]);
    expect(await rows('select id from tenantry.users where email = ?', [shared.email])).toHaveLength(1);
    if (tenant.schemaName) expect(await rows('select 1 from pg_namespace where nspname = ?', [tenant.schemaName])).toEqual([]);
    const tombstone = await findTenant(database.fork(), tenant.slug);
    expect(tombstone).toMatchObject({ status: 'deleted', name: 'Gone Inc', contactEmail: null, settings: {} });
    expect(tombstone.purgedAt).not.toBeNull();
    const trail = await listAuditEvents(ctx(), { tenant: tenant.slug, limit: 100 });
    expect(trail[0]).toMatchObject({ action: 'tenant.purged', after: { status: 'deleted', members: 2, usersDeleted: 1 } });
    expect(trail.map((event) => event.action)).toContain('tenant.provisioned');
    expect((await purgeTenant(ctx(), { slug: tenant.slug, confirm: 'Gone Inc' })).result).toBe('unchanged');
    expect((await failure(provisionTenant(ctx(), input))).code).toBe('SLUG_TAKEN');
    expect((await failure(sendInvitation(ctx(), { slug: tenant.slug, email: 'x@example.com' }))).code).toBe('TENANT_PURGED');
  });

  it('refuses an active tenant, and purges early only with force', async () => {
    const tenant = await provisionTestTenant(database, { name: 'Early Bird' });
    expect((await failure(purgeTenant(ctx(), { slug: tenant.slug, confirm: 'Early Bird', force: true }))).code).toBe('INVALID_STATUS_TRANSITION');
    await deleteTenant(ctx(), { slug: tenant.slug, confirm: 'Early Bird', graceDays: 1 });
    expect((await failure(purgeTenant(ctx(), { slug: tenant.slug, confirm: 'Early Bird' }))).details).toMatchObject({ daysLeft: 1 });
    expect((await purgeTenant(ctx(), { slug: tenant.slug, confirm: 'Early Bird', force: true })).result).toBe('applied');
  });
});
