import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { addTestMember, failure, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import type { RunOptions } from '../../operations/operation.ts';
import type { DnsResolver } from './dns-resolver.ts';
import { addDomain, listDomains, removeDomain, setPrimaryDomain, verifyDomain } from '../../testing/domain-use-cases.ts';

let testDatabase: TestDatabase;
let database: Database;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.coreOptions);
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

const snapshot = () => snapshotRows((sql) => database.fork().execute<Record<string, unknown>[]>(sql));
const BASE = 'tenants.example.net';
const ctx = () => testContext(database, { settings: { baseDomain: BASE } });

/** A resolver answering from a map, like DNS: no entry is ENOTFOUND. */
function fakeDns(records: Record<string, string[][]>): DnsResolver {
  return {
    resolveTxt: async (name) => {
      const found = records[name];
      if (found) return found;
      throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    },
  };
}

const primaryOf = async (slug: string) => (await listDomains(ctx(), slug)).filter((domain) => domain.isPrimary).map((domain) => domain.hostname);

/** Publishes the domain's TXT token in a fake DNS and verifies it. */
async function verify(slug: string, hostname: string) {
  const token = (await listDomains(ctx(), slug)).find((domain) => domain.hostname === hostname)?.verification?.recordValue ?? '';
  return verifyDomain(ctx(), { slug, hostname }, { resolver: fakeDns({ [`_tenantry.${hostname}`]: [[token]] }) });
}

describe('addDomain', () => {
  it('lowercases and IDNA-encodes, starts custom domains unverified with a TXT token, and audits', async () => {
    const tenant = await provisionTestTenant(database, { domain: 'www.first.example', plan: 'professional' });
    const added = await addDomain(ctx(), { slug: tenant.slug, hostname: 'Bücher.Example.' });
    expect(added.result).toBe('applied');
    expect(added.domain).toMatchObject({
      hostname: 'xn--bcher-kva.example',
      displayHostname: 'bücher.example',
      kind: 'custom',
      isPrimary: false,
      verified: false,
    });
    expect(added.domain.verification).toEqual({
      recordName: '_tenantry.xn--bcher-kva.example',
      recordValue: expect.stringMatching(/^tenantry-verify=[0-9a-f]{32}$/),
    });
    const own = await addDomain(ctx(), { slug: tenant.slug, hostname: `${tenant.slug}.${BASE}` });
    expect(own.domain).toMatchObject({ kind: 'subdomain', verified: true, verification: null });
    expect((await addDomain(ctx(), { slug: tenant.slug, hostname: 'BÜCHER.example' })).result).toBe('unchanged');
    // The unverified custom domains wait; the verified subdomain is the tenant's first primary.
    expect((await listDomains(ctx(), tenant.slug)).map((domain) => [domain.hostname, domain.isPrimary])).toEqual([
      [`${tenant.slug}.${BASE}`, true],
      ['www.first.example', false],
      ['xn--bcher-kva.example', false],
    ]);
    const [event] = await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'domain.added', limit: 1 });
    expect(event?.after).toEqual({ hostname: `${tenant.slug}.${BASE}`, kind: 'subdomain', isPrimary: true });
  });

  it("makes a tenant's first verified domain primary, and --primary moves the primary only to a verified one", async () => {
    const tenant = await provisionTestTenant(database);
    expect((await addDomain(ctx(), { slug: tenant.slug, hostname: 'one.example' })).domain).toMatchObject({ isPrimary: false, verified: false });
    expect((await failure(addDomain(ctx(), { slug: tenant.slug, hostname: 'two.example', primary: true }))).code).toBe('DOMAIN_UNVERIFIED');
    expect((await failure(addDomain(ctx(), { slug: tenant.slug, hostname: 'one.example', primary: true }))).code).toBe('DOMAIN_UNVERIFIED');
    expect(await primaryOf(tenant.slug)).toEqual([]);
    expect((await verify(tenant.slug, 'one.example')).domain.isPrimary).toBe(true);
    const second = await addDomain(ctx(), { slug: tenant.slug, hostname: `${tenant.slug}.${BASE}`, primary: true });
    expect(second).toMatchObject({
      result: 'applied',
      domain: { hostname: `${tenant.slug}.${BASE}`, isPrimary: true },
      changes: [{ field: 'primaryDomain', from: 'one.example', to: `${tenant.slug}.${BASE}` }],
    });
    expect(await primaryOf(tenant.slug)).toEqual([`${tenant.slug}.${BASE}`]);
  });

  it('refuses any other name under the base domain and consumer mail domains on every path, writing nothing', async () => {
    const tenant = await provisionTestTenant(database);
    const other = await provisionTestTenant(database);
    const before = await snapshot();
    for (const hostname of [
      `app.${tenant.slug}.${BASE}`,
      `${other.slug}.${BASE}`,
      `future-tenant.${BASE}`,
      BASE,
      'gmail.com',
      'GMAIL.com',
      'inbox.outlook.com',
      'yahoo.co.uk',
    ]) {
      const attempts = [
        () => addDomain(ctx(), { slug: tenant.slug, hostname }),
        () => addDomain(ctx(), { slug: tenant.slug, hostname, primary: true }),
        () => setPrimaryDomain(ctx(), { slug: tenant.slug, hostname }),
      ];
      for (const attempt of attempts) expect((await failure(attempt())).details.issues).toEqual([expect.objectContaining({ path: 'hostname' })]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another tenant's hostname, another tenant's platform subdomain, bad names and the domain limit", async () => {
    const one = await provisionTestTenant(database, { domain: 'taken.example' });
    const two = await provisionTestTenant(database, { plan: 'basic' });
    expect((await failure(addDomain(ctx(), { slug: two.slug, hostname: 'TAKEN.example' }))).code).toBe('HOSTNAME_TAKEN');
    expect((await failure(addDomain(ctx(), { slug: two.slug, hostname: `${one.slug}.${BASE}` }))).details.issues).toEqual([
      expect.objectContaining({ path: 'hostname' }),
    ]);
    expect((await failure(addDomain(ctx(), { slug: two.slug, hostname: 'not a host' }))).details.issues).toEqual([
      expect.objectContaining({ path: 'hostname' }),
    ]);
    await addDomain(ctx(), { slug: two.slug, hostname: 'a.example' });
    await addDomain(ctx(), { slug: two.slug, hostname: 'b.example' });
    expect((await failure(addDomain(ctx(), { slug: two.slug, hostname: 'c.example' }))).details).toMatchObject({ limit: 'maxDomains', max: 2, used: 2 });
  });

  it('dry run writes nothing', async () => {
    const tenant = await provisionTestTenant(database, { domain: 'dry.example' });
    const before = await snapshot();
    const planned = await addDomain(ctx(), { slug: tenant.slug, hostname: 'new.example' }, { dryRun: true });
    // Planned, not added: no token to publish yet.
    expect(planned).toMatchObject({ result: 'planned', domain: { hostname: 'new.example', kind: 'custom', verified: false, verification: null } });
    expect((await setPrimaryDomain(ctx(), { slug: tenant.slug, hostname: `${tenant.slug}.${BASE}` }, { dryRun: true })).result).toBe('planned');
    expect(await snapshot()).toEqual(before);
  });

  it('diffs the domains the tenant has, before and after, not as if it had none before or none left', async () => {
    const tenant = await provisionTestTenant(database, { domain: 'diff-first.example', plan: 'professional' });
    const planned = await addDomain(ctx(), { slug: tenant.slug, hostname: 'diff-second.example' }, { dryRun: true });
    expect(planned.changes).toEqual([{ field: 'domains', from: ['diff-first.example'], to: ['diff-first.example', 'diff-second.example'] }]);
    await addDomain(ctx(), { slug: tenant.slug, hostname: 'diff-second.example' });
    const removed = await removeDomain(ctx(), { slug: tenant.slug, hostname: 'diff-second.example' });
    expect(removed.changes).toEqual([{ field: 'domains', from: ['diff-first.example', 'diff-second.example'], to: ['diff-first.example'] }]);
  });
});

describe('setPrimaryDomain', () => {
  it('creates its missing subdomain as primary (fix_tenant_domain), and moves the primary to a verified custom domain only', async () => {
    const tenant = await provisionTestTenant(database, { domain: 'wrong.example' });
    const own = `${tenant.slug}.${BASE}`;
    expect((await failure(setPrimaryDomain(ctx(), { slug: tenant.slug, hostname: 'right.example' }))).code).toBe('DOMAIN_UNVERIFIED');
    expect((await failure(setPrimaryDomain(ctx(), { slug: tenant.slug, hostname: 'wrong.example' }))).code).toBe('DOMAIN_UNVERIFIED');
    const fixed = await setPrimaryDomain(ctx(), { slug: tenant.slug, hostname: own });
    expect(fixed.steps.map((step) => step.action)).toEqual(['add-domain', 'set-primary-domain']);
    expect(fixed.domain).toMatchObject({ hostname: own, isPrimary: true });
    expect((await setPrimaryDomain(ctx(), { slug: tenant.slug, hostname: own })).result).toBe('unchanged');
    expect((await verify(tenant.slug, 'wrong.example')).domain.isPrimary).toBe(false);
    await setPrimaryDomain(ctx(), { slug: tenant.slug, hostname: 'wrong.example' });
    expect((await listDomains(ctx(), tenant.slug)).map((domain) => [domain.hostname, domain.isPrimary])).toEqual([
      ['wrong.example', true],
      [own, false],
    ]);
    const [event] = await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'domain.primary_changed', limit: 1 });
    expect(event).toMatchObject({ before: { primary: own }, after: { primary: 'wrong.example', created: false } });
  });
});

describe('removeDomain', () => {
  it('refuses the primary until another is primary, then removes it', async () => {
    const tenant = await provisionTestTenant(database, { domain: 'main.example' });
    await verify(tenant.slug, 'main.example');
    await addDomain(ctx(), { slug: tenant.slug, hostname: `${tenant.slug}.${BASE}` });
    expect((await failure(removeDomain(ctx(), { slug: tenant.slug, hostname: 'main.example' }))).code).toBe('PRIMARY_DOMAIN_REMOVAL');
    await setPrimaryDomain(ctx(), { slug: tenant.slug, hostname: `${tenant.slug}.${BASE}` });
    expect((await removeDomain(ctx(), { slug: tenant.slug, hostname: 'main.example' })).result).toBe('applied');
    expect((await failure(removeDomain(ctx(), { slug: tenant.slug, hostname: 'main.example' }))).code).toBe('DOMAIN_NOT_FOUND');
  });
});

describe('verifyDomain', () => {
  it('verifies through the resolver when a TXT record holds the token, and explains when none does', async () => {
    const tenant = await provisionTestTenant(database, { domain: 'verify.example' });
    const [domain] = await listDomains(ctx(), tenant.slug);
    const token = domain?.verification?.recordValue ?? '';
    const missing = await failure(verifyDomain(ctx(), { slug: tenant.slug, hostname: 'verify.example' }, { resolver: fakeDns({}) }));
    expect(missing).toMatchObject({ code: 'DOMAIN_VERIFICATION_FAILED', details: { record: '_tenantry.verify.example', expected: token, found: [] } });
    const wrong = await failure(
      verifyDomain(ctx(), { slug: tenant.slug, hostname: 'verify.example' }, { resolver: fakeDns({ '_tenantry.verify.example': [['v=spf1 -all']] }) }),
    );
    expect(wrong.details.found).toEqual(['v=spf1 -all']);
    const split = [token.slice(0, 10), token.slice(10)];
    const resolver = fakeDns({ '_tenantry.verify.example': [['other'], split] });
    const verified = await verifyDomain(ctx(), { slug: tenant.slug, hostname: 'verify.example' }, { resolver });
    // Its only domain, verified: now the primary.
    expect(verified).toMatchObject({ result: 'applied', domain: { verified: true, verification: null, isPrimary: true } });
    expect((await verifyDomain(ctx(), { slug: tenant.slug, hostname: 'verify.example' }, { resolver })).result).toBe('unchanged');
    const [event] = await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'domain.verified' });
    expect(event?.after).toEqual({ verified: true, hostname: 'verify.example', isPrimary: true });
  });

  it('reports a failing resolver as UNAVAILABLE, and lets only owners and admins manage domains', async () => {
    const tenant = await provisionTestTenant(database, { domain: 'flaky.example' });
    const broken: DnsResolver = { resolveTxt: async () => Promise.reject(Object.assign(new Error('queryTxt ETIMEOUT'), { code: 'ETIMEOUT' })) };
    expect((await failure(verifyDomain(ctx(), { slug: tenant.slug, hostname: 'flaky.example' }, { resolver: broken }))).code).toBe('UNAVAILABLE');
    const viewer = await addTestMember(database, tenant.slug, ['viewer']);
    expect((await listDomains(userContext(database, viewer), tenant.slug)).length).toBe(1);
    expect((await failure(addDomain(userContext(database, viewer), { slug: tenant.slug, hostname: 'x.example' }))).code).toBe('FORBIDDEN');
  });
});

describe('the domain operations', () => {
  /** A tenant with a verified primary custom domain and an unverified one whose TXT record is published. */
  async function tenantWithDomains(name: string) {
    const tenant = await provisionTestTenant(database, { domain: `${name}-main.example`, plan: 'professional' });
    await verify(tenant.slug, `${name}-main.example`);
    const pending = (await addDomain(ctx(), { slug: tenant.slug, hostname: `${name}-pending.example` })).domain;
    const dns = fakeDns({ [pending.verification?.recordName ?? '']: [[pending.verification?.recordValue ?? '']] });
    return { tenant, pending, dns };
  }

  it('verify --dry-run says which TXT record it checks and what it found, and writes nothing', async () => {
    const tenant = await provisionTestTenant(database, { domain: 'dry-verify.example' });
    const [domain] = await listDomains(ctx(), tenant.slug);
    const token = domain?.verification?.recordValue ?? '';
    const before = await snapshot();
    const absent = await verifyDomain(ctx(), { slug: tenant.slug, hostname: 'dry-verify.example' }, { dryRun: true, resolver: fakeDns({}) });
    expect(absent).toMatchObject({ result: 'planned', changes: [], domain: { verified: false } });
    expect(absent.steps).toEqual([
      { action: 'check-txt-record', description: expect.stringContaining(`_tenantry.dry-verify.example = "${token}": not found yet`) },
    ]);
    const resolver = fakeDns({ '_tenantry.dry-verify.example': [[token]] });
    const present = await verifyDomain(ctx(), { slug: tenant.slug, hostname: 'dry-verify.example' }, { dryRun: true, resolver });
    // Its first verified domain: it would also become primary.
    expect(present.steps.map((step) => step.action)).toEqual(['check-txt-record', 'verify-domain', 'set-primary-domain']);
    expect(present.changes).toEqual([
      { field: 'verified', from: false, to: true },
      { field: 'primaryDomain', from: null, to: 'dry-verify.example' },
    ]);
    expect(present.domain).toMatchObject({ verified: true, isPrimary: true, verification: null });
    expect(await snapshot()).toEqual(before);
    // Applying the plan that found no record is refused, and writes nothing.
    expect((await failure(verifyDomain(ctx(), { slug: tenant.slug, hostname: 'dry-verify.example' }, { resolver: fakeDns({}) }))).code).toBe(
      'DOMAIN_VERIFICATION_FAILED',
    );
    expect(await snapshot()).toEqual(before);
    expect(
      (await verifyDomain(ctx(), { slug: tenant.slug, hostname: 'dry-verify.example' }, { resolver, expectFingerprint: present.fingerprint })).result,
    ).toBe('applied');
  });

  it('each plans with a fingerprint and writes nothing on a dry run; applying with that fingerprint applies exactly it', async () => {
    const { tenant, pending, dns } = await tenantWithDomains('ops');
    const slug = tenant.slug;
    const runs = [
      (options: RunOptions) => addDomain(ctx(), { slug, hostname: 'ops-new.example' }, options),
      (options: RunOptions) => verifyDomain(ctx(), { slug, hostname: pending.hostname }, { ...options, resolver: dns }),
      (options: RunOptions) => setPrimaryDomain(ctx(), { slug, hostname: pending.hostname }, options),
      (options: RunOptions) => removeDomain(ctx(), { slug, hostname: 'ops-main.example' }, options),
    ];
    for (const run of runs) {
      const before = await snapshot();
      const planned = await run({ dryRun: true });
      expect(planned).toMatchObject({ result: 'planned', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
      expect(await snapshot()).toEqual(before);
      const applied = await run({ expectFingerprint: planned.fingerprint });
      expect(applied).toMatchObject({ result: 'applied', steps: planned.steps, changes: planned.changes, fingerprint: planned.fingerprint });
    }
    expect((await listDomains(ctx(), slug)).map((domain) => [domain.hostname, domain.isPrimary, domain.verified])).toEqual([
      ['ops-pending.example', true, true],
      ['ops-new.example', false, false],
    ]);
    const actions = (await listAuditEvents(ctx(), { tenant: slug, limit: 4 })).map((event) => event.action);
    expect(actions).toEqual(['domain.removed', 'domain.primary_changed', 'domain.verified', 'domain.added']);
  });

  it('refuses a stale plan with PLAN_STALE and writes nothing', async () => {
    const { tenant, pending, dns } = await tenantWithDomains('stale');
    const slug = tenant.slug;
    const runs = [
      (options: RunOptions) => addDomain(ctx(), { slug, hostname: 'stale-new.example' }, options),
      (options: RunOptions) => verifyDomain(ctx(), { slug, hostname: pending.hostname }, { ...options, resolver: dns }),
      (options: RunOptions) => setPrimaryDomain(ctx(), { slug, hostname: `${slug}.${BASE}` }, options),
      (options: RunOptions) => removeDomain(ctx(), { slug, hostname: pending.hostname }, options),
    ];
    const plans = [];
    for (const run of runs) plans.push((await run({ dryRun: true })).fingerprint);
    // The tenant changes after the plans were shown.
    await addDomain(ctx(), { slug, hostname: 'meanwhile.example' });
    const before = await snapshot();
    for (const [index, run] of runs.entries()) expect((await failure(run({ expectFingerprint: plans[index] }))).code).toBe('PLAN_STALE');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a member without the permission (a viewer) every change, and writes nothing', async () => {
    const { tenant, pending, dns } = await tenantWithDomains('viewer');
    const viewer = userContext(database, await addTestMember(database, tenant.slug, ['viewer']), { settings: { baseDomain: BASE } });
    const slug = tenant.slug;
    const before = await snapshot();
    const attempts = [
      () => addDomain(viewer, { slug, hostname: 'viewer.example' }),
      () => addDomain(viewer, { slug, hostname: 'viewer.example' }, { dryRun: true }),
      () => verifyDomain(viewer, { slug, hostname: pending.hostname }, { resolver: dns }),
      () => setPrimaryDomain(viewer, { slug, hostname: `${slug}.${BASE}` }),
      () => removeDomain(viewer, { slug, hostname: pending.hostname }),
    ];
    for (const attempt of attempts) expect((await failure(attempt())).code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });
});
