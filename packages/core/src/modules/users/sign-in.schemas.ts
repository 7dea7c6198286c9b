import { isIP } from 'node:net';
import { z } from 'zod';
import { displayName, emailAddress } from '../../validation/fields.ts';
import { tenantSlugField } from '../changes/inputs.ts';

const password = z.string('must be a password').min(1, 'is required').max(1024, 'must be at most 1024 characters');
/** A 6-digit code from the authenticator app, or an unused recovery code `xxxxx-xxxxx`. */
const secondFactor = z
  .string('must be the 6-digit code of the authenticator app or a recovery code')
  .trim()
  .regex(/^(\d{6}|[A-Za-z0-9]{5}-[A-Za-z0-9]{5})$/, 'must be the 6-digit code of the authenticator app or a recovery code (xxxxx-xxxxx)');

export const signInInput = z.strictObject({
  /** The slug of the tenant the user signs in to. */
  tenant: tenantSlugField,
  email: emailAddress,
  password,
  /** The address the user connects from, checked against the tenant's allowed IP ranges. */
  ip: z.string('must be an IP address').refine((value) => isIP(value) !== 0, 'must be an IPv4 or IPv6 address like 203.0.113.7'),
  totp: secondFactor.optional(),
});
export type SignInInput = z.input<typeof signInInput>;

export const changePasswordInput = z.strictObject({
  email: emailAddress,
  currentPassword: password,
  newPassword: password,
  /** Required when the account has an authenticator: its current code, or a recovery code. */
  totp: secondFactor.optional(),
});
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

export const enrollTotpInput = z.strictObject({
  email: emailAddress,
  password,
  /** The name the authenticator app shows beside the email (your product's). */
  issuer: displayName(60).default('Tenantry'),
});
export type EnrollTotpInput = z.input<typeof enrollTotpInput>;

export const confirmTotpInput = z.strictObject({
  email: emailAddress,
  code: z
    .string('must be the 6-digit code of the authenticator app')
    .trim()
    .regex(/^\d{6}$/, 'must be the 6-digit code of the authenticator app'),
});
export type ConfirmTotpInput = z.input<typeof confirmTotpInput>;

export const userEmailInput = z.strictObject({ email: emailAddress });
export type UserEmailInput = z.input<typeof userEmailInput>;
