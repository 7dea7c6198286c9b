import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../db/database.ts';
import { provisionTenant } from '../modules/tenants/provision.service.ts';
import { tenantInput, testContext } from '../testing/service-context.ts';
import { reapplyPoliciesSql } from './isolation-sql.ts';
import { loadSigningKey, signTenant } from './tenant-signature.ts';

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

/** Counts rows as the application role with the tenant set as given (signature optional). */
const countAs = (table: string, tenantId: string, signature?: string) =>
  database.fork().transactional(async (tx) => {
    await tx.execute("select set_config('app.current_tenant_id', ?, true), set_config('app.current_tenant_sig', ?, true)", [tenantId, signature ?? '']);
    await tx.execute('set local role tenantry_app');
    const [row] = await tx.execute<{ n: number }[]>(`select count(*)::int as n from ${table}`);
    return row?.n;
  });

const OLD_CONDITION = `nullif(current_setting('app.current_tenant_id', true), '')::uuid`;

describe('the signed tenant setting', () => {
  it('admits a tenant only with its HMAC-SHA256, the same in the database and in Node', async () => {
    const key = await loadSigningKey(database.fork());
    const outcome = await provisionTenant(testContext(database), tenantInput({ isolation: 'shared' }));
    const id = String(outcome.tenant?.id);
    const [inDatabase] = await rows('select tenantry.tenant_signature(?::uuid) as sig', [id]);
    expect(inDatabase?.sig).toBe(createHmac('sha256', key).update(id).digest('hex'));
    expect(await countAs('tenantry_shared.assets', id, signTenant(key, id))).toBe(3);
    expect(await countAs('tenantry_shared.assets', id)).toBe(0);
    expect(await countAs('tenantry_shared.assets', id, signTenant(Buffer.alloc(32), id))).toBe(0);
  });

  it('the application role can read neither the key nor make a signature', async () => {
    for (const sql of ['select key from tenantry.data_path_keys', `select tenantry.tenant_signature(gen_random_uuid())`]) {
      const refused = database.fork().transactional(async (tx) => {
        await tx.execute('set local role tenantry_app');
        return tx.execute(sql);
      });
      await expect(refused).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('data spaces made before it get the signed policy (migration 0007 re-applies every policy)', async () => {
    const shared = await provisionTenant(testContext(database), tenantInput({ isolation: 'shared' }));
    const silo = await provisionTenant(testContext(database), tenantInput({ isolation: 'schema' }));
    const siloId = String(silo.tenant?.id);
    const siloAssets = `"${String(silo.tenant?.schemaName)}".assets`;
    // The policies as an older Tenantry wrote them, which a plain set_config satisfied.
    await rows(`alter policy tenant_isolation on tenantry_shared.assets using (tenant_id = ${OLD_CONDITION}) with check (tenant_id = ${OLD_CONDITION})`);
    await rows(`alter policy tenant_isolation on ${siloAssets} using (${OLD_CONDITION} = '${siloId}'::uuid) with check (${OLD_CONDITION} = '${siloId}'::uuid)`);
    expect(await countAs(siloAssets, siloId)).toBe(3);
    await rows(reapplyPoliciesSql());
    expect(await countAs(siloAssets, siloId)).toBe(0);
    expect(await countAs('tenantry_shared.assets', String(shared.tenant?.id))).toBe(0);
    const key = await loadSigningKey(database.fork());
    expect(await countAs(siloAssets, siloId, signTenant(key, siloId))).toBe(3);
    const [policy] = await rows(
      `select pg_get_expr(polqual, polrelid) as qual, pg_get_expr(polwithcheck, polrelid) as checked from pg_policy where polrelid = ?::regclass`,
      [siloAssets],
    );
    expect(String(policy?.qual)).toContain(siloId);
    expect(String(policy?.checked)).toContain('tenantry_session.current_tenant()');
  });
});
