import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env });
const file = join(mkdtempSync(join(tmpdir(), 'tenantry-tables-')), 'restore.tenant.jsonl');
const assetNames = async () => (await sqlOnDatabase(database, `select name from tenant_restore_co.assets order by play_order, name`)).map((row) => row.name);

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await cli([
    'tenant',
    'create',
    '--name',
    'Restore Co',
    '--slug',
    'restore-co',
    '--owner-email',
    'owner@restore.test',
    '--isolation',
    'schema',
  ]);
  expect(created.exitCode, created.stderr).toBe(0);
  const exported = await cli(['tenant', 'export', 'restore-co', '--out', file]);
  expect(exported.exitCode, exported.stderr).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

describe('tenantry tenant import --tables --into', { timeout: 180_000 }, () => {
  it('plans, needs the name typed back, and puts the chosen table back as exported', async () => {
    await sqlOnDatabase(database, `update tenant_restore_co.assets set name = 'Broken' where name = 'Welcome'`);
    await sqlOnDatabase(database, `insert into tenant_restore_co.assets (name, uri, mimetype) values ('Later', 'l.png', 'image/png')`);
    const planned = await cli(['tenant', 'import', file, '--tables', 'assets', '--into', 'restore-co', '--dry-run', '--json']);
    expect(planned.exitCode, planned.stderr).toBe(0);
    expect(parseJson(planned)).toMatchObject({
      result: 'planned',
      confirmText: 'Restore Co',
      tables: [{ table: 'assets', updated: 3, inserted: 0, deleted: 1 }],
    });

    const unconfirmed = await cli(['tenant', 'import', file, '--tables', 'assets', '--into', 'restore-co']);
    expect(unconfirmed.exitCode).toBe(3);
    expect(unconfirmed.stderr).toContain('confirm');
    expect(await assetNames()).toContain('Broken');

    const applied = await cli(['tenant', 'import', file, '--tables', 'assets', '--into', 'restore-co', '--confirm', 'Restore Co']);
    expect(applied.exitCode, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Restored assets (3 updated, 0 inserted, 1 deleted) of restore-co');
    expect(await assetNames()).toEqual(['Welcome', 'Product video', 'Menu board']);
  });

  it('names the field when --into is missing or a table is unknown', async () => {
    const noInto = await cli(['tenant', 'import', file, '--tables', 'assets']);
    expect(noInto.exitCode).toBe(3);
    expect(noInto.stderr).toContain('into: is required with --tables');
    const unknown = await cli(['tenant', 'import', file, '--tables', 'gadgets', '--into', 'restore-co', '--dry-run']);
    expect(unknown.exitCode).toBe(3);
    expect(unknown.stderr).toMatch(/tables: gadgets is not a table of restore-co's data space; its tables: .*assets/);
  });
});
