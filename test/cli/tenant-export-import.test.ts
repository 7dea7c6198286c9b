import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'tenantry-export-'));
const file = join(dir, 'acme.tenant.jsonl');
const cli = (args: string[], input?: string) => runCli(args, { env: database.env, ...(input === undefined ? {} : { input }) });

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await cli(['tenant', 'create', '--name', 'Acme Export', '--slug', 'acme-export', '--owner-email', 'owner@acme-export.test', '--json']);
  expect(created.exitCode, created.stderr).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

const assets = (schema: string) => sqlOnDatabase(database, `select name, uri, mimetype, size_bytes::text, metadata from "${schema}".assets order by name`);

// Several process starts per test: slow on a loaded two-core machine, hence the long timeout.
describe('tenantry tenant export / import', { timeout: 240_000 }, () => {
  it('exports to a file readable by its owner only, and to stdout; --dry-run names the file and writes none', async () => {
    const dry = await cli(['tenant', 'export', 'acme-export', '--out', file, '--dry-run']);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`Write it to ${file}`);
    expect(dry.stdout).toMatch(/data assets \d+/);
    expect(existsSync(file)).toBe(false);
    const planned = parseJson<{ result: string; fingerprint: string }>(await cli(['tenant', 'export', 'acme-export', '--out', file, '--dry-run', '--json']));
    expect(planned.result).toBe('planned');
    expect(existsSync(file)).toBe(false);
    const run = await cli(['tenant', 'export', 'acme-export', '--out', file, '--expect-plan', planned.fingerprint, '--json']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(parseJson(run)).toMatchObject({ file, tenant: { slug: 'acme-export', isolation: 'schema' }, rows: { data: 7 } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const header = JSON.parse(readFileSync(file, 'utf8').split('\n')[0] ?? '{}') as { format: string; version: number };
    expect(header).toMatchObject({ format: 'tenantry.tenant-export', version: 2 });

    const streamed = await cli(['tenant', 'export', 'acme-export', '--out', '-']);
    expect(streamed.exitCode).toBe(0);
    expect(streamed.stdout.split('\n')[0]).toContain('"format":"tenantry.tenant-export"');
    expect(streamed.stderr).toContain('Exported acme-export');
  });

  it('imports a copy under a new slug with the same data; the original slug again is a conflict (exit 6)', async () => {
    const run = await cli(['tenant', 'import', file, '--slug', 'acme-copy']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('Imported acme-copy (exported as acme-export');
    expect(await assets('tenant_acme_copy')).toEqual(await assets('tenant_acme_export'));
    const again = await cli(['tenant', 'import', file, '--json']);
    expect(again.exitCode).toBe(6);
    expect(parseJson<{ error: { code: string } }>(again).error.code).toBe('CONFLICT');
  });

  it('reads stdin, plans with --dry-run, refuses a damaged file (exit 3) and a missing --out (exit 3)', async () => {
    const text = readFileSync(file, 'utf8');
    const planned = await cli(['tenant', 'import', '-', '--slug', 'acme-dry', '--dry-run', '--json'], text);
    expect(planned.exitCode, planned.stderr).toBe(0);
    expect(parseJson(planned)).toMatchObject({ result: 'planned', tenant: { slug: 'acme-dry' } });
    const damaged = join(dir, 'damaged.jsonl');
    writeFileSync(damaged, text.replace('Welcome', 'Welcomf'));
    const refused = await cli(['tenant', 'import', damaged, '--slug', 'acme-damaged', '--json']);
    expect(refused.exitCode).toBe(3);
    expect(parseJson<{ error: { code: string } }>(refused).error.code).toBe('EXPORT_INVALID');
    const noOut = await cli(['tenant', 'export', 'acme-export']);
    expect(noOut.exitCode).toBe(3);
    expect(noOut.stderr).toContain('--out');
    expect(await sqlOnDatabase(database, `select slug from tenantry.tenants where slug like 'acme-%' order by slug`)).toEqual([
      { slug: 'acme-copy' },
      { slug: 'acme-export' },
    ]);
  });

  it('moves a tenant with a key given on both sides (--export-key-file); a recomputed plain checksum is refused (exit 3)', async () => {
    const keyFile = join(dir, 'move.key');
    writeFileSync(keyFile, `${'3f'.repeat(32)}\n`, { mode: 0o600 });
    const moved = join(dir, 'moved.jsonl');
    expect((await cli(['tenant', 'export', 'acme-export', '--out', moved, '--export-key-file', keyFile])).exitCode).toBe(0);
    const withoutKey = await cli(['tenant', 'import', moved, '--slug', 'acme-moved', '--json']);
    expect(withoutKey.exitCode).toBe(3);
    expect(parseJson<{ error: { code: string; message: string } }>(withoutKey).error).toMatchObject({
      code: 'EXPORT_INVALID',
      message: expect.stringContaining('signed with export key'),
    });
    const missingKey = await cli(['tenant', 'import', moved, '--slug', 'acme-moved', '--export-key-file', join(dir, 'nope.key')]);
    expect(missingKey.exitCode).toBe(5);
    expect(missingKey.stderr).toContain('--export-key-file');
    const imported = await cli(['tenant', 'import', moved, '--slug', 'acme-moved', '--export-key-file', keyFile]);
    expect(imported.exitCode, imported.stderr).toBe(0);
    // A format 1 file: the trailer a plain sha256 anyone can recompute after editing.
    const text = readFileSync(file, 'utf8');
    const body = text.slice(0, text.lastIndexOf('{"hmac"'));
    const legacy = join(dir, 'legacy.jsonl');
    writeFileSync(legacy, `${body}${JSON.stringify({ checksum: createHash('sha256').update(body).digest('hex') })}\n`);
    const refused = await cli(['tenant', 'import', legacy, '--slug', 'acme-legacy']);
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain('plain checksum');
  });
});
