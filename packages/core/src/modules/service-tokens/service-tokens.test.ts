import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { addTestMember, failure, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { createServiceToken, listServiceTokens, revokeServiceToken } from '../../testing/service-token-use-cases.ts';
import { verifyServiceToken } from './verify-service-token.ts';

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
const DAY = 86_400_000;
let counter = 0;
const uniqueName = (label: string) => `${label} ${Date.now().toString(36)}${(counter += 1)}`;

describe('service tokens', () => {
  it('create shows the token once, list never shows it, verify accepts it until it is revoked', async () => {
    const name = uniqueName('HTTP API');
    const created = await createServiceToken(ctx(), { name });
    expect(created.result).toBe('applied');
    expect(created.token).toMatch(/^tts_[a-z0-9]{8}_[A-Za-z0-9]{40}$/);
    expect(created.token?.startsWith(`tts_${created.serviceToken.prefix}_`)).toBe(true);
    expect(created.serviceToken).toMatchObject({ name, status: 'active', lastUsedAt: null, revokedAt: null, createdBy: 'test-operator' });
    expect((created.serviceToken.expiresAt?.getTime() ?? 0) - created.serviceToken.createdAt.getTime()).toBe(90 * DAY);
    const [stored] = await rows('select token_hash from tenantry.service_tokens where prefix = ?', [created.serviceToken.prefix]);
    expect(stored?.token_hash).toBe(
      createHash('sha256')
        .update(created.token ?? '')
        .digest('hex'),
    );

    const listed = (await listServiceTokens(ctx())).find((token) => token.prefix === created.serviceToken.prefix);
    expect(listed).toEqual(created.serviceToken);
    expect(JSON.stringify(listed)).not.toMatch(/hash/i);

    const verdict = await verifyServiceToken(ctx(), { token: created.token ?? '' });
    expect(verdict).toEqual({ valid: true, token: { prefix: created.serviceToken.prefix, name, expiresAt: created.serviceToken.expiresAt } });
    const used = (await listServiceTokens(ctx())).find((token) => token.prefix === created.serviceToken.prefix);
    expect(used?.lastUsedAt).not.toBeNull();

    const revoked = await revokeServiceToken(ctx(), { prefix: `tts_${created.serviceToken.prefix}` });
    expect(revoked).toMatchObject({ result: 'applied', changes: [{ field: 'status', from: 'active', to: 'revoked' }], serviceToken: { status: 'revoked' } });
    expect(await verifyServiceToken(ctx(), { token: created.token ?? '' })).toMatchObject({
      valid: false,
      reason: 'revoked',
      prefix: created.serviceToken.prefix,
    });
    expect((await revokeServiceToken(ctx(), { prefix: created.serviceToken.prefix })).result).toBe('unchanged');
  });

  it('audits creation and revocation without the secret, with no tenant', async () => {
    const created = await createServiceToken(ctx(), { name: uniqueName('Audited'), expiresDays: null });
    expect(created.serviceToken.expiresAt).toBeNull();
    await revokeServiceToken(ctx(), { prefix: created.serviceToken.prefix });
    const events = await rows(`select action, tenant_id, target_type, before, after from tenantry.audit_events where target_id = ? order by id`, [
      created.serviceToken.id,
    ]);
    expect(events).toEqual([
      {
        action: 'service_token.created',
        tenant_id: null,
        target_type: 'service_token',
        before: { serviceTokens: expect.any(Number) },
        after: { name: created.serviceToken.name, expiresAt: null, prefix: created.serviceToken.prefix },
      },
      {
        action: 'service_token.revoked',
        tenant_id: null,
        target_type: 'service_token',
        before: { prefix: created.serviceToken.prefix, name: created.serviceToken.name, status: 'active' },
        after: { status: 'revoked' },
      },
    ]);
    const secret = created.token?.split('_')[2] ?? '';
    expect(secret).toHaveLength(40);
    const audit = await rows('select * from tenantry.audit_events');
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(JSON.stringify(await snapshot())).not.toContain(secret);
  });

  it('a dry run writes nothing and returns no token', async () => {
    const before = await snapshot();
    const planned = await createServiceToken(ctx(), { name: uniqueName('Dry') }, { dryRun: true });
    expect(planned.result).toBe('planned');
    expect(planned.token).toBeUndefined();
    expect(planned.steps.map((step) => step.action)).toEqual(['create-service-token', 'audit']);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an expired token, a malformed one and an unknown one, each with its reason', async () => {
    const { token, serviceToken } = await createServiceToken(ctx(), { name: uniqueName('Short'), expiresDays: 1 });
    expect(await verifyServiceToken(at(2 * DAY), { token: token ?? '' })).toMatchObject({ valid: false, reason: 'expired', prefix: serviceToken.prefix });
    expect((await listServiceTokens(at(2 * DAY))).find((row) => row.prefix === serviceToken.prefix)?.status).toBe('expired');
    expect(await verifyServiceToken(ctx(), { token: 'tnt_abcdefgh_notatoken' })).toMatchObject({ valid: false, reason: 'malformed' });
    const forged = `tts_${serviceToken.prefix}_${'A'.repeat(40)}`;
    expect(await verifyServiceToken(ctx(), { token: forged })).toMatchObject({ valid: false, reason: 'unknown', prefix: serviceToken.prefix });
    expect(await verifyServiceToken(ctx(), { token: `tts_zzzzzzzz_${'A'.repeat(40)}` })).toMatchObject({ valid: false, reason: 'unknown' });
    expect((await failure(verifyServiceToken(ctx(), { token: ' ' }))).details.issues).toEqual([expect.objectContaining({ path: 'token' })]);
  });

  it('keeps names unique among tokens not revoked; a revoked name can be reused', async () => {
    const name = uniqueName('Deploy');
    const first = await createServiceToken(ctx(), { name });
    expect(await failure(createServiceToken(ctx(), { name }))).toMatchObject({ code: 'SERVICE_TOKEN_NAME_TAKEN', details: { name } });
    await revokeServiceToken(ctx(), { prefix: first.serviceToken.prefix });
    expect((await createServiceToken(ctx(), { name })).result).toBe('applied');
    const raced = uniqueName('Raced');
    const both = await Promise.allSettled([createServiceToken(ctx(), { name: raced }), createServiceToken(ctx(), { name: raced })]);
    expect(both.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [refused] = both.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as { code?: string }] : []));
    expect(refused?.code).toBe('SERVICE_TOKEN_NAME_TAKEN');
  });

  it('refuses bad input by field and unknown prefixes', async () => {
    const bad = await failure(createServiceToken(ctx(), { name: '', expiresDays: 0 }));
    expect(bad.details.issues).toEqual([expect.objectContaining({ path: 'name' }), expect.objectContaining({ path: 'expiresDays' })]);
    expect((await failure(createServiceToken(ctx(), { name: 'x'.repeat(101) }))).details.issues).toEqual([expect.objectContaining({ path: 'name' })]);
    expect((await failure(createServiceToken(ctx(), { name: 'Too long', expiresDays: 3651 }))).details.issues).toEqual([
      expect.objectContaining({ path: 'expiresDays' }),
    ]);
    expect((await failure(revokeServiceToken(ctx(), { prefix: 'nope' }))).details.issues).toEqual([expect.objectContaining({ path: 'prefix' })]);
    expect((await failure(revokeServiceToken(ctx(), { prefix: 'zzzzzzzz' }))).code).toBe('SERVICE_TOKEN_NOT_FOUND');
  });

  it('is for the platform operator only: a tenant owner may not create, list or revoke', async () => {
    const tenant = await provisionTestTenant(database);
    const owner = userContext(database, { userId: tenant.ownerId, email: tenant.ownerEmail });
    const admin = userContext(database, await addTestMember(database, tenant.slug, ['admin']));
    const before = await snapshot();
    expect((await failure(createServiceToken(owner, { name: uniqueName('Owner') }))).code).toBe('FORBIDDEN');
    expect((await failure(createServiceToken(admin, { name: uniqueName('Admin') }))).code).toBe('FORBIDDEN');
    expect((await failure(listServiceTokens(owner))).code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
    const { serviceToken } = await createServiceToken(ctx(), { name: uniqueName('Kept') });
    expect((await failure(revokeServiceToken(owner, { prefix: serviceToken.prefix }))).code).toBe('FORBIDDEN');
    expect((await listServiceTokens(ctx())).find((row) => row.prefix === serviceToken.prefix)?.status).toBe('active');
  });

  it('gives the data path role no right on the table', async () => {
    const [privileges] = await rows(
      `select has_table_privilege('tenantry_app', 'tenantry.service_tokens', 'select') as can_select,
              has_table_privilege('tenantry_app', 'tenantry.service_tokens', 'insert, update, delete, truncate, references, trigger') as can_write`,
    );
    expect(privileges).toEqual({ can_select: false, can_write: false });
  });
});
