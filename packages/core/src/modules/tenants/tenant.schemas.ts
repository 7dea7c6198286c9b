import { z } from 'zod';
import { FEATURES, PLAN_CODES } from '../plans/catalog.ts';
import { boundedInteger, displayName, emailAddress, hostname, phoneNumber, timeZone } from '../../validation/fields.ts';
import { slugProblem } from './slug.ts';
import { schemaNameProblem } from '../../isolation/schema-name.ts';
import { DEFAULT_PASSWORD_POLICY, describePasswordProblems, passwordProblems } from '../users/password-policy.ts';

export const TENANT_STATUSES = ['provisioning', 'active', 'suspended', 'pending_deletion', 'deleted'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

import { ISOLATION_MODES } from '../../isolation/isolation-mode.ts';

export { ISOLATION_MODES, type IsolationMode } from '../../isolation/isolation-mode.ts';

export const TENANT_NAME_MAX_LENGTH = 200;
export const LIMIT_MAX = 1_000_000;
export const TRIAL_DAYS_MAX = 365;

export const slugSchema = z.string().superRefine((value, ctx) => {
  const problem = slugProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A schema a tenant is given by name (see `schemaNameProblem`). */
export const schemaNameSchema = z.string('must be text').superRefine((value, ctx) => {
  const problem = schemaNameProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const featureSwitches = z.partialRecord(z.enum(FEATURES, { error: `must be one of: ${FEATURES.join(', ')}` }), z.boolean('must be true or false'));

export const provisionTenantInput = z.strictObject({
  name: displayName(TENANT_NAME_MAX_LENGTH),
  slug: slugSchema.optional(),
  ownerEmail: emailAddress,
  ownerName: displayName(200).optional(),
  ownerPassword: z
    .string()
    .superRefine((value, ctx) => {
      const problems = passwordProblems(DEFAULT_PASSWORD_POLICY, value);
      if (problems.length > 0) ctx.addIssue({ code: 'custom', message: describePasswordProblems(problems) });
    })
    .optional(),
  plan: z.enum(PLAN_CODES, { error: `must be one of: ${PLAN_CODES.join(', ')}` }).default('basic'),
  maxUsers: boundedInteger(1, LIMIT_MAX).optional(),
  maxAssets: boundedInteger(0, LIMIT_MAX).optional(),
  maxDevices: boundedInteger(0, LIMIT_MAX).optional(),
  storageQuotaGb: boundedInteger(1, LIMIT_MAX).optional(),
  features: featureSwitches.optional(),
  domain: hostname.optional(),
  trialDays: boundedInteger(1, TRIAL_DAYS_MAX).optional(),
  timeZone: timeZone.default('UTC'),
  contactEmail: emailAddress.optional(),
  supportEmail: emailAddress.optional(),
  supportPhone: phoneNumber.optional(),
  isolation: z.enum(ISOLATION_MODES, { error: `must be one of: ${ISOLATION_MODES.join(', ')}` }).default('schema'),
  /** Schema mode: the tenant's schema (default `tenant_<slug>`). */
  schemaName: schemaNameSchema.optional(),
  /**
   * Schema mode: provision around the existing schema `schemaName` instead of creating one, recording the
   * blueprint migrations it already has (see docs/architecture.md, "Adopting an existing schema").
   * Left without a default so the fingerprints of requests made before it existed stay the same.
   */
  adoptSchema: z.boolean('must be true or false').optional(),
  allowExistingUser: z.boolean('must be true or false').default(false),
  skipDemoData: z.boolean('must be true or false').default(false),
});

/** What a caller passes to provision a tenant (optional fields may be left out). */
export type ProvisionTenantInput = z.input<typeof provisionTenantInput>;
/** The same input after validation and defaults. */
export type ProvisionTenantRequest = z.output<typeof provisionTenantInput>;

export const listTenantsInput = z.strictObject({
  status: z.enum(TENANT_STATUSES, { error: `must be one of: ${TENANT_STATUSES.join(', ')}` }).optional(),
  plan: z.enum(PLAN_CODES, { error: `must be one of: ${PLAN_CODES.join(', ')}` }).optional(),
  search: z.string().trim().max(200).optional(),
  limit: boundedInteger(1, 10_000).default(100),
  offset: boundedInteger(0, 100_000_000).default(0),
  /** The page after this slug (a previous page's `nextCursor`); combines with the filters. */
  cursor: z.string().trim().min(1).max(63).optional(),
});
export type ListTenantsInput = z.input<typeof listTenantsInput>;
