import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env });

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await cli(['tenant', 'create', '--name', 'Sign Co', '--slug', 'sign-co', '--owner-email', 'owner@sign.test', '--skip-demo-data']);
  expect(created.exitCode, created.stderr).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

describe('tenantry user view and unlock', { timeout: 180_000 }, () => {
  it("shows a locked account's state, plans the unlock, lifts it, and refuses an unknown email with exit 5", async () => {
    const fresh = await cli(['user', 'view', 'owner@sign.test']);
    expect(fresh.exitCode, fresh.stderr).toBe(0);
    expect(fresh.stdout).toMatch(/Last sign-in: +never/);
    expect(fresh.stdout).toMatch(/Password: +one-time: must be changed at first sign-in/);
    expect(fresh.stdout).toMatch(/sign-co +owner/);

    await sqlOnDatabase(database, `update tenantry.users set locked_until = now() + interval '30 minutes' where email = 'owner@sign.test'`);
    const locked = await cli(['user', 'view', 'owner@sign.test', '--json']);
    expect(parseJson(locked)).toMatchObject({ email: 'owner@sign.test', twoFactor: 'none', tenants: [{ slug: 'sign-co', roles: ['owner'] }] });
    expect(parseJson<{ lockedUntil: string | null }>(locked).lockedUntil).not.toBeNull();
    expect((await cli(['user', 'view', 'owner@sign.test'])).stdout).toMatch(/Account: +✗ locked until/);

    const planned = await cli(['user', 'unlock', 'owner@sign.test', '--dry-run', '--json']);
    expect(parseJson(planned)).toMatchObject({ result: 'planned', changes: [{ field: 'locked', from: true, to: false }] });
    expect((await cli(['user', 'view', 'owner@sign.test'])).stdout).toMatch(/✗ locked until/);
    const unlocked = await cli(['user', 'unlock', 'owner@sign.test']);
    expect(unlocked.exitCode, unlocked.stderr).toBe(0);
    expect(unlocked.stdout).toContain('Unlocked owner@sign.test');
    expect((await cli(['user', 'view', 'owner@sign.test'])).stdout).toMatch(/Account: +✓ not locked/);
    expect((await cli(['user', 'unlock', 'owner@sign.test'])).stdout).toContain('nothing changed');
    expect(await sqlOnDatabase(database, `select count(*)::int as n from tenantry.audit_events where action = 'user.unlocked'`)).toEqual([{ n: 1 }]);

    const unknown = await cli(['user', 'view', 'nobody@sign.test']);
    expect(unknown.exitCode).toBe(5);
    expect(unknown.stderr).toContain('No user with email nobody@sign.test');
  });

  it('tenant policy --password-history sets how many earlier passwords a new one must differ from', async () => {
    const set = await cli(['tenant', 'policy', 'sign-co', '--password-history', '5', '--json']);
    expect(parseJson(set)).toMatchObject({ result: 'applied', changes: [{ field: 'securityPolicy.password.history', from: 0, to: 5 }] });
    expect((await cli(['tenant', 'policy', 'sign-co'])).stdout).toMatch(/History: +differs from the last 5/);
    const tooMany = await cli(['tenant', 'policy', 'sign-co', '--password-history', '99']);
    expect(tooMany.exitCode).toBe(3);
    expect(tooMany.stderr).toContain('--password-history: must be between 0 and 24');
  });
});
