import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshotRows, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../../db/database.ts';
import { tenantInput, testContext } from '../../testing/service-context.ts';
import { verifyPassword } from '../users/password.ts';
import { provisionTenant } from './provision.service.ts';
import { failure } from '../../testing/access-fixtures.ts';

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

describe('provisionTenant', () => {
  it('creates tenant, owner, owner role, domains and audit events in one go', async () => {
    const ctx = testContext(database, { settings: { baseDomain: 'tenants.example.com' } });
    const input = tenantInput({
      name: 'Acme Corp',
      slug: undefined,
      ownerEmail: 'Founder@Acme.Example',
      plan: 'professional',
      maxUsers: 75,
      domain: 'app.acme.example',
      trialDays: 14,
      timeZone: 'America/Edmonton',
    });
    delete input.slug;
    const outcome = await provisionTenant(ctx, input);

    expect(outcome.result).toBe('created');
    expect(outcome.tenant?.slug).toBe('acme-corp');
    expect(outcome.tenant?.status).toBe('active');
    expect(outcome.tenant?.limits).toEqual({ maxUsers: 75, maxAssets: 500, maxDevices: 25, storageQuotaGb: 100, maxApiKeys: 10, maxDomains: 5 });
    expect(outcome.tenant?.features).toMatchObject({ api_access: true, analytics: true, sso: false });
    expect(outcome.tenant?.schemaName).toBe('tenant_acme_corp');
    expect(outcome.owner?.email).toBe('founder@acme.example');
    expect(outcome.owner?.mustChangePassword).toBe(true);
    expect(outcome.oneTimePassword).toMatch(/^.{24}$/);

    const [user] = await rows('select password_hash from tenantry.users where email = ?', ['founder@acme.example']);
    expect(String(user?.password_hash)).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(await verifyPassword(outcome.oneTimePassword ?? '', String(user?.password_hash))).toBe(true);

    const domains = await rows(
      'select hostname, kind, is_primary, verified_at is not null as verified from tenantry.domains where tenant_id = ? order by hostname',
      [outcome.tenant?.id],
    );
    expect(domains).toEqual([
      // The custom domain is not primary (the login URL) until verified; the platform subdomain is.
      { hostname: 'acme-corp.tenants.example.com', kind: 'subdomain', is_primary: true, verified: true },
      { hostname: 'app.acme.example', kind: 'custom', is_primary: false, verified: false },
    ]);
    const roles = await rows(`select r.role from tenantry.role_assignments r join tenantry.memberships m on m.id = r.membership_id where m.tenant_id = ?`, [
      outcome.tenant?.id,
    ]);
    expect(roles).toEqual([{ role: 'owner' }]);
    const audit = await rows('select action, correlation_id from tenantry.audit_events where tenant_id = ? order by id', [outcome.tenant?.id]);
    // What provisioning did along the way, then the change itself (the executor's main event).
    expect(audit.map((event) => event.action)).toEqual([
      'user.created',
      'membership.created',
      'role.granted',
      'domain.added',
      'domain.added',
      'tenant.data_space_created',
      'tenant.provisioned',
    ]);
    expect(new Set(audit.map((event) => event.correlation_id))).toEqual(new Set([ctx.correlationId]));
  });

  it('uses <slug>.<base domain> as the primary domain when no domain is given', async () => {
    const outcome = await provisionTenant(testContext(database, { settings: { baseDomain: 'example.io' } }), tenantInput({ slug: 'basedomain-only' }));
    expect(outcome.domains.map((domain) => [domain.hostname, domain.kind, domain.isPrimary])).toEqual([['basedomain-only.example.io', 'subdomain', true]]);
  });

  it("refuses another tenant's platform subdomain, future tenants' names and consumer mail domains, writing nothing", async () => {
    const ctx = testContext(database, { settings: { baseDomain: 'example.com' } });
    const victim = await provisionTenant(ctx, tenantInput({ slug: 'shr' }));
    const before = await snapshot();
    for (const domain of ['shr.example.com', 'future.example.com', 'www.squat.example.com', 'example.com', 'gmail.com', 'mail.outlook.com']) {
      const refused = await failure(provisionTenant(ctx, tenantInput({ slug: 'squat', domain })));
      expect(refused).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [expect.objectContaining({ path: 'domain' })] } });
    }
    expect(await snapshot()).toEqual(before);
    expect(victim.domains.map((domain) => [domain.hostname, domain.isPrimary])).toEqual([['shr.example.com', true]]);
    const own = await provisionTenant(ctx, tenantInput({ slug: 'squat', domain: 'squat.example.com' }));
    expect(own.domains.map((domain) => [domain.hostname, domain.kind, domain.isPrimary])).toEqual([['squat.example.com', 'subdomain', true]]);
  });

  it('without a base domain, a custom domain waits unverified and the tenant has no primary until it is verified', async () => {
    const outcome = await provisionTenant(testContext(database), tenantInput({ domain: 'portal.nobase.example' }));
    expect(outcome.domains.map((domain) => [domain.hostname, domain.kind, domain.isPrimary, domain.verifiedAt])).toEqual([
      ['portal.nobase.example', 'custom', false, null],
    ]);
  });

  it('keeps a given password only as a hash, and returns no one-time password', async () => {
    const input = tenantInput({ ownerPassword: 'Correct-Horse-42' });
    const outcome = await provisionTenant(testContext(database), input);
    expect(outcome.oneTimePassword).toBeUndefined();
    const [user] = await rows('select password_hash from tenantry.users where email = ?', [input.ownerEmail]);
    expect(user?.password_hash).not.toContain('Correct-Horse-42');
    expect(await verifyPassword('Correct-Horse-42', String(user?.password_hash))).toBe(true);
    const dump = JSON.stringify(await snapshot());
    expect(dump).not.toContain('Correct-Horse-42');
  });

  it('dry run returns the plan and writes nothing', async () => {
    const before = await snapshot();
    const outcome = await provisionTenant(testContext(database), tenantInput({ domain: 'dry.example.org' }), { dryRun: true });
    expect(outcome.result).toBe('planned');
    expect(outcome.plan.steps.map((step) => step.action)).toEqual([
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
    expect(await snapshot()).toEqual(before);
  });

  it('reports the identical request again as unchanged and changes nothing', async () => {
    const input = tenantInput();
    await provisionTenant(testContext(database), input);
    const before = await snapshot();
    const again = await provisionTenant(testContext(database), input);
    expect(again.result).toBe('unchanged');
    expect(again.oneTimePassword).toBeUndefined();
    expect(again.tenant?.slug).toBe(input.slug);
    expect(await snapshot()).toEqual(before);
    expect((await provisionTenant(testContext(database), input, { dryRun: true })).result).toBe('unchanged');
  });

  it('refuses a taken slug with a different request, writing nothing', async () => {
    const first = tenantInput();
    await provisionTenant(testContext(database), first);
    const before = await snapshot();
    const error = await failure(provisionTenant(testContext(database), tenantInput({ slug: first.slug })));
    expect(error.code).toBe('SLUG_TAKEN');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an existing owner email unless allowExistingUser, which links the same user', async () => {
    const first = tenantInput();
    const created = await provisionTenant(testContext(database), first);
    expect((await failure(provisionTenant(testContext(database), tenantInput({ ownerEmail: first.ownerEmail })))).code).toBe('EMAIL_TAKEN');
    const upper = String(first.ownerEmail).toUpperCase();
    expect((await failure(provisionTenant(testContext(database), tenantInput({ ownerEmail: upper })))).code).toBe('EMAIL_TAKEN');

    const linked = await provisionTenant(testContext(database), tenantInput({ ownerEmail: upper, allowExistingUser: true }));
    expect(linked.result).toBe('created');
    expect(linked.owner?.id).toBe(created.owner?.id);
    expect(linked.oneTimePassword).toBeUndefined();
    expect(linked.plan.owner.existingUserId).toBe(created.owner?.id);
    const memberships = await rows('select count(*)::int as n from tenantry.memberships where user_id = ?', [created.owner?.id]);
    expect(memberships).toEqual([{ n: 2 }]);
  });

  it('refuses a password for an owner who already exists', async () => {
    const first = tenantInput();
    await provisionTenant(testContext(database), first);
    const error = await failure(
      provisionTenant(testContext(database), tenantInput({ ownerEmail: first.ownerEmail, allowExistingUser: true, ownerPassword: 'Another-Pass-123' })),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'ownerPassword' })]);
  });

  it('rolls everything back when a later step fails (hostname already used)', async () => {
    await provisionTenant(testContext(database), tenantInput({ domain: 'shared.example.net' }));
    const before = await snapshot();
    const error = await failure(provisionTenant(testContext(database), tenantInput({ domain: 'SHARED.example.net' })));
    expect(error.code).toBe('HOSTNAME_TAKEN');
    expect(await snapshot()).toEqual(before);
  });

  it('reports every invalid field at once', async () => {
    const error = await failure(
      provisionTenant(testContext(database), {
        name: ' ',
        slug: '9lives',
        ownerEmail: 'x',
        plan: 'gold',
        maxUsers: 0,
        timeZone: 'Mars/Olympus',
        domain: 'not a host',
        ownerPassword: 'short',
      }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    const paths = (error.details.issues as { path: string }[]).map((issue) => issue.path).sort();
    expect(paths).toEqual(['domain', 'maxUsers', 'name', 'ownerEmail', 'ownerPassword', 'plan', 'slug', 'timeZone']);
  });

  it('derives no invalid slug silently', async () => {
    const error = await failure(provisionTenant(testContext(database), { name: 'AB', ownerEmail: 'ab@example.com' }));
    expect(error.details.issues).toEqual([{ path: 'slug', message: expect.stringContaining('pass a slug') }]);
  });
});
