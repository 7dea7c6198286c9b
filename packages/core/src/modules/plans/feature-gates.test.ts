import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { executeOperation } from '../../operations/execute.ts';
import { failure, provisionTestTenant } from '../../testing/access-fixtures.ts';
import { createApiKey, rotateApiKey } from '../../testing/api-key-use-cases.ts';
import { testContext } from '../../testing/service-context.ts';
import { verifyApiKey } from '../api-keys/verify-api-key.ts';
import { changePlan } from './change-plan.operation.ts';
import { setFeature } from './set-feature.operation.ts';

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
const apiKeyRows = async (tenantId: string) =>
  (await database.fork().execute<{ count: string }[]>('select count(*) from tenantry.api_keys where tenant_id = ?', [tenantId]))[0]?.count;

describe('features gate operations', () => {
  it('refuses an API key to a plan without api_access, in the plan too, naming the feature and the plans that have it', async () => {
    const tenant = await provisionTestTenant(database, { plan: 'basic' });
    for (const dryRun of [true, false]) {
      const refused = await failure(createApiKey(ctx(), { slug: tenant.slug, name: 'CI', scopes: ['*'] }, { dryRun }));
      expect(refused).toMatchObject({
        code: 'FEATURE_NOT_ENABLED',
        kind: 'precondition_failed',
        details: { slug: tenant.slug, operation: 'apikey.create', feature: 'api_access', plan: 'basic', plans: ['professional', 'enterprise'] },
      });
      expect(refused.message).toBe(`apikey.create needs the api_access feature, which ${tenant.slug} (plan basic) does not have.`);
      expect(refused.hint).toContain(`tenantry tenant plan ${tenant.slug} professional`);
    }
    expect(Number(await apiKeyRows(tenant.id))).toBe(0);
  });

  it('allows keys once the feature is switched on, and stops them at once when it goes off (the plan says so)', async () => {
    const tenant = await provisionTestTenant(database, { plan: 'basic' });
    await executeOperation(ctx(), setFeature, { slug: tenant.slug, feature: 'api_access', enabled: true });
    const { key, apiKey } = await createApiKey(ctx(), { slug: tenant.slug, name: 'CI', scopes: ['*'] });
    expect((await verifyApiKey(ctx(), { key: key ?? '' })).valid).toBe(true);

    const off = await executeOperation(ctx(), setFeature, { slug: tenant.slug, feature: 'api_access', enabled: false }, { dryRun: true });
    expect(off.steps.map((step) => step.description)).toContain(`api_access goes off: the active API key of ${tenant.slug} stops working until it is on again`);
    await executeOperation(ctx(), setFeature, { slug: tenant.slug, feature: 'api_access', enabled: false }, { expectFingerprint: off.fingerprint });
    expect(await verifyApiKey(ctx(), { key: key ?? '' })).toMatchObject({ valid: false, reason: 'feature_disabled', tenantSlug: tenant.slug });
    expect(await failure(rotateApiKey(ctx(), { slug: tenant.slug, prefix: apiKey.prefix }))).toMatchObject({ code: 'FEATURE_NOT_ENABLED' });

    await executeOperation(ctx(), setFeature, { slug: tenant.slug, feature: 'api_access', enabled: true });
    expect((await verifyApiKey(ctx(), { key: key ?? '' })).valid).toBe(true);
  });

  it('says in a downgrade plan that the keys stop working', async () => {
    const tenant = await provisionTestTenant(database, { plan: 'professional' });
    await createApiKey(ctx(), { slug: tenant.slug, name: 'One', scopes: ['*'] });
    await createApiKey(ctx(), { slug: tenant.slug, name: 'Two', scopes: ['*'] });
    const plan = await executeOperation(ctx(), changePlan, { slug: tenant.slug, plan: 'basic' }, { dryRun: true });
    expect(plan.steps.map((step) => step.description)).toContain(
      `api_access goes off: the 2 active API keys of ${tenant.slug} stop working until it is on again`,
    );
  });
});
