import { z } from 'zod';
import { boundedInteger, emailAddress, phoneNumber, timeZone } from '../../validation/fields.ts';
import { tenantSlugField } from '../changes/inputs.ts';
import { PASSWORD_MAX_LENGTH } from '../users/password-policy.ts';
import { parseCidr } from './cidr.ts';

export const updateSettingsInput = z.strictObject({
  slug: tenantSlugField,
  timeZone: timeZone.optional(),
  /** null clears it. */
  contactEmail: emailAddress.nullable().optional(),
  supportEmail: emailAddress.nullable().optional(),
  supportPhone: phoneNumber.nullable().optional(),
  theme: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a theme name: lowercase letters, digits and hyphens, such as corporate or dark')
    .nullable()
    .optional(),
  notifications: z.strictObject({ email: z.boolean('must be true or false').optional(), inApp: z.boolean('must be true or false').optional() }).optional(),
});
export type UpdateSettingsInput = z.input<typeof updateSettingsInput>;

const cidr = z.string('must be a CIDR range').transform((value, ctx) => {
  const parsed = parseCidr(value);
  if ('problem' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.problem });
    return z.NEVER;
  }
  return parsed.cidr;
});

export const updatePolicyInput = z.strictObject({
  slug: tenantSlugField,
  require2fa: z.boolean('must be true or false').optional(),
  sessionTimeoutMinutes: boundedInteger(5, 10_080).optional(),
  password: z
    .strictObject({
      minLength: boundedInteger(8, PASSWORD_MAX_LENGTH).optional(),
      requireUppercase: z.boolean('must be true or false').optional(),
      requireLowercase: z.boolean('must be true or false').optional(),
      requireNumbers: z.boolean('must be true or false').optional(),
      requireSymbols: z.boolean('must be true or false').optional(),
    })
    .optional(),
  /** CIDR ranges allowed to sign in (replacing the list); empty: any address. */
  allowedIpRanges: z.array(cidr, 'must be a list of CIDR ranges').max(100, 'must be at most 100 ranges').optional(),
});
export type UpdatePolicyInput = z.input<typeof updatePolicyInput>;
