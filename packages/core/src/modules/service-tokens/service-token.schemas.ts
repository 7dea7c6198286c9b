import { z } from 'zod';
import { boundedInteger, displayName } from '../../validation/fields.ts';
import { normalizeTokenPrefix } from './service-token-format.ts';

export const SERVICE_TOKEN_DEFAULT_DAYS = 90;
export const SERVICE_TOKEN_MAX_DAYS = 3650;

const prefixField = z
  .string('must be a token prefix')
  .transform(normalizeTokenPrefix)
  .pipe(z.string().regex(/^[a-z0-9]{8}$/, 'must be the 8-character token prefix shown by `tenantry token list` (or tts_<prefix>)'));

export const createServiceTokenInput = z.strictObject({
  name: displayName(100),
  /** Days until the token expires; null: never. Default 90. */
  expiresDays: boundedInteger(1, SERVICE_TOKEN_MAX_DAYS).nullable().default(SERVICE_TOKEN_DEFAULT_DAYS),
});
export type CreateServiceTokenInput = z.input<typeof createServiceTokenInput>;

export const serviceTokenRefInput = z.strictObject({ prefix: prefixField });
export type ServiceTokenRefInput = z.input<typeof serviceTokenRefInput>;

export const verifyServiceTokenInput = z.strictObject({
  token: z.string('must be a service token').trim().min(1, 'is required'),
});
export type VerifyServiceTokenInput = z.input<typeof verifyServiceTokenInput>;
