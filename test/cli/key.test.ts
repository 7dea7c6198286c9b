import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, snapshotDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[], input?: string) => runCli(args, { env: database.env, ...(input === undefined ? {} : { input }) });

interface KeyJson {
  result: string;
  apiKey: { prefix: string; name: string; scopes: string[]; status: string; key?: string; expiresAt: string | null };
  previous?: { prefix: string; status: string; expiresAt: string };
}

beforeAll(async () => {
  database = await createTestDatabase();
  expect((await cli(['tenant', 'create', '--name', 'Key Co', '--slug', 'key-co', '--owner-email', 'owner@key.test', '--plan', 'professional'])).exitCode).toBe(
    0,
  );
});

afterAll(async () => {
  await database?.drop();
});

describe('tenantry key', { timeout: 240_000 }, () => {
  let created: KeyJson;

  it('create shows the key once; list never shows it', async () => {
    const run = await cli(['key', 'create', 'key-co', '--name', 'Primary API Key', '--scope', 'assets.*', '--scope', 'devices.read,devices.write', '--json']);
    expect(run.exitCode).toBe(0);
    created = parseJson<KeyJson>(run);
    expect(created.apiKey).toMatchObject({ name: 'Primary API Key', scopes: ['assets.*', 'devices.read', 'devices.write'], status: 'active' });
    expect(created.apiKey.key).toMatch(/^tnt_[a-z0-9]{8}_\w{40}$/);
    const list = await cli(['key', 'list', 'key-co']);
    expect(list.exitCode).toBe(0);
    expect(list.stdout).toContain(created.apiKey.prefix);
    expect(list.stdout).not.toContain(created.apiKey.key);
    const human = await cli(['key', 'create', 'key-co', '--name', 'Forever', '--scope', '*', '--never-expires']);
    expect(human.stdout).toMatch(/Key: +tnt_\w+ +\(shown once/);
    expect(human.stdout).toMatch(/Expires: +never/);
  });

  it('verify answers valid (exit 0) with tenant and scopes, or why not (exit 4)', async () => {
    const valid = await cli(['key', 'verify', '--key-stdin', '--scope', 'assets.read', '--json'], `${created.apiKey.key}\n`);
    expect(valid.exitCode).toBe(0);
    expect(parseJson(valid)).toMatchObject({ valid: true, tenant: { slug: 'key-co' }, key: { prefix: created.apiKey.prefix } });
    const denied = await cli(['key', 'verify', created.apiKey.key ?? '', '--scope', 'billing.read']);
    expect(denied.exitCode).toBe(4);
    expect(denied.stdout).toContain('scope_not_granted');
    const malformed = await cli(['key', 'verify', 'not-a-key', '--json']);
    expect(malformed.exitCode).toBe(4);
    expect(parseJson(malformed)).toMatchObject({ valid: false, reason: 'malformed' });
    const used = parseJson<{ items: { prefix: string; lastUsedAt: string | null }[] }>(await cli(['key', 'list', 'key-co', '--json'])).items;
    expect(used.find((key) => key.prefix === created.apiKey.prefix)?.lastUsedAt).not.toBeNull();
  });

  it('rotate issues a new key; the old one keeps working through the overlap', async () => {
    const before = await snapshotDatabase(database);
    expect((await cli(['key', 'rotate', 'key-co', created.apiKey.prefix, '--dry-run'])).exitCode).toBe(0);
    expect(await snapshotDatabase(database)).toEqual(before);
    const run = await cli(['key', 'rotate', 'key-co', `tnt_${created.apiKey.prefix}`, '--overlap-hours', '1', '--json']);
    expect(run.exitCode).toBe(0);
    const rotated = parseJson<KeyJson>(run);
    expect(rotated.apiKey).toMatchObject({ name: 'Primary API Key', status: 'active' });
    expect(rotated.previous).toMatchObject({ prefix: created.apiKey.prefix, status: 'rotating' });
    expect(new Date(rotated.previous?.expiresAt ?? 0).getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(parseJson(await cli(['key', 'verify', created.apiKey.key ?? '', '--json']))).toMatchObject({ valid: true, rotating: true });
    expect(parseJson(await cli(['key', 'verify', rotated.apiKey.key ?? '', '--json']))).toMatchObject({ valid: true, rotating: false });
  });

  it('revoke stops a key at once; unknown prefixes and missing flags are refused', async () => {
    expect((await cli(['key', 'revoke', 'key-co', created.apiKey.prefix])).exitCode).toBe(0);
    const revoked = await cli(['key', 'verify', created.apiKey.key ?? '', '--json']);
    expect(revoked.exitCode).toBe(4);
    expect(parseJson(revoked)).toMatchObject({ valid: false, reason: 'revoked' });
    expect((await cli(['key', 'revoke', 'key-co', 'zzzzzzzz'])).exitCode).toBe(5);
    const noName = await cli(['key', 'create', 'key-co', '--scope', 'assets.read']);
    expect(noName.exitCode).toBe(3);
    expect(noName.stderr).toContain('--name');
    const badScope = await cli(['key', 'create', 'key-co', '--name', 'x', '--scope', 'Assets!']);
    expect(badScope.exitCode).toBe(3);
    expect(badScope.stderr).toContain('--scope');
  });
  it('create on a plan without api_access exits 7 with FEATURE_NOT_ENABLED naming the plans that have it, writing nothing', async () => {
    expect((await cli(['tenant', 'create', '--name', 'Basic Co', '--slug', 'basic-co', '--owner-email', 'owner@basic.test', '--plan', 'basic'])).exitCode).toBe(
      0,
    );
    const before = await snapshotDatabase(database);
    const refused = await cli(['key', 'create', 'basic-co', '--name', 'CI', '--scope', '*', '--json']);
    expect(refused.exitCode).toBe(7);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      error: { code: 'FEATURE_NOT_ENABLED', details: { feature: 'api_access', plan: 'basic', plans: ['professional', 'enterprise'] } },
    });
    const human = await cli(['key', 'create', 'basic-co', '--name', 'CI', '--scope', '*']);
    expect(human.exitCode).toBe(7);
    expect(human.stderr).toContain('apikey.create needs the api_access feature, which basic-co (plan basic) does not have.');
    expect(human.stderr).toContain('tenantry tenant plan basic-co professional');
    expect(await snapshotDatabase(database)).toEqual(before);
  });
});
