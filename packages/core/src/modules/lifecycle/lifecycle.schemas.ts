import { z } from 'zod';
import { boundedInteger, freeText } from '../../validation/fields.ts';
import { tenantSlugField } from '../changes/inputs.ts';

export const DELETION_GRACE_DAYS = 30;

const reason = freeText(500);
/** The tenant's exact name, typed back: destructive changes need it (a dry run does not). */
const confirm = z.string('must be the tenant name').optional();

export const suspendTenantInput = z.strictObject({ slug: tenantSlugField, reason: reason.optional() });
export type SuspendTenantInput = z.input<typeof suspendTenantInput>;

export const resumeTenantInput = z.strictObject({ slug: tenantSlugField, reason: reason.optional() });
export type ResumeTenantInput = z.input<typeof resumeTenantInput>;

export const extendTrialInput = z.strictObject({ slug: tenantSlugField, extendDays: boundedInteger(1, 365) });
export type ExtendTrialInput = z.input<typeof extendTrialInput>;

export const endTrialInput = z.strictObject({ slug: tenantSlugField });

const PAID_UNTIL_MESSAGE = 'must be a date (2027-01-31) or a date and time (2027-01-31T18:00:00Z), or null to clear it';

/** A day means the end of that day in UTC: paid until 2027-01-31 covers all of the 31st. */
const paidUntilDate = z
  .string(PAID_UNTIL_MESSAGE)
  .trim()
  .transform((value, ctx) => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const at = new Date(day ? `${value}T23:59:59.999Z` : value);
    const valid = !Number.isNaN(at.getTime()) && (day ? at.toISOString().startsWith(value) : /^\d{4}-\d{2}-\d{2}T/.test(value));
    if (!valid) {
      ctx.addIssue({ code: 'custom', message: PAID_UNTIL_MESSAGE });
      return z.NEVER;
    }
    return at;
  });

export const setBillingInput = z.strictObject({
  slug: tenantSlugField,
  /** The end of the period paid for; null clears it. */
  paidUntil: paidUntilDate.nullable(),
  /** A trial still running ends now: the tenant is converted to paying. */
  endTrial: z.boolean('must be true or false').default(false),
});
export type SetBillingInput = z.input<typeof setBillingInput>;
export type EndTrialInput = z.input<typeof endTrialInput>;

export const deleteTenantInput = z.strictObject({
  slug: tenantSlugField,
  confirm,
  /** Days the tenant stays restorable before it may be purged. Default 30. */
  graceDays: boundedInteger(1, 365).default(DELETION_GRACE_DAYS),
  reason: reason.optional(),
});
export type DeleteTenantInput = z.input<typeof deleteTenantInput>;

export const restoreTenantInput = z.strictObject({ slug: tenantSlugField });
export type RestoreTenantInput = z.input<typeof restoreTenantInput>;

export const purgeTenantInput = z.strictObject({
  slug: tenantSlugField,
  confirm,
  /** Purge before the grace period ends. */
  force: z.boolean('must be true or false').default(false),
});
export type PurgeTenantInput = z.input<typeof purgeTenantInput>;
