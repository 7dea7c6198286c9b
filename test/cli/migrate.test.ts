import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, snapshotDatabase, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

const V2 = fileURLToPath(new URL('./fixtures/blueprint-device-tags.mjs', import.meta.url));
let database: TestDatabase;
const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCli(args, { env: { ...database.env, ...env } });
const v2 = (args: string[]) => cli(args, { TENANTRY_BLUEPRINT: V2 });

interface StatusJson {
  tenants: { total: number; upToDate: number; behind: number };
  behind: { slug: string; missing: string[] }[];
}
interface RunJson {
  units: { target: string; slug: string | null; outcome: string; error?: { code: string } }[];
  summary: { migrated: number; failed: number; skipped: number };
}

beforeAll(async () => {
  database = await createTestDatabase();
  for (const [slug, isolation] of [
    ['mig-one', 'schema'],
    ['mig-two', 'schema'],
    ['mig-pool', 'shared'],
  ] as const) {
    const run = await cli([
      'tenant',
      'create',
      '--name',
      slug,
      '--slug',
      slug,
      '--owner-email',
      `owner@${slug}.test`,
      '--isolation',
      isolation,
      '--skip-demo-data',
      '--json',
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
  }
});

afterAll(async () => {
  await database?.drop();
});

// Several process starts per test: slow on a loaded two-core machine, hence the long timeout.
describe('tenantry migrate', { timeout: 240_000 }, () => {
  it('status: everyone up to date with the blueprint they were provisioned with', async () => {
    const run = await cli(['migrate', 'status', '--json']);
    expect(run.exitCode).toBe(0);
    expect(parseJson<StatusJson>(run).tenants).toMatchObject({ total: 3, upToDate: 3, behind: 0 });
    const human = await cli(['migrate', 'status']);
    expect(human.stderr).toContain('All 3 tenants are up to date');
    expect(human.stdout).toBe('');
  });

  it('status with a newer blueprint lists who is behind; apply needs --all or --tenant (exit 3)', async () => {
    const status = parseJson<StatusJson>(await v2(['migrate', 'status', '--json']));
    expect(status.behind.map((row) => [row.slug, row.missing])).toEqual([
      ['mig-one', ['0004_device_tags']],
      ['mig-pool', ['0004_device_tags']],
      ['mig-two', ['0004_device_tags']],
    ]);
    const human = await v2(['migrate', 'status']);
    expect(human.exitCode, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^slug\tisolation\tmissing\nmig-one\tschema\t0004_device_tags\n/);
    expect(human.stderr).toContain('3 of 3 tenants are behind');
    const neither = await v2(['migrate', 'apply']);
    expect(neither.exitCode).toBe(3);
    expect(neither.stderr).toContain('--all');
  });

  it('dry run shows the order and the SQL and writes nothing', async () => {
    const before = await snapshotDatabase(database);
    const run = await v2(['migrate', 'apply', '--all', '--canary', '1', '--dry-run']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('mig-one (canary): 0004_device_tags');
    expect(run.stdout).toContain("alter table devices add column tags text[] not null default '{}'");
    expect(await snapshotDatabase(database)).toEqual(before);
  });

  it('a failing tenant exits 8 with the report; the others are migrated; a re-run applies what is left', async () => {
    await sqlOnDatabase(database, 'alter table tenant_mig_two.devices add column tags int');
    const run = await v2(['migrate', 'apply', '--all', '--continue-on-error']);
    expect(run.exitCode).toBe(8);
    expect(run.stdout).toMatch(/2 migrated, 0 already done, 1 failed, 0 skipped/);
    expect(run.stdout).toMatch(/✗ mig-two: TENANT_MIGRATION_FAILED/);
    // Piped: one line per unit on stderr.
    expect(run.stderr.trim().split('\n')).toHaveLength(3);
    expect(run.stderr).toMatch(/^\[\d\/3\] failed mig-two/m);

    await sqlOnDatabase(database, 'alter table tenant_mig_two.devices drop column tags');
    const rerun = parseJson<RunJson>(await v2(['migrate', 'apply', '--all', '--json']));
    expect(rerun.units.map((unit) => [unit.slug, unit.outcome])).toEqual([['mig-two', 'migrated']]);
    const again = await v2(['migrate', 'apply', '--all']);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('nothing to apply');
  });

  it('names an unknown tenant with exit 5', async () => {
    const run = await v2(['migrate', 'apply', '--tenant', 'no-such-one', '--json']);
    expect(run.exitCode).toBe(5);
    expect(parseJson<{ error: { code: string } }>(run).error.code).toBe('TENANT_NOT_FOUND');
  });
});
