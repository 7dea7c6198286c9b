import { TenantryError } from '../../errors.ts';
import { defineOperation } from '../../operations/operation.ts';
import { diffValues } from '../changes/change.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { PLAN_CATALOG, PLAN_CODES, planFeatureFlags, type FeatureFlags, type Limits, type PlanCode } from './catalog.ts';
import { featuresLostStep } from './feature-gates.ts';
import { usageViolations, type LimitViolation } from './limit-violations.ts';
import { changePlanInput } from './plan.schemas.ts';
import { limitNoun } from './usage.ts';

export type PlanDirection = 'upgrade' | 'downgrade' | 'same';

/**
 * Moves a tenant to a plan (its limits and features, with optional per-tenant overrides), shown as a
 * diff. A limit below current usage is refused with the numbers (DOWNGRADE_BELOW_USAGE).
 */
export const changePlan = defineOperation({
  id: 'tenant.plan',
  summary: 'Moves a tenant to a plan, with limit overrides and feature switches, shown as a diff.',
  scope: 'tenant',
  input: changePlanInput,
  audit: ['tenant.plan_changed'],
  async plan(ctx, request) {
    const { tenant } = ctx;
    const limits: Limits = { ...PLAN_CATALOG[request.plan].limits, ...request.limits };
    const features: FeatureFlags = { ...planFeatureFlags(request.plan), ...request.features };
    const changes = diffValues({ plan: tenant.plan, limits: tenant.limits, features: tenant.features }, { plan: request.plan, limits, features });
    const direction = directionOf(tenant.plan, request.plan);
    const data = { direction, plan: request.plan, limits, features };
    if (changes.length === 0) return { unchanged: true, steps: [], changes, data };
    const violations = await usageViolations(ctx, ctx.tx, tenant, limits);
    if (violations.length > 0) throw belowUsage(tenant, request.plan, violations);
    return {
      steps: [
        {
          action: 'change-plan',
          // The fields are the plan's diff (`changes`), shown beside the steps: not repeated here.
          description: `Move ${tenant.slug} from ${tenant.plan} to ${request.plan} (${direction}): ${changes.length === 1 ? '1 field changes' : `${changes.length} fields change`}`,
        },
        ...(await featuresLostStep(ctx, tenant, features)),
        { action: 'audit', description: 'Record the audit event with the before and after' },
      ],
      changes,
      data,
    };
  },
  async apply({ tenant }, { data }) {
    tenant.plan = data.plan;
    tenant.limits = data.limits;
    tenant.features = data.features;
  },
});

function directionOf(from: PlanCode, to: PlanCode): PlanDirection {
  const rank = (plan: PlanCode) => PLAN_CODES.indexOf(plan);
  return rank(to) > rank(from) ? 'upgrade' : rank(to) < rank(from) ? 'downgrade' : 'same';
}

function belowUsage(tenant: Tenant, plan: string, violations: LimitViolation[]): TenantryError {
  const parts = violations.map((v) => `${v.newLimit} ${limitNoun(v.limit)} but it has ${v.used}${v.detail ? ` (${v.detail})` : ''}`);
  return new TenantryError('DOWNGRADE_BELOW_USAGE', {
    message: `${tenant.slug} cannot move to ${plan}: it would allow ${parts.join('; ')}.`,
    details: { slug: tenant.slug, plan, violations },
    hint: 'Reduce the usage first, or keep a higher limit with an override (e.g. --max-users N).',
  });
}
