import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../db/database.ts';
import { isTenantryError } from '../errors.ts';
import { deleteTenant } from '../modules/lifecycle/delete-tenant.operation.ts';
import { suspendTenant } from '../modules/lifecycle/suspend-tenant.operation.ts';
import { changePlan } from '../modules/plans/change-plan.operation.ts';
import { Tenant } from '../modules/tenants/tenant.entity.ts';
import { failure, provisionTestTenant, userContext } from '../testing/access-fixtures.ts';
import { testContext } from '../testing/service-context.ts';
import { executeOperation } from './execute.ts';
import { OPERATION_REGISTRY } from './registry.ts';

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
const snapshot = () => snapshotRows((sql) => database.fork().execute<Record<string, unknown>[]>(sql));
const revisionOf = async (slug: string) => (await database.fork().findOneOrFail(Tenant, { slug })).revision;

describe('executeOperation', () => {
  it('gives the same plan the same fingerprint, and applies it only while the state is unchanged', async () => {
    const tenant = await provisionTestTenant(database, { plan: 'basic' });
    const first = await executeOperation(ctx(), changePlan, { slug: tenant.slug, plan: 'professional' }, { dryRun: true });
    const again = await executeOperation(ctx(), changePlan, { slug: tenant.slug, plan: 'professional' }, { dryRun: true });
    expect(first.result).toBe('planned');
    expect(first.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(again.fingerprint).toBe(first.fingerprint);
    const other = await executeOperation(ctx(), changePlan, { slug: tenant.slug, plan: 'enterprise' }, { dryRun: true });
    expect(other.fingerprint).not.toBe(first.fingerprint);

    // Someone else changes the tenant: the plan shown (basic → professional) is no longer the one that would run.
    await executeOperation(ctx(), changePlan, { slug: tenant.slug, plan: 'enterprise' });
    const before = await snapshot();
    const stale = await failure(executeOperation(ctx(), changePlan, { slug: tenant.slug, plan: 'professional' }, { expectFingerprint: first.fingerprint }));
    expect(stale.code).toBe('PLAN_STALE');
    expect(stale.details).toMatchObject({
      expected: first.fingerprint,
      plan: { changes: expect.arrayContaining([{ field: 'plan', from: 'enterprise', to: 'professional' }]) },
    });
    expect(await snapshot()).toEqual(before);

    const current = (stale.details.plan as { fingerprint: string }).fingerprint;
    const applied = await executeOperation(ctx(), changePlan, { slug: tenant.slug, plan: 'professional' }, { expectFingerprint: current });
    expect(applied).toMatchObject({ result: 'applied', fingerprint: current, data: { direction: 'downgrade' } });
  });

  it('raises the revision on every applied change, never on a dry run, an unchanged plan or a refusal', async () => {
    const tenant = await provisionTestTenant(database);
    expect(await revisionOf(tenant.slug)).toBe(0);
    await executeOperation(ctx(), suspendTenant, { slug: tenant.slug }, { dryRun: true });
    expect(await revisionOf(tenant.slug)).toBe(0);
    await executeOperation(ctx(), suspendTenant, { slug: tenant.slug });
    expect(await revisionOf(tenant.slug)).toBe(1);
    expect((await executeOperation(ctx(), suspendTenant, { slug: tenant.slug })).result).toBe('unchanged');
    const owner = userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail });
    expect((await failure(executeOperation(owner, changePlan, { slug: tenant.slug, plan: 'enterprise' }))).code).toBe('FORBIDDEN');
    expect(await revisionOf(tenant.slug)).toBe(1);
  });

  it('carries the text to confirm in a destructive plan, leaves it out of the fingerprint, and refuses without it', async () => {
    const tenant = await provisionTestTenant(database, { name: 'Confirm Me Corp' });
    const plan = await executeOperation(ctx(), deleteTenant, { slug: tenant.slug }, { dryRun: true });
    expect(plan.confirmText).toBe('Confirm Me Corp');
    const withConfirm = await executeOperation(ctx(), deleteTenant, { slug: tenant.slug, confirm: 'anything' }, { dryRun: true });
    expect(withConfirm.fingerprint).toBe(plan.fingerprint);
    const refused = await failure(
      executeOperation(ctx(), deleteTenant, { slug: tenant.slug, confirm: 'confirm me corp' }, { expectFingerprint: plan.fingerprint }),
    );
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'confirm' }] } });
    expect(refused.message).not.toContain('Confirm Me Corp');
    const applied = await executeOperation(ctx(), deleteTenant, { slug: tenant.slug, confirm: 'Confirm Me Corp' }, { expectFingerprint: plan.fingerprint });
    expect(applied.result).toBe('applied');
  });

  it('validates the input before anything else, naming the field', async () => {
    const refused = await executeOperation(ctx(), changePlan, { slug: 'x', plan: 'gold' } as never).catch((error: unknown) => error);
    expect(isTenantryError(refused) && refused.code).toBe('INVALID_INPUT');
  });

  it('registers every operation once under its id, each with its audit action', () => {
    for (const [id, operation] of Object.entries(OPERATION_REGISTRY)) {
      expect(operation.id).toBe(id);
      expect(operation.audit.length).toBeGreaterThan(0);
      expect(operation.summary).toMatch(/\.$/);
    }
  });
});
