import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import { openDatabase, type Database } from '../db/database.ts';
import { provisionTenant } from '../modules/tenants/provision.service.ts';
import { tenantInput, testContext } from '../testing/service-context.ts';
import { createApiKey } from '../testing/api-key-use-cases.ts';
import { resendInvitation, sendInvitation } from '../testing/invitation-use-cases.ts';
import { revokeInvitation } from '../testing/invitation-use-cases.ts';
import { deleteTenant as deleteOp } from '../modules/lifecycle/delete-tenant.operation.ts';
import { operationFunction } from '../testing/operation-function.ts';

const deleteTenant = operationFunction(deleteOp);
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_BLUEPRINT } from '../isolation/sample-blueprint.ts';
import { HEALTH_CHECKS } from './catalog.ts';
import { runDoctor } from './doctor.ts';
import { applyRepair, planRepairs } from './repair.service.ts';

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

const sql = (text: string, params: unknown[] = []) => database.fork().execute<Record<string, unknown>[]>(text, params);
const ctx = (baseDomain?: string) => testContext(database, baseDomain ? { settings: { baseDomain } } : {});

async function provision(overrides: Record<string, unknown> = {}): Promise<{ id: string; slug: string; ownerId: string; ownerEmail: string }> {
  const outcome = await provisionTenant(ctx(), tenantInput({ isolation: 'shared', ...overrides }));
  return { id: outcome.tenant?.id ?? '', slug: outcome.tenant?.slug ?? '', ownerId: outcome.owner?.id ?? '', ownerEmail: outcome.owner?.email ?? '' };
}

async function codesFor(slug: string, baseDomain?: string): Promise<string[]> {
  return (await runDoctor(ctx(baseDomain), { slug })).findings.map((finding) => finding.code);
}

/** Repairs every finding of `code` for the tenant, and returns what the re-check still reports. */
async function repair(code: string, slug: string, baseDomain?: string) {
  const planned = await planRepairs(ctx(baseDomain), { code, slug });
  expect(planned.length).toBeGreaterThan(0);
  const outcomes = [];
  for (const { finding } of planned) outcomes.push(await applyRepair(ctx(baseDomain), finding));
  return outcomes;
}

describe('doctor', () => {
  it('finds nothing wrong with freshly provisioned tenants, in either isolation mode', async () => {
    for (const isolation of ['schema', 'shared']) {
      const tenant = await provision({ isolation, domain: `${isolation}-${Date.now()}.clean.test` });
      expect(await codesFor(tenant.slug)).toEqual([]);
    }
  });

  it('has a stable, unique code, a title, a description and a remediation for every check', () => {
    const codes = HEALTH_CHECKS.map((check) => check.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const check of HEALTH_CHECKS) {
      expect(check.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(check.title.length).toBeGreaterThan(5);
      expect(check.description.length).toBeGreaterThan(20);
      expect(check.remediation.length).toBeGreaterThan(10);
    }
  });

  it('TENANT_STUCK_PROVISIONING: a tenant left in provisioning', async () => {
    const tenant = await provision();
    await sql(`update tenantry.tenants set status = 'provisioning', created_at = now() - interval '2 hours' where id = ?`, [tenant.id]);
    const [finding] = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
    expect(finding).toMatchObject({ code: 'TENANT_STUCK_PROVISIONING', severity: 'error', tenant: { slug: tenant.slug } });
    expect(finding?.message).toMatch(/provisioning for 1[12]\d minutes/);
    await sql(`update tenantry.tenants set status = 'active' where id = ?`, [tenant.id]);
  });

  it('TENANT_SCHEMA_MISSING: a dropped schema is recreated with every blueprint migration', async () => {
    const tenant = await provision({ isolation: 'schema' });
    const [row] = await sql('select schema_name from tenantry.tenants where id = ?', [tenant.id]);
    const schema = String(row?.schema_name);
    await sql(`drop schema "${schema}" cascade`);
    expect(await codesFor(tenant.slug)).toEqual(['TENANT_SCHEMA_MISSING']);
    const [outcome] = await repair('TENANT_SCHEMA_MISSING', tenant.slug);
    expect(outcome?.remaining).toBeNull();
    expect(await sql(`select count(*)::int as n from pg_tables where schemaname = ?`, [schema])).toEqual([{ n: 3 }]);
    expect(await codesFor(tenant.slug)).toEqual([]);
  });

  it('TENANT_STUCK_PROVISIONING: a run killed before its data space existed is finished', async () => {
    const tenant = await provision({ isolation: 'schema' });
    const [row] = await sql('select schema_name from tenantry.tenants where id = ?', [tenant.id]);
    await sql(`drop schema "${String(row?.schema_name)}" cascade`);
    await sql(`delete from tenantry.tenant_migrations where tenant_id = ?`, [tenant.id]);
    await sql(`update tenantry.tenants set status = 'provisioning', created_at = now() - interval '1 hour' where id = ?`, [tenant.id]);
    expect(await codesFor(tenant.slug)).toEqual(['TENANT_STUCK_PROVISIONING']);
    const [planned] = await planRepairs(ctx(), { code: 'TENANT_STUCK_PROVISIONING', slug: tenant.slug });
    expect(planned?.plan.steps.map((step) => step.action)).toContain('create-schema');
    await repair('TENANT_STUCK_PROVISIONING', tenant.slug);
    expect(await sql('select status from tenantry.tenants where id = ?', [tenant.id])).toEqual([{ status: 'active' }]);
    expect(await codesFor(tenant.slug)).toEqual([]);
  });

  it('TENANT_MIGRATION_OBJECTS_MISSING: a dropped table is found; the reset exports, recreates, and needs the name', async () => {
    const tenant = await provision({ isolation: 'schema' });
    const [row] = await sql('select schema_name, name from tenantry.tenants where id = ?', [tenant.id]);
    await sql(`drop table "${String(row?.schema_name)}".devices cascade`);
    const [finding] = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
    expect(finding).toMatchObject({ code: 'TENANT_MIGRATION_OBJECTS_MISSING', severity: 'error' });
    expect(finding?.message).toContain('devices (0002_devices)');
    const exportDir = mkdtempSync(join(tmpdir(), 'tenantry-exports-'));
    const repairCtx = testContext(database, { settings: { exportDir } });
    await expect(applyRepair(repairCtx, finding!)).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    const outcome = await applyRepair(repairCtx, finding!, { confirm: String(row?.name) });
    expect(outcome.remaining).toBeNull();
    expect(readdirSync(exportDir)).toHaveLength(1);
    expect(await codesFor(tenant.slug)).toEqual([]);
  });

  it('TENANT_MIGRATIONS_BEHIND: a new blueprint migration is rolled out by the repair', async () => {
    const tenant = await provision({ isolation: 'schema' });
    const extended = {
      ...SAMPLE_BLUEPRINT,
      migrations: [
        ...SAMPLE_BLUEPRINT.migrations,
        {
          id: '9001_asset_tags',
          description: 'Tags on assets.',
          schema: 'alter table assets add column tags text[] not null default array[]::text[]',
          shared: 'alter table assets add column tags text[] not null default array[]::text[]',
        },
      ],
    };
    const newer = testContext(database, { blueprint: extended });
    const [finding] = (await runDoctor(newer, { slug: tenant.slug })).findings;
    expect(finding).toMatchObject({ code: 'TENANT_MIGRATIONS_BEHIND', details: { missing: ['9001_asset_tags'] } });
    const outcome = await applyRepair(testContext(database, { blueprint: extended }), finding!);
    expect(outcome.remaining).toBeNull();
    expect((await runDoctor(testContext(database, { blueprint: extended }), { slug: tenant.slug })).findings).toEqual([]);
  });

  it('TENANT_MIGRATION_CHECKSUM_CHANGED: a migration edited after it was applied', async () => {
    const tenant = await provision({ isolation: 'schema' });
    await sql(`update tenantry.tenant_migrations set checksum = 'edited' where tenant_id = ? and migration_id = '0001_assets'`, [tenant.id]);
    const [finding] = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
    expect(finding).toMatchObject({ code: 'TENANT_MIGRATION_CHECKSUM_CHANGED', subject: '0001_assets', repairable: false });
    await sql(
      `update tenantry.tenant_migrations m set checksum = (select checksum from tenantry.tenant_migrations o where o.migration_id = m.migration_id and o.tenant_id <> m.tenant_id and o.checksum <> 'edited' limit 1) where tenant_id = ?`,
      [tenant.id],
    );
  });

  it.each([
    ['SHARED_TABLE_RLS_DISABLED', 'alter table tenantry_shared.assets disable row level security'],
    ['SHARED_TABLE_RLS_NOT_FORCED', 'alter table tenantry_shared.assets no force row level security'],
    ['SHARED_TABLE_POLICY_MISSING', 'drop policy tenant_isolation on tenantry_shared.assets'],
  ])('%s: found on the shared table and repaired', async (code, drift) => {
    await provision({ isolation: 'shared' });
    await sql(drift);
    const finding = (await runDoctor(ctx())).findings.find((candidate) => candidate.code === code);
    expect(finding).toMatchObject({ scope: 'database', subject: 'tenantry_shared.assets', severity: 'error' });
    const outcome = await applyRepair(ctx(), finding!);
    expect(outcome.remaining).toBeNull();
    expect((await runDoctor(ctx())).findings.filter((candidate) => candidate.code.startsWith('SHARED_TABLE'))).toEqual([]);
  });

  it('ORPHAN_TENANT_SCHEMA: exported to a file, then dropped, only with the exact name', async () => {
    await sql('create schema tenant_ghost_town');
    await sql('create table tenant_ghost_town.assets (id int, name text)');
    await sql(`insert into tenant_ghost_town.assets values (1, 'left behind')`);
    const report = await runDoctor(ctx());
    const finding = report.findings.find((candidate) => candidate.code === 'ORPHAN_TENANT_SCHEMA');
    expect(finding).toMatchObject({ subject: 'tenant_ghost_town', details: { schema: 'tenant_ghost_town', tables: 1 } });
    const exportDir = mkdtempSync(join(tmpdir(), 'tenantry-exports-'));
    const repairCtx = testContext(database, { settings: { exportDir } });
    const [planned] = await planRepairs(repairCtx, { code: 'ORPHAN_TENANT_SCHEMA' });
    expect(planned?.plan).toMatchObject({ destructive: true, confirmText: 'tenant_ghost_town' });
    await expect(applyRepair(repairCtx, planned!.finding)).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    await expect(applyRepair(repairCtx, planned!.finding, { confirm: 'tenant_ghost' })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    expect(await sql(`select count(*)::int as n from tenant_ghost_town.assets`)).toEqual([{ n: 1 }]);
    const outcome = await applyRepair(repairCtx, planned!.finding, { confirm: 'tenant_ghost_town' });
    expect(outcome.remaining).toBeNull();
    const [file] = readdirSync(exportDir);
    const lines = readFileSync(join(exportDir, file ?? ''), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[1]).toEqual({ table: 'assets', row: { id: 1, name: 'left behind' } });
    expect(await sql(`select count(*)::int as n from pg_namespace where nspname = 'tenant_ghost_town'`)).toEqual([{ n: 0 }]);
  });

  it('TENANT_NO_OWNER: found, repaired by promoting the longest-standing member, then clean', async () => {
    const tenant = await provision();
    await sql(`delete from tenantry.role_assignments r using tenantry.memberships m where m.id = r.membership_id and m.tenant_id = ? and r.role = 'owner'`, [
      tenant.id,
    ]);
    expect(await codesFor(tenant.slug)).toEqual(['TENANT_NO_OWNER']);
    const [planned] = await planRepairs(ctx(), { code: 'TENANT_NO_OWNER', slug: tenant.slug });
    // The repair is grantRole's own plan for the longest-standing member (the only one here: the owner who lost the role).
    expect(planned?.plan.steps[0]?.description).toBe(`Grant owner to ${tenant.ownerEmail} in ${tenant.slug}`);
    const [outcome] = await repair('TENANT_NO_OWNER', tenant.slug);
    expect(outcome?.remaining).toBeNull();
    expect(await codesFor(tenant.slug)).toEqual([]);
    const audit = await sql(`select action from tenantry.audit_events where tenant_id = ? order by id desc limit 2`, [tenant.id]);
    expect(audit.map((event) => event.action).sort()).toEqual(['health.repaired', 'role.granted']);
    const [granted] = await sql(`select target_id from tenantry.audit_events where tenant_id = ? and action = 'role.granted' order by id desc limit 1`, [
      tenant.id,
    ]);
    expect(granted?.target_id).toBe(tenant.ownerId);
  });

  it('NO_PRIMARY_DOMAIN: a verified domain that lost its primary flag is made primary again; an unverified one is not', async () => {
    const tenant = await provision({ domain: `www.${Date.now()}.drift.test` });
    // Unverified and alone, the custom domain waits for its verification: nothing to repair.
    expect(await codesFor(tenant.slug)).toEqual([]);
    await sql('update tenantry.domains set is_primary = false, verified_at = now() where tenant_id = ?', [tenant.id]);
    expect(await codesFor(tenant.slug)).toEqual(['NO_PRIMARY_DOMAIN']);
    const [finding] = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
    expect(finding).toMatchObject({ severity: 'warn', message: `${tenant.slug} has 1 verified domain and none is primary.` });
    // The repair is `domain primary`: its plan, its audit action, no hand-built SQL.
    const [planned] = await planRepairs(ctx(), { code: 'NO_PRIMARY_DOMAIN', slug: tenant.slug });
    expect(planned?.plan.steps.map((step) => [step.action, step.sql ?? null])).toEqual([['set-primary-domain', null]]);
    const [outcome] = await repair('NO_PRIMARY_DOMAIN', tenant.slug);
    expect(outcome?.remaining).toBeNull();
    expect(await sql('select is_primary from tenantry.domains where tenant_id = ?', [tenant.id])).toEqual([{ is_primary: true }]);
    const audit = await sql(`select action from tenantry.audit_events where tenant_id = ? order by id desc limit 2`, [tenant.id]);
    expect(audit.map((event) => event.action).sort()).toEqual(['domain.primary_changed', 'health.repaired']);
  });

  it('NO_PRIMARY_DOMAIN: a deleted domain row is replaced by <slug>.<base domain>', async () => {
    const tenant = await provision();
    expect(await codesFor(tenant.slug)).toEqual([]);
    expect(await codesFor(tenant.slug, 'tenants.example.com')).toEqual(['NO_PRIMARY_DOMAIN']);
    const [finding] = (await runDoctor(ctx('tenants.example.com'), { slug: tenant.slug })).findings;
    expect(finding).toMatchObject({ severity: 'error', message: `${tenant.slug} has no verified domain: no request can reach it.` });
    await repair('NO_PRIMARY_DOMAIN', tenant.slug, 'tenants.example.com');
    expect(await sql('select hostname, kind, is_primary from tenantry.domains where tenant_id = ?', [tenant.id])).toEqual([
      { hostname: `${tenant.slug}.tenants.example.com`, kind: 'subdomain', is_primary: true },
    ]);
    expect(await codesFor(tenant.slug, 'tenants.example.com')).toEqual([]);
  });

  it('USAGE_OVER_LIMIT and USAGE_NEAR_LIMIT: users against the plan limit, with the numbers', async () => {
    const tenant = await provision();
    await sql(`update tenantry.tenants set limits = jsonb_set(limits, '{maxUsers}', '1') where id = ?`, [tenant.id]);
    const [near] = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
    expect(near).toMatchObject({ code: 'USAGE_NEAR_LIMIT', severity: 'warn', details: { resource: 'users', used: 1, limit: 1 } });
    await sql(`update tenantry.tenants set limits = jsonb_set(limits, '{maxUsers}', '0') where id = ?`, [tenant.id]);
    const [over] = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
    expect(over).toMatchObject({ code: 'USAGE_OVER_LIMIT', severity: 'error', message: `${tenant.slug} uses 1 users of 0 allowed.` });
    await sql(`update tenantry.tenants set limits = jsonb_set(limits, '{maxUsers}', '10') where id = ?`, [tenant.id]);
  });

  it('USAGE_OVER_LIMIT and USAGE_NEAR_LIMIT: assets, devices and storage counted in both isolation modes', async () => {
    for (const isolation of ['schema', 'shared'] as const) {
      const tenant = await provision({ isolation, skipDemoData: true, maxAssets: 3, maxDevices: 10, storageQuotaGb: 1 });
      const [row] = await sql('select schema_name from tenantry.tenants where id = ?', [tenant.id]);
      const table = (name: string) => (isolation === 'schema' ? `"${String(row?.schema_name)}".${name}` : `tenantry_shared.${name}`);
      const tenantColumn = isolation === 'shared' ? 'tenant_id, ' : '';
      const tenantValue = isolation === 'shared' ? `'${tenant.id}', ` : '';
      for (let index = 0; index < 4; index++) {
        await sql(
          `insert into ${table('assets')} (${tenantColumn}name, uri, mimetype, size_bytes) values (${tenantValue}'a${index}', 'https://cdn.test/${index}', 'image/png', 230000000)`,
        );
      }
      const findings = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
      expect(findings).toContainEqual(expect.objectContaining({ code: 'USAGE_OVER_LIMIT', details: { resource: 'assets', used: 4, limit: 3 } }));
      expect(findings).toContainEqual(
        expect.objectContaining({ code: 'USAGE_NEAR_LIMIT', details: { resource: 'storage', used: 0.86, limit: 1, warnAt: 0.8, warnAtFrom: 'plan' } }),
      );
    }
  });

  it('TRIAL_ENDED_ACTIVE: an active tenant past its trial is suspended', async () => {
    const tenant = await provision({ trialDays: 14 });
    await sql(`update tenantry.tenants set trial_ends_at = now() - interval '3 days' where id = ?`, [tenant.id]);
    const [finding] = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
    expect(finding).toMatchObject({ code: 'TRIAL_ENDED_ACTIVE', details: { days: 3 } });
    await repair('TRIAL_ENDED_ACTIVE', tenant.slug);
    expect(await sql('select status from tenantry.tenants where id = ?', [tenant.id])).toEqual([{ status: 'suspended' }]);
    expect(await codesFor(tenant.slug)).toEqual([]);
  });

  it('DELETION_GRACE_OVER: exported, then purged, only with the exact name', async () => {
    const tenant = await provision({ isolation: 'schema', name: `Grace Over ${Date.now()}` });
    const [row] = await sql('select name from tenantry.tenants where id = ?', [tenant.id]);
    const name = String(row?.name);
    await deleteTenant(ctx(), { slug: tenant.slug, confirm: name });
    await sql(`update tenantry.tenants set deletion_scheduled_at = now() - interval '1 day' where id = ?`, [tenant.id]);
    const [finding] = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
    expect(finding).toMatchObject({ code: 'DELETION_GRACE_OVER', severity: 'warn' });
    const exportDir = mkdtempSync(join(tmpdir(), 'tenantry-exports-'));
    const repairCtx = testContext(database, { settings: { exportDir } });
    await expect(applyRepair(repairCtx, finding!, { confirm: 'wrong name' })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    const outcome = await applyRepair(repairCtx, finding!, { confirm: name });
    expect(outcome.remaining).toBeNull();
    expect(readdirSync(exportDir)).toHaveLength(1);
    expect(await sql('select status from tenantry.tenants where id = ?', [tenant.id])).toEqual([{ status: 'deleted' }]);
  });

  it('INVITATIONS_EXPIRED_PENDING: pending invitations past their expiry are marked expired', async () => {
    const tenant = await provision();
    await sendInvitation(ctx(), { slug: tenant.slug, email: 'late@example.com' });
    await sendInvitation(ctx(), { slug: tenant.slug, email: 'later@example.com' });
    await sql(`update tenantry.invitations set expires_at = now() - interval '1 day' where email = 'late@example.com'`);
    const [finding] = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
    expect(finding).toMatchObject({ code: 'INVITATIONS_EXPIRED_PENDING', severity: 'info', details: { invitations: 1, emails: ['late@example.com'] } });
    const [outcome] = await repair('INVITATIONS_EXPIRED_PENDING', tenant.slug);
    expect(outcome?.remaining).toBeNull();
    expect(await sql(`select email, state from tenantry.invitations where tenant_id = ? order by email`, [tenant.id])).toEqual([
      { email: 'late@example.com', state: 'expired' },
      { email: 'later@example.com', state: 'pending' },
    ]);
    expect(await codesFor(tenant.slug)).toEqual([]);
  });

  it('INVITATION_MAIL_UNDELIVERED: a failed delivery and a message left unsent, until the invitation is sent again', async () => {
    const tenant = await provision({ plan: 'professional' });
    const refusing = { description: 'smtp://mail.invalid', send: async () => Promise.reject(new Error('connect ECONNREFUSED mail.invalid:25')) };
    const delivered = { description: 'memory', send: async () => ({}) };
    await sendInvitation(ctx(), { slug: tenant.slug, email: 'bounced@example.com' }, { mailer: refusing });
    await sendInvitation(ctx(), { slug: tenant.slug, email: 'crashed@example.com' });
    await sendInvitation(ctx(), { slug: tenant.slug, email: 'fine@example.com' }, { mailer: delivered });
    expect(await codesFor(tenant.slug)).toEqual(['INVITATION_MAIL_UNDELIVERED']);
    // The process that wrote the second message died before delivering it: pending, and old.
    await sql(`update tenantry.outbox_messages set created_at = created_at - interval '20 minutes' where recipient = 'crashed@example.com'`);
    await sql(`update tenantry.invitations set last_sent_at = last_sent_at - interval '20 minutes' where email = 'crashed@example.com'`);
    const [finding] = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
    expect(finding).toMatchObject({
      code: 'INVITATION_MAIL_UNDELIVERED',
      severity: 'warn',
      repairable: false,
      details: { messages: 2, recipients: ['bounced@example.com', 'crashed@example.com'], failed: 1 },
    });
    expect(finding?.message).toContain('ECONNREFUSED');
    await resendInvitation(ctx(), { slug: tenant.slug, email: 'bounced@example.com' }, { mailer: delivered });
    await revokeInvitation(ctx(), { slug: tenant.slug, email: 'crashed@example.com' });
    expect(await codesFor(tenant.slug)).toEqual([]);
  });

  it('API_KEYS_EXPIRED_ACTIVE: expired keys never revoked are revoked', async () => {
    const tenant = await provision({ plan: 'professional' });
    const created = await createApiKey(ctx(), { slug: tenant.slug, name: 'Old integration', scopes: ['assets.*'] });
    await sql(`update tenantry.api_keys set expires_at = now() - interval '2 days' where tenant_id = ?`, [tenant.id]);
    const [finding] = (await runDoctor(ctx(), { slug: tenant.slug })).findings;
    expect(finding).toMatchObject({ code: 'API_KEYS_EXPIRED_ACTIVE', severity: 'warn', details: { keys: 1 } });
    await repair('API_KEYS_EXPIRED_ACTIVE', tenant.slug);
    expect(await sql(`select revoked_at is not null as revoked from tenantry.api_keys where tenant_id = ?`, [tenant.id])).toEqual([{ revoked: true }]);
    expect(created.apiKey.prefix.length).toBeGreaterThan(0);
    expect(await codesFor(tenant.slug)).toEqual([]);
  });

  it('SCHEMA_COUNT_GUARDRAIL: more schema tenants than the guardrail', async () => {
    await provision({ isolation: 'schema' });
    const report = await runDoctor(ctx(), { settings: { schemaGuardrail: 1 } });
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'SCHEMA_COUNT_GUARDRAIL', scope: 'database', repairable: false }));
  });

  it('filters by minimum severity and orders the worst first', async () => {
    const report = await runDoctor(ctx(), { minSeverity: 'warn', settings: { schemaGuardrail: 1 } });
    const ranks = report.findings.map((finding) => ['info', 'warn', 'error'].indexOf(finding.severity));
    expect(ranks.every((rank) => rank >= 1)).toBe(true);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });
});
