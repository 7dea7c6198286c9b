import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  if (database?.kind === 'server') await sqlOnDatabase(database, `drop database if exists "${typoName()}" with (force)`);
  await database?.drop();
});

const typoName = () => `${new URL(String(database.env.TENANTRY_DATABASE_URL)).pathname.slice(1)}_typo`;
const typoUrl = () => {
  const url = new URL(String(database.env.TENANTRY_DATABASE_URL));
  url.pathname = `/${typoName()}`;
  return url.toString();
};
const exists = async () => (await sqlOnDatabase(database, 'select 1 from pg_database where datname = $1', [typoName()])).length === 1;

describe('a database that does not exist', () => {
  it('is never created implicitly: every command fails with exit 10 naming it', { timeout: 120_000 }, async () => {
    if (database.kind === 'embedded') {
      // The embedded store has one database; `db init` only migrates it.
      const init = await runCli(['db', 'init', '--create'], { env: database.env });
      expect(init.exitCode).toBe(0);
      return;
    }
    const env = { ...database.env, TENANTRY_DATABASE_URL: typoUrl() };
    for (const args of [
      ['tenant', 'list'],
      ['db', 'status'],
      ['tenant', 'create', '--name', 'Typo', '--owner-email', 'o@typo.test', '--dry-run'],
      ['db', 'init', '--create', '--dry-run'],
    ]) {
      const run = await runCli([...args, '--json'], { env });
      expect(run.exitCode, `${args.join(' ')}: ${run.stdout}${run.stderr}`).toBe(args[0] === 'db' && args[1] === 'init' ? 0 : 10);
      if (run.exitCode === 10) {
        const { error } = parseJson<{ error: { code: string; message: string; hint: string } }>(run);
        expect(error.code).toBe('DATABASE_NOT_FOUND');
        expect(error.message).toContain(typoName());
        expect(error.hint).toContain('tenantry db init --create');
      }
      expect(await exists()).toBe(false);
    }
  });

  it('is created by `tenantry db init --create`, migrated, and then usable', { timeout: 120_000 }, async () => {
    if (database.kind === 'embedded') return;
    const env = { ...database.env, TENANTRY_DATABASE_URL: typoUrl() };
    const init = await runCli(['db', 'init', '--create', '--json'], { env });
    expect(init.exitCode, init.stderr).toBe(0);
    expect(parseJson<{ applied: string[] }>(init).applied).toContain('0001_control_plane');
    expect(await exists()).toBe(true);
    const list = await runCli(['tenant', 'list', '--json'], { env });
    expect(list.exitCode).toBe(0);
  });
});
