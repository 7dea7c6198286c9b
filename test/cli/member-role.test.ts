import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, snapshotDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env });

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await cli(['tenant', 'create', '--name', 'Roles Co', '--slug', 'roles-co', '--owner-email', 'owner@roles.test', '--json']);
  expect(created.exitCode).toBe(0);
});

afterAll(async () => {
  await database?.drop();
});

describe('tenantry member and role', { timeout: 240_000 }, () => {
  it('member list shows the owner with its role, tab-separated when piped', async () => {
    const run = await cli(['member', 'list', 'roles-co']);
    expect(run.exitCode).toBe(0);
    const [header, row] = run.stdout.trimEnd().split('\n');
    expect(header).toBe('email\tname\troles\tjoined');
    expect(row?.split('\t').slice(0, 3)).toEqual(['owner@roles.test', '-', 'owner']);
  });

  it('role grant of a role the member holds reports unchanged; a dry run writes nothing', async () => {
    const unchanged = await cli(['role', 'grant', 'roles-co', 'owner@roles.test', 'owner', '--json']);
    expect(unchanged.exitCode).toBe(0);
    expect(parseJson(unchanged)).toMatchObject({ result: 'unchanged', member: { email: 'owner@roles.test', roles: ['owner'] } });
    const before = await snapshotDatabase(database);
    const planned = await cli(['role', 'grant', 'roles-co', 'owner@roles.test', 'admin', '--dry-run']);
    expect(planned.exitCode).toBe(0);
    expect(planned.stdout).toContain('Grant admin to owner@roles.test in roles-co');
    expect(planned.stdout).toContain('dry run');
    expect(await snapshotDatabase(database)).toEqual(before);
  });

  it('grants and revokes a second role, printing the diff', async () => {
    const granted = await cli(['role', 'grant', 'roles-co', 'owner@roles.test', 'analyst']);
    expect(granted.exitCode).toBe(0);
    expect(granted.stdout).toContain('✓ Granted analyst to owner@roles.test in roles-co');
    expect(granted.stdout).toMatch(/roles +owner → analyst, owner/);
    const list = parseJson<{ items: { email: string; role: string }[] }>(await cli(['role', 'list', 'roles-co', '--json'])).items;
    expect(list.map((row) => row.role)).toEqual(['analyst', 'owner']);
    expect((await cli(['role', 'revoke', 'roles-co', 'owner@roles.test', 'analyst'])).exitCode).toBe(0);
  });

  it('refuses to remove or demote the last owner (exit 7), a non-member (exit 5) and an unknown role (exit 3)', async () => {
    const remove = await cli(['member', 'remove', 'roles-co', 'owner@roles.test', '--json']);
    expect(remove.exitCode).toBe(7);
    expect(parseJson(remove)).toEqual({ error: expect.objectContaining({ code: 'LAST_OWNER' }) });
    expect((await cli(['role', 'revoke', 'roles-co', 'owner@roles.test', 'owner'])).exitCode).toBe(7);
    const stranger = await cli(['role', 'grant', 'roles-co', 'nobody@roles.test', 'viewer']);
    expect(stranger.exitCode).toBe(5);
    expect(stranger.stderr).toContain('MEMBER_NOT_FOUND');
    const badRole = await cli(['role', 'grant', 'roles-co', 'owner@roles.test', 'superuser']);
    expect(badRole.exitCode).toBe(3);
    expect(badRole.stderr).toContain('<role>');
  });

  it('role list without a tenant prints the permission table', async () => {
    const run = await cli(['role', 'list', '--json']);
    expect(run.exitCode).toBe(0);
    const table = parseJson<{ items: { operation: string; roles: string[]; platformOnly: boolean }[] }>(run).items;
    expect(table.find((row) => row.operation === 'tenant.purge')).toEqual({ operation: 'tenant.purge', platformOnly: true, roles: [] });
    expect(table.find((row) => row.operation === 'member.list')?.roles).toEqual(['owner', 'admin', 'analyst', 'viewer']);
  });
});
