import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, createTestDatabase, runCli, type TestDatabase } from '@tenantry/testing';

const exec = promisify(execFile);
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await runCli(['tenant', 'create', '--name', 'Scripted', '--owner-email', 'ops@scripted.test'], { env: database.env });
});

afterAll(async () => {
  await database?.drop();
});

/** pnpm itself: the one running this suite when there is one, else the pinned version through npx. */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return [process.execPath, [execPath]];
  return ['npx', ['--yes', 'pnpm@10.34.9']];
}

describe('pnpm --silent tenantry', () => {
  it('prints exactly what the binary prints, and exits with its code', async () => {
    const [command, prefix] = pnpmCommand();
    const env: Record<string, string | undefined> = { ...process.env, ...database.env, NO_COLOR: '1' };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const viaPnpm = await exec(command, [...prefix, '--silent', 'tenantry', 'tenant', 'view', 'scripted', '--json'], { cwd: REPO_ROOT, env });
    const direct = await runCli(['tenant', 'view', 'scripted', '--json'], { env: database.env });
    expect(viaPnpm.stdout).toBe(direct.stdout);
    expect(JSON.parse(viaPnpm.stdout)).toMatchObject({ slug: 'scripted' });

    const failing = await exec(command, [...prefix, '--silent', 'tenantry', 'tenant', 'view', 'absent', '--json'], { cwd: REPO_ROOT, env }).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect('code' in failing ? failing.code : 0).toBe(5);
    expect(JSON.parse(failing.stdout)).toMatchObject({ error: { code: 'TENANT_NOT_FOUND' } });
  });
});
