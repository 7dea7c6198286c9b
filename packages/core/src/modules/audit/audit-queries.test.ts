import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { addTestMember, failure, provisionTestTenant, userContext, type TestTenant } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { listAuditEvents } from './audit-queries.ts';

let testDatabase: TestDatabase;
let database: Database;
let acme: TestTenant;
let globex: TestTenant;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.coreOptions);
  acme = await provisionTestTenant(database);
  globex = await provisionTestTenant(database);
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

describe('listAuditEvents', () => {
  it("lists a tenant's events newest first, with actor, target and one correlation id per command", async () => {
    const events = await listAuditEvents(testContext(database), { tenant: acme.slug });
    const actions = events.map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['tenant.provisioned', 'user.created', 'membership.created', 'role.granted']));
    // Newest first: the executor writes the change itself (tenant.provisioned) after what it did along the way.
    expect(actions.indexOf('tenant.provisioned')).toBeLessThan(actions.indexOf('role.granted'));
    expect(events.map((event) => Number(event.id))).toEqual(events.map((event) => Number(event.id)).sort((a, b) => b - a));
    expect(events.every((event) => event.tenantSlug === acme.slug && event.actor.type === 'operator')).toBe(true);
    expect(new Set(events.map((event) => event.correlationId)).size).toBe(1);
    expect(events.find((event) => event.action === 'user.created')?.after).toMatchObject({ email: acme.ownerEmail, password: '[redacted]' });
  });

  it('keeps facts that only mention a secret (limits.maxApiKeys, mustChangePassword) and stores no secret', async () => {
    const events = await listAuditEvents(testContext(database), { tenant: acme.slug });
    expect(events.find((event) => event.action === 'user.created')?.after).toMatchObject({ mustChangePassword: true });
    expect(events.find((event) => event.action === 'tenant.provisioned')?.after).toMatchObject({
      limits: expect.objectContaining({ maxApiKeys: expect.any(Number) }),
    });
    expect(JSON.stringify(events)).not.toContain('Owner-Password-1');
  });

  it('filters by action or action prefix, time, correlation id, and limits', async () => {
    const ctx = testContext(database);
    expect((await listAuditEvents(ctx, { action: 'tenant.provisioned' })).map((event) => event.tenantSlug)).toEqual([globex.slug, acme.slug]);
    expect((await listAuditEvents(ctx, { tenant: acme.slug, action: 'role.*' })).map((event) => event.action)).toEqual(['role.granted']);
    expect(await listAuditEvents(ctx, { since: '2999-01-01' })).toEqual([]);
    const globexEvents = await listAuditEvents(ctx, { tenant: globex.slug });
    expect(await listAuditEvents(ctx, { since: '1h', tenant: globex.slug })).toEqual(globexEvents);
    expect(await listAuditEvents(ctx, { until: '1h' })).toEqual([]);
    const [latest] = await listAuditEvents(ctx, { limit: 1 });
    expect(latest?.tenantSlug).toBe(globex.slug);
    expect(await listAuditEvents(ctx, { correlationId: latest?.correlationId })).toEqual(globexEvents);
  });

  it('refuses bad filters naming the field, and an unknown tenant', async () => {
    const ctx = testContext(database);
    expect((await failure(listAuditEvents(ctx, { since: 'yesterday' }))).details.issues).toEqual([expect.objectContaining({ path: 'since' })]);
    expect((await failure(listAuditEvents(ctx, { action: 'DROP TABLE' }))).details.issues).toEqual([expect.objectContaining({ path: 'action' })]);
    expect((await failure(listAuditEvents(ctx, { limit: 0 }))).code).toBe('INVALID_INPUT');
    expect((await failure(listAuditEvents(ctx, { tenant: 'no-such-tenant' }))).code).toBe('TENANT_NOT_FOUND');
  });

  it("lets an owner or analyst read their own tenant's trail only; viewers and other tenants are forbidden", async () => {
    const owner = { userId: acme.ownerId, email: acme.ownerEmail };
    expect((await listAuditEvents(userContext(database, owner), { tenant: acme.slug })).length).toBeGreaterThan(0);
    const analyst = await addTestMember(database, acme.slug, ['analyst']);
    expect((await listAuditEvents(userContext(database, analyst), { tenant: acme.slug })).length).toBeGreaterThan(0);
    const viewer = await addTestMember(database, acme.slug, ['viewer']);
    expect((await failure(listAuditEvents(userContext(database, viewer), { tenant: acme.slug }))).code).toBe('FORBIDDEN');
    expect((await failure(listAuditEvents(userContext(database, owner), { tenant: globex.slug }))).code).toBe('FORBIDDEN');
    expect((await failure(listAuditEvents(userContext(database, owner), {}))).code).toBe('FORBIDDEN');
  });
});
