import { randomBytes } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { uuidv7 } from '../../db/ids.ts';
import { statementStep, type PlanStep } from '../../plan.ts';
import { statement, type Statement, type StatementParam } from '../../statement.ts';
import { auditEventData, type AuditEntry } from '../audit/audit.service.ts';
import { AuditEvent } from '../audit/audit-event.entity.ts';
import { Domain } from '../domains/domain.entity.ts';
import { Membership } from '../memberships/membership.entity.ts';
import { customSettingsOf } from '../settings/custom-settings.ts';
import { RoleAssignment } from '../roles/role-assignment.entity.ts';
import { User } from '../users/user.entity.ts';
import type { DataSpacePlan } from '../../isolation/create-data-space.ts';
import type { PlannedDomain, SettledProvisionRequest } from './provision-request.ts';
import { defaultSecurityPolicy } from './security-policy.ts';
import { Tenant } from './tenant.entity.ts';

/** The parameter of the owner's password hash: computed when applying, never shown. */
export const OWNER_PASSWORD_HASH = 'owner password hash';

export interface ProvisionRowsPlan {
  tenantId: string;
  fingerprint: string;
  limits: Tenant['limits'];
  features: Tenant['features'];
  schemaName: string | null;
  trialEndsAt: Date | null;
  owner: { email: string; existingUserId: string | null; password: 'generated' | 'given' | 'chosen' | 'unchanged' | 'none' };
  domains: PlannedDomain[];
  dataSpace: DataSpacePlan;
}

/** The control-plane rows, as data (to return as entities) and as the steps whose statements write them. */
export interface ProvisionRows {
  steps: PlanStep[];
  tenant: Record<string, unknown> & { id: string };
  /** Null when an existing user is linked. */
  user: (Record<string, unknown> & { id: string }) | null;
  domains: (Record<string, unknown> & { id: string })[];
  /** The audit entries the steps write: the executor records their lifecycle events after `tenant.created`. */
  auditEntries: AuditEntry[];
}

/**
 * The rows provisioning writes, as the INSERTs MikroORM renders for them (parameters kept, the owner's
 * password hash a secret bound when applying), grouped into the plan's steps. They run in the same
 * round trip as the data space (the unit of work would send one INSERT per table).
 */
export function provisionRows(
  ctx: ServiceContext,
  tx: SqlEntityManager,
  request: SettledProvisionRequest,
  plan: ProvisionRowsPlan,
  describe: ProvisionDescriptions,
): ProvisionRows {
  const now = ctx.now();
  const tenant = {
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
  const steps: PlanStep[] = [statementStep('create-tenant', describe.tenant, [insert(tx, Tenant, tenant)])];
  if (request.settings && Object.keys(request.settings).length > 0) {
    const { custom: _own, ...typed } = request.settings;
    const names = [...Object.keys(typed), ...Object.keys(customSettingsOf(request.settings)).map((name) => `custom.${name}`)];
    steps.push({ action: 'set-settings', description: `Set the settings ${names.join(', ')} (in the tenant's row)` });
  }
  const ownerId = plan.owner.existingUserId ?? uuidv7();
  const user = plan.owner.existingUserId
    ? null
    : {
        id: ownerId,
        email: request.ownerEmail,
        name: request.ownerName ?? null,
        passwordHash: HASH_MARK,
        mustChangePassword: plan.owner.password !== 'chosen',
        createdAt: now,
        updatedAt: now,
      };
  steps.push(user ? statementStep('create-user', describe.owner, [insert(tx, User, user)]) : { action: 'link-user', description: describe.owner });
  const membershipId = uuidv7();
  steps.push(
    statementStep('create-membership', describe.membership, [
      insert(tx, Membership, { id: membershipId, tenant: tenant.id, user: ownerId, createdAt: now }),
      insert(tx, RoleAssignment, { id: uuidv7(), membership: membershipId, role: 'owner', createdAt: now }),
    ]),
  );
  const domains = plan.domains.map((domain) => ({
    id: uuidv7(),
    hostname: domain.hostname,
    kind: domain.kind,
    isPrimary: domain.isPrimary,
    verificationToken: domain.kind === 'custom' ? randomBytes(16).toString('hex') : null,
    verifiedAt: domain.kind === 'subdomain' ? now : null,
    createdAt: now,
  }));
  domains.forEach((domain, index) =>
    steps.push(statementStep('add-domain', describe.domains[index] ?? domain.hostname, [insert(tx, Domain, { ...domain, tenant: tenant.id })])),
  );
  const events = auditEntries(request, plan, tenant.id, { id: ownerId, email: request.ownerEmail, name: request.ownerName ?? null }, domains);
  steps.push(
    statementStep('audit', 'Record the audit events of this provisioning under one correlation id (and their lifecycle events after tenant.created)', [
      insert(
        tx,
        AuditEvent,
        events.map((entry) => auditEventData(ctx, entry)),
      ),
    ]),
  );
  return { steps, tenant, user: user ? { ...user, passwordHash: null } : null, domains, auditEntries: events };
}

export interface ProvisionDescriptions {
  tenant: string;
  owner: string;
  membership: string;
  domains: string[];
}

/** Stands for the hash while MikroORM renders the INSERT; becomes the secret parameter. */
const HASH_MARK = '\u0000tenantry:owner-password-hash';

function insert<Entity extends object>(tx: SqlEntityManager, entity: new (...args: never[]) => Entity, data: object | object[]): Statement {
  const query = tx.createQueryBuilder(entity).insert(data);
  let position = 0;
  const text = query.getQuery().replace(/\?/g, () => `$${++position}`);
  const params = query.getParams().map((param): StatementParam => (param === HASH_MARK ? { secret: OWNER_PASSWORD_HASH } : (param as StatementParam)));
  return statement(text, params);
}

/**
 * The events the provisioning script writes: what it did along the way (the executor writes the main
 * one, `tenant.provisioned`, after them).
 */
function auditEntries(
  request: SettledProvisionRequest,
  plan: ProvisionRowsPlan,
  tenantId: string,
  owner: { id: string; email: string; name: string | null },
  domains: { id: string; hostname: string; kind: string; isPrimary: boolean }[],
): AuditEntry[] {
  const scope = { id: tenantId, slug: request.slug };
  const { isolation, schema, migrations, poolPending, seedDemoData, adopted } = plan.dataSpace;
  return [
    plan.owner.existingUserId
      ? { action: 'user.linked', tenant: scope, targetType: 'user', targetId: owner.id, after: { email: owner.email } }
      : {
          action: 'user.created',
          tenant: scope,
          targetType: 'user',
          targetId: owner.id,
          after: { email: owner.email, name: owner.name, password: plan.owner.password, mustChangePassword: plan.owner.password !== 'chosen' },
        },
    { action: 'membership.created', tenant: scope, targetType: 'user', targetId: owner.id, after: { email: owner.email } },
    { action: 'role.granted', tenant: scope, targetType: 'user', targetId: owner.id, after: { role: 'owner' } },
    ...domains.map((domain) => ({
      action: 'domain.added',
      tenant: scope,
      targetType: 'domain',
      targetId: domain.id,
      after: { hostname: domain.hostname, kind: domain.kind, isPrimary: domain.isPrimary },
    })),
    adopted
      ? {
          action: 'tenant.data_space_adopted',
          tenant: scope,
          targetType: 'data_space',
          targetId: schema,
          after: { isolation, schema, migrations, recordedWithoutRunning: adopted.recorded, ran: adopted.run, demoData: false },
        }
      : {
          action: 'tenant.data_space_created',
          tenant: scope,
          targetType: 'data_space',
          targetId: schema,
          after: { isolation, schema, migrations, sharedMigrationsApplied: poolPending, demoData: seedDemoData },
        },
  ];
}
