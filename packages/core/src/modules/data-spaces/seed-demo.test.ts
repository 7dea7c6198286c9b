import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import type { IsolationMode } from '../../isolation/isolation-mode.ts';
import { SAMPLE_BLUEPRINT } from '../../isolation/sample-blueprint.ts';
import { executeOperation } from '../../operations/execute.ts';
import { failure } from '../../testing/access-fixtures.ts';
import { tenantInput, testContext } from '../../testing/service-context.ts';
import { deleteTenant } from '../lifecycle/delete-tenant.operation.ts';
import { suspendTenant } from '../lifecycle/suspend-tenant.operation.ts';
import { provisionTenant } from '../tenants/provision.service.ts';
import { seedDemo } from './seed-demo.operation.ts';

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
const EMPTY = [
  { table: 'assets', rows: 0 },
  { table: 'devices', rows: 0 },
  { table: 'qr_contents', rows: 0 },
];

/** A tenant without demo data, and where its tables are. */
async function bareTenant(isolation: IsolationMode) {
  const outcome = await provisionTenant(ctx(), tenantInput({ isolation, skipDemoData: true }));
  if (!outcome.tenant) throw new Error('provisioning returned no tenant');
  const { id, slug, name } = outcome.tenant;
  return { id, slug, name, schema: isolation === 'schema' ? String(outcome.tenant.schemaName) : 'tenantry_shared' };
}

/** Runs SQL as the application role in the tenant's data space (row-level security admits its rows only). */
async function asTenant(tenant: { id: string; schema: string }, sql: string) {
  return database.fork().transactional(async (tx) => {
    await tx.execute(
      "select set_config('app.current_tenant_id', ?, true), set_config('app.current_tenant_sig', tenantry.tenant_signature(?::uuid), true), set_config('search_path', ?, true)",
      [tenant.id, tenant.id, tenant.schema],
    );
    await tx.execute('set local role tenantry_app');
    return tx.execute<Record<string, unknown>[]>(sql);
  });
}

const counts = async (tenant: { id: string; schema: string }) =>
  (
    await asTenant(
      tenant,
      'select (select count(*) from assets)::int as assets, (select count(*) from devices)::int as devices, (select count(*) from qr_contents)::int as qr_contents',
    )
  )[0];

describe.each(['schema', 'shared'] as const)('seeding demo data later, %s isolation', (isolation) => {
  it('plans the very statements provisioning runs, writes nothing on a dry run, then seeds and audits the counts', async () => {
    const tenant = await bareTenant(isolation);
    const provisioning = await provisionTenant(ctx(), tenantInput({ isolation }), { dryRun: true });
    const provisioned = provisioning.plan.steps.find((step) => step.action === 'seed-demo-data');

    const before = await snapshot();
    const plan = await executeOperation(ctx(), seedDemo, { slug: tenant.slug }, { dryRun: true });
    expect(await snapshot()).toEqual(before);
    expect(plan.result).toBe('planned');
    expect(plan.steps.map((step) => step.action)).toEqual(['seed-demo-data', 'audit']);
    expect(plan.steps[0]?.description).toBe(`Seed demo data in ${tenant.schema}: ${SAMPLE_BLUEPRINT.demoData?.description}`);
    expect(plan.steps[0]?.sql).toEqual(provisioned?.sql);
    expect(plan.steps[0]?.sql).toHaveLength(3);
    expect(plan.data.tables).toEqual(EMPTY);

    const applied = await executeOperation(ctx(), seedDemo, { slug: tenant.slug }, { expectFingerprint: plan.fingerprint });
    expect(applied.result).toBe('applied');
    expect(applied.value?.tables).toEqual([
      { table: 'assets', before: 0, after: 3, added: 3 },
      { table: 'devices', before: 0, after: 2, added: 2 },
      { table: 'qr_contents', before: 0, after: 2, added: 2 },
    ]);
    expect(await counts(tenant)).toEqual({ assets: 3, devices: 2, qr_contents: 2 });
    const [event] = await database
      .fork()
      .execute<{ target_type: string; target_id: string; before: unknown; after: Record<string, unknown> }[]>(
        "select target_type, target_id, before, after from tenantry.audit_events where tenant_id = ? and action = 'tenant.demo_seeded'",
        [tenant.id],
      );
    expect(event).toMatchObject({
      target_type: 'data_space',
      target_id: tenant.schema,
      before: { rows: { assets: 0, devices: 0, qr_contents: 0 } },
      after: { addToExisting: false, rows: { assets: 3, devices: 2, qr_contents: 2 }, added: { assets: 3, devices: 2, qr_contents: 2 } },
    });
  });

  it('refuses a data space that holds rows, naming the tables and counts, and writes nothing', async () => {
    const tenant = await bareTenant(isolation);
    await executeOperation(ctx(), seedDemo, { slug: tenant.slug });
    const before = await snapshot();
    const refused = await failure(executeOperation(ctx(), seedDemo, { slug: tenant.slug }));
    expect(refused.code).toBe('DATA_SPACE_NOT_EMPTY');
    expect(refused.details.tables).toEqual([
      { table: 'assets', rows: 3 },
      { table: 'devices', rows: 2 },
      { table: 'qr_contents', rows: 2 },
    ]);
    expect(refused.message).toContain('assets (3 rows), devices (2 rows), qr_contents (2 rows)');
    expect(await snapshot()).toEqual(before);
  });

  it("adds the demo rows alongside the tenant's own when asked, deleting nothing", async () => {
    const tenant = await bareTenant(isolation);
    await asTenant(tenant, "insert into assets (name, uri, mimetype) values ('Own poster', 'https://cdn.example.com/own.png', 'image/png')");
    expect((await failure(executeOperation(ctx(), seedDemo, { slug: tenant.slug }))).details.tables).toEqual([{ table: 'assets', rows: 1 }]);

    const plan = await executeOperation(ctx(), seedDemo, { slug: tenant.slug, addToExisting: true }, { dryRun: true });
    expect(plan.steps[1]?.description).toContain('alongside the rows already there (assets 1)');
    const applied = await executeOperation(ctx(), seedDemo, { slug: tenant.slug, addToExisting: true }, { expectFingerprint: plan.fingerprint });
    expect(applied.value?.tables[0]).toEqual({ table: 'assets', before: 1, after: 4, added: 3 });
    expect(await asTenant(tenant, "select name from assets where name = 'Own poster'")).toHaveLength(1);
  });

  it('refuses with DEMO_DATA_CONFLICT, adding nothing, when the demo rows are there already', async () => {
    const tenant = await bareTenant(isolation);
    await executeOperation(ctx(), seedDemo, { slug: tenant.slug });
    const before = await snapshot();
    const refused = await failure(executeOperation(ctx(), seedDemo, { slug: tenant.slug, addToExisting: true }));
    expect(refused.code).toBe('DEMO_DATA_CONFLICT');
    expect(refused.details.constraint).toBe('assets_pkey');
    expect(await snapshot()).toEqual(before);
  });
});

describe('seeding demo data: what refuses it', () => {
  it('a row written since the plan was shown makes the plan stale', async () => {
    const tenant = await bareTenant('shared');
    const plan = await executeOperation(ctx(), seedDemo, { slug: tenant.slug, addToExisting: true }, { dryRun: true });
    await asTenant(tenant, "insert into qr_contents (code, kind, payload) values ('own-code', 'text', 'hello')");
    const stale = await failure(executeOperation(ctx(), seedDemo, { slug: tenant.slug, addToExisting: true }, { expectFingerprint: plan.fingerprint }));
    expect(stale.code).toBe('PLAN_STALE');
    expect(await counts(tenant)).toEqual({ assets: 0, devices: 0, qr_contents: 1 });
  });

  it('a suspended tenant, and one pending deletion', async () => {
    const suspended = await bareTenant('schema');
    await executeOperation(ctx(), suspendTenant, { slug: suspended.slug });
    expect((await failure(executeOperation(ctx(), seedDemo, { slug: suspended.slug }))).code).toBe('TENANT_SUSPENDED');
    const deleted = await bareTenant('schema');
    await executeOperation(ctx(), deleteTenant, { slug: deleted.slug, confirm: deleted.name });
    expect((await failure(executeOperation(ctx(), seedDemo, { slug: deleted.slug }))).code).toBe('TENANT_PENDING_DELETION');
    expect(await counts(suspended)).toEqual({ assets: 0, devices: 0, qr_contents: 0 });
  });

  it('a blueprint without demo data', async () => {
    const tenant = await bareTenant('schema');
    const { demoData: _none, ...blueprint } = SAMPLE_BLUEPRINT;
    const refused = await failure(executeOperation(testContext(database, { blueprint }), seedDemo, { slug: tenant.slug }));
    expect(refused).toMatchObject({ code: 'NO_DEMO_DATA', details: { blueprint: 'tenantry-sample' } });
  });

  it('a tenant behind the blueprint, naming the migrations it lacks', async () => {
    const tenant = await bareTenant('schema');
    await database.fork().execute("delete from tenantry.tenant_migrations where tenant_id = ? and migration_id = '0003_qr_contents'", [tenant.id]);
    const refused = await failure(executeOperation(ctx(), seedDemo, { slug: tenant.slug }));
    expect(refused).toMatchObject({ code: 'TENANT_MIGRATIONS_PENDING', details: { missing: ['0003_qr_contents'] } });
  });

  it('input other than a slug and addToExisting, naming the field', async () => {
    const refused = await failure(executeOperation(ctx(), seedDemo, { slug: 'any', addToExisting: 'yes' } as never));
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'addToExisting', message: 'must be true or false' }] } });
  });
});
