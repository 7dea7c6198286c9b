import type { ServiceContext } from '../../context.ts';
import { TenantryError } from '../../errors.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { auditSides, describeChange, diffValues, type ChangeOutcome } from '../changes/change.ts';
import type { ChangeOptions } from '../changes/inputs.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import type { Tenant } from '../tenants/tenant.entity.ts';
import { LIMIT_KEYS, PLAN_CATALOG, PLAN_CODES, planFeatureFlags, type LimitKey, type Limits } from './catalog.ts';
import { dataSpaceUsage } from './data-space-usage.ts';
import { changePlanInput, setFeatureInput, type ChangePlanInput, type SetFeatureInput } from './plan.schemas.ts';
import { limitNoun, tenantUsage, usersBreakdown } from './usage.ts';

export interface PlanChangeOutcome extends ChangeOutcome {
  direction: 'upgrade' | 'downgrade' | 'same';
}

export interface LimitViolation {
  limit: LimitKey;
  newLimit: number;
  used: number;
  detail?: string;
}

/**
 * Moves a tenant to a plan (its limits and features, with optional per-tenant overrides), shown as a
 * diff. A limit below current usage is refused with the numbers (DOWNGRADE_BELOW_USAGE).
 */
export async function changePlan(ctx: ServiceContext, input: ChangePlanInput, options: ChangeOptions = {}): Promise<PlanChangeOutcome> {
  const request = parseInput(changePlanInput, input);
  return inTenantScope(ctx, request.slug, 'tenant.plan', async ({ tx, tenant }) => {
    const limits: Limits = { ...PLAN_CATALOG[request.plan].limits, ...request.limits };
    const features = { ...planFeatureFlags(request.plan), ...request.features };
    const changes = diffValues({ plan: tenant.plan, limits: tenant.limits, features: tenant.features }, { plan: request.plan, limits, features });
    const rank = (plan: string) => PLAN_CODES.indexOf(plan as (typeof PLAN_CODES)[number]);
    const direction = rank(request.plan) > rank(tenant.plan) ? 'upgrade' : rank(request.plan) < rank(tenant.plan) ? 'downgrade' : 'same';
    if (changes.length === 0) return { result: 'unchanged', steps: [], changes, direction };
    const violations = await usageViolations(ctx, tx, tenant, limits);
    if (violations.length > 0) throw belowUsage(tenant.slug, request.plan, violations);
    const steps = [
      { action: 'change-plan', description: `Move ${tenant.slug} from ${tenant.plan} to ${request.plan} (${direction}): ${changes.map(describeChange).join('; ')}` },
      { action: 'audit', description: 'Record the audit event with the before and after' },
    ];
    if (options.dryRun) return { result: 'planned', steps, changes, direction };
    tenant.plan = request.plan;
    tenant.limits = limits;
    tenant.features = features;
    recordAudit(ctx, tx, { action: 'tenant.plan_changed', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'tenant', targetId: tenant.id, ...auditSides(changes) });
    await tx.flush();
    return { result: 'applied', steps, changes, direction };
  });
}

/** Switches one feature on or off; switching it to what it is is `unchanged`. */
export async function setFeature(ctx: ServiceContext, input: SetFeatureInput, options: ChangeOptions = {}): Promise<ChangeOutcome> {
  const request = parseInput(setFeatureInput, input);
  return inTenantScope(ctx, request.slug, 'tenant.feature', async ({ tx, tenant }) => {
    const features = { ...tenant.features, [request.feature]: request.enabled };
    const changes = diffValues({ features: tenant.features }, { features });
    if (changes.length === 0) return { result: 'unchanged', steps: [], changes };
    const steps = [{ action: 'set-feature', description: `Turn ${request.feature} ${request.enabled ? 'on' : 'off'} for ${tenant.slug}` }];
    if (options.dryRun) return { result: 'planned', steps, changes };
    tenant.features = features;
    recordAudit(ctx, tx, { action: 'tenant.feature_changed', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'tenant', targetId: tenant.id, ...auditSides(changes) });
    await tx.flush();
    return { result: 'applied', steps, changes };
  });
}

/** Every lowered limit the tenant already uses more of. */
async function usageViolations(ctx: ServiceContext, tx: Parameters<typeof tenantUsage>[0], tenant: Tenant, limits: Limits): Promise<LimitViolation[]> {
  const lowered = LIMIT_KEYS.filter((key) => limits[key] < tenant.limits[key]);
  if (lowered.length === 0) return [];
  const usage = await tenantUsage(tx, tenant.id, ctx.now());
  const data = lowered.some((key) => key === 'maxAssets' || key === 'maxDevices' || key === 'storageQuotaGb') ? await dataSpaceUsage(tx, tenant) : null;
  const used: Record<LimitKey, number | null> = {
    maxUsers: usage.users,
    maxApiKeys: usage.apiKeys,
    maxDomains: usage.domains,
    maxAssets: data?.assets ?? null,
    maxDevices: data?.devices ?? null,
    storageQuotaGb: data?.storageGb ?? null,
  };
  return lowered.flatMap((limit) => {
    const value = used[limit];
    if (value === null || value <= limits[limit]) return [];
    const violation: LimitViolation = { limit, newLimit: limits[limit], used: limit === 'storageQuotaGb' ? Math.round(value * 100) / 100 : value };
    if (limit === 'maxUsers') violation.detail = usersBreakdown(usage);
    return [violation];
  });
}

function belowUsage(slug: string, plan: string, violations: LimitViolation[]): TenantryError {
  const parts = violations.map((v) => `${v.newLimit} ${limitNoun(v.limit)} but it has ${v.used}${v.detail ? ` (${v.detail})` : ''}`);
  return new TenantryError('DOWNGRADE_BELOW_USAGE', {
    message: `${slug} cannot move to ${plan}: it would allow ${parts.join('; ')}.`,
    details: { slug, plan, violations },
    hint: 'Reduce the usage first, or keep a higher limit with an override (e.g. --max-users N).',
  });
}
