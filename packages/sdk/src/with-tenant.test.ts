import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, rejectionOf, type TestDatabase } from '@tenantry/testing';
import { createTenantry, TenantryError, type TenantryClient } from './index.ts';

let testDatabase: TestDatabase;
let client: TenantryClient;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  client = await createTenantry(testDatabase.sdkOptions);
});

afterAll(async () => {
  await client?.close();
  await testDatabase?.drop();
});

const failure = (promise: Promise<unknown>) => rejectionOf(promise, TenantryError);

async function provision(slug: string, isolation: 'schema' | 'shared') {
  const result = await client.tenants.provision({ name: slug, slug, ownerEmail: `owner@${slug}.example`, isolation });
  return { slug, id: String(result.tenant.id), schema: result.tenant.schemaName ?? null };
}

const names = (rows: { name: unknown }[]) => rows.map((row) => String(row.name)).sort();

describe.each(['schema', 'shared'] as const)('withTenant, %s isolation', (isolation) => {
  let a: Awaited<ReturnType<typeof provision>>;
  let b: Awaited<ReturnType<typeof provision>>;
  /** Where B's assets are, as A would have to name them. */
  let bAssets: string;

  beforeAll(async () => {
    a = await provision(`alpha-${isolation}`, isolation);
    b = await provision(`bravo-${isolation}`, isolation);
    bAssets = isolation === 'schema' ? `"${b.schema}".assets` : 'tenantry_shared.assets';
    await client.withTenant(b.slug, (db) => db.query(`insert into assets (name, uri, mimetype) values ('B secret', 'b.html', 'text/html')`));
  });

  it("reads and writes the tenant's own rows through unqualified names", async () => {
    const rows = await client.withTenant(a.slug, async (db) => {
      expect(db.tenant).toMatchObject({ slug: a.slug, isolation });
      await db.query(`insert into assets (name, uri, mimetype) values ($1, $2, $3)`, ['A poster', 'a.png', 'image/png']);
      return db.query<{ name: string }>('select name from assets order by name');
    });
    expect(names(rows)).toEqual(['A poster', 'Menu board', 'Product video', 'Welcome']);
  });

  it("cannot read tenant B's rows, even naming B's table or B's tenant id", async () => {
    const seen = await client.withTenant(a.slug, async (db) => ({
      mine: await db.query<{ name: string }>('select name from assets'),
      named: await db.query<{ name: string }>(`select name from ${bAssets}`),
      byId: isolation === 'shared' ? await db.query<{ name: string }>('select name from assets where tenant_id = $1', [b.id]) : [],
    }));
    expect(names(seen.mine)).not.toContain('B secret');
    expect(seen.named.map((row) => row.name)).not.toContain('B secret');
    expect(seen.named.every((row) => !['B secret'].includes(row.name))).toBe(true);
    expect(seen.byId).toEqual([]);
  });

  it("cannot change or delete tenant B's rows, nor insert rows for B", async () => {
    const changed = await client.withTenant(a.slug, async (db) => ({
      updated: await db.query(`update ${bAssets} set name = 'hacked' where name = 'B secret' returning id`),
      deleted: await db.query(`delete from ${bAssets} where name = 'B secret' returning id`),
    }));
    expect(changed).toEqual({ updated: [], deleted: [] });
    const insertForB =
      isolation === 'shared'
        ? client.withTenant(a.slug, (db) => db.query(`insert into assets (tenant_id, name, uri, mimetype) values ($1, 'planted', 'x', 'text/plain')`, [b.id]))
        : client.withTenant(a.slug, (db) => db.query(`insert into ${bAssets} (name, uri, mimetype) values ('planted', 'x', 'text/plain')`));
    expect((await failure(insertForB)).code).toBe('FORBIDDEN');
    if (isolation === 'shared') {
      const moveToB = client.withTenant(a.slug, (db) => db.query(`update assets set tenant_id = $1 where name = 'Welcome'`, [b.id]));
      expect((await failure(moveToB)).code).toBe('FORBIDDEN');
    }
    const bRows = await client.withTenant(b.slug, (db) => db.query<{ name: string }>('select name from assets'));
    expect(names(bRows)).toEqual(['B secret', 'Menu board', 'Product video', 'Welcome']);
  });

  it('cannot read the control plane', async () => {
    expect((await failure(client.withTenant(a.slug, (db) => db.query('select * from tenantry.users')))).code).toBe('FORBIDDEN');
    expect((await failure(client.withTenant(a.slug, (db) => db.query('select token_hash from tenantry.service_tokens')))).code).toBe('FORBIDDEN');
    const forged = `insert into tenantry.service_tokens (id, name, prefix, token_hash, created_at, created_by)
      values (gen_random_uuid(), 'forged', 'aaaaaaaa', repeat('0', 64), now(), 'tenant')`;
    expect((await failure(client.withTenant(a.slug, (db) => db.query(forged)))).code).toBe('FORBIDDEN');
  });

  it("rolls back when work throws, and hands work's own error back unchanged", async () => {
    const mine = new Error('application failure');
    await expect(
      client.withTenant(a.slug, async (db) => {
        await db.query(`insert into assets (name, uri, mimetype) values ('rolled back', 'r', 'text/plain')`);
        throw mine;
      }),
    ).rejects.toBe(mine);
    const rows = await client.withTenant(a.slug, (db) => db.query<{ name: string }>(`select name from assets where name = 'rolled back'`));
    expect(rows).toEqual([]);
  });
});

describe('withTenant refusals', () => {
  it('names an unknown tenant, and keeps a tenant user out of tenants they are not a member of', async () => {
    expect((await failure(client.withTenant('no-such-tenant', (db) => db.query('select 1')))).code).toBe('TENANT_NOT_FOUND');
    const mine = await provision('charlie-schema', 'schema');
    const other = await provision('delta-schema', 'schema');
    const asOwner = client.as(`owner@${mine.slug}.example`);
    expect(await asOwner.withTenant(mine.slug, (db) => db.query<{ n: number }>('select count(*)::int as n from assets'))).toEqual([{ n: 3 }]);
    expect((await failure(asOwner.withTenant(other.slug, (db) => db.query('select 1')))).code).toBe('FORBIDDEN');
  });
});
