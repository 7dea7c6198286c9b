import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, snapshotDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCli(args, { env: { ...database.env, ...env } });

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

interface ProvisionJson {
  result: string;
  tenant: { slug: string; status: string; plan: string };
  owner: { email: string; oneTimePassword?: string };
  steps: { action: string; description: string }[];
}

describe('tenantry tenant create', () => {
  it('prints one JSON object with result, tenant, owner and the one-time password, and nothing on stderr', async () => {
    const run = await cli(['tenant', 'create', '--name', 'Acme Corp', '--owner-email', 'owner@acme.test', '--plan', 'professional', '--json']);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    const json = parseJson<ProvisionJson>(run);
    expect(json).toMatchObject({
      result: 'created',
      tenant: { slug: 'acme-corp', status: 'active', plan: 'professional' },
      owner: { email: 'owner@acme.test' },
    });
    expect(json.owner.oneTimePassword?.length).toBeGreaterThanOrEqual(20);
  });

  it('reports the identical command again as unchanged, without a password', async () => {
    const run = await cli(['provision', '--name', 'Acme Corp', '--owner-email', 'owner@acme.test', '--plan', 'professional', '--json']);
    expect(run.exitCode).toBe(0);
    const json = parseJson<ProvisionJson>(run);
    expect(json.result).toBe('unchanged');
    expect(json.owner).not.toHaveProperty('oneTimePassword');
  });

  it('dry run prints the steps and writes nothing', async () => {
    const before = await snapshotDatabase(database);
    const run = await cli(['tenant', 'create', '--name', 'Dry Run Inc', '--owner-email', 'dry@run.test', '--domain', 'app.dryrun.test', '--dry-run', '--json']);
    expect(run.exitCode).toBe(0);
    const json = parseJson<ProvisionJson>(run);
    expect(json.result).toBe('planned');
    expect(json.steps.map((step) => step.action)).toEqual([
      'create-tenant',
      'create-user',
      'create-membership',
      'add-domain',
      'create-schema',
      'run-migration',
      'run-migration',
      'run-migration',
      'isolate-schema',
      'record-migrations',
      'seed-demo-data',
      'audit',
    ]);
    expect(json.owner).not.toHaveProperty('oneTimePassword');
    expect(await snapshotDatabase(database)).toEqual(before);
  });

  it('prints the runbook summary with the password marked as shown once', async () => {
    const run = await cli(['tenant', 'create', '--name', 'Summary Co', '--owner-email', 'owner@summary.test', '--domain', 'portal.summary.test']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/Organization: +Summary Co/);
    // Without a base domain, the custom domain is the login URL only once verified.
    expect(run.stdout).toMatch(/Login: +\(none until portal\.summary\.test is verified: tenantry domain verify summary-co portal\.summary\.test\)/);
    expect(run.stdout).toMatch(/Username: +owner@summary\.test/);
    expect(run.stdout).toMatch(/Password: +\S{24} +\(shown once/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('fails without a terminal when a required value is missing, naming the flag, and never prompts', async () => {
    const run = await cli(['tenant', 'create', '--name', 'No Owner']);
    expect(run.exitCode).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--owner-email: is required');
  });

  it('refuses a taken slug with exit 6 and, with --json, an error object on stdout only', async () => {
    const run = await cli(['tenant', 'create', '--name', 'Acme Corp', '--owner-email', 'someone-else@acme.test', '--json']);
    expect(run.exitCode).toBe(6);
    expect(run.stderr).toBe('');
    expect(parseJson(run)).toEqual({ error: expect.objectContaining({ code: 'SLUG_TAKEN', kind: 'conflict', hint: expect.any(String) }) });
  });

  it('refuses an existing owner unless --allow-existing-user', async () => {
    const refused = await cli(['tenant', 'create', '--name', 'Acme Two', '--owner-email', 'owner@acme.test']);
    expect(refused.exitCode).toBe(6);
    expect(refused.stderr).toContain('EMAIL_TAKEN');
    expect(refused.stderr).toContain('--allow-existing-user');
    const linked = await cli(['tenant', 'create', '--name', 'Acme Two', '--owner-email', 'owner@acme.test', '--allow-existing-user', '--json']);
    expect(linked.exitCode).toBe(0);
    expect(parseJson<ProvisionJson>(linked).owner).not.toHaveProperty('oneTimePassword');
  });
});

describe('reading tenants', () => {
  it('tenant view shows plan, every limit against its usage, health findings, domains, owner, status and trial', async () => {
    await cli(['tenant', 'create', '--name', 'Viewed', '--owner-email', 'v@viewed.test', '--trial-days', '10', '--domain', 'viewed.test']);
    expect((await cli(['invite', 'send', 'viewed', 'new@viewed.test'])).exitCode).toBe(0);
    const run = await cli(['tenant', 'view', 'viewed']);
    expect(run.exitCode).toBe(0);
    for (const line of [
      /Status: +✓ active/,
      /Plan: +basic/,
      /Users: +2 of 10 \(1 member \+ 1 pending invitation\)/,
      /Assets: +3 of 100/,
      /Devices: +2 of 5/,
      /Storage: +0\.\d+ of 10 GB/,
      /API keys: +0 of 2/,
      /Domains: +1 of 2/,
      /Trial: +10 days left/,
      /Owner: +v@viewed\.test/,
      / {2}viewed\.test +custom +✗ unverified/,
    ]) {
      expect(run.stdout).toMatch(line);
    }
    const json = parseJson<{
      slug: string;
      trialDaysLeft: number;
      usersUsed: number;
      usage: Record<string, { used: number | null; limit: number }>;
      findings: unknown[];
    }>(await cli(['tenant', 'view', 'viewed', '--json']));
    expect(json).toMatchObject({
      slug: 'viewed',
      trialDaysLeft: 10,
      usersUsed: 2,
      usage: { maxUsers: { used: 2, limit: 10 }, maxAssets: { used: 3, limit: 100 }, maxDomains: { used: 1, limit: 2 } },
    });
    expect(Array.isArray(json.findings)).toBe(true);
  });

  it('tenant list is tab-separated and complete when piped', async () => {
    const run = await cli(['tenant', 'list']);
    expect(run.exitCode).toBe(0);
    const [header, ...lines] = run.stdout.trimEnd().split('\n');
    expect(header).toBe('slug\tname\tstatus\tplan\tusers\ttrial\tcreated');
    expect(lines.map((line) => line.split('\t')[0])).toEqual(['acme-corp', 'acme-two', 'summary-co', 'viewed']);
    expect(lines.every((line) => /\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(line))).toBe(true);
  });

  it('an unknown tenant is exit 5', async () => {
    const run = await cli(['tenant', 'view', 'missing-tenant']);
    expect(run.exitCode).toBe(5);
    expect(run.stderr).toContain('TENANT_NOT_FOUND');
  });

  it('slug check answers with exit 0, 6 or 3; slug suggest lists free slugs', async () => {
    expect((await cli(['slug', 'check', 'brand-new'])).exitCode).toBe(0);
    const taken = await cli(['slug', 'check', 'acme-corp', '--json']);
    expect(taken.exitCode).toBe(6);
    expect(parseJson(taken)).toEqual({ slug: 'acme-corp', available: false, reason: 'taken by tenant "Acme Corp"' });
    expect((await cli(['slug', 'check', 'Bad_Slug'])).exitCode).toBe(3);
    const suggest = await cli(['slug', 'suggest', 'Acme Corp']);
    expect(suggest.stdout.split('\n')[0]).toBe('acmecorp');
    expect(suggest.stdout).not.toMatch(/^acme-corp$/m);
  });
});

describe('the command line itself', () => {
  it.each([
    { args: ['--help'], stdout: /COMMANDS[\s\S]*tenant create/ },
    { args: ['tenant', 'create', '--help'], stdout: /USAGE\n {2}tenantry tenant create \[flags\][\s\S]*--owner-email EMAIL[\s\S]*EXAMPLES/ },
    { args: ['tenant'], stdout: /Commands under "tenantry tenant"/ },
    { args: [], stdout: /USAGE/ },
    { args: ['--version'], stdout: /^tenantry \d+\.\d+\.\d+\n$/ },
  ])('$args prints help on stdout with exit 0', async ({ args, stdout }) => {
    const run = await cli(args);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(stdout);
    expect(run.stderr).toBe('');
  });

  it.each([
    { args: ['frobnicate'], message: 'unknown command "frobnicate"' },
    { args: ['tenant', 'list', '--colour'], message: 'unknown flag --colour' },
    { args: ['tenant', 'view'], message: '<slug>' },
    { args: ['tenant', 'view', 'a', 'b'], message: 'unexpected argument' },
  ])('$args is invalid input, exit 3', async ({ args, message }) => {
    const run = await cli(args);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain(message);
  });

  it('names the unreachable host, exit 10, without a stack trace or the password', async () => {
    const run = await cli(['tenant', 'list'], { TENANTRY_DATABASE_URL: 'postgresql://ops:hunter2@127.0.0.1:1/tenantry' });
    expect(run.exitCode).toBe(10);
    expect(run.stderr).toContain('127.0.0.1:1/tenantry');
    expect(run.stderr).not.toContain('hunter2');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('db status and db migrate report an up-to-date schema', async () => {
    const status = parseJson<{ pending: unknown[]; applied: { id: string }[] }>(await cli(['db', 'status', '--json']));
    expect(status.pending).toEqual([]);
    expect(status.applied.map((row) => row.id)).toContain('0001_control_plane');
    const migrate = await cli(['db', 'migrate']);
    expect(migrate.exitCode).toBe(0);
    expect(migrate.stdout).toContain('Up to date');
  });
});

describe('the embedded store lock', () => {
  it('refuses a second process with exit 10 naming the holder (embedded), or does not apply to a server', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const home = database.kind === 'embedded' ? String(database.env.TENANTRY_HOME) : mkdtempSync(join(tmpdir(), 'tenantry-home-'));
      writeFileSync(
        join(home, 'tenantry.lock'),
        JSON.stringify({ pid: holder.pid, host: hostname(), command: 'tenantry console', since: new Date().toISOString() }),
      );
      const run = await cli(['tenant', 'list'], { TENANTRY_HOME: home });
      if (database.kind === 'embedded') {
        expect(run.exitCode).toBe(10);
        expect(run.stderr).toContain(`process ${holder.pid}`);
        expect(run.stderr).toContain('tenantry console');
        expect(run.stderr).toContain('STORE_LOCKED');
      } else {
        expect(run.exitCode).toBe(0);
      }
    } finally {
      holder.kill();
      if (database.kind === 'embedded') rmSync(join(String(database.env.TENANTRY_HOME), 'tenantry.lock'), { force: true });
    }
  });
});
