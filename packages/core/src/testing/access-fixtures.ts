import { rejectionOf } from '@tenantry/testing';
import type { ServiceContext } from '../context.ts';
import type { Database } from '../db/database.ts';
import { TenantryError } from '../errors.ts';
import { Membership } from '../modules/memberships/membership.entity.ts';
import { RoleAssignment } from '../modules/roles/role-assignment.entity.ts';
import type { Role } from '../modules/roles/roles.ts';
import { provisionTenant } from '../modules/tenants/provision.service.ts';
import { Tenant } from '../modules/tenants/tenant.entity.ts';
import { User } from '../modules/users/user.entity.ts';
import { tenantInput, testContext } from './service-context.ts';

export interface TestTenant {
  id: string;
  slug: string;
  name: string;
  ownerId: string;
  ownerEmail: string;
}

/** Provisions a tenant (with its owner) through the real use case. */
export async function provisionTestTenant(database: Database, overrides: Record<string, unknown> = {}): Promise<TestTenant> {
  const input = tenantInput({ ownerPassword: 'Owner-Password-1', ...overrides });
  const outcome = await provisionTenant(testContext(database), input);
  if (!outcome.tenant || !outcome.owner) throw new Error('provisioning returned no tenant');
  return { id: outcome.tenant.id, slug: outcome.tenant.slug, name: outcome.tenant.name, ownerId: outcome.owner.id, ownerEmail: outcome.owner.email };
}

let memberCounter = 0;

/**
 * Adds a member with roles directly (no password, no audit): a fixture, not the use case. Reuses the
 * user when the email exists.
 */
export async function addTestMember(database: Database, slug: string, roles: Role[], email?: string): Promise<{ userId: string; email: string }> {
  memberCounter += 1;
  const address = email ?? `member-${Date.now().toString(36)}-${memberCounter}@example.com`;
  const em = database.fork();
  const tenant = await em.findOneOrFail(Tenant, { slug });
  const now = new Date();
  const user =
    (await em.findOne(User, { email: address })) ??
    em.create(User, { email: address, name: null, passwordHash: null, mustChangePassword: false, createdAt: now, updatedAt: now });
  const membership = em.create(Membership, { tenant, user, createdAt: now });
  for (const role of roles) em.create(RoleAssignment, { membership, role, createdAt: now });
  await em.flush();
  return { userId: user.id, email: address };
}

/** A context acting as a tenant user. */
export function userContext(database: Database, user: { userId: string; email: string }, overrides: Partial<ServiceContext> = {}): ServiceContext {
  return testContext(database, { actor: { type: 'user', id: user.userId, label: user.email }, ...overrides });
}

/** The TenantryError a promise rejects with (fails the test when it resolves or throws something else). */
export const failure = (promise: Promise<unknown>) => rejectionOf(promise, TenantryError);
