import type { ServiceContext } from '../../context.ts';
import { executeOperation } from '../../operations/execute.ts';
import type { Executed, RunOptions } from '../../operations/operation.ts';
import type { Domain } from '../domains/domain.entity.ts';
import type { User } from '../users/user.entity.ts';
import type { OwnerPasswordMode, ProvisionPlan } from './provision-plan.ts';
import { provisionTenantOperation, type ProvisionedTenant, type ProvisionTenantOperationInput } from './provision-tenant.operation.ts';
import type { Tenant } from './tenant.entity.ts';

export interface ProvisionOutcome {
  result: 'created' | 'unchanged' | 'planned';
  plan: ProvisionPlan;
  /** The plan's fingerprint: pass it as `expectFingerprint` to apply exactly this plan. */
  fingerprint: string;
  tenant: Tenant | null;
  owner: User | null;
  domains: Domain[];
  /** Only when Tenantry generated the owner's password, and only in this return value. */
  oneTimePassword?: string;
}

export interface ProvisionOptions extends RunOptions {
  /** A new owner without a given password: a generated one-time password (default), or none. */
  ownerPassword?: OwnerPasswordMode;
}

/**
 * Runs the provisioning operation (see provision-tenant.operation.ts) and answers the plan with the rows:
 * for callers inside core (bulk, tests) that want entities rather than the executor's answer.
 */
export async function provisionTenant(ctx: ServiceContext, input: unknown, options: ProvisionOptions = {}): Promise<ProvisionOutcome> {
  const { ownerPassword, ...run } = options;
  const request = { ...(input as ProvisionTenantOperationInput), ...(ownerPassword ? { ownerPasswordMode: ownerPassword } : {}) };
  return provisionOutcome(await executeOperation(ctx, provisionTenantOperation, request, run));
}

/** The executor's answer as the plan, the outcome and the rows (created or, when unchanged, as they are). */
export function provisionOutcome(executed: Executed<ProvisionPlan, ProvisionedTenant>): ProvisionOutcome {
  const plan = executed.data;
  const base = { plan, fingerprint: executed.fingerprint };
  if (executed.result === 'unchanged') {
    return { ...base, result: 'unchanged', tenant: plan.existingTenant, owner: plan.existing?.owner ?? null, domains: plan.existing?.domains ?? [] };
  }
  if (executed.result === 'planned' || !executed.value) return { ...base, result: 'planned', tenant: null, owner: null, domains: [] };
  const { tenant, owner, domains, oneTimePassword } = executed.value;
  return { ...base, result: 'created', tenant, owner, domains, ...(oneTimePassword ? { oneTimePassword } : {}) };
}
