/** Plan codes in tier order, lowest first: lists and sorts of plans follow it. */
export const PLAN_CODES = ['basic', 'professional', 'enterprise'] as const;
export type PlanCode = (typeof PLAN_CODES)[number];

export const FEATURES = ['analytics', 'api_access', 'custom_branding', 'sso', 'priority_support', 'dedicated_support'] as const;
export type Feature = (typeof FEATURES)[number];
export type FeatureFlags = Record<Feature, boolean>;

export const LIMIT_KEYS = ['maxUsers', 'maxAssets', 'maxDevices', 'storageQuotaGb', 'maxApiKeys', 'maxDomains'] as const;
export type LimitKey = (typeof LIMIT_KEYS)[number];
export type Limits = Record<LimitKey, number>;

export const MONITORED = ['users', 'assets', 'devices', 'storage'] as const;
export type Monitored = (typeof MONITORED)[number];

export interface PlanDefinition {
  code: PlanCode;
  title: string;
  limits: Limits;
  features: readonly Feature[];
  /** The doctor warns past these shares of each limit, unless the tenant's own or a run's thresholds say otherwise. */
  warnAt: Record<Monitored, number>;
}

const WARN_AT: Record<Monitored, number> = { users: 0.9, assets: 0.9, devices: 0.9, storage: 0.8 };

/** The plan catalog lives in code, not in a table: changing it is a release, reviewed like code. */
export const PLAN_CATALOG: Record<PlanCode, PlanDefinition> = {
  basic: {
    code: 'basic',
    title: 'Basic',
    limits: { maxUsers: 10, maxAssets: 100, maxDevices: 5, storageQuotaGb: 10, maxApiKeys: 2, maxDomains: 2 },
    features: [],
    warnAt: WARN_AT,
  },
  professional: {
    code: 'professional',
    title: 'Professional',
    limits: { maxUsers: 50, maxAssets: 500, maxDevices: 25, storageQuotaGb: 100, maxApiKeys: 10, maxDomains: 5 },
    features: ['api_access', 'analytics', 'priority_support'],
    warnAt: WARN_AT,
  },
  enterprise: {
    code: 'enterprise',
    title: 'Enterprise',
    limits: { maxUsers: 200, maxAssets: 2000, maxDevices: 100, storageQuotaGb: 500, maxApiKeys: 50, maxDomains: 20 },
    features: ['api_access', 'analytics', 'priority_support', 'custom_branding', 'sso', 'dedicated_support'],
    warnAt: WARN_AT,
  },
};

export function planFeatureFlags(plan: PlanCode): FeatureFlags {
  const enabled = new Set<Feature>(PLAN_CATALOG[plan].features);
  return Object.fromEntries(FEATURES.map((feature) => [feature, enabled.has(feature)])) as FeatureFlags;
}
