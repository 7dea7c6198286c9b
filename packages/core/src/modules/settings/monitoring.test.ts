import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { runDoctor } from '../../health/doctor.ts';
import { executeOperation } from '../../operations/execute.ts';
import { failure, provisionTestTenant } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { setMonitoring } from './set-monitoring.operation.ts';

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
const nearLimit = async (slug: string, warnAt?: Record<string, number>) =>
  (await runDoctor(ctx(), { slug, ...(warnAt ? { settings: { warnAt } } : {}) })).findings.filter((finding) => finding.code === 'USAGE_NEAR_LIMIT');

describe('per-tenant monitoring thresholds', () => {
  it("warns past the tenant's own share, shown as a diff first; a run's flag overrides it; null goes back to the plan's", async () => {
    // One user of ten: 10%, under the plan's 90%.
    const tenant = await provisionTestTenant(database, { maxUsers: 10 });
    expect(await nearLimit(tenant.slug)).toEqual([]);

    const plan = await executeOperation(ctx(), setMonitoring, { slug: tenant.slug, warnAt: { users: 0.1, storage: 0.8 } }, { dryRun: true });
    expect(plan.steps[0]?.description).toBe(`Warn about ${tenant.slug} past users 10%, assets 90% (plan), devices 90% (plan), storage 80% of its limits`);
    expect(plan.changes).toEqual([{ field: 'warnAt.users', from: 0.9, to: 0.1 }]);
    await executeOperation(ctx(), setMonitoring, { slug: tenant.slug, warnAt: { users: 0.1, storage: 0.8 } }, { expectFingerprint: plan.fingerprint });

    const [finding] = await nearLimit(tenant.slug);
    expect(finding).toMatchObject({ details: { resource: 'users', used: 1, limit: 10, warnAt: 0.1, warnAtFrom: 'tenant' } });
    expect(finding?.message).toContain("warning at 10%, the tenant's threshold");
    expect(await nearLimit(tenant.slug, { users: 0.5 })).toEqual([]);

    await executeOperation(ctx(), setMonitoring, { slug: tenant.slug, warnAt: { users: null } });
    expect(await nearLimit(tenant.slug)).toEqual([]);
    const [row] = await database
      .fork()
      .execute<{ monitoring: unknown }[]>(`select settings->'monitoring' as monitoring from tenantry.tenants where id = ?`, [tenant.id]);
    expect(row?.monitoring).toEqual({ storage: 0.8 });
  });

  it('refuses a share outside (0, 1], naming the resource', async () => {
    const tenant = await provisionTestTenant(database);
    const refused = await failure(executeOperation(ctx(), setMonitoring, { slug: tenant.slug, warnAt: { storage: 1.5 } }));
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'warnAt.storage', message: expect.stringContaining('between 0 and 1') }] },
    });
  });

  it('takes thresholds from provisioning settings, as a bulk JSON row gives them', async () => {
    const tenant = await provisionTestTenant(database, { maxUsers: 10, settings: { monitoring: { users: 0.1 } } });
    expect((await nearLimit(tenant.slug))[0]).toMatchObject({ details: { warnAtFrom: 'tenant' } });
  });
});
