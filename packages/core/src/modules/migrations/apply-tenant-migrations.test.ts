import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { provisionTenant } from '../tenants/provision.service.ts';
import { tenantInput, testContext } from '../../testing/service-context.ts';
import type { Blueprint } from '../../isolation/blueprint.ts';
import { executeOperation } from '../../operations/execute.ts';
import { applyTenantMigrations, applyTenantMigrationsOperation } from './apply-tenant-migrations.ts';
import { tenantMigrationStatus } from '../../isolation/migration-status.ts';
import { SAMPLE_BLUEPRINT } from '../../isolation/sample-blueprint.ts';
import { DEVICE_TAGS, PLAYLISTS, withMigrations } from '../../isolation/test-blueprints.ts';
import { failure } from '../../testing/access-fixtures.ts';

let testDatabase: TestDatabase;
let database: Database;
const slugs = { schema: [] as string[], shared: [] as string[] };

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.coreOptions);
  for (const isolation of ['schema', 'schema', 'schema', 'schema', 'shared', 'shared'] as const) {
    const outcome = await provisionTenant(testContext(database), tenantInput({ isolation, skipDemoData: true }));
    slugs[isolation].push(String(outcome.tenant?.slug));
  }
  slugs.schema.sort();
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

const rows = (sql: string, params: unknown[] = []) => database.fork().execute<Record<string, unknown>[]>(sql, params);
const ctxWith = (blueprint: Blueprint) => testContext(database, { blueprint });
const apply = (blueprint: Blueprint, input: Record<string, unknown>, dryRun = false) => applyTenantMigrations(ctxWith(blueprint), input, { dryRun });
const schemaOf = (slug: string) => `tenant_${slug.replaceAll('-', '_')}`;
const hasColumn = async (schema: string, table: string, column: string) =>
  (
    await rows('select count(*)::int as n from information_schema.columns where table_schema = ? and table_name = ? and column_name = ?', [
      schema,
      table,
      column,
    ])
  )[0]?.n === 1;

describe('tenant migrations', () => {
  it('status says nobody is behind the blueprint they were provisioned with', async () => {
    const status = await tenantMigrationStatus(database.fork(), SAMPLE_BLUEPRINT);
    expect(status.tenants).toEqual({ total: 6, upToDate: 6, behind: 0, drifted: 0, unknown: 0 });
    expect(status.shared).toEqual({ applied: ['0001_assets', '0002_devices', '0003_qr_contents'], pending: [], drifted: [] });
  });

  it('status lists every tenant behind a new migration, and a dry run plans it with the SQL and writes nothing', async () => {
    const v2 = withMigrations(DEVICE_TAGS);
    const status = await tenantMigrationStatus(database.fork(), v2);
    expect(status.tenants).toMatchObject({ total: 6, upToDate: 0, behind: 6 });
    expect(status.behind.every((tenant) => tenant.missing.join() === '0004_device_tags')).toBe(true);
    expect(status.blueprint.migrations.at(-1)).toMatchObject({ id: '0004_device_tags', applied: 0, pending: 6 });
    expect(status.shared.pending).toEqual(['0004_device_tags']);

    const before = await snapshotRows((sql) => rows(sql));
    const plan = await apply(v2, { all: true, canary: 1 }, true);
    expect(plan.units.map((unit) => [unit.target, unit.slug, unit.outcome, unit.canary])).toEqual([
      ['tenant', slugs.schema[0], 'planned', true],
      ['shared', null, 'planned', false],
      ...slugs.schema.slice(1).map((slug) => ['tenant', slug, 'planned', false]),
    ]);
    expect(plan.steps.find((step) => step.action === 'run-migration')?.sql?.[0]).toContain('alter table devices add column tags');
    expect(await snapshotRows((sql) => rows(sql))).toEqual(before);
  });

  it('a failing tenant is reported and rolls back alone; without --continue-on-error the run stops there', async () => {
    const v2 = withMigrations(DEVICE_TAGS);
    const broken = slugs.schema[1] as string;
    // A column by that name already exists there, so the migration fails in that schema only.
    await rows(`alter table "${schemaOf(broken)}".devices add column tags int`);
    const stopped = await apply(v2, { all: true, concurrency: 1 });
    expect(stopped.units.map((unit) => [unit.slug, unit.outcome])).toEqual([
      [null, 'migrated'],
      [slugs.schema[0], 'migrated'],
      [broken, 'failed'],
      [slugs.schema[2], 'skipped'],
      [slugs.schema[3], 'skipped'],
    ]);
    expect(stopped.units[2]?.error).toMatchObject({ code: 'TENANT_MIGRATION_FAILED', details: { migrationId: '0004_device_tags' } });
    expect(await hasColumn(schemaOf(slugs.schema[2] as string), 'devices', 'tags')).toBe(false);

    const continued = await apply(v2, { all: true, concurrency: 3, continueOnError: true });
    expect(continued.units.map((unit) => [unit.slug, unit.outcome])).toEqual([
      [broken, 'failed'],
      [slugs.schema[2], 'migrated'],
      [slugs.schema[3], 'migrated'],
    ]);
    expect(continued.summary).toMatchObject({ units: 3, migrated: 2, failed: 1, skipped: 0 });
    const failures = await rows(`select tenant_slug from tenantry.audit_events where action = 'tenant.migration_failed'`);
    expect(failures.map((row) => row.tenant_slug)).toEqual([broken, broken]);

    // Fixed by hand, a re-run applies exactly what is left: the one tenant.
    await rows(`alter table "${schemaOf(broken)}".devices drop column tags`);
    const rerun = await apply(v2, { all: true });
    expect(rerun.units.map((unit) => [unit.slug, unit.outcome, unit.migrations])).toEqual([[broken, 'migrated', ['0004_device_tags']]]);
    expect((await apply(v2, { all: true })).units).toEqual([]);
    for (const slug of slugs.schema) expect(await hasColumn(schemaOf(slug), 'devices', 'tags')).toBe(true);
    expect(await hasColumn('tenantry_shared', 'devices', 'tags')).toBe(true);
    expect((await tenantMigrationStatus(database.fork(), v2)).tenants).toMatchObject({ behind: 0, upToDate: 6 });
    const durations = await rows(
      `select duration_ms from tenantry.tenant_migrations m join tenantry.tenants t on t.id = m.tenant_id where m.migration_id = '0004_device_tags' and t.isolation = 'schema'`,
    );
    expect(durations).toHaveLength(4);
    expect(durations.every((row) => Number.isInteger(row.duration_ms) && Number(row.duration_ms) >= 0)).toBe(true);
  });

  it('a failing canary stops the run even with --continue-on-error; named tenants only migrate those', async () => {
    const v3 = withMigrations(DEVICE_TAGS, PLAYLISTS);
    const [first, second] = slugs.schema as [string, string];
    await rows(`create table "${schemaOf(first)}".playlists (id int)`);
    const run = await apply(v3, { all: true, canary: 1, continueOnError: true });
    expect(run.units.map((unit) => [unit.slug, unit.outcome])).toEqual([
      [first, 'failed'],
      [null, 'skipped'],
      ...slugs.schema.slice(1).map((slug) => [slug, 'skipped']),
    ]);
    await rows(`drop table "${schemaOf(first)}".playlists`);

    const named = await apply(v3, { tenants: [second] });
    expect(named.units.map((unit) => [unit.slug, unit.outcome])).toEqual([[second, 'migrated']]);
    const [table] = await rows(
      `select relrowsecurity as rls, relforcerowsecurity as forced, (select count(*)::int from pg_policy where polrelid = c.oid) as policies from pg_class c where oid = ?::regclass`,
      [`"${schemaOf(second)}".playlists`],
    );
    expect(table).toEqual({ rls: true, forced: true, policies: 1 });
    expect((await failure(apply(v3, { tenants: ['no-such-tenant'] }))).code).toBe('TENANT_NOT_FOUND');
    expect((await failure(apply(v3, {}))).details.issues).toEqual([expect.objectContaining({ path: 'all' })]);
    await apply(v3, { all: true });
  });

  it('reports a migration whose checksum changed after it was applied, and does not run it again', async () => {
    const changed = withMigrations(DEVICE_TAGS, PLAYLISTS);
    const edited = {
      ...changed,
      migrations: changed.migrations.map((m) =>
        m.id === '0005_playlists' ? { ...m, schema: `${String(m.schema)}; create index playlists_name_idx on playlists (name)` } : m,
      ),
    };
    const status = await tenantMigrationStatus(database.fork(), edited);
    expect(status.drifted.map((row) => [row.slug, row.migrationId])).toEqual(slugs.schema.map((slug) => [slug, '0005_playlists']));
    expect(status.tenants).toMatchObject({ behind: 0, drifted: 4 });
    const run = await apply(edited, { all: true });
    expect(run.units).toEqual([]);
    expect(run.drifted).toHaveLength(4);
    expect((await rows(`select count(*)::int as n from pg_indexes where indexname = 'playlists_name_idx'`))[0]?.n).toBe(0);
  });

  it('sets a lock timeout in each transaction, so a held lock fails that tenant instead of waiting forever', async () => {
    const seen: string[] = [];
    const probe = withMigrations(DEVICE_TAGS, PLAYLISTS, {
      id: '0006_probe',
      description: 'reads the lock timeout',
      version: '1',
      schema: async (target) => {
        const [row] = await target.query<{ lock_timeout: string }>('show lock_timeout');
        seen.push(String(row?.lock_timeout));
      },
      shared: async () => undefined,
    });
    const target = slugs.schema[3] as string;
    if (testDatabase.coreOptions.kind === 'server') {
      // Another session holds the tenant's migration lock: the run gives up on that tenant after the timeout.
      const holder = new pg.Client({ connectionString: testDatabase.coreOptions.url });
      await holder.connect();
      const [tenant] = await rows('select id from tenantry.tenants where slug = ?', [target]);
      await holder.query('begin');
      await holder.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`tenantry.tenant:${String(tenant?.id)}`]);
      const locked = await apply(probe, { tenants: [target], lockTimeoutMs: 200 });
      await holder.query('rollback');
      await holder.end();
      expect(locked.units[0]?.error?.code).toBe('TENANT_MIGRATION_LOCKED');
    }
    const run = await apply(probe, { tenants: [target], lockTimeoutMs: 250 });
    expect(run.units.map((unit) => unit.outcome)).toEqual(['migrated']);
    expect(seen).toEqual(['250ms']);
  });
});

describe('tenant migrations as an operation', () => {
  it('applies only with the fingerprint of the plan shown: another plan is refused (PLAN_STALE) and migrates nothing; the run is audited', async () => {
    const v3 = withMigrations({
      id: '0099_stale_check',
      description: 'A column for the stale check.',
      schema: 'alter table assets add column stale_check text',
      shared: 'alter table assets add column stale_check text',
    });
    const fresh = String((await provisionTenant(testContext(database), tenantInput({ isolation: 'schema', skipDemoData: true }))).tenant?.slug);
    const other = String((await provisionTenant(testContext(database), tenantInput({ isolation: 'schema', skipDemoData: true }))).tenant?.slug);
    const planned = await executeOperation(ctxWith(v3), applyTenantMigrationsOperation, { tenants: [fresh] }, { dryRun: true });
    expect(planned.result).toBe('planned');
    expect(planned.steps.map((step) => step.action)).toContain('run-migration');
    const stale = await failure(
      executeOperation(ctxWith(v3), applyTenantMigrationsOperation, { tenants: [fresh, other] }, { expectFingerprint: planned.fingerprint }),
    );
    expect(stale.code).toBe('PLAN_STALE');
    expect(await hasColumn(schemaOf(fresh), 'assets', 'stale_check')).toBe(false);
    const applied = await executeOperation(ctxWith(v3), applyTenantMigrationsOperation, { tenants: [fresh] }, { expectFingerprint: planned.fingerprint });
    expect(applied.value?.summary).toMatchObject({ migrated: 1, failed: 0 });
    const [event] = await rows(`select after from tenantry.audit_events where action = 'tenant_migrations.applied' order by id desc limit 1`);
    expect(event?.after).toMatchObject({ units: 1, summary: { migrated: 1 } });
  });
});
