import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { addTestMember, failure, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { createApiKey } from '../../testing/api-key-use-cases.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { sendInvitation } from '../../testing/invitation-use-cases.ts';
import { findTenant } from '../tenants/tenant-queries.service.ts';
import { changePlan as changePlanOp } from './change-plan.operation.ts';
import { setFeature as setFeatureOp } from './set-feature.operation.ts';
import { operationFunction } from '../../testing/operation-function.ts';

const changePlan = operationFunction(changePlanOp);
const setFeature = operationFunction(setFeatureOp);

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

describe('changePlan', () => {
  it('upgrades with a diff of plan, limits and features, and audits before and after', async () => {
    const tenant = await provisionTestTenant(database, { plan: 'basic' });
    const context = ctx();
    const outcome = await changePlan(context, { slug: tenant.slug, plan: 'professional', limits: { maxUsers: 75 } });
    expect(outcome).toMatchObject({ result: 'applied', direction: 'upgrade' });
    expect(outcome.changes).toEqual(
      expect.arrayContaining([
        { field: 'plan', from: 'basic', to: 'professional' },
        { field: 'limits.maxUsers', from: 10, to: 75 },
        { field: 'limits.maxAssets', from: 100, to: 500 },
        { field: 'features.api_access', from: false, to: true },
      ]),
    );
    const saved = await findTenant(database.fork(), tenant.slug);
    expect(saved.limits).toEqual({ maxUsers: 75, maxAssets: 500, maxDevices: 25, storageQuotaGb: 100, maxApiKeys: 10, maxDomains: 5 });
    const [event] = await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'tenant.plan_changed' });
    expect(event).toMatchObject({
      correlationId: context.correlationId,
      before: { plan: 'basic', 'limits.maxUsers': 10 },
      after: { plan: 'professional', 'limits.maxUsers': 75 },
    });
    expect((await changePlan(ctx(), { slug: tenant.slug, plan: 'professional', limits: { maxUsers: 75 } })).result).toBe('unchanged');
  });

  it('refuses a downgrade below usage with the numbers, counting pending invitations and keys', async () => {
    const tenant = await provisionTestTenant(database, { plan: 'professional' });
    for (let index = 0; index < 9; index++) await addTestMember(database, tenant.slug, ['viewer']);
    await sendInvitation(ctx(), { slug: tenant.slug, email: 'pending@example.com' });
    for (const name of ['a', 'b', 'c']) await createApiKey(ctx(), { slug: tenant.slug, name, scopes: ['*'] });
    const before = await snapshot();
    const error = await failure(changePlan(ctx(), { slug: tenant.slug, plan: 'basic' }));
    expect(error.code).toBe('DOWNGRADE_BELOW_USAGE');
    expect(error.details.violations).toEqual([
      { limit: 'maxUsers', newLimit: 10, used: 11, detail: '10 members + 1 pending invitation' },
      { limit: 'maxApiKeys', newLimit: 2, used: 3 },
    ]);
    expect(error.message).toContain('10 users but it has 11');
    expect((await failure(changePlan(ctx(), { slug: tenant.slug, plan: 'basic' }, { dryRun: true }))).code).toBe('DOWNGRADE_BELOW_USAGE');
    expect(await snapshot()).toEqual(before);
    const kept = await changePlan(ctx(), { slug: tenant.slug, plan: 'basic', limits: { maxUsers: 11, maxApiKeys: 3 } });
    expect(kept).toMatchObject({ result: 'applied', direction: 'downgrade' });
  });

  it('counts assets and devices in the data space when a limit on them is lowered', async () => {
    const tenant = await provisionTestTenant(database, { plan: 'professional' });
    const [space] = await database
      .fork()
      .execute<{ schema_name: string | null; isolation: string }[]>('select schema_name, isolation from tenantry.tenants where id = ?', [tenant.id]);
    const present = space?.schema_name
      ? await database.fork().execute<{ t: string | null }[]>(`select to_regclass(?) as t`, [`"${space.schema_name}".devices`])
      : [];
    if (!present[0]?.t) return; // no data space with a devices table in this build: nothing to count
    const values = Array.from({ length: 6 }, (_, index) => `('Screen ${index}', 'SN-${index}')`).join(', ');
    await database.fork().execute(`insert into "${space?.schema_name}".devices (name, serial_number) values ${values}`);
    const [count] = await database.fork().execute<{ n: number }[]>(`select count(*)::int as n from "${space?.schema_name}".devices`);
    expect(count?.n).toBeGreaterThanOrEqual(6);
    const error = await failure(changePlan(ctx(), { slug: tenant.slug, plan: 'basic' }));
    expect(error.details.violations).toEqual(expect.arrayContaining([{ limit: 'maxDevices', newLimit: 5, used: count?.n }]));
  });

  it("counts only the tenant's own rows of the shared tables", async () => {
    const tenant = await provisionTestTenant(database, { plan: 'professional', isolation: 'shared' });
    const other = await provisionTestTenant(database, { plan: 'professional', isolation: 'shared' });
    const [present] = await database.fork().execute<{ t: string | null }[]>(`select to_regclass('tenantry_shared.devices') as t`);
    if (!present?.t) return; // no shared devices table in this build
    const insert = (tenantId: string, count: number, tag: string) =>
      database
        .fork()
        .execute(`insert into tenantry_shared.devices (tenant_id, name, serial_number) select ?, 'Screen ' || i, ? || i from generate_series(1, ?) as i`, [
          tenantId,
          `SN-${tag}-`,
          count,
        ]);
    await insert(other.id, 20, 'other');
    await insert(tenant.id, 6, 'own');
    const [count] = await database.fork().execute<{ n: number }[]>(`select count(*)::int as n from tenantry_shared.devices where tenant_id = ?`, [tenant.id]);
    const error = await failure(changePlan(ctx(), { slug: tenant.slug, plan: 'basic' }));
    expect(error.details.violations).toEqual(expect.arrayContaining([{ limit: 'maxDevices', newLimit: 5, used: count?.n }]));
  });

  it('dry run returns the diff and writes nothing; only the platform changes plans', async () => {
    const tenant = await provisionTestTenant(database);
    const before = await snapshot();
    const planned = await changePlan(ctx(), { slug: tenant.slug, plan: 'enterprise' }, { dryRun: true });
    expect(planned.result).toBe('planned');
    expect(planned.changes).toContainEqual({ field: 'limits.maxUsers', from: 10, to: 200 });
    // The diff is carried once, in `changes`; the step does not repeat it.
    expect(planned.steps[0]?.description).toMatch(/^Move \S+ from basic to enterprise \(upgrade\): \d+ fields change$/);
    expect(await snapshot()).toEqual(before);
    const owner = userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail });
    expect((await failure(changePlan(owner, { slug: tenant.slug, plan: 'enterprise' }))).code).toBe('FORBIDDEN');
    expect((await failure(changePlan(ctx(), { slug: tenant.slug, plan: 'platinum' as never }))).details.issues).toEqual([
      expect.objectContaining({ path: 'plan' }),
    ]);
    expect((await failure(changePlan(ctx(), { slug: tenant.slug, plan: 'basic', limits: { maxUsers: 0 } }))).details.issues).toEqual([
      expect.objectContaining({ path: 'limits.maxUsers' }),
    ]);
  });
});

describe('setFeature', () => {
  it('switches one feature with a diff; the same value is unchanged', async () => {
    const tenant = await provisionTestTenant(database);
    const on = await setFeature(ctx(), { slug: tenant.slug, feature: 'sso', enabled: true });
    expect(on).toMatchObject({ result: 'applied', changes: [{ field: 'features.sso', from: false, to: true }] });
    expect((await setFeature(ctx(), { slug: tenant.slug, feature: 'sso', enabled: true })).result).toBe('unchanged');
    expect((await failure(setFeature(ctx(), { slug: tenant.slug, feature: 'teleport' as never, enabled: true }))).details.issues).toEqual([
      expect.objectContaining({ path: 'feature' }),
    ]);
    const [event] = await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'tenant.feature_changed' });
    expect(event).toMatchObject({ before: { 'features.sso': false }, after: { 'features.sso': true } });
  });
});
