import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { defineOperation } from '../../operations/operation.ts';
import { executeOperation } from '../../operations/execute.ts';
import { failure, provisionTestTenant } from '../../testing/access-fixtures.ts';
import { tenantInput, testContext } from '../../testing/service-context.ts';
import { suspendTenant } from '../lifecycle/suspend-tenant.operation.ts';
import { endTrialInput } from '../lifecycle/lifecycle.schemas.ts';
import { provisionTenant } from '../tenants/provision.service.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { listEvents } from './event-queries.ts';

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

interface EventRow {
  id: string;
  type: string;
  tenant_id: string | null;
  tenant_slug: string | null;
  correlation_id: string;
  data: { auditAction: string; target: { type: string; id: string | null }; after: Record<string, unknown> | null };
}

const eventsOf = (tenantId: string) =>
  database
    .fork()
    .execute<EventRow[]>(
      `select id::text as id, type, tenant_id, tenant_slug, correlation_id, data from tenantry.events where tenant_id = ? order by events.id`,
      [tenantId],
    );
const eventCount = async () => Number((await database.fork().execute<{ n: string }[]>('select count(*) as n from tenantry.events'))[0]?.n);

describe('lifecycle events', () => {
  it('records tenant.created and member.added with the tenant when provisioning, in one correlation, and no secret', async () => {
    const context = ctx();
    const outcome = await provisionTenant(context, tenantInput());
    const tenant = outcome.tenant as Tenant;
    expect(outcome.oneTimePassword).toEqual(expect.any(String));
    const events = await eventsOf(tenant.id);
    // tenant.created first: a subscriber hears of the tenant before its members.
    expect(events.map((event) => event.type)).toEqual(['tenant.created', 'member.added', 'role.granted']);
    for (const event of events) {
      expect(event).toMatchObject({ tenant_id: tenant.id, tenant_slug: tenant.slug, correlation_id: context.correlationId });
    }
    expect(events.find((event) => event.type === 'member.added')?.data).toMatchObject({
      auditAction: 'membership.created',
      target: { type: 'user', id: outcome.owner?.id },
      after: { email: outcome.owner?.email },
    });
    const everything = JSON.stringify(await database.fork().execute('select * from tenantry.events'));
    expect(everything).not.toContain(outcome.oneTimePassword);
  });

  it('records no given password either, and redacts it by name', async () => {
    const outcome = await provisionTenant(ctx(), tenantInput({ ownerPassword: 'Given-Secret-Pass-42' }));
    const everything = JSON.stringify(await database.fork().execute('select * from tenantry.events'));
    expect(everything).not.toContain('Given-Secret-Pass-42');
    expect((await eventsOf((outcome.tenant as Tenant).id)).length).toBeGreaterThan(0);
  });

  it('records tenant.suspended when the executor applies a suspension, none on a dry run or an unchanged result', async () => {
    const tenant = await provisionTestTenant(database);
    const before = await eventCount();
    await executeOperation(ctx(), suspendTenant, { slug: tenant.slug, reason: 'billing' }, { dryRun: true });
    expect(await eventCount()).toBe(before);
    await executeOperation(ctx(), suspendTenant, { slug: tenant.slug, reason: 'billing' });
    expect(await eventCount()).toBe(before + 1);
    const suspended = (await eventsOf(tenant.id)).at(-1);
    expect(suspended).toMatchObject({
      type: 'tenant.suspended',
      tenant_slug: tenant.slug,
      data: { auditAction: 'tenant.suspended', target: { type: 'tenant', id: tenant.id }, after: { status: 'suspended', reason: 'billing' } },
    });
    expect((await executeOperation(ctx(), suspendTenant, { slug: tenant.slug })).result).toBe('unchanged');
    expect(await eventCount()).toBe(before + 1);
  });

  it('records nothing when the change fails: its events roll back with it', async () => {
    const tenant = await provisionTestTenant(database);
    const before = await eventCount();
    const broken = defineOperation({
      id: 'tenant.suspend',
      summary: 'Suspends a tenant, then breaks the slug check.',
      scope: 'tenant',
      input: endTrialInput,
      audit: ['tenant.suspended'],
      async plan() {
        return { steps: [{ action: 'break', description: 'Break' }], data: null };
      },
      async apply(operation) {
        const locked = operation.tenant;
        operation.record({ action: 'membership.created', tenant: { id: locked.id, slug: locked.slug }, targetType: 'user' });
        // Refused by the database's check, in the UPDATE the flush sends after the events' INSERT.
        locked.slug = 'Not A Slug!';
      },
    });
    await expect(executeOperation(ctx(), broken, { slug: tenant.slug })).rejects.toThrow(/tenants_slug_format/);
    expect(await eventCount()).toBe(before);
  });

  it('lists events after a cursor, by type glob and tenant, in id order', async () => {
    const first = await provisionTestTenant(database);
    const second = await provisionTestTenant(database);
    await executeOperation(ctx(), suspendTenant, { slug: first.slug });
    const page = await listEvents(ctx(), { tenant: first.slug, type: 'tenant.*', limit: 1 });
    expect(page.events.map((event) => event.type)).toEqual(['tenant.created']);
    expect(page.events[0]?.tenant).toEqual({ id: first.id, slug: first.slug });
    expect(page.nextCursor).toBe(page.events[0]?.id);
    const next = await listEvents(ctx(), { tenant: first.slug, type: 'tenant.*', since: page.nextCursor ?? undefined });
    expect(next).toMatchObject({ events: [{ type: 'tenant.suspended' }], nextCursor: null });
    const both = await listEvents(ctx(), { type: 'member.added,tenant.suspended', since: page.nextCursor ?? undefined, limit: 500 });
    // A provisioning's member.added follows its tenant.created.
    expect(both.events.map((event) => [event.type, event.tenant?.slug])).toEqual([
      ['member.added', first.slug],
      ['member.added', second.slug],
      ['tenant.suspended', first.slug],
    ]);
    const ids = both.events.map((event) => BigInt(event.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
  });

  it('lists the most recent events newest first, and pages back with before', async () => {
    const tenant = await provisionTestTenant(database);
    await executeOperation(ctx(), suspendTenant, { slug: tenant.slug });
    const oldestFirst = (await listEvents(ctx(), { tenant: tenant.slug })).events.map((event) => event.id);
    const latest = await listEvents(ctx(), { tenant: tenant.slug, order: 'newest', limit: 2 });
    expect(latest.events.map((event) => event.type)).toEqual(['tenant.suspended', 'role.granted']);
    expect(latest.events.map((event) => event.id)).toEqual(oldestFirst.slice(-2).reverse());
    expect(latest.nextCursor).toBe(latest.events.at(-1)?.id);
    const older = await listEvents(ctx(), { tenant: tenant.slug, order: 'newest', before: latest.nextCursor ?? undefined });
    expect(older).toEqual({ events: expect.any(Array), nextCursor: null });
    expect(older.events.map((event) => event.id)).toEqual(oldestFirst.slice(0, -2).reverse());
    const window = await listEvents(ctx(), { tenant: tenant.slug, since: oldestFirst[0], before: oldestFirst.at(-1) });
    expect(window.events.map((event) => event.id)).toEqual(oldestFirst.slice(1, -1));
    expect(await failure(listEvents(ctx(), { order: 'latest' }))).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'order' }] } });
  });

  it('refuses a type that names no event, and a tenant user who names no tenant', async () => {
    expect(await failure(listEvents(ctx(), { type: 'tenant.nope' }))).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'type' }] } });
    expect(await failure(listEvents(ctx(), { limit: 501 }))).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'limit' }] } });
    const tenant = await provisionTestTenant(database);
    const owner = testContext(database, { actor: { type: 'user', id: tenant.ownerId, label: tenant.ownerEmail } });
    expect((await failure(listEvents(owner, {}))).code).toBe('FORBIDDEN');
    const own = await listEvents(owner, { tenant: tenant.slug });
    expect(own.events.every((event) => event.tenant?.id === tenant.id)).toBe(true);
    const other = await provisionTestTenant(database);
    expect((await failure(listEvents(owner, { tenant: other.slug }))).code).toBe('FORBIDDEN');
  });
});
