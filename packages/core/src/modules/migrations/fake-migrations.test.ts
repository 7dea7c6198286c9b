import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { migrationChecksum } from '../../isolation/blueprint.ts';
import { tenantMigrationStatus } from '../../isolation/migration-status.ts';
import { DEVICE_TAGS, PLAYLISTS, withMigrations } from '../../isolation/test-blueprints.ts';
import { failure } from '../../testing/access-fixtures.ts';
import { tenantInput, testContext } from '../../testing/service-context.ts';
import { provisionTenant } from '../tenants/provision.service.ts';
import { applyTenantMigrations } from './apply-tenant-migrations.ts';

let testDatabase: TestDatabase;
let database: Database;
const tenants = { faked: { slug: '', id: '', schema: '' }, other: { slug: '', id: '', schema: '' }, shared: '' };
const v3 = withMigrations(DEVICE_TAGS, PLAYLISTS);

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.coreOptions);
  for (const key of ['faked', 'other'] as const) {
    const outcome = await provisionTenant(testContext(database), tenantInput({ skipDemoData: true }));
    tenants[key] = { slug: String(outcome.tenant?.slug), id: String(outcome.tenant?.id), schema: String(outcome.tenant?.schemaName) };
  }
  tenants.shared = String((await provisionTenant(testContext(database), tenantInput({ isolation: 'shared', skipDemoData: true }))).tenant?.slug);
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

const rows = (sql: string, params: unknown[] = []) => database.fork().execute<Record<string, unknown>[]>(sql, params);
const fake = (input: Record<string, unknown>, dryRun = false) =>
  applyTenantMigrations(testContext(database, { blueprint: v3 }), { fake: true, ...input }, { dryRun });
const hasTable = async (schema: string, table: string) => (await rows('select to_regclass(?) is not null as present', [`${schema}.${table}`]))[0]?.present;

describe('migrate apply --fake', () => {
  it('records the pending migrations up to --to as applied without running them, audited as recorded', async () => {
    const { slug, id, schema } = tenants.faked;
    // The operator made 0004's column by hand; --fake records it so that it is not run again.
    await rows(`alter table "${schema}".devices add column tags text[] not null default '{}'`);
    await rows(`create index devices_tags_idx on "${schema}".devices using gin (tags)`);

    const before = await snapshotRows((sql) => rows(sql));
    const planned = await fake({ tenants: [slug], to: '0004_device_tags' }, true);
    expect(planned).toMatchObject({ dryRun: true, fake: true, summary: { planned: 1 } });
    expect(planned.units.map((unit) => [unit.slug, unit.outcome, unit.migrations])).toEqual([[slug, 'planned', ['0004_device_tags']]]);
    expect(planned.units[0]?.steps?.map((step) => step.action)).toEqual(['lock', 'isolate-schema', 'record-migrations']);
    expect(planned.units[0]?.steps?.at(-1)?.sql?.[0]).toContain(migrationChecksum(DEVICE_TAGS, 'schema'));
    expect(await snapshotRows((sql) => rows(sql))).toEqual(before);

    const run = await fake({ tenants: [slug], to: '0004_device_tags' });
    expect(run.units.map((unit) => [unit.slug, unit.outcome, unit.migrations])).toEqual([[slug, 'recorded', ['0004_device_tags']]]);
    expect(run.summary).toMatchObject({ recorded: 1, migrated: 0, failed: 0 });
    const records = await rows(`select migration_id, checksum from tenantry.tenant_migrations where tenant_id = ? and migration_id like '0004%'`, [id]);
    expect(records).toEqual([{ migration_id: '0004_device_tags', checksum: migrationChecksum(DEVICE_TAGS, 'schema') }]);
    expect(await hasTable(schema, 'playlists')).toBe(false);
    const events = await rows(
      `select action, after from tenantry.audit_events where action in ('tenant.migrations_recorded', 'tenant_migrations.recorded') order by id`,
    );
    expect(events).toEqual([
      { action: 'tenant.migrations_recorded', after: { migrations: ['0004_device_tags'], ran: false } },
      { action: 'tenant_migrations.recorded', after: expect.objectContaining({ units: 1, ran: false }) },
    ]);
    expect(await rows(`select type from tenantry.events where type = 'migration.recorded'`)).toHaveLength(1);

    // What is left runs as usual, and only that: 0004 is not run again (its column would already exist).
    const status = await tenantMigrationStatus(database.fork(), v3);
    expect(status.behind.find((tenant) => tenant.slug === slug)?.missing).toEqual(['0005_playlists']);
    const rest = await applyTenantMigrations(testContext(database, { blueprint: v3 }), { tenants: [slug] });
    expect(rest.units.map((unit) => [unit.outcome, unit.migrations])).toEqual([['migrated', ['0005_playlists']]]);
    expect(await hasTable(schema, 'playlists')).toBe(true);
  });

  it('without --to records every pending migration; a re-run has nothing left', async () => {
    const { slug, schema } = tenants.other;
    const run = await fake({ tenants: [slug] });
    expect(run.units.map((unit) => [unit.outcome, unit.migrations])).toEqual([['recorded', ['0004_device_tags', '0005_playlists']]]);
    expect(await hasTable(schema, 'playlists')).toBe(false);
    const again = await fake({ tenants: [slug] });
    expect(again.units).toEqual([]);
  });

  it.each([
    [{ all: true }, 'fake'],
    [{ tenants: ['x-tenant'], fake: false, to: '0004_device_tags' }, 'to'],
  ])('refuses %j naming the field', async (input, path) => {
    const error = await failure(fake(input));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details.issues).toContainEqual(expect.objectContaining({ path }));
  });

  it('refuses an unknown --to and a shared-isolation tenant, writing nothing', async () => {
    const before = await snapshotRows((sql) => rows(sql));
    const unknown = await failure(fake({ tenants: [tenants.faked.slug], to: '0009_nothing' }));
    expect(unknown.details.issues).toEqual([{ path: 'to', message: expect.stringContaining('0004_device_tags, 0005_playlists') }]);
    const shared = await failure(fake({ tenants: [tenants.shared] }));
    expect(shared.details.issues).toEqual([{ path: 'tenants', message: expect.stringContaining('shared tables') }]);
    expect(await snapshotRows((sql) => rows(sql))).toEqual(before);
  });
});
