import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { addTestMember, failure, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import { scopeGrants } from './api-key-format.ts';
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from '../../testing/api-key-use-cases.ts';
import { verifyApiKey } from './verify-api-key.ts';

/** The default plan (basic) has no api_access: keys need it switched on. */
const API_ACCESS = { api_access: true };

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

const rows = (sql: string, params: unknown[] = []) => database.fork().execute<Record<string, unknown>[]>(sql, params);
const snapshot = () => snapshotRows((sql) => rows(sql));
const ctx = () => testContext(database);
const at = (offsetMs: number) => testContext(database, { now: () => new Date(Date.now() + offsetMs) });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('createApiKey', () => {
  it('shows the key once, stores prefix and hash only, and audits without the key', async () => {
    const tenant = await provisionTestTenant(database, { features: API_ACCESS });
    const created = await createApiKey(ctx(), { slug: tenant.slug, name: 'Primary API Key', scopes: ['assets.*', 'devices.read', 'assets.*'] });
    expect(created.key).toMatch(/^tnt_[a-z0-9]{8}_[A-Za-z0-9]{40}$/);
    expect(created.apiKey).toMatchObject({ name: 'Primary API Key', scopes: ['assets.*', 'devices.read'], status: 'active', tenantSlug: tenant.slug });
    expect(created.key?.startsWith(`tnt_${created.apiKey.prefix}_`)).toBe(true);
    expect((created.apiKey.expiresAt?.getTime() ?? 0) - created.apiKey.createdAt.getTime()).toBe(365 * DAY);
    const [stored] = await rows('select key_hash from tenantry.api_keys where prefix = ?', [created.apiKey.prefix]);
    expect(stored?.key_hash).toBe(
      createHash('sha256')
        .update(created.key ?? '')
        .digest('hex'),
    );
    const secret = created.key?.split('_')[2] ?? '';
    expect(JSON.stringify(await snapshot())).not.toContain(secret);
    const [event] = await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'apikey.created' });
    expect(event?.after).toMatchObject({ name: 'Primary API Key', prefix: created.apiKey.prefix, scopes: ['assets.*', 'devices.read'] });
    const never = await createApiKey(ctx(), { slug: tenant.slug, name: 'Forever', scopes: ['*'], expiresDays: null });
    expect(never.apiKey.expiresAt).toBeNull();
    expect((await listApiKeys(ctx(), tenant.slug)).map((key) => key.name)).toEqual(['Forever', 'Primary API Key']);
  });

  it('dry run writes nothing and returns no key; bad scopes and names are refused by field', async () => {
    const tenant = await provisionTestTenant(database, { features: API_ACCESS });
    const before = await snapshot();
    const planned = await createApiKey(ctx(), { slug: tenant.slug, name: 'Dry', scopes: ['assets.read'] }, { dryRun: true });
    expect(planned.result).toBe('planned');
    expect(planned.key).toBeUndefined();
    expect(await snapshot()).toEqual(before);
    const bad = await failure(createApiKey(ctx(), { slug: tenant.slug, name: '', scopes: ['Assets!'], expiresDays: 0 }));
    expect(bad.details.issues).toEqual([
      expect.objectContaining({ path: 'name' }),
      expect.objectContaining({ path: 'scopes.0' }),
      expect.objectContaining({ path: 'expiresDays' }),
    ]);
    expect((await failure(createApiKey(ctx(), { slug: tenant.slug, name: 'None', scopes: [] }))).details.issues).toEqual([
      expect.objectContaining({ path: 'scopes' }),
    ]);
  });

  it('refuses past maxApiKeys with the numbers; revoked and expired keys do not count', async () => {
    const tenant = await provisionTestTenant(database, { plan: 'basic', features: API_ACCESS });
    const first = await createApiKey(ctx(), { slug: tenant.slug, name: 'One', scopes: ['*'] });
    await createApiKey(ctx(), { slug: tenant.slug, name: 'Two', scopes: ['*'], expiresDays: 1 });
    const error = await failure(createApiKey(ctx(), { slug: tenant.slug, name: 'Three', scopes: ['*'] }));
    expect(error).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 'maxApiKeys', max: 2, used: 2 } });
    await revokeApiKey(ctx(), { slug: tenant.slug, prefix: first.apiKey.prefix });
    await createApiKey(ctx(), { slug: tenant.slug, name: 'Three', scopes: ['*'] });
    expect((await createApiKey(at(2 * DAY), { slug: tenant.slug, name: 'Four', scopes: ['*'] })).result).toBe('applied');
  });
});

describe('verifyApiKey', () => {
  it('answers valid with tenant and scopes, records lastUsedAt, and checks a requested scope', async () => {
    const tenant = await provisionTestTenant(database, { features: API_ACCESS });
    const { key, apiKey } = await createApiKey(ctx(), { slug: tenant.slug, name: 'Reader', scopes: ['assets.*'] });
    expect(await verifyApiKey(ctx(), { key: key ?? '', scope: 'assets.read' }, { dryRun: true })).toMatchObject({ valid: true });
    expect((await listApiKeys(ctx(), tenant.slug))[0]?.lastUsedAt).toBeNull();
    const verdict = await verifyApiKey(ctx(), { key: key ?? '', scope: 'assets.read' });
    expect(verdict).toMatchObject({ valid: true, tenant: { slug: tenant.slug }, key: { prefix: apiKey.prefix, scopes: ['assets.*'] }, rotating: false });
    expect((await listApiKeys(ctx(), tenant.slug))[0]?.lastUsedAt).not.toBeNull();
    expect(await verifyApiKey(ctx(), { key: key ?? '', scope: 'devices.read' })).toMatchObject({ valid: false, reason: 'scope_not_granted' });
  });

  it('says why not: malformed, unknown, revoked, expired, suspended tenant', async () => {
    const tenant = await provisionTestTenant(database, { features: API_ACCESS });
    const { key, apiKey } = await createApiKey(ctx(), { slug: tenant.slug, name: 'Short', scopes: ['*'], expiresDays: 1 });
    expect(await verifyApiKey(ctx(), { key: 'hello' })).toMatchObject({ valid: false, reason: 'malformed' });
    const forged = `tnt_${apiKey.prefix}_${'A'.repeat(40)}`;
    expect(await verifyApiKey(ctx(), { key: forged })).toMatchObject({ valid: false, reason: 'unknown' });
    expect(await verifyApiKey(at(2 * DAY), { key: key ?? '' })).toMatchObject({ valid: false, reason: 'expired' });
    await database.fork().execute(`update tenantry.tenants set status = 'suspended' where id = ?`, [tenant.id]);
    expect(await verifyApiKey(ctx(), { key: key ?? '' })).toMatchObject({ valid: false, reason: 'tenant_suspended' });
    await database.fork().execute(`update tenantry.tenants set status = 'active' where id = ?`, [tenant.id]);
    await revokeApiKey(ctx(), { slug: tenant.slug, prefix: `tnt_${apiKey.prefix}` });
    expect(await verifyApiKey(ctx(), { key: key ?? '' })).toMatchObject({ valid: false, reason: 'revoked' });
    expect((await revokeApiKey(ctx(), { slug: tenant.slug, prefix: apiKey.prefix })).result).toBe('unchanged');
  });
});

describe('rotateApiKey', () => {
  it('issues a new key with the same name and scopes and lets the old one live for the overlap', async () => {
    const tenant = await provisionTestTenant(database, { features: API_ACCESS });
    const old = await createApiKey(ctx(), { slug: tenant.slug, name: 'Deploy', scopes: ['assets.*', 'devices.*'], expiresDays: 90 });
    const rotated = await rotateApiKey(ctx(), { slug: tenant.slug, prefix: old.apiKey.prefix, overlapHours: 2 });
    expect(rotated.apiKey).toMatchObject({ name: 'Deploy', scopes: ['assets.*', 'devices.*'], status: 'active' });
    expect(rotated.previous).toMatchObject({ prefix: old.apiKey.prefix, status: 'rotating', replacedById: rotated.apiKey.id });
    expect((rotated.apiKey.expiresAt?.getTime() ?? 0) - rotated.apiKey.createdAt.getTime()).toBeGreaterThanOrEqual(90 * DAY - 1000);
    expect(await verifyApiKey(ctx(), { key: old.key ?? '' })).toMatchObject({ valid: true, rotating: true });
    expect(await verifyApiKey(at(3 * HOUR), { key: old.key ?? '' })).toMatchObject({ valid: false, reason: 'expired' });
    expect(await verifyApiKey(at(3 * HOUR), { key: rotated.key ?? '' })).toMatchObject({ valid: true, rotating: false });
    expect((await failure(rotateApiKey(ctx(), { slug: tenant.slug, prefix: old.apiKey.prefix }))).code).toBe('PRECONDITION_FAILED');
    const actions = (await listAuditEvents(ctx(), { tenant: tenant.slug, action: 'apikey.*', limit: 2 })).map((event) => event.action);
    expect(actions).toEqual(['apikey.rotated', 'apikey.created']);
  });

  it('refuses an unknown prefix, and lets only owners and admins manage keys', async () => {
    const tenant = await provisionTestTenant(database, { features: API_ACCESS });
    expect((await failure(rotateApiKey(ctx(), { slug: tenant.slug, prefix: 'zzzzzzzz' }))).code).toBe('API_KEY_NOT_FOUND');
    expect((await failure(revokeApiKey(ctx(), { slug: tenant.slug, prefix: 'nope' }))).details.issues).toEqual([expect.objectContaining({ path: 'prefix' })]);
    const analyst = await addTestMember(database, tenant.slug, ['analyst']);
    expect((await failure(createApiKey(userContext(database, analyst), { slug: tenant.slug, name: 'X', scopes: ['*'] }))).code).toBe('FORBIDDEN');
    expect((await failure(listApiKeys(userContext(database, analyst), tenant.slug))).code).toBe('FORBIDDEN');
    const admin = await addTestMember(database, tenant.slug, ['admin']);
    expect((await createApiKey(userContext(database, admin), { slug: tenant.slug, name: 'Admin key', scopes: ['assets.read'] })).result).toBe('applied');
  });
});

describe('scopeGrants', () => {
  it('matches exact scopes, trailing wildcards and the global wildcard', () => {
    expect(scopeGrants('assets.*', 'assets.read')).toBe(true);
    expect(scopeGrants('assets.*', 'assets.images.write')).toBe(true);
    expect(scopeGrants('assets.*', 'assetsx.read')).toBe(false);
    expect(scopeGrants('assets.*', 'assets')).toBe(false);
    expect(scopeGrants('assets.read', 'assets.read')).toBe(true);
    expect(scopeGrants('assets.read', 'assets.write')).toBe(false);
    expect(scopeGrants('*', 'devices.delete')).toBe(true);
  });
});
