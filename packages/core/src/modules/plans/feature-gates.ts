import { TenantryError } from '../../errors.ts';
import type { OperationContext } from '../../operations/operation.ts';
import type { PlanStep } from '../../plan.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { PLAN_CATALOG, PLAN_CODES, type Feature, type FeatureFlags, type PlanCode } from './catalog.ts';
import { tenantUsage } from './usage.ts';

/**
 * Which operations need a feature of the tenant's plan, by operation id: part of the plan catalog. The
 * executor refuses the others before their plan, so a dry run says so too. Custom domains are governed
 * by the `maxDomains` limit instead, checked where a domain is added.
 */
export const FEATURE_GATES: Readonly<Partial<Record<string, Feature>>> = {
  'apikey.create': 'api_access',
  'apikey.rotate': 'api_access',
};

/** The plans whose defaults include a feature, lowest tier first. */
export function plansWith(feature: Feature): PlanCode[] {
  return PLAN_CODES.filter((plan) => PLAN_CATALOG[plan].features.includes(feature));
}

export function assertFeatureAllows(tenant: Tenant, operationId: string): void {
  const feature = FEATURE_GATES[operationId];
  if (!feature || tenant.features[feature]) return;
  throw featureNotEnabled(tenant, feature, operationId);
}

export function featureNotEnabled(tenant: Pick<Tenant, 'slug' | 'plan'>, feature: Feature, operation: string): TenantryError {
  const plans = plansWith(feature);
  const upgrade = plans.find((plan) => PLAN_CODES.indexOf(plan) > PLAN_CODES.indexOf(tenant.plan)) ?? plans[0];
  return new TenantryError('FEATURE_NOT_ENABLED', {
    message: `${operation} needs the ${feature} feature, which ${tenant.slug} (plan ${tenant.plan}) does not have.`,
    details: { slug: tenant.slug, operation, feature, plan: tenant.plan, plans },
    hint: `Move ${tenant.slug} to a plan that has it${upgrade ? ` (tenantry tenant plan ${tenant.slug} ${upgrade})` : ''}, or switch the feature on (tenantry tenant feature ${tenant.slug} ${feature} on).`,
  });
}

/**
 * The plan step saying what switching features off stops: the tenant's API keys when api_access goes
 * off (verification refuses them at once; they work again when it is back on). None when nothing stops.
 */
export async function featuresLostStep(ctx: OperationContext, tenant: Tenant, features: FeatureFlags): Promise<PlanStep[]> {
  if (!tenant.features.api_access || features.api_access) return [];
  const { apiKeys } = await tenantUsage(ctx.tx, tenant.id, ctx.now());
  if (apiKeys === 0) return [];
  return [
    {
      action: 'stop-api-keys',
      description: `api_access goes off: ${apiKeys === 1 ? 'the active API key' : `the ${apiKeys} active API keys`} of ${tenant.slug} ${apiKeys === 1 ? 'stops' : 'stop'} working until it is on again`,
    },
  ];
}
