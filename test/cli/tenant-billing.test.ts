import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, snapshotDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env });

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await cli(['tenant', 'create', '--name', 'Theo', '--slug', 'theo', '--owner-email', 'owner@theo.test', '--trial-days', '14']);
  expect(created.exitCode, created.stderr).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

describe('tenantry tenant billing', { timeout: 120_000 }, () => {
  it('records the paid period and converts the trial; tenant view shows the days left of each', async () => {
    const paid = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const run = await cli(['tenant', 'billing', 'theo', '--paid-until', paid, '--end-trial', '--json']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(parseJson(run)).toMatchObject({ result: 'applied', paidUntil: `${paid}T23:59:59.999Z` });
    const view = await cli(['tenant', 'view', 'theo']);
    expect(view.stdout).toMatch(new RegExp(`Paid until: +(30|31) days left \\(until ${paid}\\)`));
    expect(view.stdout).toMatch(/Trial: +ended \d{4}-\d{2}-\d{2}/);
    const cleared = await cli(['tenant', 'billing', 'theo', '--clear-paid-until']);
    expect(cleared.exitCode, cleared.stderr).toBe(0);
    expect(cleared.stdout).toContain('theo has no payment on record');
    expect((await cli(['tenant', 'view', 'theo'])).stdout).toMatch(/Paid until: +none recorded/);
  });

  it('refuses a bad date or an ambiguous request with exit 3 naming paidUntil, and writes nothing', async () => {
    const before = await snapshotDatabase(database);
    const bad = await cli(['tenant', 'billing', 'theo', '--paid-until', '2027-02-30', '--json']);
    expect(bad.exitCode).toBe(3);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'INVALID_INPUT', details: { issues: [{ path: 'paidUntil' }] } } });
    const neither = await cli(['tenant', 'billing', 'theo']);
    expect(neither.exitCode).toBe(3);
    expect(neither.stderr).toContain('pass either --paid-until DATE or --clear-paid-until');
    expect(await snapshotDatabase(database)).toEqual(before);
  });
});
