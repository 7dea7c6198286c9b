import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../db/database.ts';
import { provisionTenant } from '../modules/tenants/provision.service.ts';
import { tenantInput, testContext } from '../testing/service-context.ts';
import { migrationChecksum, type Blueprint } from './blueprint.ts';
import { SAMPLE_BLUEPRINT } from './sample-blueprint.ts';
import { failure } from '../testing/access-fixtures.ts';

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

/** Tables of a schema with their row-level security flags and policy count. */
const tablesOf = (schema: string) =>
  rows(
    `select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
            (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
            has_table_privilege('tenantry_app', c.oid, 'select') and has_table_privilege('tenantry_app', c.oid, 'delete') as app_dml
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ? and c.relkind = 'r' order by 1`,
    [schema],
  );

/** Counts as the application role with the tenant set (the test user is a superuser, exempt from RLS). */
const count = async (sql: string, tenantId: string) => {
  const [row] = await database.fork().transactional(async (tx) => {
    // The policies admit a tenant only with its signature, which only the control plane's user can make.
    await tx.execute("select set_config('app.current_tenant_id', ?, true), set_config('app.current_tenant_sig', tenantry.tenant_signature(?::uuid), true)", [
      tenantId,
      tenantId,
    ]);
    await tx.execute('set local role tenantry_app');
    return tx.execute<{ n: number }[]>(sql);
  });
  return row?.n;
};

describe('provisioning a data space', () => {
  it('schema mode: creates the schema, runs every blueprint migration, isolates, records checksums and seeds demo data', async () => {
    const outcome = await provisionTenant(testContext(database), tenantInput({ isolation: 'schema' }));
    const tenant = outcome.tenant;
    const schema = String(tenant?.schemaName);
    expect(await tablesOf(schema)).toEqual(['assets', 'devices', 'qr_contents'].map((name) => ({ name, rls: true, forced: true, policies: 1, app_dml: true })));
    const indexes = await rows(`select indexname from pg_indexes where schemaname = ? order by 1`, [schema]);
    expect(indexes.map((row) => row.indexname)).toEqual(expect.arrayContaining(['assets_playlist_idx', 'devices_status_idx', 'qr_contents_asset_idx']));
    const records = await rows('select migration_id, checksum from tenantry.tenant_migrations where tenant_id = ? order by 1', [tenant?.id]);
    expect(records).toEqual(SAMPLE_BLUEPRINT.migrations.map((m) => ({ migration_id: m.id, checksum: migrationChecksum(m, 'schema') })));
    expect(await count(`select count(*)::int as n from "${schema}".assets`, String(tenant?.id))).toBe(3);
    expect(await count(`select count(*)::int as n from "${schema}".devices`, String(tenant?.id))).toBe(2);
    expect(await count(`select count(*)::int as n from "${schema}".qr_contents`, String(tenant?.id))).toBe(2);
    const [policy] = await rows(
      `select pg_get_expr(p.polqual, p.polrelid) as qual from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = 'assets'`,
      [schema],
    );
    expect(String(policy?.qual)).toContain(String(tenant?.id));
    expect(String(policy?.qual)).toContain('tenantry_session.current_tenant()');
  });

  it('skips demo data when asked', async () => {
    const outcome = await provisionTenant(testContext(database), tenantInput({ isolation: 'schema', skipDemoData: true }));
    expect(outcome.plan.steps.map((step) => step.action)).not.toContain('seed-demo-data');
    expect(await count(`select count(*)::int as n from "${outcome.tenant?.schemaName}".assets`, String(outcome.tenant?.id))).toBe(0);
  });

  it('shared mode: the first shared tenant creates the shared tables with forced RLS; later ones only record and seed', async () => {
    const first = await provisionTenant(testContext(database), tenantInput({ isolation: 'shared' }));
    expect(first.plan.steps.filter((step) => step.action === 'migrate-shared-schema')).toHaveLength(3);
    expect(first.tenant?.schemaName).toBeNull();
    expect(await tablesOf('tenantry_shared')).toEqual(
      ['assets', 'devices', 'qr_contents'].map((name) => ({ name, rls: true, forced: true, policies: 1, app_dml: true })),
    );
    const [policy] = await rows(
      `select pg_get_expr(p.polqual, p.polrelid) as qual from pg_policy p join pg_class c on c.oid = p.polrelid where c.relname = 'assets' and c.relnamespace = 'tenantry_shared'::regnamespace`,
    );
    expect(String(policy?.qual)).toMatch(/tenant_id = \(\s*SELECT tenantry_session\.current_tenant\(\)/);
    expect(await rows('select migration_id, checksum from tenantry.shared_migrations order by 1')).toEqual(
      SAMPLE_BLUEPRINT.migrations.map((m) => ({ migration_id: m.id, checksum: migrationChecksum(m, 'shared') })),
    );

    const second = await provisionTenant(testContext(database), tenantInput({ isolation: 'shared' }));
    expect(second.plan.steps.map((step) => step.action)).not.toContain('migrate-shared-schema');
    for (const outcome of [first, second]) {
      const id = String(outcome.tenant?.id);
      expect(await rows('select count(*)::int as n from tenantry.tenant_migrations where tenant_id = ?', [id])).toEqual([{ n: 3 }]);
      expect(await count('select count(*)::int as n from tenantry_shared.assets', id)).toBe(3);
    }
    // Without a tenant set, a non-superuser sees no shared rows at all.
    const unset = await database.fork().transactional(async (tx) => {
      await tx.execute('set local role tenantry_app');
      return tx.execute<{ n: number }[]>('select count(*)::int as n from tenantry_shared.assets');
    });
    expect(unset).toEqual([{ n: 0 }]);
  });

  it('dry run shows the SQL of every step and writes nothing', async () => {
    const before = await snapshot();
    const outcome = await provisionTenant(testContext(database), tenantInput({ isolation: 'schema' }), { dryRun: true });
    expect(outcome.result).toBe('planned');
    const migration = outcome.plan.steps.find((step) => step.action === 'run-migration');
    expect(migration?.sql?.[0]).toMatch(/^create table assets \(/);
    expect(outcome.plan.steps.find((step) => step.action === 'create-schema')?.sql).toEqual([`create schema "${outcome.plan.schemaName}"`]);
    expect(await snapshot()).toEqual(before);
  });

  it('a failing blueprint migration rolls the whole provisioning back: no tenant, no schema, no records', async () => {
    const broken: Blueprint = {
      name: 'broken',
      migrations: [...SAMPLE_BLUEPRINT.migrations, { id: '0004_broken', description: 'fails', schema: 'alter table nowhere add column x int' }],
    };
    const before = await snapshot();
    const error = await failure(provisionTenant(testContext(database, { blueprint: broken }), tenantInput({ isolation: 'schema' })));
    expect(error.code).toBe('TENANT_MIGRATION_FAILED');
    expect(error.details).toMatchObject({ migrationId: '0004_broken' });
    expect(await snapshot()).toEqual(before);
  });

  it('runs function bodies, and refuses shared isolation when a migration has no shared body', async () => {
    const custom: Blueprint = {
      name: 'custom',
      migrations: [
        {
          id: '0001_notes',
          description: 'notes',
          version: '1',
          schema: async (target) => {
            await target.query('create table notes (id int primary key, body text not null)');
            await target.query('insert into notes values ($1, $2)', [1, `made in ${target.schema} for ${target.tenantId}`]);
          },
        },
      ],
    };
    const outcome = await provisionTenant(testContext(database, { blueprint: custom }), tenantInput({ isolation: 'schema' }));
    const id = String(outcome.tenant?.id);
    const [note] = await database.fork().transactional(async (tx) => {
      await tx.execute("select set_config('app.current_tenant_id', ?, true)", [id]);
      return tx.execute<{ body: string }[]>(`select body from "${outcome.tenant?.schemaName}".notes`);
    });
    expect(note?.body).toBe(`made in ${outcome.tenant?.schemaName} for ${id}`);
    const error = await failure(provisionTenant(testContext(database, { blueprint: custom }), tenantInput({ isolation: 'shared' })));
    expect(error.code).toBe('BLUEPRINT_INVALID');
  });

  it('the application role is neither superuser nor exempt from row-level security, and logs in for the data path', async () => {
    expect(await rows(`select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = 'tenantry_app'`)).toEqual([
      { rolsuper: false, rolbypassrls: false, rolcanlogin: true },
    ]);
  });
});
