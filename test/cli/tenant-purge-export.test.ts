import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
let home: string;
// TENANTRY_HOME decides where purge exports go by default (on the server too, where it holds only those).
const cli = (args: string[]) => runCli(args, { env: { ...database.env, TENANTRY_HOME: home } });

async function deleted(slug: string, name: string) {
  const created = await cli(['tenant', 'create', '--name', name, '--slug', slug, '--owner-email', `owner@${slug}.test`, '--json']);
  expect(created.exitCode, created.stderr).toBe(0);
  expect((await cli(['tenant', 'delete', slug, '--confirm', name])).exitCode).toBe(0);
}

beforeAll(async () => {
  database = await createTestDatabase();
  home = database.env.TENANTRY_HOME ?? mkdtempSync(join(tmpdir(), 'tenantry-purge-home-'));
});

afterAll(async () => {
  await database?.drop();
});

describe('tenantry tenant purge writes an export first', () => {
  // Many process starts each: slow on a loaded two-core machine, hence the long timeouts.
  it('exports to <home>/exports before purging, and the export restores the tenant over its tombstone', { timeout: 300_000 }, async () => {
    await deleted('purge-me', 'Purge Me');
    const [before] = await sqlOnDatabase(database, `select id, schema_name from tenantry.tenants where slug = 'purge-me'`);
    const assetsBefore = await sqlOnDatabase(database, `select name from tenant_purge_me.assets order by name`);
    const purged = await cli(['tenant', 'purge', 'purge-me', '--confirm', 'Purge Me', '--force', '--json']);
    expect(purged.exitCode, purged.stderr).toBe(0);
    const result = parseJson<{ result: string; export: { file: string; rows: { data: number } } }>(purged);
    expect(result.result).toBe('applied');
    expect(result.export.file.startsWith(join(home, 'exports', 'purge-me-'))).toBe(true);
    expect(result.export.rows.data).toBe(7);
    expect(await sqlOnDatabase(database, `select count(*)::int as n from pg_namespace where nspname = 'tenant_purge_me'`)).toEqual([{ n: 0 }]);

    const restored = await cli(['tenant', 'import', result.export.file, '--json']);
    expect(restored.exitCode, restored.stderr).toBe(0);
    expect(await sqlOnDatabase(database, `select id, status, schema_name from tenantry.tenants where slug = 'purge-me'`)).toEqual([
      { ...before, status: 'active' },
    ]);
    expect(await sqlOnDatabase(database, `select name from tenant_purge_me.assets order by name`)).toEqual(assetsBefore);
  });

  it('--no-export purges without a file; a refused purge writes none; --export-file chooses the file', { timeout: 300_000 }, async () => {
    await deleted('no-export', 'No Export');
    const early = await cli(['tenant', 'purge', 'no-export', '--confirm', 'No Export']);
    expect(early.exitCode).toBe(7);
    expect(readdirSync(join(home, 'exports')).filter((name) => name.startsWith('no-export'))).toEqual([]);
    const purged = await cli(['tenant', 'purge', 'no-export', '--confirm', 'No Export', '--force', '--no-export', '--json']);
    expect(purged.exitCode, purged.stderr).toBe(0);
    expect(parseJson<{ export: unknown }>(purged).export).toBeNull();
    expect(readdirSync(join(home, 'exports')).filter((name) => name.startsWith('no-export'))).toEqual([]);

    await deleted('chosen-file', 'Chosen File');
    const file = join(home, 'chosen.tenant.jsonl');
    const chosen = await cli(['tenant', 'purge', 'chosen-file', '--confirm', 'Chosen File', '--force', '--export-file', file]);
    expect(chosen.exitCode, chosen.stderr).toBe(0);
    expect(chosen.stderr).toContain(`Exported chosen-file to ${file}`);
    expect(existsSync(file)).toBe(true);
  });
});
