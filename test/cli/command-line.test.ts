import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, runCli, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
let configDir: string;
const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCli(args, { env: { ...database.env, ...env } });

beforeAll(async () => {
  database = await createTestDatabase();
  configDir = await mkdtemp(join(tmpdir(), 'tenantry-config-'));
  const created = await cli(['tenant', 'create', '--name', 'Globex', '--owner-email', 'owner@globex.test']);
  expect(created.exitCode).toBe(0);
}, 120_000);

afterAll(async () => {
  await database.drop();
  await rm(configDir, { recursive: true, force: true });
});

describe('mistakes and shortcuts', () => {
  it.each([
    { args: ['tenat', 'list'], message: 'did you mean "tenant"?' },
    { args: ['tenant', 'lsit'], message: 'did you mean "list"?' },
    { args: ['tenant', 'list', '--stauts', 'active'], message: 'did you mean --status?' },
    { args: ['--bogus'], message: 'unknown flag --bogus' },
    { args: ['tenant', '--jsno'], message: 'did you mean --json?' },
  ])('$args fails with exit 3 and the closest match', async ({ args, message }) => {
    const run = await cli(args);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('-v prints the version', async () => {
    const run = await cli(['-v']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^tenantry \d+\.\d+\.\d+\n$/);
  });

  it('takes global flags before the command', async () => {
    const run = await cli(['--json', '--no-color', 'tenant', 'list']);
    expect(run.exitCode).toBe(0);
    expect((JSON.parse(run.stdout) as { items: { slug: string }[] }).items.map((tenant) => tenant.slug)).toEqual(['globex']);
    const help = await cli(['--help', 'tenant']);
    expect(help.stdout).toContain('Commands under "tenantry tenant"');
  });
});

describe('completion', () => {
  const complete = async (line: string, env: Record<string, string> = {}) => {
    const script = (await cli(['completion', 'bash'])).stdout;
    const file = join(configDir, 'completion.bash');
    await writeFile(file, script);
    const words = line.split(' ');
    const program = `tenantry() { node ${JSON.stringify(join(import.meta.dirname, '../../packages/tui/dist/bin.js'))} "$@"; }
source ${JSON.stringify(file)}; COMP_WORDS=(${words.map((word) => JSON.stringify(word)).join(' ')}); COMP_CWORD=${words.length - 1}; _tenantry; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const childEnv: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TENANTRY_CONFIG: join(configDir, 'none.toml') };
    for (const [key, value] of Object.entries({ ...database.env, ...env })) if (value !== undefined) childEnv[key] = value;
    return execFileSync('bash', ['-c', program], { encoding: 'utf8', env: childEnv }).split('\n').filter(Boolean);
  };

  it('completes nouns, verbs, flags and flag values in bash', async () => {
    expect(await complete('tenantry ten')).toEqual(['tenant']);
    expect(await complete('tenantry tenant cr')).toEqual(['create', 'create-bulk']);
    expect(await complete('tenantry tenant list --st')).toEqual(['--status']);
    expect(await complete('tenantry tenant list --plan ')).toEqual(['basic', 'professional', 'enterprise']);
    expect(await complete('tenantry --json tenant list --plan basic --li')).toEqual(['--limit']);
  });

  it('completes tenant slugs on a server only', async () => {
    const slugs = await complete('tenantry tenant view ');
    expect(slugs).toEqual(database.kind === 'server' ? ['globex'] : []);
  });

  it.each(['zsh', 'fish'])('prints a %s script naming every command', async (shell) => {
    const run = await cli(['completion', shell]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('tenantry');
    for (const word of ['tenant', 'create-bulk', 'owner-email', 'professional']) expect(run.stdout).toContain(word);
  });
});

describe('profiles', () => {
  const config = (args: string[], env: Record<string, string | undefined> = {}) =>
    cli(['config', ...args], { TENANTRY_CONFIG: join(configDir, 'config.toml'), ...env });

  it('config set writes a file only its owner can read; get and list read it back', async () => {
    expect((await config(['set', 'base-domain', 'staging.example.test', '--profile', 'staging', '--dry-run'])).stdout).toContain('nothing written');
    await expect(stat(join(configDir, 'config.toml'))).rejects.toThrow();
    expect((await config(['set', 'base-domain', 'staging.example.test', '--profile', 'staging'])).exitCode).toBe(0);
    expect((await config(['set', 'database-url', 'postgresql://ops:hunter2@db.invalid:5432/x', '--profile', 'staging'])).exitCode).toBe(0);
    expect((await stat(join(configDir, 'config.toml'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(configDir, 'config.toml'), 'utf8')).toContain('[profiles.staging]');
    expect((await config(['get', 'base-domain', '--profile', 'staging'])).stdout).toBe('staging.example.test\n');
    const list = await config(['list', '--json', '--profile', 'staging']);
    expect(JSON.parse(list.stdout)).toMatchObject({
      active: 'staging',
      profiles: { staging: { 'base-domain': 'staging.example.test', 'database-url': 'postgresql://ops:***@db.invalid:5432/x' } },
    });
    expect((await config(['get', 'home', '--profile', 'staging'])).exitCode).toBe(5);
    expect((await config(['set', 'colour', 'red'])).exitCode).toBe(3);
  });

  it('a profile fills what the environment leaves unset; the environment and flags win', async () => {
    const file = join(configDir, 'precedence.toml');
    await writeFile(
      file,
      `[profiles.local]\nbase-domain = "profile.example.test"\n\n[profiles.broken]\ndatabase-url = "postgresql://nobody@127.0.0.1:1/none"\n`,
    );
    const env = { TENANTRY_CONFIG: file, TENANTRY_BASE_DOMAIN: undefined };
    const fromProfile = await cli(['tenant', 'create', '--name', 'Initech', '--owner-email', 'o@initech.test', '--json', '--profile', 'local'], env);
    expect(fromProfile.exitCode).toBe(0);
    expect(fromProfile.stdout).toContain('initech.profile.example.test');
    const envWins = await cli(['tenant', 'create', '--name', 'Hooli', '--owner-email', 'o@hooli.test', '--json', '--profile', 'local'], {
      ...env,
      TENANTRY_BASE_DOMAIN: 'env.example.test',
    });
    expect(envWins.stdout).toContain('hooli.env.example.test');
    // The broken profile names an unreachable server: used on the embedded store, where no URL is set
    // (exit 10), while a set TENANTRY_DATABASE_URL wins over it.
    expect((await cli(['tenant', 'list', '--profile', 'broken'], env)).exitCode).toBe(database.kind === 'server' ? 0 : 10);
    expect((await cli(['tenant', 'list', '--profile', 'missing'], env)).exitCode).toBe(3);
  });
});
