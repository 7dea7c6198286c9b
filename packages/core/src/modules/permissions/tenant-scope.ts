import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { Tenant } from '../tenants/tenant.entity.ts';
import { authorize, type Access } from './authorize.ts';
import type { Permission } from './permissions.ts';

export interface TenantScope {
  tx: SqlEntityManager;
  tenant: Tenant;
  access: Access;
}

/** Operations that only read: allowed on a tenant pending deletion, and on a purged tenant's tombstone. */
const READS: ReadonlySet<Permission> = new Set(['tenant.view', 'member.list', 'role.list', 'invitation.list', 'apikey.list', 'domain.list', 'audit.list']);

/**
 * Runs `work` in one transaction on the tenant named by `slug`: the row is locked for changes (so two
 * concurrent changes to one tenant, such as removing its last two owners, run one after the other),
 * the actor's permission and the tenant's status are checked first.
 */
export async function inTenantScope<T>(ctx: ServiceContext, slug: string, operation: Permission, work: (scope: TenantScope) => Promise<T>): Promise<T> {
  return ctx.em.fork().transactional(async (tx) => {
    const reading = READS.has(operation);
    const tenant = await tx.findOne(Tenant, { slug }, reading ? {} : { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!tenant) throw TenantryError.tenantNotFound(slug);
    const access = await authorize(ctx, tx, operation, tenant);
    assertStatusAllows(tenant, operation, access);
    return work({ tx, tenant, access });
  });
}

/** Which operations each status allows. Lifecycle operations check their own transitions. */
export function assertStatusAllows(tenant: Tenant, operation: Permission, access: Pick<Access, 'platform'>): void {
  const lifecycle = operation === 'tenant.restore' || operation === 'tenant.purge' || operation === 'tenant.delete';
  const reading = READS.has(operation);
  switch (tenant.status) {
    case 'active':
    case 'provisioning':
      return;
    case 'suspended':
      if (access.platform) return;
      throw tenantSuspended(tenant);
    case 'pending_deletion':
      if (reading || lifecycle) return;
      throw pendingDeletion(tenant);
    case 'deleted':
      // Purging a purged tenant again is "unchanged" (the purge use case answers it).
      if ((reading || operation === 'tenant.purge') && access.platform) return;
      throw tenantPurged(tenant);
  }
}

export function tenantSuspended(tenant: Tenant): TenantryError {
  return new TenantryError('TENANT_SUSPENDED', {
    message: `Tenant ${tenant.slug} is suspended${tenant.suspensionReason ? ` (${tenant.suspensionReason})` : ''}.`,
    details: { slug: tenant.slug, status: tenant.status },
    hint: `The platform operator resumes it with \`tenantry tenant resume ${tenant.slug}\`.`,
  });
}

export function pendingDeletion(tenant: Tenant): TenantryError {
  return new TenantryError('TENANT_PENDING_DELETION', {
    message: `Tenant ${tenant.slug} is pending deletion${tenant.deletionScheduledAt ? ` (purge after ${tenant.deletionScheduledAt.toISOString()})` : ''}.`,
    details: { slug: tenant.slug, status: tenant.status, deletionScheduledAt: tenant.deletionScheduledAt?.toISOString() ?? null },
    hint: `Restore it first with \`tenantry tenant restore ${tenant.slug}\`.`,
  });
}

export function tenantPurged(tenant: Tenant): TenantryError {
  return new TenantryError('TENANT_PURGED', {
    message: `Tenant ${tenant.slug} was purged${tenant.purgedAt ? ` on ${tenant.purgedAt.toISOString()}` : ''}; only its tombstone and audit trail remain.`,
    details: { slug: tenant.slug, status: tenant.status },
    hint: `Read its history with \`tenantry audit --tenant ${tenant.slug}\`.`,
  });
}
