import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, rejectionOf, type TestDatabase } from '@tenantry/testing';
import { createTenantry, TenantryError, type TenantryClient } from './index.ts';

// Attacks from inside a withTenant callback. One connection per pool, so every call reuses the same
// backend: what one tenant's callback leaves on a connection is what the next tenant's call gets.
let testDatabase: TestDatabase;
let client: TenantryClient;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  client = await createTenantry({ ...testDatabase.sdkOptions, poolSize: 1, dataPathPoolSize: 1 });
});

afterAll(async () => {
  await client?.close();
  await testDatabase?.drop();
});

const failure = (promise: Promise<unknown>) => rejectionOf(promise, TenantryError);
const names = (rows: { name: unknown }[]) => rows.map((row) => String(row.name)).sort();
const backend = (slug: string) => client.withTenant(slug, async (db) => (await db.query<{ pid: number }>('select pg_backend_pid() as pid'))[0]?.pid);
const onServer = () => testDatabase.kind === 'server';

async function provision(slug: string, isolation: 'schema' | 'shared') {
  const result = await client.tenants.provision({ name: slug, slug, ownerEmail: `owner@${slug}.example`, isolation });
  return { slug, id: String(result.tenant.id) };
}

describe.each(['schema', 'shared'] as const)('temporary objects, %s isolation', (isolation) => {
  let a: Awaited<ReturnType<typeof provision>>;
  let b: Awaited<ReturnType<typeof provision>>;

  beforeAll(async () => {
    a = await provision(`temp-a-${isolation}`, isolation);
    b = await provision(`temp-b-${isolation}`, isolation);
  });

  it("never shadow the next tenant's tables on the same connection, nor outlive the call", async () => {
    const pid = await backend(a.slug);
    for (let round = 0; round < 3; round += 1) {
      await client.withTenant(a.slug, async (db) => {
        await db.query('create temp table assets (name text, uri text, mimetype text)');
        await db.query(`insert into pg_temp.assets (name, uri, mimetype) values ('A trap', 'x', 'text/plain')`);
        // pg_temp is searched last: unqualified names still mean the tenant's own tables.
        expect(names(await db.query<{ name: string }>('select name from assets'))).not.toContain('A trap');
        // A table the tenant's schema lacks resolves to pg_temp, but only in this call.
        await db.query('create temp table notes (body text)');
        expect(await db.query('select body from notes')).toEqual([]);
      });
      const seenByB = await client.withTenant(b.slug, async (db) => {
        await db.query(`insert into assets (name, uri, mimetype) values ($1, 'b', 'text/plain')`, [`B round ${round}`]);
        return {
          pid: (await db.query<{ pid: number }>('select pg_backend_pid() as pid'))[0]?.pid,
          names: names(await db.query<{ name: string }>('select name from assets')),
          temp: await db.query(`select relname from pg_class where relpersistence = 't'`),
        };
      });
      expect(seenByB.pid).toBe(pid);
      expect(seenByB.names).not.toContain('A trap');
      expect(seenByB.names).toContain(`B round ${round}`);
      expect(seenByB.temp).toEqual([]);
    }
    const bRows = await client.withTenant(b.slug, (db) => db.query<{ name: string }>(`select name from assets where name like 'B round %'`));
    expect(names(bRows)).toEqual(['B round 0', 'B round 1', 'B round 2']);
  });

  it('are dropped even when the callback fails or ends the transaction itself', async () => {
    await expect(
      client.withTenant(a.slug, async (db) => {
        await db.query('create temp table assets (name text)');
        throw new Error('application failure');
      }),
    ).rejects.toThrow('application failure');
    await client.withTenant(a.slug, async (db) => {
      await db.query('commit');
      await db.query('create temp table assets (name text)');
    });
    const temp = await client.withTenant(b.slug, (db) => db.query(`select relname from pg_class where relpersistence = 't'`));
    expect(temp).toEqual([]);
  });

  it('session settings a callback leaves are reset before the next call', async () => {
    await client.withTenant(a.slug, (db) => db.query(`select set_config('statement_timeout', '1', false)`));
    const [setting] = await client.withTenant(b.slug, (db) => db.query<{ value: string }>(`select current_setting('statement_timeout') as value`));
    expect(setting?.value).toBe('0');
  });

  it('refuses queries after the callback has returned', async () => {
    const kept = await client.withTenant(a.slug, async (db) => db);
    expect((await failure(kept.query('select 1'))).code).toBe('PRECONDITION_FAILED');
  });
});

describe.each(['schema', 'shared'] as const)('setting the tenant from SQL, %s isolation', (isolation) => {
  let a: Awaited<ReturnType<typeof provision>>;
  let b: Awaited<ReturnType<typeof provision>>;

  beforeAll(async () => {
    a = await provision(`switch-a-${isolation}`, isolation);
    b = await provision(`switch-b-${isolation}`, isolation);
    await client.withTenant(b.slug, (db) => db.query(`insert into assets (name, uri, mimetype) values ('B secret', 'b', 'text/plain')`));
  });

  it("set_config('app.current_tenant_id', B) inside A's callback reaches none of B's rows", async () => {
    const [schema] = await client.withTenant(b.slug, (db) => db.query<{ schema: string }>('select current_schema() as schema'));
    const bAssets = `"${schema?.schema}".assets`;
    const seen = await client.withTenant(a.slug, async (db) => {
      await db.query(`select set_config('app.current_tenant_id', $1, true)`, [b.id]);
      return {
        read: await db.query<{ name: string }>(`select name from ${bAssets}`),
        updated: await db.query(`update ${bAssets} set name = 'hacked' returning id`),
        deleted: await db.query(`delete from ${bAssets} returning id`),
      };
    });
    expect(seen).toEqual({ read: [], updated: [], deleted: [] });
    // A's own signature does not carry over to B's id either way round.
    const withOwnSignature = await client.withTenant(a.slug, async (db) => {
      const [sig] = await db.query<{ sig: string }>(`select current_setting('app.current_tenant_sig') as sig`);
      await db.query(`select set_config('app.current_tenant_id', $1, true), set_config('app.current_tenant_sig', $2, true)`, [b.id, sig?.sig]);
      return db.query<{ name: string }>(`select name from ${bAssets}`);
    });
    expect(withOwnSignature).toEqual([]);
    const bRows = await client.withTenant(b.slug, (db) => db.query<{ name: string }>('select name from assets'));
    expect(names(bRows)).toContain('B secret');
    expect(names(bRows)).not.toContain('hacked');
  });
});

describe('leaving the application role', () => {
  let a: Awaited<ReturnType<typeof provision>>;
  let b: Awaited<ReturnType<typeof provision>>;

  beforeAll(async () => {
    a = await provision('role-a', 'shared');
    b = await provision('role-b', 'shared');
    await client.withTenant(b.slug, (db) => db.query(`insert into assets (name, uri, mimetype) values ('B secret', 'b', 'text/plain')`));
  });

  it('on a server, RESET ROLE returns to the application role: no superuser, no other tenant, no control plane', async () => {
    if (!onServer()) return;
    const seen = await client.withTenant(a.slug, async (db) => {
      await db.query('reset role');
      const [who] = await db.query<{ role: string; superuser: boolean }>(
        'select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user',
      );
      return { who, assets: names(await db.query<{ name: string }>('select name from tenantry_shared.assets')) };
    });
    expect(seen.who).toEqual({ role: 'tenantry_app', superuser: false });
    expect(seen.assets).not.toContain('B secret');
    const attempts = [
      'select password_hash from tenantry.users',
      'select token_hash from tenantry.service_tokens',
      'set role postgres',
      `select pg_read_file('/etc/hostname')`,
      'set session_replication_role = replica',
      'alter table tenantry_shared.assets disable row level security',
    ];
    for (const sql of attempts) {
      const refused = await failure(
        client.withTenant(a.slug, async (db) => {
          await db.query('reset role');
          return db.query(sql);
        }),
      );
      expect(refused.code, sql).toBe('FORBIDDEN');
    }
  });

  it('db status names the role the data path logs in as: the application role on a server, the superuser embedded', async () => {
    const status = await client.database.status();
    if (onServer()) expect(status.dataPath).toMatchObject({ mode: 'login-role', sessionRole: 'tenantry_app', superuser: false, bypassRls: false });
    else expect(status.dataPath).toMatchObject({ mode: 'set-role', superuser: true });
    const [line] = (await client.health.preflight()).filter((result) => result.name === 'data path role');
    expect(line).toMatchObject(onServer() ? { ok: true } : { ok: true, warning: true });
    if (onServer()) expect(line?.warning).toBeUndefined();
  });

  it('embedded, RESET ROLE leaves the callback a superuser, as documented', async () => {
    if (onServer()) return;
    const [who] = await client.withTenant(a.slug, async (db) => {
      await db.query('reset role');
      return db.query<{ superuser: boolean }>('select rolsuper as superuser from pg_roles where rolname = current_user');
    });
    expect(who).toEqual({ superuser: true });
  });
});
