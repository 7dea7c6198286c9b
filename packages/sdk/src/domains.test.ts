import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, rejectionOf, type TestDatabase } from '@tenantry/testing';
import { createTenantry, TenantryError, type DnsResolver, type TenantryClient } from './index.ts';

let testDatabase: TestDatabase;
let client: TenantryClient;
const txt = new Map<string, string[][]>();
const resolver: DnsResolver = {
  resolveTxt: async (name) => txt.get(name) ?? Promise.reject(Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' })),
};

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  client = await createTenantry({ ...testDatabase.sdkOptions, baseDomain: 'tenants.example.net', dnsResolver: resolver });
  await client.tenants.provision({ name: 'Sdk Domains', slug: 'sdk-domains', ownerEmail: 'owner@sdk-domains.example' });
});

afterAll(async () => {
  await client?.close();
  await testDatabase?.drop();
});

describe('client.domains', () => {
  it('one DTO for a domain: list, the changes and tenants.get agree', async () => {
    const { domain } = await client.domains.add({ slug: 'sdk-domains', hostname: 'portal.sdk-domains.example' });
    const [, listed] = await client.domains.list('sdk-domains');
    expect(listed).toEqual(domain);
    expect((await client.tenants.get('sdk-domains')).domains).toEqual(await client.domains.list('sdk-domains'));
    expect(domain).toEqual({
      id: expect.any(String),
      tenantSlug: 'sdk-domains',
      hostname: 'portal.sdk-domains.example',
      displayHostname: 'portal.sdk-domains.example',
      kind: 'custom',
      isPrimary: false,
      verified: false,
      verifiedAt: null,
      verification: { recordName: '_tenantry.portal.sdk-domains.example', recordValue: expect.stringMatching(/^tenantry-verify=/) },
      createdAt: expect.any(String),
    });
  });

  it("verify looks up with the client's resolver: a dry run, then exactly that plan, and PLAN_STALE once the answer changed", async () => {
    const [, pending] = await client.domains.list('sdk-domains');
    const input = { slug: 'sdk-domains', hostname: pending?.hostname ?? '' };
    const absent = await client.domains.verify(input, { dryRun: true });
    expect(absent).toMatchObject({ result: 'planned', changes: [], fingerprint: expect.any(String) });
    txt.set(pending?.verification?.recordName ?? '', [[pending?.verification?.recordValue ?? '']]);
    // The record appeared since the plan was shown: that plan is stale.
    expect((await rejectionOf(client.domains.verify(input, { expectFingerprint: absent.fingerprint }), TenantryError)).code).toBe('PLAN_STALE');
    const present = await client.domains.verify(input, { dryRun: true });
    expect(present.steps.map((step) => step.action)).toEqual(['check-txt-record', 'verify-domain']);
    const applied = await client.domains.verify(input, { expectFingerprint: present.fingerprint });
    expect(applied).toMatchObject({ result: 'applied', domain: { verified: true, verification: null } });
  });
});
