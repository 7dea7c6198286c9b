import { z } from 'zod';
import { emailAddress } from '../../validation/fields.ts';
import { ROLES } from '../roles/roles.ts';
import { tenantSettingsDocument } from '../settings/settings.schemas.ts';
import { inSettingsSpelling } from '../settings/settings-spelling.ts';
import { provisionTenantInput } from '../tenants/tenant.schemas.ts';

export const BULK_MAX_ROWS = 100_000;
export const BULK_MAX_INVITATIONS = 200;

const invitation = z.strictObject({
  email: emailAddress,
  role: z.enum(ROLES, { error: `must be one of: ${ROLES.join(', ')}` }).optional(),
});

/** One row of a bulk file: a provisioning request, plus the tenant's settings and users to invite (the seeds' JSON). */
export const bulkRowInput = provisionTenantInput.extend({
  /**
   * Validated as `tenant set` validates them, after the one spelling rule (`notifications.in_app` is
   * `notifications.inApp`): a bulk file stores nothing `tenant set` would refuse or could not change, and
   * a key neither typed nor under `custom` is refused naming it.
   */
  settings: z.preprocess(inSettingsSpelling, tenantSettingsDocument).optional(),
  invitations: z.array(invitation).max(BULK_MAX_INVITATIONS, `at most ${BULK_MAX_INVITATIONS} per tenant`).optional(),
});

export type BulkRowRequest = z.output<typeof bulkRowInput>;
export type BulkInvitation = z.output<typeof invitation>;

export const bulkOptionsInput = z.strictObject({
  concurrency: z.number().int('must be a whole number').min(1, 'must be between 1 and 64').max(64, 'must be between 1 and 64').default(4),
  ownerPasswords: z.enum(['generate', 'none'], { error: 'must be generate or none' }).default('generate'),
  strict: z.boolean('must be true or false').default(false),
});
export type BulkOptionsInput = z.input<typeof bulkOptionsInput>;
