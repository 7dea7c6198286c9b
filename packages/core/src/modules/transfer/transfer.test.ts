import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { dropTenantDataSpace } from '../../isolation/data-space.ts';
import { DEVICE_TAGS, withMigrations } from '../../isolation/test-blueprints.ts';
import { tenantInput, testContext } from '../../testing/service-context.ts';
import { provisionTenant } from '../tenants/provision.service.ts';
import { parseExport, serializeExport } from './export-document.ts';
import { installationExportKey } from './export-key.ts';
import { exportTenantText } from './export.service.ts';
import { failure } from '../../testing/access-fixtures.ts';
import { executeOperation } from '../../operations/execute.ts';
import type { ServiceContext } from '../../context.ts';
import { importTenantOperation } from './import-tenant.operation.ts';

/** Runs the import operation and answers its result, steps and summary. */
async function importTenant(ctx: ServiceContext, text: string, options: { slug?: string; exportKey?: string; dryRun?: boolean } = {}) {
  const { dryRun, ...rest } = options;
  const executed = await executeOperation(ctx, importTenantOperation, { text, ...rest }, { dryRun: dryRun === true });
  return { result: executed.result, steps: executed.steps, ...executed.data.summary };
}

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

type Rows = Record<string, unknown>[];
const rows = (sql: string, params: unknown[] = []) => database.fork().execute<Rows>(sql, params);

/** A tenant with more than provisioning gives: a second member with a role, an invitation, an API key, odd data. */
async function richTenant(isolation: 'schema' | 'shared', slug: string) {
  const outcome = await provisionTenant(
    testContext(database, { settings: { baseDomain: 'tenants.test' } }),
    tenantInput({ slug, isolation, domain: `www.${slug}.example` }),
  );
  const id = String(outcome.tenant?.id);
  const now = new Date().toISOString();
  await rows(
    `insert into tenantry.users (id, email, name, password_hash, must_change_password, created_at, updated_at) values (gen_random_uuid(), ?, 'Analyst', 'scrypt$15$8$1$c2FsdA$a2V5', false, ?, ?)`,
    [`analyst@${slug}.example`, now, now],
  );
  await rows(`insert into tenantry.memberships (id, tenant_id, user_id, created_at) select gen_random_uuid(), ?, id, ? from tenantry.users where email = ?`, [
    id,
    now,
    `analyst@${slug}.example`,
  ]);
  await rows(
    `insert into tenantry.role_assignments (id, membership_id, role, created_at) select gen_random_uuid(), m.id, 'analyst', ? from tenantry.memberships m join tenantry.users u on u.id = m.user_id where u.email = ?`,
    [now, `analyst@${slug}.example`],
  );
  await rows(
    `insert into tenantry.invitations (id, tenant_id, email, role, token_hash, state, expires_at, invited_by, last_sent_at, created_at, updated_at) values (gen_random_uuid(), ?, ?, 'viewer', ?, 'pending', ?, 'test', ?, ?, ?)`,
    [id, `viewer@${slug}.example`, `hash-${slug}`, now, now, now, now],
  );
  await rows(
    `insert into tenantry.api_keys (id, tenant_id, name, prefix, key_hash, scopes, created_by, created_at) values (gen_random_uuid(), ?, 'ci', ?, 'khash', '["assets.*"]', 'test', ?)`,
    [id, slug.replaceAll('-', '').padEnd(8, 'x').slice(0, 8), now],
  );
  const table = isolation === 'schema' ? `"${String(outcome.tenant?.schemaName)}".assets` : 'tenantry_shared.assets';
  await database.fork().transactional(async (tx) => {
    await tx.execute("select set_config('app.current_tenant_id', ?, true)", [id]);
    await tx.execute(
      `insert into ${table} (name, uri, mimetype, size_bytes, metadata, starts_at) values ('Huge', 'h.bin', 'application/octet-stream', 9007199254740993, '{"note": "quote \\" and ? and ; and 1.10"}', '2026-01-02T03:04:05.123456Z')`,
    );
  });
  return { id, slug, schema: outcome.tenant?.schemaName ?? null };
}

/** Every row of a tenant: control plane (ids and links kept) and data space, as PostgreSQL renders them. */
async function everything(tenant: { id: string; schema: string | null }) {
  const q = async (sql: string) => (await rows(sql, [tenant.id])).map((row) => row.j);
  const control = {
    tenants: await q(`select to_jsonb(t) as j from tenantry.tenants t where id = ?`),
    memberships: await q(`select to_jsonb(t) as j from tenantry.memberships t where tenant_id = ? order by 1`),
    role_assignments: await q(
      `select to_jsonb(t) as j from tenantry.role_assignments t where membership_id in (select id from tenantry.memberships where tenant_id = ?) order by 1`,
    ),
    users: await q(`select to_jsonb(t) as j from tenantry.users t where id in (select user_id from tenantry.memberships where tenant_id = ?) order by 1`),
    domains: await q(`select to_jsonb(t) as j from tenantry.domains t where tenant_id = ? order by 1`),
    invitations: await q(`select to_jsonb(t) as j from tenantry.invitations t where tenant_id = ? order by 1`),
    api_keys: await q(`select to_jsonb(t) as j from tenantry.api_keys t where tenant_id = ? order by 1`),
    migrations: await q(`select migration_id as j from tenantry.tenant_migrations where tenant_id = ? order by 1`),
  };
  const data: Record<string, unknown[]> = {};
  for (const table of ['assets', 'devices', 'qr_contents']) {
    const from = tenant.schema ? `"${tenant.schema}".${table}` : `tenantry_shared.${table}`;
    data[table] = await q(`select to_jsonb(t)::text as j from ${from} t where ${tenant.schema ? '? is not null' : 'tenant_id = ?'} order by id`);
  }
  return { control, data };
}

const exportText = async (slug: string) => (await exportTenantText(testContext(database), slug)).text;
const key = () => installationExportKey(database.fork());

describe.each(['schema', 'shared'] as const)('export and import, %s isolation', (isolation) => {
  it('round trip after removal restores every row exactly, ids, password hashes and odd values included', async () => {
    const tenant = await richTenant(isolation, `trip-${isolation}`);
    const before = await everything(tenant);
    const text = await exportText(tenant.slug);
    expect(text).toContain('9007199254740993');
    expect(text).not.toMatch(/oneTimePassword/);

    // Gone: data space, tenant (cascading to its rows) and the users only it had.
    const userIds = before.control.users.map((user) => (user as { id: string }).id);
    await database.fork().transactional(async (tx) => {
      await dropTenantDataSpace(tx, { id: tenant.id, slug: tenant.slug, isolation, schemaName: tenant.schema });
      await tx.execute('delete from tenantry.tenants where id = ?', [tenant.id]);
      await tx.execute('delete from tenantry.users where id in (?)', [userIds]);
    });
    const outcome = await importTenant(testContext(database), text);
    expect(outcome).toMatchObject({ result: 'applied', tenant: { id: tenant.id, slug: tenant.slug }, users: { linked: 0 } });
    expect(await everything(tenant)).toEqual(before);
  });

  it('imports a copy under a new slug: new ids, same users linked, subdomain renamed, every row equal but ids', async () => {
    const tenant = await richTenant(isolation, `orig-${isolation}`);
    const outcome = await importTenant(testContext(database), await exportText(tenant.slug), { slug: `copy-${isolation}` });
    expect(outcome.tenant.slug).toBe(`copy-${isolation}`);
    expect(outcome.tenant.id).not.toBe(tenant.id);
    expect(outcome.users.linked).toBe(2);
    expect(outcome.skippedDomains).toEqual([{ hostname: `www.orig-${isolation}.example`, reason: 'taken by another tenant here' }]);
    expect(outcome.skippedCredentials).toEqual([
      { table: 'api_keys', rows: 1 },
      { table: 'invitations', rows: 1 },
    ]);
    const copy = { id: outcome.tenant.id, schema: outcome.tenant.schemaName };
    const [original, copied] = [await everything(tenant), await everything(copy)];
    const strip = (list: unknown[], keys: string[]) =>
      list
        .map((row) => Object.fromEntries(Object.entries(row as object).filter(([key]) => !keys.includes(key))))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const ids = ['id', 'tenant_id', 'membership_id'];
    expect(strip(copied.control.tenants, [...ids, 'slug', 'schema_name'])).toEqual(strip(original.control.tenants, [...ids, 'slug', 'schema_name']));
    expect([copied.control.api_keys, copied.control.invitations]).toEqual([[], []]);
    for (const table of ['memberships', 'role_assignments', 'users'] as const) {
      expect(strip(copied.control[table], ids)).toEqual(strip(original.control[table], ids));
    }
    expect(copied.control.domains.map((d) => [(d as { hostname: string }).hostname, (d as { is_primary: boolean }).is_primary])).toEqual([
      [`copy-${isolation}.tenants.test`, true],
    ]);
    const dataOf = (side: typeof original) =>
      Object.fromEntries(
        Object.entries(side.data).map(([table, list]) => [
          table,
          list.map((json) => String(json).replaceAll(tenant.id, '<t>').replaceAll(copy.id, '<t>')).sort(),
        ]),
      );
    expect(dataOf(copied)).toEqual(dataOf(original));
  });
});

describe('import refusals', () => {
  it('refuses a damaged, newer or foreign export and a taken slug, and a dry run writes nothing', async () => {
    const tenant = await richTenant('schema', 'refusals');
    const text = await exportText(tenant.slug);
    expect((await failure(importTenant(testContext(database), text.replace('Huge', 'Hugo')))).code).toBe('EXPORT_INVALID');
    expect((await failure(importTenant(testContext(database), text.split('\n').slice(0, 3).join('\n')))).code).toBe('EXPORT_INVALID');
    const newer = parseExport(text, await key());
    newer.header.version = 99;
    expect((await failure(importTenant(testContext(database), serializeExport(newer, await key())))).code).toBe('EXPORT_VERSION_UNSUPPORTED');
    const foreign = parseExport(text, await key());
    foreign.header.blueprint.migrations[0] = { id: '0001_assets', checksum: 'other' };
    expect((await failure(importTenant(testContext(database), serializeExport(foreign, await key()), { slug: 'refusals-two' }))).code).toBe(
      'BLUEPRINT_MISMATCH',
    );
    expect((await failure(importTenant(testContext(database), text))).code).toBe('CONFLICT');
    expect((await failure(importTenant(testContext(database), text, { slug: 'trip-schema' }))).code).toBe('SLUG_TAKEN');
    const [before] = await rows('select count(*)::int as n from tenantry.tenants');
    const plan = await importTenant(testContext(database), text, { slug: 'refusals-dry', dryRun: true });
    expect(plan.result).toBe('planned');
    expect(plan.steps.map((step) => step.action)).toEqual(['create-tenant', 'users', 'control-plane', 'data-space', 'audit']);
    expect(await rows('select count(*)::int as n from tenantry.tenants')).toEqual([before]);
  });

  it('runs the migrations newer than the export on the imported data', async () => {
    const tenant = await richTenant('schema', 'older');
    const outcome = await importTenant(testContext(database, { blueprint: withMigrations(DEVICE_TAGS) }), await exportText(tenant.slug), { slug: 'newer' });
    expect(outcome.migrationsRun).toEqual(['0004_device_tags']);
    const devices = await database.fork().transactional(async (tx) => {
      await tx.execute("select set_config('app.current_tenant_id', ?, true)", [outcome.tenant.id]);
      return tx.execute<{ n: number; tags: string }[]>(
        `select count(*)::int as n, min(array_length(tags, 1)) as tags from "${outcome.tenant.schemaName}".devices`,
      );
    });
    expect(devices).toEqual([{ n: 2, tags: null }]);
    expect((await rows('select count(*)::int as n from tenantry.tenant_migrations where tenant_id = ?', [outcome.tenant.id]))[0]?.n).toBe(4);
  });
});
