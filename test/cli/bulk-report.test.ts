import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN_PATH, createTestDatabase, parseJson, runCli, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'tenantry-bulk-report-'));
const cli = (args: string[]) => runCli(args, { env: database.env });

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

interface ReportLine {
  type: 'row' | 'summary';
  slug?: string;
  outcome?: string;
  owner?: { email: string; oneTimePassword?: string };
}

interface RunReport {
  rows: { slug: string; outcome: string; owner?: { email: string; awaitingFirstSignIn?: boolean } }[];
}

/** Starts create-bulk and kills it with `signal` once `rows` rows are reported created on stderr. */
function runAndKill(args: string[], rows: number, signal: NodeJS.Signals): Promise<NodeJS.Signals | number | null> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...Object.fromEntries(Object.entries(database.env).filter(([, value]) => value !== undefined)),
  } as Record<string, string>;
  const child = spawn(process.execPath, [BIN_PATH, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let progress = '';
  let sent = false;
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    progress += chunk;
    // One signal, once: a second SIGTERM while the first closes the database ends any process by default.
    if (!sent && (progress.match(/ created row /g) ?? []).length >= rows) sent = child.kill(signal);
  });
  return new Promise((resolve) => child.on('close', (code, killedBy) => resolve(killedBy ?? code)));
}

function csv(name: string, prefix: string, count: number): string {
  const file = join(dir, name);
  const lines = ['name,slug,owner-email', ...Array.from({ length: count }, (_, i) => `${prefix} ${i + 1},${prefix}-${i + 1},owner-${i + 1}@${prefix}.test`)];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('tenant create-bulk --report: one-time passwords survive a run that dies', { timeout: 300_000 }, () => {
  it.each([['SIGKILL' as const], ['SIGTERM' as const]])(
    '%s mid-run: every created owner is in the report with its password; the re-run names the others',
    async (signal) => {
      const prefix = signal === 'SIGKILL' ? 'killed' : 'termed';
      const file = csv(`${prefix}.csv`, prefix, 6);
      const report = join(dir, `${prefix}.report.jsonl`);
      const ended = await runAndKill(['tenant', 'create-bulk', file, '--concurrency', '1', '--report', report], 3, signal);
      expect(ended).toBe(signal === 'SIGKILL' ? 'SIGKILL' : 143);
      expect(statSync(report).mode & 0o777).toBe(0o600);

      const lines = readFileSync(report, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as ReportLine);
      const created = lines.filter((line) => line.outcome === 'created');
      expect(created.length).toBeGreaterThanOrEqual(3);
      expect(created.every((line) => (line.owner?.oneTimePassword?.length ?? 0) >= 20)).toBe(true);
      const tenants = await sqlOnDatabase(database, `select slug from tenantry.tenants where slug like '${prefix}-%'`);
      // At most the row in flight when the process died committed without being written.
      expect(tenants.length - created.length).toBeGreaterThanOrEqual(0);
      expect(tenants.length - created.length).toBeLessThanOrEqual(1);

      const rerun = await cli(['tenant', 'create-bulk', file, '--json']);
      expect(rerun.exitCode, rerun.stderr).toBe(0);
      const unchanged = parseJson<RunReport>(rerun).rows.filter((row) => row.outcome === 'unchanged');
      expect(unchanged).toHaveLength(tenants.length);
      expect(unchanged.every((row) => row.owner?.awaitingFirstSignIn === true)).toBe(true);
    },
  );

  it('refuses an existing report file rather than overwrite it, before writing anything', async () => {
    const file = csv('exists.csv', 'exists', 2);
    const report = join(dir, 'exists.report.jsonl');
    writeFileSync(report, 'earlier\n');
    const run = await cli(['tenant', 'create-bulk', file, '--report', report, '--json']);
    expect(run.exitCode).toBe(3);
    expect(parseJson<{ error: { details: { issues: { flag: string }[] } } }>(run).error.details.issues[0]?.flag).toBe('--report');
    expect(readFileSync(report, 'utf8')).toBe('earlier\n');
    expect(await sqlOnDatabase(database, `select slug from tenantry.tenants where slug like 'exists-%'`)).toEqual([]);
  });
});

describe('tenantry user reset-password', { timeout: 240_000 }, () => {
  it('issues a new one-time password shown once; --dry-run writes nothing', async () => {
    const created = await cli(['tenant', 'create', '--name', 'Reset Co', '--owner-email', 'owner@reset.test', '--json']);
    expect(created.exitCode, created.stderr).toBe(0);
    const dry = await cli(['user', 'reset-password', 'owner@reset.test', '--dry-run', '--json']);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(parseJson(dry)).toMatchObject({ result: 'planned' });
    expect(parseJson(dry)).not.toHaveProperty('oneTimePassword');
    const before = await sqlOnDatabase(database, `select password_hash from tenantry.users where email = 'owner@reset.test'`);
    const run = await cli(['user', 'reset-password', 'owner@reset.test']);
    expect(run.exitCode, run.stderr).toBe(0);
    const password = /Password: +(\S+)/.exec(run.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(run.stdout).toContain('shown once');
    expect(await sqlOnDatabase(database, `select password_hash from tenantry.users where email = 'owner@reset.test'`)).not.toEqual(before);
    const audit = await cli(['audit', '--json']);
    expect(audit.stdout).toContain('user.password_reset');
    expect(audit.stdout).not.toContain(password);
    expect((await cli(['user', 'reset-password', 'nobody@reset.test', '--json'])).exitCode).toBe(5);
  });
});
