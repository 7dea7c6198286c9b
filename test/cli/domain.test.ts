import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, parseJson, runCli, snapshotDatabase, startDnsStub, type DnsStub, type TestDatabase } from '@tenantry/testing';

let database: TestDatabase;
let dns: DnsStub;
const cli = (args: string[]) => runCli(args, { env: { ...database.env, TENANTRY_BASE_DOMAIN: 'tenants.test', TENANTRY_DNS_SERVERS: dns.server } });

interface DomainJson {
  result: string;
  domain: {
    hostname: string;
    displayHostname: string;
    kind: string;
    isPrimary: boolean;
    verified: boolean;
    verification: { recordName: string; recordValue: string } | null;
  };
  steps: { action: string }[];
}

beforeAll(async () => {
  database = await createTestDatabase();
  dns = await startDnsStub();
  expect(
    (await cli(['tenant', 'create', '--name', 'Domain Co', '--slug', 'domain-co', '--owner-email', 'owner@domain.test', '--plan', 'professional'])).exitCode,
  ).toBe(0);
});

afterAll(async () => {
  await dns?.close();
  await database?.drop();
});

describe('tenantry domain', { timeout: 240_000 }, () => {
  it('add encodes IDNA, starts custom domains unverified and prints the TXT record to publish', async () => {
    const run = await cli(['domain', 'add', 'domain-co', 'Bücher.Example']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('✓ Added custom domain bücher.example to domain-co');
    expect(run.stdout).toMatch(/Publish TXT _tenantry\.xn--bcher-kva\.example = "tenantry-verify=[0-9a-f]{32}"/);
    const list = await cli(['domain', 'list', 'domain-co']);
    expect(
      list.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t').slice(0, 4)),
    ).toEqual([
      ['hostname', 'kind', 'primary', 'verified'],
      ['domain-co.tenants.test', 'subdomain', 'primary', 'verified'],
      ['bücher.example (xn--bcher-kva.example)', 'custom', '-', 'unverified'],
    ]);
  });

  it('add --dry-run --json answers the plan with its fingerprint and writes nothing; --expect-plan applies exactly it', async () => {
    const before = await snapshotDatabase(database);
    const planned = parseJson<DomainJson & { fingerprint: string }>(await cli(['domain', 'add', 'domain-co', 'planned.example', '--dry-run', '--json']));
    expect(planned).toMatchObject({
      result: 'planned',
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      domain: { hostname: 'planned.example', kind: 'custom', isPrimary: false },
    });
    expect(planned.steps.map((step) => step.action)).toEqual(['add-domain']);
    expect(await snapshotDatabase(database)).toEqual(before);
    const applied = await cli(['domain', 'add', 'domain-co', 'planned.example', '--expect-plan', planned.fingerprint, '--json']);
    expect(applied.exitCode).toBe(0);
    expect(parseJson<DomainJson & { fingerprint: string }>(applied)).toMatchObject({ result: 'applied', fingerprint: planned.fingerprint });
    // The tenant changed since this plan: refused, exit 7, nothing written.
    const stale = parseJson<{ fingerprint: string }>(await cli(['domain', 'remove', 'domain-co', 'planned.example', '--dry-run', '--json']));
    expect((await cli(['domain', 'add', 'domain-co', 'other-planned.example'])).exitCode).toBe(0);
    const afterChange = await snapshotDatabase(database);
    const refused = await cli(['domain', 'remove', 'domain-co', 'planned.example', '--expect-plan', stale.fingerprint]);
    expect(refused.exitCode).toBe(7);
    expect(refused.stderr).toContain('PLAN_STALE');
    expect(await snapshotDatabase(database)).toEqual(afterChange);
    for (const hostname of ['planned.example', 'other-planned.example']) expect((await cli(['domain', 'remove', 'domain-co', hostname])).exitCode).toBe(0);
  });

  it('verify --dry-run shows the TXT record it checks and what it finds, and writes nothing', async () => {
    const [, custom] = parseJson<{ items: DomainJson['domain'][] }>(await cli(['domain', 'list', 'domain-co', '--json'])).items;
    const record = custom?.verification;
    const before = await snapshotDatabase(database);
    const absent = await cli(['domain', 'verify', 'domain-co', 'bücher.example', '--dry-run']);
    expect(absent.exitCode).toBe(0);
    expect(absent.stdout).toContain('(dry run: nothing was written)');
    expect(absent.stdout).toContain(`Look up TXT ${record?.recordName ?? ''} = "${record?.recordValue ?? ''}": not found yet`);
    dns.txt.set('_tenantry.xn--bcher-kva.example', [[record?.recordValue ?? '']]);
    const present = parseJson<DomainJson>(await cli(['domain', 'verify', 'domain-co', 'bücher.example', '--dry-run', '--json']));
    expect(present).toMatchObject({ result: 'planned', domain: { verified: true, verification: null } });
    expect(present.steps.map((step) => step.action)).toEqual(['check-txt-record', 'verify-domain']);
    expect(await snapshotDatabase(database)).toEqual(before);
    dns.txt.delete('_tenantry.xn--bcher-kva.example');
  });

  it('verify looks the TXT record up through the configured DNS server: exit 7 until it is published', async () => {
    const [, custom] = parseJson<{ items: DomainJson['domain'][] }>(await cli(['domain', 'list', 'domain-co', '--json'])).items;
    const missing = await cli(['domain', 'verify', 'domain-co', 'xn--bcher-kva.example', '--json']);
    expect(missing.exitCode).toBe(7);
    expect(parseJson(missing)).toEqual({ error: expect.objectContaining({ code: 'DOMAIN_VERIFICATION_FAILED' }) });
    dns.txt.set('_tenantry.xn--bcher-kva.example', [[custom?.verification?.recordValue ?? '']]);
    const verified = await cli(['domain', 'verify', 'domain-co', 'bücher.example', '--json']);
    expect(verified.exitCode).toBe(0);
    expect(parseJson<DomainJson>(verified)).toMatchObject({ result: 'applied', domain: { verified: true, verification: null } });
  });

  it('primary refuses an unverified custom domain (exit 7), and moves to a verified one after a dry run that writes nothing', async () => {
    const unverified = await cli(['domain', 'primary', 'domain-co', 'portal.domain.test']);
    expect(unverified.exitCode).toBe(7);
    expect(unverified.stderr).toContain('DOMAIN_UNVERIFIED');
    const before = await snapshotDatabase(database);
    const planned = parseJson<DomainJson>(await cli(['domain', 'primary', 'domain-co', 'bücher.example', '--dry-run', '--json']));
    expect(planned.result).toBe('planned');
    expect(planned.steps.map((step) => step.action)).toEqual(['set-primary-domain']);
    expect(await snapshotDatabase(database)).toEqual(before);
    const run = await cli(['domain', 'primary', 'domain-co', 'bücher.example']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('bücher.example is now the primary domain of domain-co');
    expect(run.stdout).toMatch(/primaryDomain +domain-co\.tenants\.test → xn--bcher-kva\.example/);
  });

  it('remove refuses the primary (exit 7) and removes the others; an unknown hostname is refused (exit 5); primary adds a missing subdomain', async () => {
    const refused = await cli(['domain', 'remove', 'domain-co', 'bücher.example']);
    expect(refused.exitCode).toBe(7);
    expect(refused.stderr).toContain('PRIMARY_DOMAIN_REMOVAL');
    expect((await cli(['domain', 'remove', 'domain-co', 'domain-co.tenants.test'])).exitCode).toBe(0);
    expect((await cli(['domain', 'remove', 'domain-co', 'domain-co.tenants.test'])).exitCode).toBe(5);
    const fixed = await cli(['domain', 'primary', 'domain-co', 'domain-co.tenants.test']);
    expect(fixed.exitCode).toBe(0);
    expect(fixed.stdout).toContain('domain-co.tenants.test is now the primary domain of domain-co (added)');
  });

  it("refuses another tenant's hostname (exit 6), another tenant's platform subdomain and consumer mail domains (exit 3)", async () => {
    expect((await cli(['tenant', 'create', '--name', 'Other Co', '--slug', 'other-co', '--owner-email', 'owner@other.test'])).exitCode).toBe(0);
    expect((await cli(['domain', 'add', 'other-co', 'BÜCHER.example'])).exitCode).toBe(6);
    for (const hostname of ['future-co.tenants.test', 'gmail.com']) {
      const refused = await cli(['domain', 'add', 'other-co', hostname]);
      expect(refused.exitCode).toBe(3);
      expect(refused.stderr).toContain('<hostname>');
    }
  });
});
