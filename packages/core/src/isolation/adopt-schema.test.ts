import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../db/database.ts';
import { provisionTenant } from '../modules/tenants/provision.service.ts';
import { tenantInput, testContext } from '../testing/service-context.ts';
import { failure } from '../testing/access-fixtures.ts';
import { migrationChecksum, statementsOf } from './blueprint.ts';
import { tenantMigrationStatus } from './migration-status.ts';
import { SAMPLE_BLUEPRINT } from './sample-blueprint.ts';

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
const [ASSETS, DEVICES, QR_CONTENTS] = SAMPLE_BLUEPRINT.migrations.map((migration) => statementsOf(migration.schema as readonly string[]));

/** A schema made the way another tool made it: the blueprint's first migrations' SQL run by hand, then rows in it. */
async function schemaByHand(schema: string, statements: string[], after: string[] = []): Promise<void> {
  await database.fork().transactional(async (tx) => {
    await tx.execute(`create schema ${schema}`);
    await tx.execute(`set local search_path = ${schema}, public`);
    for (const sql of [...statements, ...after]) await tx.execute(sql);
  });
}

/** Rows as the application role sees them with the tenant set (the test user is a superuser, exempt from RLS). */
async function countAsApp(sql: string, tenantId: string): Promise<number | undefined> {
  const [row] = await database.fork().transactional(async (tx) => {
    await tx.execute("select set_config('app.current_tenant_id', ?, true), set_config('app.current_tenant_sig', tenantry.tenant_signature(?::uuid), true)", [
      tenantId,
      tenantId,
    ]);
    await tx.execute('set local role tenantry_app');
    return tx.execute<{ n: number }[]>(sql);
  });
  return row?.n;
}

describe('a chosen schema name', () => {
  it('names the schema of a new tenant, shown in the plan', async () => {
    const planned = await provisionTenant(testContext(database), tenantInput({ schemaName: 'acme_data', skipDemoData: true }), { dryRun: true });
    expect(planned.plan.schemaName).toBe('acme_data');
    expect(planned.plan.steps.find((step) => step.action === 'create-schema')?.sql).toEqual(['create schema "acme_data"']);
    expect(planned.plan.steps.find((step) => step.action === 'create-tenant')?.description).toContain('schema isolation in acme_data');

    const created = await provisionTenant(testContext(database), tenantInput({ schemaName: 'acme_data', skipDemoData: true }));
    expect(created.tenant?.schemaName).toBe('acme_data');
    expect(await rows(`select table_name from information_schema.tables where table_schema = 'acme_data' order by 1`)).toEqual(
      ['assets', 'devices', 'qr_contents'].map((table_name) => ({ table_name })),
    );
  });

  it.each([
    [{ schemaName: 'Acme-Data' }, 'schemaName', 'lower-case letters'],
    [{ schemaName: '1acme' }, 'schemaName', 'starting with a letter'],
    [{ schemaName: `a${'b'.repeat(63)}` }, 'schemaName', 'at most 63 bytes'],
    [{ schemaName: 'pg_acme' }, 'schemaName', 'pg_'],
    [{ schemaName: 'public' }, 'schemaName', 'public'],
    [{ schemaName: 'information_schema' }, 'schemaName', 'information_schema'],
    [{ schemaName: 'tenantry_shared' }, 'schemaName', 'tenantry'],
    [{ schemaName: 'tenant_someone_else' }, 'schemaName', 'tenant_'],
    [{ schemaName: 'acme', isolation: 'shared' }, 'schemaName', 'isolation "schema"'],
    [{ adoptSchema: true }, 'adoptSchema', 'needs schemaName'],
    [{ adoptSchema: true, schemaName: 'acme', isolation: 'shared' }, 'adoptSchema', 'isolation "schema"'],
  ])('refuses %j naming the field, writing nothing', async (fields, path, message) => {
    const before = await snapshot();
    const error = await failure(provisionTenant(testContext(database), tenantInput(fields)));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details.issues).toContainEqual({ path, message: expect.stringContaining(message) });
    expect(await snapshot()).toEqual(before);
  });

  it("may be the tenant's own tenant_<slug>", async () => {
    const created = await provisionTenant(testContext(database), tenantInput({ slug: 'own-name', schemaName: 'tenant_own_name', skipDemoData: true }));
    expect(created.tenant?.schemaName).toBe('tenant_own_name');
  });

  it("refuses another tenant's schema, and an existing one unless adopting; adopting needs the schema to exist", async () => {
    await provisionTenant(testContext(database), tenantInput({ schemaName: 'taken_one', skipDemoData: true }));
    const taken = await failure(provisionTenant(testContext(database), tenantInput({ schemaName: 'taken_one' })));
    expect(taken.code).toBe('SCHEMA_TAKEN');
    expect(taken.details).toMatchObject({ schema: 'taken_one' });
    const adoptTaken = await failure(provisionTenant(testContext(database), tenantInput({ schemaName: 'taken_one', adoptSchema: true })));
    expect(adoptTaken.code).toBe('SCHEMA_TAKEN');

    await rows('create schema left_over');
    const exists = await failure(provisionTenant(testContext(database), tenantInput({ schemaName: 'left_over' })));
    expect(exists.code).toBe('CONFLICT');
    expect(exists.hint).toContain('--adopt-schema');
    const missing = await failure(provisionTenant(testContext(database), tenantInput({ schemaName: 'nowhere', adoptSchema: true })));
    expect(missing.code).toBe('SCHEMA_NOT_FOUND');
    expect(missing.details).toEqual({ schema: 'nowhere' });
  });
});

describe('adopting an existing schema', () => {
  it('records the migrations the schema has without running them, runs the rest, isolates it and keeps its data', async () => {
    await schemaByHand(
      'theo',
      [...ASSETS!, ...DEVICES!],
      [
        `insert into assets (name, uri, mimetype) values ('Lobby', 'https://theo.example/lobby.mp4', 'video/mp4'), ('Menu', 'https://theo.example/menu.html', 'text/html')`,
        `insert into devices (name, serial_number) values ('Front desk', 'SN-1')`,
      ],
    );
    const input = tenantInput({ isolation: 'schema', schemaName: 'theo', adoptSchema: true });
    const before = await snapshot();
    const planned = await provisionTenant(testContext(database), input, { dryRun: true });
    expect(planned.plan.dataSpace?.adopted).toEqual({ recorded: ['0001_assets', '0002_devices'], run: ['0003_qr_contents'] });
    const actions = planned.plan.dataSpace?.steps.map((step) => step.action);
    expect(actions).toEqual(['check-schema', 'run-migration', 'isolate-schema', 'record-migrations']);
    expect(planned.plan.steps.find((step) => step.action === 'check-schema')?.description).toContain('0001_assets, 0002_devices (recorded, not run)');
    expect(planned.plan.steps.filter((step) => step.action === 'run-migration').map((step) => step.description)).toEqual([
      expect.stringContaining('0003_qr_contents'),
    ]);
    expect(await snapshot()).toEqual(before);

    const adopted = await provisionTenant(testContext(database), input);
    expect(adopted.result).toBe('created');
    const id = String(adopted.tenant?.id);
    expect(adopted.tenant?.schemaName).toBe('theo');
    expect(await rows('select migration_id, checksum from tenantry.tenant_migrations where tenant_id = ? order by 1', [id])).toEqual(
      SAMPLE_BLUEPRINT.migrations.map((migration) => ({ migration_id: migration.id, checksum: migrationChecksum(migration, 'schema') })),
    );
    // The data inside is kept, no demo data was added, and the application role reaches it only as this tenant.
    expect(await countAsApp('select count(*)::int as n from theo.assets', id)).toBe(2);
    expect(await countAsApp('select count(*)::int as n from theo.devices', id)).toBe(1);
    expect(await countAsApp('select count(*)::int as n from theo.qr_contents', id)).toBe(0);
    expect(
      await rows(
        `select c.relname as name, c.relrowsecurity and c.relforcerowsecurity as forced, has_table_privilege('tenantry_app', c.oid, 'delete') as app_dml
           from pg_class c where c.relnamespace = 'theo'::regnamespace and c.relkind = 'r' order by 1`,
      ),
    ).toEqual(['assets', 'devices', 'qr_contents'].map((name) => ({ name, forced: true, app_dml: true })));
    const [event] = await rows(`select after from tenantry.audit_events where action = 'tenant.data_space_adopted' and tenant_id = ?`, [id]);
    expect(event?.after).toMatchObject({ schema: 'theo', recordedWithoutRunning: ['0001_assets', '0002_devices'], ran: ['0003_qr_contents'], demoData: false });
    expect((await tenantMigrationStatus(database.fork(), SAMPLE_BLUEPRINT)).behind.map((tenant) => tenant.slug)).not.toContain(adopted.plan.slug);

    expect((await provisionTenant(testContext(database), input)).result).toBe('unchanged');
  });

  it('adopts a schema with every migration (nothing runs) and an empty one (everything runs)', async () => {
    await schemaByHand('complete', [...ASSETS!, ...DEVICES!, ...QR_CONTENTS!]);
    const complete = await provisionTenant(testContext(database), tenantInput({ schemaName: 'complete', adoptSchema: true }));
    expect(complete.plan.dataSpace?.adopted).toEqual({ recorded: SAMPLE_BLUEPRINT.migrations.map((m) => m.id), run: [] });
    await rows('create schema blank');
    const blank = await provisionTenant(testContext(database), tenantInput({ schemaName: 'blank', adoptSchema: true }));
    expect(blank.plan.dataSpace?.adopted).toEqual({ recorded: [], run: SAMPLE_BLUEPRINT.migrations.map((m) => m.id) });
    expect(await countAsApp('select count(*)::int as n from blank.assets', String(blank.tenant?.id))).toBe(0);
  });

  it('refuses a schema that has part of a migration, naming what is missing, and writes nothing', async () => {
    await schemaByHand('partial', [...ASSETS!, ...DEVICES!.filter((sql) => !sql.includes('devices_status_idx'))]);
    const before = await snapshot();
    const error = await failure(provisionTenant(testContext(database), tenantInput({ schemaName: 'partial', adoptSchema: true })));
    expect(error.code).toBe('SCHEMA_NOT_ADOPTABLE');
    expect(error.details).toMatchObject({
      schema: 'partial',
      matched: ['0001_assets'],
      migration: '0002_devices',
      missing: ['index devices_status_idx on devices'],
      unexpected: [],
    });
    expect(error.message).toContain('index devices_status_idx on devices');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a column of another type, and tables no migration makes (a framework table)', async () => {
    await schemaByHand('retyped', [ASSETS![0]!.replace('uri text not null', 'uri varchar(300) not null')]);
    const retyped = await failure(provisionTenant(testContext(database), tenantInput({ schemaName: 'retyped', adoptSchema: true })));
    expect(retyped.details).toMatchObject({ migration: '0001_assets', unexpected: ['column assets.uri character varying(300)'] });
    expect(retyped.details.missing).toContain('column assets.uri text');

    await schemaByHand('django_like', [...ASSETS!], ['create table django_migrations (id serial primary key, app text, name text)']);
    const unmatched = await failure(provisionTenant(testContext(database), tenantInput({ schemaName: 'django_like', adoptSchema: true })));
    expect(unmatched.code).toBe('SCHEMA_NOT_ADOPTABLE');
    expect(unmatched.details).toMatchObject({ matched: ['0001_assets'], missing: [] });
    expect(unmatched.details.unexpected).toEqual(expect.arrayContaining(['table django_migrations', 'column django_migrations.app text']));
    expect(unmatched.hint).toContain('django_migrations');
  });
});
