import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { translateDatabaseError } from '../../db/translate-error.ts';
import { createDataSpace } from '../../isolation/create-data-space.ts';
import { blueprintOf } from '../../isolation/sample-blueprint.ts';
import { Domain } from '../domains/domain.entity.ts';
import { generateOneTimePassword, hashPassword } from '../users/password.ts';
import { User } from '../users/user.entity.ts';
import { buildProvisionPlan, type OwnerPasswordMode, type ProvisionPlan } from './provision-plan.ts';
import { settleProvisionRequest, type SettledProvisionRequest } from './provision-request.ts';
import { provisionRows } from './provision-rows.ts';
import { Tenant } from './tenant.entity.ts';

export interface ProvisionOutcome {
  result: 'created' | 'unchanged' | 'planned';
  plan: ProvisionPlan;
  tenant: Tenant | null;
  owner: User | null;
  domains: Domain[];
  /** Only when Tenantry generated the owner's password, and only in this return value. */
  oneTimePassword?: string;
}

/**
 * Provisions a tenant with its owner, membership, role, domains and audit trail in one transaction.
 * A dry run returns the plan and writes nothing; the identical request again is `unchanged`.
 */
export async function provisionTenant(
  ctx: ServiceContext,
  input: unknown,
  options: ProvisionOptions = {},
): Promise<ProvisionOutcome> {
  return provisionSettled(ctx, settleProvisionRequest(input), options);
}

export interface ProvisionOptions {
  /** Returns the plan and writes nothing. */
  dryRun?: boolean;
  /** A new owner without a given password: a generated one-time password (default), or none. */
  ownerPassword?: OwnerPasswordMode;
}

/** Provisions an already validated request (bulk validates every row first). */
export async function provisionSettled(ctx: ServiceContext, request: SettledProvisionRequest, options: ProvisionOptions = {}): Promise<ProvisionOutcome> {
  const mode = options.ownerPassword ?? 'generated';
  if (options.dryRun) {
    const plan = await buildProvisionPlan(ctx, ctx.em.fork(), request, mode);
    return plan.outcome === 'unchanged' ? await unchanged(ctx.em.fork(), plan) : { result: 'planned', plan, tenant: null, owner: null, domains: [] };
  }
  const credentials = await prepareCredentials(ctx, request, mode);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.fork().transactional(async (tx) => {
        const plan = await buildProvisionPlan(ctx, tx, request, mode);
        if (plan.outcome === 'unchanged') return unchanged(tx, plan);
        return applyPlan(ctx, tx, request, plan, credentials);
      });
    } catch (error) {
      const translated = translateDatabaseError(error);
      // A concurrent run committed first. Planning again against its result tells "the same request,
      // unchanged" or "an existing owner to link" apart from a real conflict.
      const lostRace = translated.code === 'SLUG_TAKEN' || (translated.code === 'EMAIL_TAKEN' && request.allowExistingUser);
      if (!lostRace || attempt > 1) throw translated;
    }
  }
}

interface Credentials {
  passwordHash: string | null;
  oneTimePassword?: string;
}

/** Hashes outside the transaction (scrypt is slow on purpose); skipped when the owner already exists. */
async function prepareCredentials(ctx: ServiceContext, request: SettledProvisionRequest, mode: OwnerPasswordMode): Promise<Credentials> {
  if (request.ownerPassword === undefined && mode === 'none') return { passwordHash: null };
  if (request.allowExistingUser && (await ctx.em.fork().count(User, { email: request.ownerEmail })) > 0) {
    return { passwordHash: null };
  }
  const oneTimePassword = request.ownerPassword === undefined ? generateOneTimePassword() : undefined;
  const passwordHash = await hashPassword(request.ownerPassword ?? (oneTimePassword as string));
  return oneTimePassword ? { passwordHash, oneTimePassword } : { passwordHash };
}

async function applyPlan(
  ctx: ServiceContext,
  tx: SqlEntityManager,
  request: SettledProvisionRequest,
  plan: ProvisionPlan,
  credentials: Credentials,
): Promise<ProvisionOutcome> {
  const now = ctx.now();
  // The owner may have existed when the credentials were prepared and be gone now.
  const ownerCredentials =
    !plan.owner.existingUserId && credentials.passwordHash === null && plan.owner.password !== 'none'
      ? await prepareCredentials(ctx, { ...request, allowExistingUser: false }, 'generated')
      : credentials;
  const { statements, tenant, owner, domains } = await provisionRows(ctx, tx, request, plan, ownerCredentials.passwordHash);
  if (!plan.dataSpace) throw TenantryError.internal(new Error('a provisioning plan without a data space'));
  // Control-plane rows, audit events and the data space: one script (one round trip on a server).
  await createDataSpace(tx, blueprintOf(ctx), plan.dataSpace, now, request.slug, statements);
  const outcome: ProvisionOutcome = { result: 'created', plan, tenant, owner, domains };
  if (ownerCredentials.oneTimePassword && !plan.owner.existingUserId) outcome.oneTimePassword = ownerCredentials.oneTimePassword;
  return outcome;
}

async function unchanged(em: SqlEntityManager, plan: ProvisionPlan): Promise<ProvisionOutcome> {
  const tenant = plan.existingTenant ?? (await em.findOne(Tenant, { slug: plan.slug }));
  if (!tenant) throw TenantryError.slugTaken(plan.slug);
  const [owner, domains] = await Promise.all([
    em.findOne(User, { email: plan.owner.email }),
    em.find(Domain, { tenant: tenant.id }, { orderBy: { isPrimary: 'desc', hostname: 'asc' } }),
  ]);
  return { result: 'unchanged', plan: { ...plan, outcome: 'unchanged', steps: [] }, tenant, owner, domains };
}
