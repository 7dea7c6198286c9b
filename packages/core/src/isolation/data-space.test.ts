import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../db/database.ts';
import { provisionTenant } from '../modules/tenants/provision.service.ts';
import { tenantInput, testContext } from '../testing/service-context.ts';
import { dropTenantDataSpace, sharedTablesChildrenFirst } from './data-space.ts';

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

async function tenant(isolation: 'schema' | 'shared') {
  const outcome = await provisionTenant(testContext(database), tenantInput({ isolation, skipDemoData: true }));
  const created = outcome.tenant;
  if (!created) throw new Error('not created');
  return created;
}

describe('dropTenantDataSpace', () => {
  it('drops a schema-mode tenant schema with its tables and migration records, inside the caller transaction', async () => {
    const victim = await tenant('schema');
    const schema = String(victim.schemaName);
    await rows(`create schema if not exists "${schema}"`);
    await rows(`create table if not exists "${schema}".notes (id int primary key)`);
    await rows(`insert into "${schema}".notes values (1) on conflict do nothing`);
    await rows(
      `insert into tenantry.tenant_migrations (tenant_id, migration_id, checksum, applied_at) values (?, 'x_test', 'abc', now()) on conflict do nothing`,
      [victim.id],
    );

    // A rolled-back caller leaves everything in place.
    await database
      .fork()
      .transactional(async (tx) => {
        await dropTenantDataSpace(tx, victim);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await rows('select count(*)::int as n from pg_namespace where nspname = ?', [schema])).toEqual([{ n: 1 }]);

    const dropped = await database.fork().transactional((tx) => dropTenantDataSpace(tx, victim));
    expect(dropped).toEqual({ isolation: 'schema', schema, rowsDeleted: {} });
    expect(await rows('select count(*)::int as n from pg_namespace where nspname = ?', [schema])).toEqual([{ n: 0 }]);
    expect(await rows('select count(*)::int as n from tenantry.tenant_migrations where tenant_id = ?', [victim.id])).toEqual([{ n: 0 }]);
    // Dropping again is harmless.
    expect((await database.fork().transactional((tx) => dropTenantDataSpace(tx, victim))).schema).toBeNull();
  });

  it("deletes only a shared-mode tenant's rows, children first, even with row-level security forced", async () => {
    const [victim, neighbour] = [await tenant('shared'), await tenant('shared')];
    await rows(`create table tenantry_shared.zz_parents (tenant_id uuid not null, id int not null, primary key (tenant_id, id))`);
    await rows(`create table tenantry_shared.aa_children (tenant_id uuid not null, id int not null, parent_id int not null,
                  primary key (tenant_id, id), foreign key (tenant_id, parent_id) references tenantry_shared.zz_parents (tenant_id, id))`);
    for (const table of ['zz_parents', 'aa_children']) {
      await rows(`alter table tenantry_shared.${table} enable row level security`);
      await rows(`alter table tenantry_shared.${table} force row level security`);
      await rows(
        `create policy tenant_isolation on tenantry_shared.${table} using (tenant_id = nullif(current_setting('app.current_tenant_id', true), '')::uuid)`,
      );
    }
    expect(await database.fork().transactional((tx) => sharedTablesChildrenFirst(tx))).toEqual(expect.arrayContaining(['aa_children', 'zz_parents']));
    const order = await database.fork().transactional((tx) => sharedTablesChildrenFirst(tx));
    expect(order.indexOf('aa_children')).toBeLessThan(order.indexOf('zz_parents'));

    await database.fork().transactional(async (tx) => {
      await tx.execute("select set_config('app.current_tenant_id', ?, true)", [victim.id]);
      await tx.execute('insert into tenantry_shared.zz_parents values (?, 1), (?, 2)', [victim.id, victim.id]);
      await tx.execute('insert into tenantry_shared.aa_children values (?, 1, 1)', [victim.id]);
      await tx.execute("select set_config('app.current_tenant_id', ?, true)", [neighbour.id]);
      await tx.execute('insert into tenantry_shared.zz_parents values (?, 1)', [neighbour.id]);
      await tx.execute('insert into tenantry_shared.aa_children values (?, 1, 1)', [neighbour.id]);
    });

    const dropped = await database.fork().transactional((tx) => dropTenantDataSpace(tx, victim));
    expect(dropped.rowsDeleted).toMatchObject({ aa_children: 1, zz_parents: 2 });
    const left = await rows(
      `select tenant_id::text as tenant, count(*)::int as n from (select tenant_id from tenantry_shared.zz_parents union all select tenant_id from tenantry_shared.aa_children) r group by 1`,
    );
    expect(left).toEqual([{ tenant: neighbour.id, n: 2 }]);
    await rows('drop table tenantry_shared.aa_children, tenantry_shared.zz_parents');
  });
});
