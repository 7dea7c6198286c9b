import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, snapshotDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[]) => runCli(args, { env: database.env });

interface TokenJson {
  result: string;
  serviceToken: { prefix: string; name: string; status: string; token?: string; expiresAt: string | null; lastUsedAt: string | null };
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe('tenantry token', { timeout: 240_000 }, () => {
  let created: TokenJson;

  it('create shows the token once (warning that it is shown once); list never shows it', async () => {
    const before = await snapshotDatabase(database);
    const dry = await cli(['token', 'create', '--name', 'billing-api', '--dry-run']);
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain('Create platform service token "billing-api"');
    expect(dry.stdout).not.toMatch(/tts_/);
    expect(await snapshotDatabase(database)).toEqual(before);

    const run = await cli(['token', 'create', '--name', 'billing-api', '--expires-days', '30', '--json']);
    expect(run.exitCode).toBe(0);
    created = parseJson<TokenJson>(run);
    expect(created).toMatchObject({ result: 'applied', serviceToken: { name: 'billing-api', status: 'active', lastUsedAt: null } });
    expect(created.serviceToken.token).toMatch(new RegExp(`^tts_${created.serviceToken.prefix}_[A-Za-z0-9]{40}$`));
    expect(new Date(created.serviceToken.expiresAt ?? 0).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(run.stderr).toContain('shown once');

    const human = await cli(['token', 'create', '--name', 'deploy']);
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toMatch(/Token: +tts_[a-z0-9]{8}_\w{40} +\(shown once/);

    const list = await cli(['token', 'list']);
    expect(list.exitCode).toBe(0);
    expect(list.stdout).toContain(created.serviceToken.prefix);
    expect(list.stdout).toContain('billing-api');
    expect(list.stdout).not.toContain(created.serviceToken.token);
    const items = parseJson<{ items: Record<string, unknown>[] }>(await cli(['token', 'ls', '--json'])).items;
    expect(items.map((item) => item.name)).toEqual(['deploy', 'billing-api']);
    expect(JSON.stringify(items)).not.toMatch(/tts_|hash/);
  });

  it('refuses a taken name, bad flags and a missing --name, naming the flag', async () => {
    const taken = await cli(['token', 'create', '--name', 'billing-api', '--json']);
    expect(taken.exitCode).toBe(6);
    expect(parseJson<{ error: { code: string } }>(taken).error.code).toBe('SERVICE_TOKEN_NAME_TAKEN');
    const noName = await cli(['token', 'create']);
    expect(noName.exitCode).toBe(3);
    expect(noName.stderr).toContain('--name');
    const badDays = await cli(['token', 'create', '--name', 'x', '--expires-days', '0']);
    expect(badDays.exitCode).toBe(3);
    expect(badDays.stderr).toContain('--expires-days');
  });

  it('revoke stops a token; again it changes nothing; unknown prefixes are refused', async () => {
    const before = await snapshotDatabase(database);
    expect((await cli(['token', 'revoke', created.serviceToken.prefix, '--dry-run'])).exitCode).toBe(0);
    expect(await snapshotDatabase(database)).toEqual(before);
    const run = await cli(['token', 'revoke', `tts_${created.serviceToken.prefix}`, '--json']);
    expect(run.exitCode).toBe(0);
    expect(parseJson<TokenJson>(run)).toMatchObject({ result: 'applied', serviceToken: { prefix: created.serviceToken.prefix, status: 'revoked' } });
    const again = await cli(['token', 'revoke', created.serviceToken.prefix]);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('already revoked');
    const listed = parseJson<{ items: { prefix: string; status: string }[] }>(await cli(['token', 'list', '--json'])).items;
    expect(listed.find((item) => item.prefix === created.serviceToken.prefix)?.status).toBe('revoked');
    expect((await cli(['token', 'revoke', 'zzzzzzzz'])).exitCode).toBe(5);
    const bad = await cli(['token', 'revoke', 'nope']);
    expect(bad.exitCode).toBe(3);
    expect(bad.stderr).toContain('prefix');
    // A revoked token's name can be given to a new one.
    expect((await cli(['token', 'create', '--name', 'billing-api'])).exitCode).toBe(0);
  });
});
