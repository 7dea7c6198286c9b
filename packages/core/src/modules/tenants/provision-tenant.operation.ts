import type { SqlEntityManager } from '@mikro-orm/sql';
import { z } from 'zod';
import { createDataSpace } from '../../isolation/create-data-space.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import type { ScriptPart } from '../../isolation/runner.ts';
import { defineOperation } from '../../operations/operation.ts';
import { statementsOfSteps, type PlanStep } from '../../plan.ts';
import { bindSecrets } from '../../statement.ts';
import { TenantryError } from '../../errors.ts';
import { tenantSettingsDocument } from '../settings/settings.schemas.ts';
import { generateOneTimePassword, hashPassword } from '../users/password.ts';
import { User } from '../users/user.entity.ts';
import { buildProvisionPlan, type ProvisionPlan } from './provision-plan.ts';
import { settleRequest } from './provision-request.ts';
import { OWNER_PASSWORD_HASH } from './provision-rows.ts';
import { Domain } from '../domains/domain.entity.ts';
import { Tenant } from './tenant.entity.ts';
import { provisionTenantInput } from './tenant.schemas.ts';

export const provisionTenantOperationInput = provisionTenantInput.extend({
  /** Validated as `tenant set` validates them (bulk rows carry them). */
  settings: tenantSettingsDocument.optional(),
  /**
   * A new owner without a given password: a generated one-time password (default), or none (set later
   * through an invitation); `chosen`: the given password is the owner's own (sign-up), not to be changed.
   */
  ownerPasswordMode: z.enum(['generated', 'none', 'chosen'], { error: 'must be generated, none or chosen' }).default('generated'),
});
export type ProvisionTenantOperationInput = z.input<typeof provisionTenantOperationInput>;

/** What applying returned: the rows as entities; the one-time password only here, only when generated. */
export interface ProvisionedTenant {
  tenant: Tenant;
  owner: User;
  domains: Domain[];
  oneTimePassword?: string;
}

/**
 * Provisions a tenant with its owner, membership, role, domains, data space and audit trail in one
 * transaction. The plan holds every statement applying runs: the control-plane rows (the owner's
 * password hash a secret parameter, computed when applying), the data space, the audit events. The
 * identical request again is `unchanged`; a concurrent run that committed first is planned against.
 */
export const provisionTenantOperation = defineOperation({
  id: 'tenant.provision',
  summary: 'Provisions a tenant with its owner, plan, limits, domains and data space, in one transaction.',
  scope: 'platform',
  input: provisionTenantOperationInput,
  audit: ['tenant.provisioned'],
  secretFields: ['ownerPassword'],
  retryWhen: (error, request) => error.code === 'SLUG_TAKEN' || (error.code === 'EMAIL_TAKEN' && request.allowExistingUser),
  async plan(ctx, input) {
    const { ownerPasswordMode, ...rest } = input;
    const request = settleRequest(rest);
    const plan = await buildProvisionPlan(ctx, ctx.tx, request, ownerPasswordMode);
    if (plan.outcome === 'unchanged') return { unchanged: true, steps: [], data: plan };
    const { ownerPassword: _secret, ...requested } = request;
    return {
      steps: plan.steps,
      basis: {
        slug: plan.slug,
        existingUserId: plan.owner.existingUserId,
        poolPending: plan.dataSpace?.poolPending ?? [],
        ...(plan.dataSpace?.adopted ? { adopted: plan.dataSpace.adopted } : {}),
      },
      audit: {
        tenant: { id: plan.tenantId, slug: plan.slug },
        targetType: 'tenant',
        targetId: plan.tenantId,
        after: { ...requested, limits: plan.limits, features: plan.features },
      },
      data: plan,
    };
  },
  async apply(ctx, planned, request): Promise<ProvisionedTenant> {
    const plan = planned.data;
    if (!plan.rows || !plan.dataSpace) throw TenantryError.internal(new Error('a provisioning plan without rows or a data space'));
    const credentials: { passwordHash: string | null; oneTimePassword?: string } =
      plan.rows.user && plan.owner.password !== 'none' ? await credentialsFor(request.ownerPassword) : { passwordHash: null };
    const secrets = { [OWNER_PASSWORD_HASH]: credentials.passwordHash };
    const part = (label: string, steps: PlanStep[]): ScriptPart => ({
      label,
      raw: true,
      statements: statementsOfSteps(steps).map((statement) => bindSecrets(statement, secrets)),
    });
    const audit = plan.rows.steps.filter((step) => step.action === 'audit');
    const rows = plan.rows.steps.filter((step) => step.action !== 'audit');
    // In the plan's order, in one script (one round trip on a server): the rows, the data space, the audit events.
    await createDataSpace(ctx.tx, blueprintOf(ctx), plan.dataSpace, ctx.now(), plan.slug, [part('control-plane', rows)], [part('audit', audit)]);
    ctx.recordEvents(plan.rows.auditEntries);
    return { ...(await entitiesOf(ctx.tx, plan)), ...(credentials.oneTimePassword ? { oneTimePassword: credentials.oneTimePassword } : {}) };
  },
});

/** Hashed when applying only (scrypt is slow on purpose; a dry run never pays for it). */
async function credentialsFor(given: string | undefined): Promise<{ passwordHash: string; oneTimePassword?: string }> {
  const oneTimePassword = given === undefined ? generateOneTimePassword() : undefined;
  const passwordHash = await hashPassword(given ?? (oneTimePassword as string));
  return oneTimePassword ? { passwordHash, oneTimePassword } : { passwordHash };
}

async function entitiesOf(tx: SqlEntityManager, plan: ProvisionPlan): Promise<Omit<ProvisionedTenant, 'oneTimePassword'>> {
  const rows = plan.rows as NonNullable<ProvisionPlan['rows']>;
  const tenant = tx.create(Tenant, rows.tenant as never, { persist: false });
  const owner = rows.user ? tx.create(User, rows.user as never, { persist: false }) : await tx.findOneOrFail(User, plan.owner.existingUserId as string);
  const domains = rows.domains.map((domain) => tx.create(Domain, { ...domain, tenant } as never, { persist: false }));
  return { tenant, owner, domains };
}
