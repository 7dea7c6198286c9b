import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { withTenantSetting } from '../../isolation/tenant-setting.ts';
import { executeOperation } from '../../operations/execute.ts';
import { failure, provisionTestTenant, type TestTenant } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { exportTenantOperation } from './export-tenant.operation.ts';
import { restoreTables } from './restore-tables.operation.ts';

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

const ctx = () => testContext(database);
const exportedText = async (slug: string) => (await executeOperation(ctx(), exportTenantOperation, { slug, file: null })).data.text;
const WELCOME = '00000000-0000-4000-8000-00000000a001';
const MENU = '00000000-0000-4000-8000-00000000a003';

/** Runs statements in the tenant's data space as its (signed) tenant, so row-level security admits them. */
async function inDataSpace<T extends Record<string, unknown>>(tenant: TestTenant & { table: (name: string) => string }, sql: string): Promise<T[]> {
  return database
    .fork()
    .transactional((tx) => withTenantSetting(tx, tenant.id, () => tx.execute<T[]>(sql.replaceAll(/\{(\w+)\}/g, (_, name: string) => tenant.table(name)))));
}

async function tenantIn(isolation: 'schema' | 'shared') {
  const tenant = await provisionTestTenant(database, { isolation });
  const schema = isolation === 'schema' ? `tenant_${tenant.slug.replaceAll('-', '_')}` : 'tenantry_shared';
  return { ...tenant, table: (name: string) => `"${schema}".${name}` };
}

describe.each(['schema', 'shared'] as const)('tenant.restore_tables in %s isolation', (isolation) => {
  it("puts the chosen tables back as exported (by key), deletes rows written since, and leaves the other tables' references intact", async () => {
    const tenant = await tenantIn(isolation);
    const text = await exportedText(tenant.slug);
    await inDataSpace(tenant, `update {assets} set name = 'Renamed' where id = '${WELCOME}'`);
    await inDataSpace(tenant, `delete from {assets} where id = '${MENU}'`);
    await inDataSpace(tenant, `insert into {assets} (name, uri, mimetype) values ('Added later', 'later.png', 'image/png')`);
    await inDataSpace(tenant, `update {devices} set name = 'Lobby (moved)' where serial_number = 'DEMO-0001'`);

    const input = { slug: tenant.slug, text, tables: ['assets'] };
    const planned = await executeOperation(ctx(), restoreTables, input, { dryRun: true });
    expect(planned.result).toBe('planned');
    expect(planned.confirmText).toBe(tenant.name);
    expect(planned.steps[0]?.description).toMatch(
      /assets of .*: update 2 rows, insert 1, delete 1 written since \(rows of other tables that reference them follow their foreign keys\)$/,
    );
    expect(await inDataSpace(tenant, `select name from {assets} order by play_order, name`)).toHaveLength(3);
    expect((await failure(executeOperation(ctx(), restoreTables, input))).details).toMatchObject({ issues: [{ path: 'confirm' }] });

    const applied = await executeOperation(ctx(), restoreTables, { ...input, confirm: tenant.name }, { expectFingerprint: planned.fingerprint });
    expect(applied.value?.tables).toEqual([{ table: 'assets', exported: 3, updated: 2, inserted: 1, deleted: 1 }]);
    expect(await inDataSpace(tenant, `select name from {assets} order by play_order`)).toEqual([
      { name: 'Welcome' },
      { name: 'Product video' },
      { name: 'Menu board' },
    ]);
    expect(await inDataSpace(tenant, `select name, current_asset_id from {devices} where serial_number = 'DEMO-0001'`)).toEqual([
      { name: 'Lobby (moved)', current_asset_id: WELCOME },
    ]);
    const [audit] = await database
      .fork()
      .execute<{ after: unknown }[]>(`select after from tenantry.audit_events where action = 'tenant.tables_restored' and tenant_id = ?`, [tenant.id]);
    expect(JSON.stringify(audit?.after)).toContain('"deleted":1');
  });

  it('refuses an unknown table, an export of another tenant, and a stale plan', async () => {
    const tenant = await tenantIn(isolation);
    const other = await tenantIn(isolation);
    const text = await exportedText(tenant.slug);
    expect((await failure(executeOperation(ctx(), restoreTables, { slug: tenant.slug, text, tables: ['nope'] }, { dryRun: true }))).details).toMatchObject({
      issues: [{ path: 'tables', message: expect.stringContaining('nope is not a table') as string }],
    });
    expect((await failure(executeOperation(ctx(), restoreTables, { slug: other.slug, text, tables: ['assets'] }, { dryRun: true }))).details).toMatchObject({
      issues: [{ path: 'text', message: expect.stringContaining(`is an export of ${tenant.slug}`) as string }],
    });
    const planned = await executeOperation(ctx(), restoreTables, { slug: tenant.slug, text, tables: ['assets'] }, { dryRun: true });
    await inDataSpace(tenant, `insert into {assets} (name, uri, mimetype) values ('Meanwhile', 'm.png', 'image/png')`);
    const stale = await failure(
      executeOperation(ctx(), restoreTables, { slug: tenant.slug, text, tables: ['assets'], confirm: tenant.name }, { expectFingerprint: planned.fingerprint }),
    );
    expect(stale.code).toBe('PLAN_STALE');
  });
});
