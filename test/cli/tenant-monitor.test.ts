import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, snapshotDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env });

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await cli([
    'tenant',
    'create',
    '--name',
    'Watch',
    '--slug',
    'watch',
    '--owner-email',
    'owner@watch.test',
    '--max-users',
    '10',
    '--skip-demo-data',
  ]);
  expect(created.exitCode, created.stderr).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

describe('tenantry tenant monitor', { timeout: 120_000 }, () => {
  it("shows the plan's thresholds, sets the tenant's, and the doctor warns by them unless a run's flag overrides", async () => {
    const shown = await cli(['tenant', 'monitor', 'watch']);
    expect(shown.stdout).toMatch(/users: +90% of the limit \(the plan's\)/);
    expect(shown.stdout).toMatch(/storage: +80% of the limit \(the plan's\)/);

    const set = await cli(['tenant', 'monitor', 'watch', '--warn-users', '10', '--json']);
    expect(set.exitCode, set.stderr).toBe(0);
    expect(parseJson(set)).toMatchObject({ result: 'applied', changes: [{ field: 'warnAt.users', from: 0.9, to: 0.1 }] });
    expect((await cli(['tenant', 'monitor', 'watch'])).stdout).toMatch(/users: +10% of the limit$/m);

    const findings = (run: { stdout: string }) => (JSON.parse(run.stdout) as { findings: { code: string; details: Record<string, unknown> }[] }).findings;
    const doctor = await cli(['doctor', 'watch', '--json']);
    expect(findings(doctor)).toContainEqual(expect.objectContaining({ code: 'USAGE_NEAR_LIMIT', details: expect.objectContaining({ warnAtFrom: 'tenant' }) }));
    const overridden = await cli(['doctor', 'watch', '--warn-users', '50', '--json']);
    expect(findings(overridden).map((finding) => finding.code)).not.toContain('USAGE_NEAR_LIMIT');

    const reset = await cli(['tenant', 'monitor', 'watch', '--reset', 'users']);
    expect(reset.exitCode, reset.stderr).toBe(0);
    expect((await cli(['tenant', 'monitor', 'watch'])).stdout).toMatch(/users: +90% of the limit \(the plan's\)/);
  });

  it('refuses a percentage out of range or an unknown resource with exit 3 naming the flag, writing nothing', async () => {
    const before = await snapshotDatabase(database);
    const high = await cli(['tenant', 'monitor', 'watch', '--warn-storage', '150']);
    expect(high.exitCode).toBe(3);
    expect(high.stderr).toContain('--warn-storage');
    expect(high.stderr).toContain('must be a percentage between 1 and 100 (got 150)');
    const unknown = await cli(['tenant', 'monitor', 'watch', '--reset', 'bananas']);
    expect(unknown.exitCode).toBe(3);
    expect(unknown.stderr).toContain('must be one of users, assets, devices, storage (got "bananas")');
    expect(await snapshotDatabase(database)).toEqual(before);
  });
});
