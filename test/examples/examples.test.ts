import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, type TestDatabase } from '@tenantry/testing';
import { BIN_PATH, REPO_ROOT } from '../support/paths.ts';

const run = promisify(execFile);
let database: TestDatabase;
let env: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...definedOnly(database.env) };
});

afterAll(async () => {
  await database?.drop();
});

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

describe('examples/', () => {
  it('onboard-tenant.ts provisions the plan it showed, invites an admin, issues a key, and prints the secrets once', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(REPO_ROOT, 'examples', 'onboard-tenant.ts'), 'Example Co', 'owner@example.test', 'admin@example.test'],
      { env },
    );
    expect(stderr).toMatch(/^Plan [0-9a-f]{16}:/);
    const printed = JSON.parse(stdout) as { tenant: string; owner: { oneTimePassword: string }; invitation: { token: string }; apiKey: string };
    expect(printed).toMatchObject({ tenant: 'example-co', invitation: { token: expect.stringMatching(/^inv_/) }, apiKey: expect.stringMatching(/^tnt_/) });
    expect(printed.owner.oneTimePassword.length).toBeGreaterThanOrEqual(16);
    const invitations = parseJson<{ items: { email: string; role: string }[] }>(
      await runCli(['invite', 'list', 'example-co', '--json'], { env: database.env }),
    );
    expect(invitations.items).toMatchObject([{ email: 'admin@example.test', role: 'admin' }]);
  });

  it('trials-ending.sh lists the trials ending within the days given, soonest first, with their owners', async () => {
    for (const [name, days] of [
      ['Soon Co', '3'],
      ['Sooner Co', '1'],
      ['Later Co', '30'],
    ] as const) {
      expect(
        (
          await runCli(
            ['tenant', 'create', '--name', name, '--owner-email', `owner@${name.split(' ')[0]?.toLowerCase()}.test`, '--trial-days', days, '--json'],
            { env: database.env },
          )
        ).exitCode,
      ).toBe(0);
    }
    const { stdout } = await run('bash', [join(REPO_ROOT, 'examples', 'trials-ending.sh'), '7'], {
      env: { ...env, TENANTRY: `${process.execPath} ${BIN_PATH}` },
    });
    expect(stdout.trimEnd().split('\n')).toEqual(['sooner-co\t1\towner@sooner.test', 'soon-co\t3\towner@soon.test']);
  });
});
