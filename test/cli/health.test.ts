import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, sqlOnDatabase, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCli(args, { env: { ...database.env, ...env } });

beforeAll(async () => {
  database = await createTestDatabase();
  for (const name of ['Healthy Co', 'Drifted Co']) {
    const created = await cli([
      'tenant',
      'create',
      '--name',
      name,
      '--owner-email',
      `owner@${name.split(' ')[0]?.toLowerCase()}.test`,
      '--isolation',
      'shared',
    ]);
    expect(created.exitCode).toBe(0);
  }
});

afterAll(async () => {
  await database?.drop();
});

interface Report {
  findings: { code: string; severity: string; tenant: { slug: string } | null; message: string }[];
  summary: { error: number; warn: number; info: number };
}

describe('tenantry doctor and repair', () => {
  it('reports healthy with exit 0', async () => {
    const run = await cli(['doctor']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('✓ healthy');
  });

  // Nine process starts: slow on a loaded machine.
  it('finds a tenant whose owner lost the role, exits 9, and repair fixes it after showing the plan', { timeout: 240_000 }, async () => {
    await sqlOnDatabase(
      database,
      `delete from tenantry.role_assignments r using tenantry.memberships m, tenantry.tenants t
        where m.id = r.membership_id and t.id = m.tenant_id and t.slug = 'drifted-co' and r.role = 'owner'`,
    );
    const doctor = await cli(['doctor', '--json']);
    expect(doctor.exitCode).toBe(9);
    const report = parseJson<Report>(doctor);
    expect(report.findings).toEqual([
      expect.objectContaining({ code: 'TENANT_NO_OWNER', severity: 'error', tenant: expect.objectContaining({ slug: 'drifted-co' }) }),
    ]);
    expect(report.summary).toEqual({ error: 1, warn: 0, info: 0 });

    const human = await cli(['doctor', 'drifted-co']);
    expect(human.stdout).toMatch(/✗ error {2}TENANT_NO_OWNER {2}drifted-co has no owner \(1 members, 0 admins\)\./);
    expect(human.stdout).toContain('repair: tenantry repair TENANT_NO_OWNER drifted-co');

    const refused = await cli(['repair', 'TENANT_NO_OWNER', 'drifted-co']);
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain('--yes');

    const dryRun = await cli(['repair', 'TENANT_NO_OWNER', 'drifted-co', '--dry-run']);
    expect(dryRun.exitCode).toBe(0);
    // The repair is grantRole's own plan (the longest-standing member gets the role), not a copy of it.
    expect(dryRun.stdout).toContain('1. Grant owner to owner@drifted.test in drifted-co');
    expect(parseJson<Report>(await cli(['doctor', '--json'])).summary.error).toBe(1);
    const fingerprint = /add --expect-plan ([0-9a-f]{16})/.exec(dryRun.stdout)?.[1] ?? '';
    expect(fingerprint).not.toBe('');

    const stale = await cli(['repair', 'TENANT_NO_OWNER', 'drifted-co', '--yes', '--expect-plan', '0000000000000000']);
    expect(stale.exitCode).toBe(7);
    expect(parseJson<Report>(await cli(['doctor', '--json'])).summary.error).toBe(1);

    const applied = await cli(['repair', 'TENANT_NO_OWNER', 'drifted-co', '--yes', '--expect-plan', fingerprint]);
    expect(applied.exitCode).toBe(0);
    expect(applied.stdout).toContain('✓ re-check: TENANT_NO_OWNER is gone');
    expect((await cli(['doctor'])).exitCode).toBe(0);
  });

  it('without a terminal, repair needs a code or --all', async () => {
    const run = await cli(['repair']);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('pass a check code');
  });

  it('--notify delivers new findings once to a webhook, as signed health.finding_opened events', { timeout: 120_000 }, async () => {
    const received: unknown[] = [];
    const server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      await sqlOnDatabase(database, `update tenantry.domains set is_primary = false`);
      await sqlOnDatabase(database, `update tenantry.tenants set limits = jsonb_set(limits, '{maxUsers}', '1') where slug = 'healthy-co'`);
      const dry = await cli(['doctor', '--notify', url, '--dry-run']);
      expect(dry.exitCode, dry.stderr).toBe(0);
      expect(dry.stdout).toContain(`Would notify 1 new finding(s) to ${url}`);
      expect(dry.stdout).toContain(`Subscribe ${url} to health.*`);
      expect(dry.stdout).toContain('USAGE_NEAR_LIMIT');
      expect(received).toEqual([]);
      const planned = parseJson<{ notified: { result: string; fingerprint: string; pending: unknown[]; sent: number } }>(
        await cli(['doctor', '--notify', url, '--dry-run', '--json']),
      ).notified;
      expect(planned).toMatchObject({ result: 'planned', sent: 0, pending: [expect.objectContaining({ code: 'USAGE_NEAR_LIMIT' })] });
      expect(received).toEqual([]);
      expect((await cli(['doctor', '--dry-run'])).exitCode).toBe(3);
      const first = await cli(['doctor', '--notify', url, '--expect-plan', planned.fingerprint, '--json']);
      expect(first.exitCode).toBe(0);
      expect(parseJson<{ notified: { sent: number; subscription: { created: boolean; secret: string } } }>(first).notified).toMatchObject({
        sent: 1,
        subscription: { created: true, secret: expect.stringMatching(/^whsec_/) },
      });
      expect(received).toEqual([
        expect.objectContaining({
          type: 'health.finding_opened',
          data: expect.objectContaining({ after: expect.objectContaining({ code: 'USAGE_NEAR_LIMIT' }) }),
        }),
      ]);
      const second = await cli(['doctor', '--notify', url, '--json']);
      expect(parseJson<{ notified: { sent: number } }>(second).notified.sent).toBe(0);
      expect(received).toHaveLength(1);
    } finally {
      server.close();
      await sqlOnDatabase(database, `update tenantry.tenants set limits = jsonb_set(limits, '{maxUsers}', '10') where slug = 'healthy-co'`);
    }
  });

  it('--notify to an unreachable webhook is exit 10 naming it', async () => {
    await sqlOnDatabase(database, `update tenantry.tenants set limits = jsonb_set(limits, '{maxUsers}', '1') where slug = 'drifted-co'`);
    const run = await cli(['doctor', '--notify', 'http://127.0.0.1:1/hook']);
    expect(run.exitCode).toBe(10);
    expect(run.stderr).toContain('http://127.0.0.1:1/hook');
  });
});

describe('doctor thresholds', () => {
  it('warn at a configurable share of a limit, and refuse a share outside 1-100', { timeout: 120_000 }, async () => {
    await sqlOnDatabase(database, `update tenantry.tenants set limits = jsonb_set(limits, '{maxUsers}', '2') where slug = 'healthy-co'`);
    const quiet = parseJson<Report>(await cli(['doctor', 'healthy-co', '--json']));
    expect(quiet.findings).toEqual([]);
    const strict = parseJson<Report>(await cli(['doctor', 'healthy-co', '--warn-users', '50', '--json']));
    expect(strict.findings).toEqual([expect.objectContaining({ code: 'USAGE_NEAR_LIMIT', message: expect.stringContaining('warning at 50%') })]);
    const refused = await cli(['doctor', '--warn-users', '150']);
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain('--warn-users');
  });
});

describe('tenantry preflight', () => {
  it('warns without the optional base domain yet passes, and passes cleanly with one, line by line', { timeout: 120_000 }, async () => {
    const fresh = await cli(['preflight']);
    expect(fresh.exitCode, fresh.stdout).toBe(0);
    expect(fresh.stdout).toMatch(/! base domain +TENANTRY_BASE_DOMAIN is not set \(optional\)/);
    expect(fresh.stdout).toMatch(/✓ control-plane migrations +\d+ applied, none pending/);
    // The base domain, and on the embedded store the data path role (one user: SET ROLE only).
    expect(fresh.stdout).toContain(database.kind === 'embedded' ? 'Ready, with 2 warnings.' : 'Ready, with 1 warning.');
    expect(parseJson<{ ok: boolean; checks: { name: string; warning?: boolean }[] }>(await cli(['preflight', '--json']))).toMatchObject({
      ok: true,
      checks: expect.arrayContaining([expect.objectContaining({ name: 'base domain', ok: true, warning: true })]),
    });
    const passing = await cli(['preflight', '--json'], { TENANTRY_BASE_DOMAIN: 'tenants.example.com' });
    expect(passing.exitCode).toBe(0);
    const json = parseJson<{ ok: boolean; checks: { name: string; ok: boolean }[] }>(passing);
    expect(json.ok).toBe(true);
    const names = json.checks.map((check) => check.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'database reachable',
        'database version',
        'privilege to create schemas',
        'control-plane migrations',
        'base domain',
        'data path role',
      ]),
    );
    // The embedded store has one user: the line passes, marked, saying RESET ROLE undoes SET LOCAL ROLE.
    expect(fresh.stdout).toMatch(database.kind === 'embedded' ? /! data path role +embedded store/ : /✓ data path role +withTenant logs in as tenantry_app/);
    if (database.kind === 'embedded') expect(names).toEqual(expect.arrayContaining(['embedded store lock', 'free disk']));
  });
});
