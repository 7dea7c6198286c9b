import { randomBytes } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { uuidv7 } from '../../db/ids.ts';
import { auditEventData, type AuditEntry } from '../audit/audit.service.ts';
import { AuditEvent } from '../audit/audit-event.entity.ts';
import { Domain } from '../domains/domain.entity.ts';
import { Membership } from '../memberships/membership.entity.ts';
import { RoleAssignment } from '../roles/role-assignment.entity.ts';
import { User } from '../users/user.entity.ts';
import type { ProvisionPlan } from './provision-plan.ts';
import type { SettledProvisionRequest } from './provision-request.ts';
import { defaultSecurityPolicy } from './security-policy.ts';
import { Tenant } from './tenant.entity.ts';

export interface ProvisionRows {
  /** The INSERTs of the control-plane rows and audit events, as MikroORM renders them, to run with the data space. */
  statements: string[];
  tenant: Tenant;
  owner: User;
  domains: Domain[];
}

/**
 * The rows provisioning writes, as SQL that goes to the database in the same round trip as the data
 * space (the unit of work would send one INSERT per table), and the entities the caller returns. An
 * existing owner is read (linking); everything else is new.
 */
export async function provisionRows(ctx: ServiceContext, tx: SqlEntityManager, request: SettledProvisionRequest, plan: ProvisionPlan, passwordHash: string | null): Promise<ProvisionRows> {
  const now = ctx.now();
  const tenantData = {
    id: plan.tenantId,
    slug: request.slug,
    name: request.name,
    status: 'active' as const,
    plan: request.plan,
    limits: plan.limits,
    features: plan.features,
    settings: request.settings ?? {},
    timeZone: request.timeZone,
    contactEmail: request.contactEmail ?? null,
    supportEmail: request.supportEmail ?? null,
    supportPhone: request.supportPhone ?? null,
    trialEndsAt: plan.trialEndsAt,
    paidUntil: null,
    securityPolicy: defaultSecurityPolicy(),
    isolation: request.isolation,
    schemaName: plan.schemaName,
    provisionFingerprint: plan.fingerprint,
    createdAt: now,
    updatedAt: now,
    deletionScheduledAt: null,
  };
  const statements = [insert(tx, Tenant, tenantData)];
  const tenant = tx.create(Tenant, tenantData, { persist: false });
  let owner: User;
  if (plan.owner.existingUserId) {
    owner = await tx.findOneOrFail(User, plan.owner.existingUserId);
  } else {
    const userData = { id: uuidv7(), email: request.ownerEmail, name: request.ownerName ?? null, passwordHash, mustChangePassword: true, createdAt: now, updatedAt: now };
    statements.push(insert(tx, User, userData));
    owner = tx.create(User, userData, { persist: false });
  }
  const membershipId = uuidv7();
  statements.push(insert(tx, Membership, { id: membershipId, tenant: tenant.id, user: owner.id, createdAt: now }));
  statements.push(insert(tx, RoleAssignment, { id: uuidv7(), membership: membershipId, role: 'owner', createdAt: now }));
  const domainRows = plan.domains.map((domain) => ({
    id: uuidv7(),
    hostname: domain.hostname,
    kind: domain.kind,
    isPrimary: domain.isPrimary,
    verificationToken: domain.kind === 'custom' ? randomBytes(16).toString('hex') : null,
    verifiedAt: domain.kind === 'subdomain' ? now : null,
    createdAt: now,
  }));
  if (domainRows.length > 0) statements.push(insert(tx, Domain, domainRows.map((row) => ({ ...row, tenant: tenant.id }))));
  const domains = domainRows.map((row) => tx.create(Domain, { ...row, tenant }, { persist: false }));
  statements.push(insert(tx, AuditEvent, auditEntries(request, plan, tenant, owner, domains).map((entry) => auditEventData(ctx, entry))));
  return { statements, tenant, owner, domains };
}

function insert<Entity extends object>(tx: SqlEntityManager, entity: new (...args: never[]) => Entity, data: object | object[]): string {
  return tx.createQueryBuilder(entity).insert(data).getFormattedQuery();
}

function auditEntries(request: SettledProvisionRequest, plan: ProvisionPlan, tenant: Tenant, owner: User, domains: Domain[]): AuditEntry[] {
  const scope = { id: tenant.id, slug: tenant.slug };
  const { ownerPassword: _secret, ...requested } = request;
  const entries: AuditEntry[] = [
    { action: 'tenant.provisioned', tenant: scope, targetType: 'tenant', targetId: tenant.id, after: { ...requested, limits: plan.limits, features: plan.features } },
    plan.owner.existingUserId
      ? { action: 'user.linked', tenant: scope, targetType: 'user', targetId: owner.id, after: { email: owner.email } }
      : { action: 'user.created', tenant: scope, targetType: 'user', targetId: owner.id, after: { email: owner.email, name: owner.name, password: plan.owner.password, mustChangePassword: true } },
    { action: 'membership.created', tenant: scope, targetType: 'user', targetId: owner.id, after: { email: owner.email } },
    { action: 'role.granted', tenant: scope, targetType: 'user', targetId: owner.id, after: { role: 'owner' } },
    ...domains.map((domain) => ({ action: 'domain.added', tenant: scope, targetType: 'domain', targetId: domain.id, after: { hostname: domain.hostname, kind: domain.kind, isPrimary: domain.isPrimary } })),
  ];
  if (plan.dataSpace) {
    const { isolation, schema, migrations, poolPending, seedDemoData } = plan.dataSpace;
    entries.push({ action: 'tenant.data_space_created', tenant: scope, targetType: 'data_space', targetId: schema, after: { isolation, schema, migrations, sharedMigrationsApplied: poolPending, demoData: seedDemoData } });
  }
  return entries;
}
