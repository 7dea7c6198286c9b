import { z } from 'zod';
import { boundedInteger } from '../../validation/fields.ts';
import { tenantSlugField } from '../changes/inputs.ts';
import { LIMIT_MAX } from '../tenants/tenant.schemas.ts';
import { FEATURES, PLAN_CODES } from './catalog.ts';

export const featureName = z.enum(FEATURES, { error: `must be one of: ${FEATURES.join(', ')}` });

export const limitOverrides = z.strictObject({
  maxUsers: boundedInteger(1, LIMIT_MAX).optional(),
  maxAssets: boundedInteger(0, LIMIT_MAX).optional(),
  maxDevices: boundedInteger(0, LIMIT_MAX).optional(),
  storageQuotaGb: boundedInteger(1, LIMIT_MAX).optional(),
  maxApiKeys: boundedInteger(0, LIMIT_MAX).optional(),
  maxDomains: boundedInteger(1, LIMIT_MAX).optional(),
});

export const changePlanInput = z.strictObject({
  slug: tenantSlugField,
  plan: z.enum(PLAN_CODES, { error: `must be one of: ${PLAN_CODES.join(', ')}` }),
  /** Per-tenant limits over the plan's; limits not given come from the plan (earlier overrides are dropped). */
  limits: limitOverrides.optional(),
  /** Features switched against the plan's defaults. */
  features: z.partialRecord(featureName, z.boolean('must be true or false')).optional(),
});
export type ChangePlanInput = z.input<typeof changePlanInput>;

export const setFeatureInput = z.strictObject({ slug: tenantSlugField, feature: featureName, enabled: z.boolean('must be true or false') });
export type SetFeatureInput = z.input<typeof setFeatureInput>;
