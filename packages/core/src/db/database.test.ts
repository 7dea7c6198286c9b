import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { controlPlaneStatus, migrateControlPlane } from './control-plane-migrator.ts';
import { openDatabase, type Database } from './database.ts';
import { CONTROL_PLANE_MIGRATIONS } from './migrations/index.ts';
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

describe('control-plane migrations', () => {
  it('are all applied once, with matching checksums; migrating again applies nothing', async () => {
    const status = await controlPlaneStatus(database.fork());
    expect(status.pending).toEqual([]);
    expect(status.unknown).toEqual([]);
    expect(status.applied.map((row) => [row.id, row.checksumMatches])).toEqual(CONTROL_PLANE_MIGRATIONS.map((m) => [m.id, true]));
    expect(await migrateControlPlane(database.fork())).toEqual([]);
  });

  it('refuse a database migrated by a newer Tenantry', async () => {
    const em = database.fork();
    await em.execute("insert into tenantry.schema_migrations (id, checksum, description) values ('9999_future', 'x', 'from the future')");
    try {
      expect((await failure(migrateControlPlane(database.fork()))).code).toBe('SCHEMA_TOO_NEW');
      expect((await controlPlaneStatus(database.fork())).unknown).toEqual(['9999_future']);
    } finally {
      await em.execute("delete from tenantry.schema_migrations where id = '9999_future'");
    }
  });

  it('report a statement edited after it shipped', async () => {
    const edited = CONTROL_PLANE_MIGRATIONS.map((migration, index) =>
      index === 0 ? { ...migration, statements: [...migration.statements, 'select 1'] } : migration,
    );
    const status = await controlPlaneStatus(database.fork(), edited);
    expect(status.applied[0]?.checksumMatches).toBe(false);
  });
});

describe('database constraints', () => {
  const insertTenant = (em: ReturnType<Database['fork']>, id: string, slug: string) =>
    em.execute(
      `insert into tenantry.tenants (id, slug, name, status, plan, limits, features, time_zone, security_policy, isolation, provision_fingerprint, created_at, updated_at)
       values (?, ?, 'Raw', 'active', 'basic', '{}', '{}', 'UTC', '{}', 'shared', 'x', now(), now())`,
      [id, slug],
    );

  it('refuse a duplicate slug, a bad slug, a second primary domain and an upper-case hostname', async () => {
    const em = database.fork();
    await insertTenant(em, '00000000-0000-7000-8000-000000000001', 'raw-one');
    await expect(insertTenant(em, '00000000-0000-7000-8000-000000000002', 'raw-one')).rejects.toThrow(/tenants_slug_key/);
    await expect(insertTenant(em, '00000000-0000-7000-8000-000000000003', 'Bad_Slug')).rejects.toThrow(/tenants_slug_format/);
    const domain = (id: string, host: string) =>
      em.execute(
        `insert into tenantry.domains (id, tenant_id, hostname, kind, is_primary, created_at) values (?, '00000000-0000-7000-8000-000000000001', ?, 'custom', true, now())`,
        [id, host],
      );
    await domain('00000000-0000-7000-8000-0000000000d1', 'one.example.com');
    await expect(domain('00000000-0000-7000-8000-0000000000d2', 'two.example.com')).rejects.toThrow(/domains_one_primary_per_tenant/);
    await expect(domain('00000000-0000-7000-8000-0000000000d3', 'Three.example.com')).rejects.toThrow(/domains_hostname_lowercase/);
  });

  it('refuse two users whose emails differ only in case, and two memberships of one user in one tenant', async () => {
    const em = database.fork();
    const user = (id: string, email: string) =>
      em.execute(`insert into tenantry.users (id, email, must_change_password, created_at, updated_at) values (?, ?, false, now(), now())`, [id, email]);
    await user('00000000-0000-7000-8000-0000000000a1', 'case@example.com');
    await expect(user('00000000-0000-7000-8000-0000000000a2', 'CASE@example.com')).rejects.toThrow(/users_email_key/);
    await insertTenant(em, '00000000-0000-7000-8000-000000000011', 'raw-two');
    const member = (id: string) =>
      em.execute(
        `insert into tenantry.memberships (id, tenant_id, user_id, created_at) values (?, '00000000-0000-7000-8000-000000000011', '00000000-0000-7000-8000-0000000000a1', now())`,
        [id],
      );
    await member('00000000-0000-7000-8000-0000000000b1');
    await expect(member('00000000-0000-7000-8000-0000000000b2')).rejects.toThrow(/memberships_tenant_user_key/);
  });

  it('keep the audit trail append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const em = database.fork();
    await em.execute(
      `insert into tenantry.audit_events (occurred_at, correlation_id, actor_type, actor_label, action, target_type) values (now(), '00000000-0000-7000-8000-0000000000c1', 'operator', 't', 'test.event', 'test')`,
    );
    await expect(em.execute(`update tenantry.audit_events set action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(em.execute(`delete from tenantry.audit_events`)).rejects.toThrow(/append-only/);
    await expect(em.execute(`truncate tenantry.audit_events`)).rejects.toThrow(/append-only/);
  });
});

describe('openDatabase', () => {
  it('names the host, without credentials, when the server is unreachable', async () => {
    const error = await failure(openDatabase({ kind: 'server', url: 'postgresql://admin:s3cret@127.0.0.1:1/tenantry', connectTimeoutMs: 2000 }));
    expect(error.code).toBe('DATABASE_UNREACHABLE');
    expect(error.kind).toBe('unavailable');
    expect(error.message).toContain('127.0.0.1:1/tenantry');
    expect(error.message).not.toContain('s3cret');
  });
});
