import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tenantry/testing';
import type { ServiceContext } from '../../context.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { isTenantryError } from '../../errors.ts';
import { addTestMember, provisionTestTenant, userContext } from '../../testing/access-fixtures.ts';
import { testContext } from '../../testing/service-context.ts';
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from '../../testing/api-key-use-cases.ts';
import { listAuditEvents } from '../audit/audit-queries.ts';
import type { DnsResolver } from '../domains/dns-resolver.ts';
import { addDomain, listDomains, removeDomain, setPrimaryDomain, verifyDomain } from '../../testing/domain-use-cases.ts';
import { listInvitations, revokeInvitation } from '../../testing/invitation-use-cases.ts';
import { resendInvitation, sendInvitation } from '../../testing/invitation-use-cases.ts';
import { deleteTenant as deleteOp } from '../lifecycle/delete-tenant.operation.ts';
import { extendTrial as trialOp } from '../lifecycle/extend-trial.operation.ts';
import { setBilling as billingOp } from '../lifecycle/set-billing.operation.ts';
import { setMonitoring as monitoringOp } from '../settings/set-monitoring.operation.ts';
import { seedDemo as seedDemoOp } from '../data-spaces/seed-demo.operation.ts';
import { restoreTables as restoreTablesOp } from '../transfer/restore-tables.operation.ts';
import { purgeTenant as purgeOp } from '../lifecycle/purge-tenant.operation.ts';
import { restoreTenant as restoreOp } from '../lifecycle/restore-tenant.operation.ts';
import { resumeTenant as resumeOp } from '../lifecycle/resume-tenant.operation.ts';
import { suspendTenant as suspendOp } from '../lifecycle/suspend-tenant.operation.ts';
import { operationFunction } from '../../testing/operation-function.ts';
import { listMembers } from '../memberships/members.service.ts';
import { removeMember as removeMemberOp } from '../memberships/remove-member.operation.ts';
import { changePlan as changePlanOp } from '../plans/change-plan.operation.ts';
import { setFeature as setFeatureOp } from '../plans/set-feature.operation.ts';
import { listRoleAssignments } from '../roles/roles.service.ts';
import { grantRole as grantRoleOp } from '../roles/grant-role.operation.ts';
import { revokeRole as revokeRoleOp } from '../roles/revoke-role.operation.ts';
import type { Role } from '../roles/roles.ts';
import { updateSecurityPolicy as policyOp } from '../settings/update-policy.operation.ts';
import { updateSettings as settingsOp } from '../settings/update-settings.operation.ts';
import { provisionTenant } from '../tenants/provision.service.ts';
import { getTenantDetails, listTenants } from '../tenants/tenant-queries.service.ts';
import { authorizeTenantOperation } from './access.service.ts';
import { requirePlatform } from './authorize.ts';
import { PERMISSIONS, ROLE_PERMISSIONS, type Permission } from './permissions.ts';

const deleteTenant = operationFunction(deleteOp);
const restoreTenant = operationFunction(restoreOp);
const extendTrial = operationFunction(trialOp);
const setBilling = operationFunction(billingOp);
const setMonitoring = operationFunction(monitoringOp);
const seedDemo = operationFunction(seedDemoOp);
const restoreTables = operationFunction(restoreTablesOp);
const purgeTenant = operationFunction(purgeOp);
const resumeTenant = operationFunction(resumeOp);
const suspendTenant = operationFunction(suspendOp);
const changePlan = operationFunction(changePlanOp);
const setFeature = operationFunction(setFeatureOp);
const updateSecurityPolicy = operationFunction(policyOp);
const updateSettings = operationFunction(settingsOp);
const removeMember = operationFunction(removeMemberOp);
const grantRole = operationFunction(grantRoleOp);
const revokeRole = operationFunction(revokeRoleOp);
/**
 * Every role (and a member with no role, and a user of no tenant) × every operation × their own tenant
 * and another tenant: allowed exactly where the permission table says, FORBIDDEN everywhere else, and
 * a refused call changes nothing in any table. tenant.list/provision/view run the same guards the SDK
 * runs before the queries.
 */
let testDatabase: TestDatabase;
let database: Database;
const dns = new Map<string, string[][]>();
const resolver: DnsResolver = { resolveTxt: async (name) => dns.get(name) ?? Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })) };
interface Target {
  slug: string;
  name: string;
}
let own: Target;
let other: Target;
const actors: { label: string; user: { userId: string; email: string }; roles: Role[] | null }[] = [];
const ACTOR_LABELS = ['owner', 'admin', 'analyst', 'viewer', 'member with no role', 'user of no tenant'];
let counter = 0;
const unique = (prefix: string) => `${prefix}-${(counter += 1)}`;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.coreOptions);
  const big = { plan: 'enterprise', trialDays: 30 };
  for (const name of ['Matrix Own', 'Matrix Other']) {
    const tenant = await provisionTestTenant(database, { ...big, name, domain: `www.${unique('matrix')}.example` });
    await changePlan(platform(), { slug: tenant.slug, plan: 'enterprise', limits: { maxUsers: 100_000, maxApiKeys: 100_000, maxDomains: 100_000 } });
    if (!own) {
      own = tenant;
      actors.push({ label: 'owner', user: { userId: tenant.ownerId, email: tenant.ownerEmail }, roles: ['owner'] });
    } else other = tenant;
  }
  for (const role of ['admin', 'analyst', 'viewer'] as const)
    actors.push({ label: role, user: await addTestMember(database, own.slug, [role]), roles: [role] });
  actors.push({ label: 'member with no role', user: await addTestMember(database, own.slug, []), roles: [] });
  // A real account that belongs to no tenant (any more).
  const loner = await addTestMember(database, other.slug, ['admin']);
  await removeMember(platform(), { slug: other.slug, email: loner.email });
  actors.push({ label: 'user of no tenant', user: loner, roles: null });
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

const platform = () => testContext(database);

/** A digest of every control-plane table: equal digests, no change anywhere. */
async function fingerprint(): Promise<string> {
  const tables = ['tenants', 'users', 'memberships', 'role_assignments', 'domains', 'invitations', 'api_keys', 'outbox_messages', 'audit_events'];
  const rows = await database
    .fork()
    .execute(
      `select ${tables.map((table) => `(select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from tenantry.${table} t) as ${table}`).join(', ')}`,
    );
  return JSON.stringify(rows);
}

type Prepared = Record<string, string>;
interface Call {
  prepare?: (t: Target) => Promise<Prepared>;
  run: (ctx: ServiceContext, t: Target, p: Prepared) => Promise<unknown>;
  cleanup?: (t: Target) => Promise<unknown>;
}

const member = async (t: Target, roles: Role[]) => ({ email: (await addTestMember(database, t.slug, roles)).email });
const CALLS: Record<Permission, Call> = {
  'tenant.list': { run: async (ctx) => (requirePlatform(ctx, 'tenant.list'), listTenants(ctx.em, ctx.now())) },
  'tenant.provision': {
    run: async (ctx) => (
      requirePlatform(ctx, 'tenant.provision'),
      provisionTenant(ctx, { name: unique('Matrix New'), ownerEmail: `${unique('new')}@matrix.example` })
    ),
  },
  'tenant.view': { run: async (ctx, t) => (await authorizeTenantOperation(ctx, t.slug, 'tenant.view'), getTenantDetails(ctx.em, t.slug, ctx.now())) },
  'tenant.settings': { run: (ctx, t) => updateSettings(ctx, { slug: t.slug, theme: unique('theme') }) },
  'tenant.policy': { run: (ctx, t) => updateSecurityPolicy(ctx, { slug: t.slug, sessionTimeoutMinutes: 100 + (counter += 1) }) },
  'tenant.plan': {
    run: (ctx, t) =>
      changePlan(ctx, {
        slug: t.slug,
        plan: 'enterprise',
        limits: { maxUsers: 100_000, maxApiKeys: 100_000, maxDomains: 100_000, maxDevices: 100 + (counter += 1) },
      }),
  },
  'tenant.feature': { run: (ctx, t) => setFeature(ctx, { slug: t.slug, feature: 'sso', enabled: (counter += 1) % 2 === 0 }) },
  'tenant.suspend': { run: (ctx, t) => suspendTenant(ctx, { slug: t.slug }), cleanup: (t) => resumeTenant(platform(), { slug: t.slug }) },
  'tenant.resume': {
    prepare: async (t) => (await suspendTenant(platform(), { slug: t.slug }), {}),
    run: (ctx, t) => resumeTenant(ctx, { slug: t.slug }),
    cleanup: (t) => resumeTenant(platform(), { slug: t.slug }),
  },
  'tenant.trial': { run: (ctx, t) => extendTrial(ctx, { slug: t.slug, extendDays: 1 }) },
  'tenant.monitoring': { run: (ctx, t) => setMonitoring(ctx, { slug: t.slug, warnAt: { storage: 0.5 + ((counter += 1) % 40) / 100 } }) },
  // Platform only: no role may fill a data space, so this run is only ever refused.
  'tenant.seed_demo': { run: (ctx, t) => seedDemo(ctx, { slug: t.slug, addToExisting: true }) },
  // Platform only, like seeding: refused before the file is even read.
  'tenant.restore_tables': { run: (ctx, t) => restoreTables(ctx, { slug: t.slug, text: 'not read', tables: ['assets'] }) },
  'tenant.billing': { run: (ctx, t) => setBilling(ctx, { slug: t.slug, paidUntil: new Date(Date.now() + (counter += 1) * 86_400_000).toISOString() }) },
  'tenant.delete': {
    run: (ctx, t) => deleteTenant(ctx, { slug: t.slug, confirm: t.name }),
    cleanup: (t) => restoreTenant(platform(), { slug: t.slug }).catch(() => undefined),
  },
  'tenant.restore': {
    prepare: async (t) => (await deleteTenant(platform(), { slug: t.slug, confirm: t.name }), {}),
    run: (ctx, t) => restoreTenant(ctx, { slug: t.slug }),
    cleanup: (t) => restoreTenant(platform(), { slug: t.slug }).catch(() => undefined),
  },
  'tenant.purge': { run: (ctx, t) => purgeTenant(ctx, { slug: t.slug, confirm: t.name, force: true }) },
  'member.list': { run: (ctx, t) => listMembers(ctx, t.slug) },
  'member.remove': { prepare: (t) => member(t, ['viewer']), run: (ctx, t, p) => removeMember(ctx, { slug: t.slug, email: p.email ?? '' }) },
  'role.list': { run: (ctx, t) => listRoleAssignments(ctx, t.slug) },
  'role.grant': { prepare: (t) => member(t, []), run: (ctx, t, p) => grantRole(ctx, { slug: t.slug, email: p.email ?? '', role: 'analyst' }) },
  'role.revoke': { prepare: (t) => member(t, ['viewer']), run: (ctx, t, p) => revokeRole(ctx, { slug: t.slug, email: p.email ?? '', role: 'viewer' }) },
  'invitation.list': { run: (ctx, t) => listInvitations(ctx, { slug: t.slug }) },
  'invitation.send': { run: (ctx, t) => sendInvitation(ctx, { slug: t.slug, email: `${unique('invitee')}@matrix.example`, role: 'viewer' }) },
  'invitation.resend': {
    prepare: async (t) => ({ email: (await sendInvitation(platform(), { slug: t.slug, email: `${unique('resend')}@matrix.example` })).invitation.email }),
    run: (ctx, t, p) => resendInvitation(ctx, { slug: t.slug, email: p.email ?? '' }),
  },
  'invitation.revoke': {
    prepare: async (t) => ({ email: (await sendInvitation(platform(), { slug: t.slug, email: `${unique('revoke')}@matrix.example` })).invitation.email }),
    run: (ctx, t, p) => revokeInvitation(ctx, { slug: t.slug, email: p.email ?? '' }),
  },
  'apikey.list': { run: (ctx, t) => listApiKeys(ctx, t.slug) },
  'apikey.create': { run: (ctx, t) => createApiKey(ctx, { slug: t.slug, name: unique('key'), scopes: ['assets.*'] }) },
  'apikey.rotate': {
    prepare: async (t) => ({ prefix: (await createApiKey(platform(), { slug: t.slug, name: unique('rot'), scopes: ['*'] })).apiKey.prefix }),
    run: (ctx, t, p) => rotateApiKey(ctx, { slug: t.slug, prefix: p.prefix ?? '' }),
  },
  'apikey.revoke': {
    prepare: async (t) => ({ prefix: (await createApiKey(platform(), { slug: t.slug, name: unique('rev'), scopes: ['*'] })).apiKey.prefix }),
    run: (ctx, t, p) => revokeApiKey(ctx, { slug: t.slug, prefix: p.prefix ?? '' }),
  },
  'domain.list': { run: (ctx, t) => listDomains(ctx, t.slug) },
  'domain.add': { run: (ctx, t) => addDomain(ctx, { slug: t.slug, hostname: `${unique('add')}.${t.slug}.example` }) },
  'domain.primary': {
    // Only a verified custom domain can become primary.
    prepare: async (t) => {
      const { domain } = await addDomain(platform(), { slug: t.slug, hostname: `${unique('primary')}.${t.slug}.example` });
      if (domain.verification) dns.set(domain.verification.recordName, [[domain.verification.recordValue]]);
      await verifyDomain(platform(), { slug: t.slug, hostname: domain.hostname }, { resolver });
      return { hostname: domain.hostname };
    },
    run: (ctx, t, p) => setPrimaryDomain(ctx, { slug: t.slug, hostname: p.hostname ?? '' }),
  },
  'domain.verify': {
    prepare: async (t) => {
      const { domain } = await addDomain(platform(), { slug: t.slug, hostname: `${unique('verify')}.${t.slug}.example` });
      if (domain.verification) dns.set(domain.verification.recordName, [[domain.verification.recordValue]]);
      return { hostname: domain.hostname };
    },
    run: (ctx, t, p) => verifyDomain(ctx, { slug: t.slug, hostname: p.hostname ?? '' }, { resolver }),
  },
  'domain.remove': {
    prepare: async (t) => ({ hostname: (await addDomain(platform(), { slug: t.slug, hostname: `${unique('remove')}.${t.slug}.example` })).domain.hostname }),
    run: (ctx, t, p) => removeDomain(ctx, { slug: t.slug, hostname: p.hostname ?? '' }),
  },
  'audit.list': { run: (ctx, t) => listAuditEvents(ctx, { tenant: t.slug }) },
};

const allowedFor = (roles: Role[] | null, operation: Permission, isOwn: boolean) =>
  isOwn && roles !== null && roles.some((role) => ROLE_PERMISSIONS[role].includes(operation));

describe('the permission matrix', () => {
  it.each(ACTOR_LABELS)('%s: may do exactly what its roles allow in its own tenant, nothing in another; a refusal changes nothing', async (label) => {
    const actor = actors.find((candidate) => candidate.label === label);
    if (!actor) throw new Error(`no actor ${label}`);
    const ctx = () => userContext(database, actor.user);
    const verdicts: string[] = [];
    const expected: string[] = [];
    for (const operation of PERMISSIONS) {
      for (const target of [own, other]) {
        const call = CALLS[operation];
        const where = `${actor.label}: ${operation} in ${target === own ? 'own' : 'other'} tenant`;
        const allowed = allowedFor(actor.roles, operation, target === own);
        const prepared = call.prepare ? await call.prepare(target) : {};
        const before = allowed ? '' : await fingerprint();
        let outcome = 'allowed';
        try {
          await call.run(ctx(), target, prepared);
        } catch (error) {
          outcome = isTenantryError(error) ? error.code : String(error);
        }
        if (!allowed) expect(await fingerprint(), `${where} changed something`).toBe(before);
        if (call.cleanup) await call.cleanup(target);
        verdicts.push(`${where}: ${outcome}`);
        expected.push(`${where}: ${allowed ? 'allowed' : 'FORBIDDEN'}`);
      }
    }
    expect(verdicts).toEqual(expected);
  });

  it('an admin cannot reach the owner role by any route', async () => {
    const admin = actors.find((actor) => actor.label === 'admin')?.user;
    if (!admin) throw new Error('no admin');
    const owner = actors[0]?.user?.email ?? '';
    const before = await fingerprint();
    const attempts = [
      () => grantRole(userContext(database, admin), { slug: own.slug, email: admin.email, role: 'owner' }),
      () => revokeRole(userContext(database, admin), { slug: own.slug, email: owner, role: 'owner' }),
      () => removeMember(userContext(database, admin), { slug: own.slug, email: owner }),
      () => sendInvitation(userContext(database, admin), { slug: own.slug, email: 'accomplice@matrix.example', role: 'owner' }),
    ];
    const codes: string[] = [];
    for (const attempt of attempts)
      codes.push(
        await attempt().then(
          () => 'allowed',
          (error: unknown) => (isTenantryError(error) ? error.code : String(error)),
        ),
      );
    expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await fingerprint()).toBe(before);
  });

  it("a user's roles in one tenant give nothing in another where they hold less", async () => {
    const admin = actors.find((actor) => actor.label === 'admin')?.user;
    if (!admin) throw new Error('no admin');
    await addTestMember(database, other.slug, ['viewer'], admin.email);
    expect((await listMembers(userContext(database, admin), other.slug)).length).toBeGreaterThan(0);
    const refused = await sendInvitation(userContext(database, admin), { slug: other.slug, email: 'x@matrix.example' }).catch((error: unknown) => error);
    expect(isTenantryError(refused) && refused.code).toBe('FORBIDDEN');
    expect((await sendInvitation(userContext(database, admin), { slug: own.slug, email: `${unique('y')}@matrix.example` })).result).toBe('applied');
  });
});
