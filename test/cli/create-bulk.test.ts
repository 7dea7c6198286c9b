import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN_PATH, createTestDatabase, parseJson, runCli, snapshotDatabase, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'tenantry-bulk-'));
const cli = (args: string[], input?: string) => runCli(args, { env: database.env, timeoutMs: 240_000, ...(input === undefined ? {} : { input }) });
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

interface Report {
  rows: {
    row: number;
    slug: string | null;
    outcome: string;
    error?: { code: string; details: { issues?: { path: string }[] } };
    owner?: { oneTimePassword?: string };
  }[];
  summary: { rows: number; created: number; unchanged: number; failed: number; invitationsSent: number };
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

// Several process starts per test: slow on a loaded two-core machine, hence the long timeout.
describe('tenantry tenant create-bulk', { timeout: 240_000 }, () => {
  const csv = write(
    'tenants.csv',
    '\uFEFFname,slug,owner-email,plan,isolation,feature,skip-demo-data\r\n' +
      '"Acme, Inc.",acme-bulk,owner@acme-bulk.test,professional,schema,"sso;custom_branding",yes\r\n' +
      '"The ""Quoted"" Co",quoted-bulk,owner@quoted-bulk.test,basic,shared,,\r\n' +
      'Broken Row,Broken Slug,not-an-email,gold,schema,,\r\n',
  );

  it('dry run reports each row’s plan or errors, writes nothing, and exits 8 for the bad row', async () => {
    const before = await snapshotDatabase(database);
    const run = await cli(['tenant', 'create-bulk', csv, '--dry-run', '--json']);
    expect(run.exitCode).toBe(8);
    expect(run.stderr.split('\n').filter((line) => /^\[\d\/3\]/.test(line))).toHaveLength(3);
    expect((await cli(['tenant', 'create-bulk', csv, '--dry-run', '--json', '--quiet'])).stderr).toBe('');
    const report = parseJson<Report>(run);
    expect(report.rows.map((row) => [row.slug, row.outcome])).toEqual([
      ['acme-bulk', 'planned'],
      ['quoted-bulk', 'planned'],
      ['Broken Slug', 'failed'],
    ]);
    expect(report.rows[2]?.error?.details.issues?.map((issue) => issue.path)).toEqual(['slug', 'ownerEmail', 'plan']);
    expect(await snapshotDatabase(database)).toEqual(before);
  });

  it('creates the good rows, reports the bad one (exit 8), one progress line per row when piped', async () => {
    const run = await cli(['tenant', 'create-bulk', csv]);
    expect(run.exitCode, run.stderr).toBe(8);
    expect(
      run.stderr
        .trim()
        .split('\n')
        .filter((line) => /^\[\d\/3\]/.test(line)),
    ).toHaveLength(3);
    expect(run.stdout).toMatch(/^1\tacme-bulk\tcreated\towner@acme-bulk\.test\t\S{24}\t/m);
    expect(run.stdout).not.toMatch(/[✓✗]/);
    expect(run.stderr).toMatch(/3 rows: 2 created, 0 unchanged, 1 failed/);
    const tenants = await sqlOnDatabase(
      database,
      `select slug, name, isolation, features->>'sso' as sso from tenantry.tenants where slug like '%-bulk' order by slug`,
    );
    expect(tenants).toEqual([
      { slug: 'acme-bulk', name: 'Acme, Inc.', isolation: 'schema', sso: 'true' },
      { slug: 'quoted-bulk', name: 'The "Quoted" Co', isolation: 'shared', sso: 'false' },
    ]);
  });

  it('reads the runbook JSON from stdin: owner from users, the others invited, features and settings', async () => {
    const seeds = JSON.stringify([
      {
        tenant: { name: 'Seed Corp', subdomain: 'seed-corp', plan_type: 'professional', contact_email: 'billing@seed.test', max_users: 40 },
        users: [
          { email: 'admin@seed.test', role: 'owner' },
          { email: 'manager@seed.test', role: 'admin' },
        ],
        features: { analytics_dashboard: true, custom_branding: false },
        settings: { theme: 'corporate', timezone: 'America/New_York' },
      },
    ]);
    const run = await cli(['tenant', 'create-bulk', '-', '--owner-passwords', 'none', '--json'], seeds);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(parseJson<Report>(run).summary).toMatchObject({ created: 1, invitationsSent: 1 });
    const [tenant] = await sqlOnDatabase(
      database,
      `select time_zone, settings, limits->>'maxUsers' as max_users, contact_email from tenantry.tenants where slug = 'seed-corp'`,
    );
    expect(tenant).toEqual({ time_zone: 'America/New_York', settings: { theme: 'corporate' }, max_users: '40', contact_email: 'billing@seed.test' });
    expect(await sqlOnDatabase(database, `select email, role from tenantry.invitations where email = 'manager@seed.test'`)).toEqual([
      { email: 'manager@seed.test', role: 'admin' },
    ]);
  });

  it('shows each invitation it sends with its token once, in the JSON report and after the table, and the token accepts', async () => {
    const seed = (slug: string) =>
      JSON.stringify([
        {
          tenant: { name: slug, subdomain: slug, plan_type: 'basic' },
          users: [
            { email: `owner@${slug}.test`, role: 'owner' },
            { email: `new@${slug}.test`, role: 'viewer' },
          ],
        },
      ]);
    const json = await cli(['tenant', 'create-bulk', '-', '--json'], seed('token-json'));
    expect(json.exitCode, json.stderr).toBe(0);
    const [row] = parseJson<{ rows: { invitations: { email: string; outcome: string; token?: string }[] }[] }>(json).rows;
    const token = row?.invitations[0]?.token ?? '';
    expect(row?.invitations).toEqual([{ email: 'new@token-json.test', role: 'viewer', outcome: 'sent', token: expect.stringMatching(/\S{20,}/) }]);
    const accepted = await cli(['invite', 'accept', token, '--password-stdin', '--json'], 'Invited-Passw0rd!');
    expect(accepted.exitCode, accepted.stderr).toBe(0);

    const human = await cli(['tenant', 'create-bulk', '-'], seed('token-human'));
    expect(human.exitCode, human.stderr).toBe(0);
    const [, tokens] = human.stdout.split('\n\n');
    expect(tokens).toMatch(/^tenant\tinvited\trole\tinvitation token\ntoken-human\tnew@token-human\.test\tviewer\t\S{20,}\n$/);
    expect(human.stderr).toContain('Invitation tokens are shown once');
    // Only the token's hash is stored.
    const stored = await sqlOnDatabase(database, `select token_hash from tenantry.invitations where email = 'new@token-human.test'`);
    expect(JSON.stringify(stored)).not.toContain(tokens?.split('\t').at(-1)?.trim() ?? 'none');
  });

  it('killed mid-run, the same file run again creates exactly the missing tenants and nothing twice', { timeout: 300_000 }, async () => {
    const count = 30;
    const lines = ['name,slug,owner-email,isolation'];
    for (let i = 1; i <= count; i++) lines.push(`Killed ${i},killed-${i},owner-${i}@killed.test,${i % 3 === 0 ? 'shared' : 'schema'}`);
    const file = write('killed.csv', `${lines.join('\n')}\n`);

    const child = spawn(process.execPath, [BIN_PATH, 'tenant', 'create-bulk', file, '--owner-passwords', 'none', '--concurrency', '2'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...Object.fromEntries(Object.entries(database.env).filter(([, value]) => value !== undefined)),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let progress = '';
    const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      progress += chunk;
      if ((progress.match(/ created row /g) ?? []).length >= 5) child.kill('SIGKILL');
    });
    expect(await killed).toBe('SIGKILL');
    // On a server, the killed process's sessions may still be committing what it sent last: count the
    // tenants it left once they are gone.
    await untilNoOtherSessions();
    const before = await sqlOnDatabase(database, `select count(*)::int as n from tenantry.tenants where slug like 'killed-%'`);
    expect(before[0]?.n).toBeGreaterThanOrEqual(5);
    expect(before[0]?.n).toBeLessThan(count);

    const rerun = await cli(['tenant', 'create-bulk', file, '--owner-passwords', 'none', '--json']);
    expect(rerun.exitCode, rerun.stderr).toBe(0);
    const report = parseJson<Report>(rerun);
    expect(report.summary).toMatchObject({ rows: count, failed: 0, unchanged: before[0]?.n, created: count - Number(before[0]?.n) });

    const [state] = await sqlOnDatabase(
      database,
      `select (select count(*)::int from tenantry.tenants where slug like 'killed-%') as tenants,
              (select count(*)::int from tenantry.users where email like '%@killed.test') as users,
              (select count(*)::int from tenantry.memberships m join tenantry.tenants t on t.id = m.tenant_id where t.slug like 'killed-%') as memberships,
              (select count(*)::int from tenantry.tenant_migrations m join tenantry.tenants t on t.id = m.tenant_id where t.slug like 'killed-%') as migrations,
              (select count(*)::int from pg_namespace where nspname like 'tenant\\_killed\\_%') as schemas`,
    );
    expect(state).toEqual({ tenants: count, users: count, memberships: count, migrations: count * 3, schemas: 20 });
  });
});

async function untilNoOtherSessions(): Promise<void> {
  if (database.coreOptions.kind !== 'server') return;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [row] = await sqlOnDatabase(
      database,
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    );
    if (row?.n === 0) return;
    if (Date.now() > deadline) throw new Error(`${String(row?.n)} session(s) of the killed process never ended`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
