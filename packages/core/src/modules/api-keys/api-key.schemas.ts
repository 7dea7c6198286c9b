import { z } from 'zod';
import { boundedInteger, displayName } from '../../validation/fields.ts';
import { tenantSlugField } from '../changes/inputs.ts';
import { normalizePrefix } from './api-key-format.ts';

export const API_KEY_DEFAULT_DAYS = 365;
export const API_KEY_MAX_DAYS = 3650;
export const ROTATION_DEFAULT_OVERLAP_HOURS = 24;
export const ROTATION_MAX_OVERLAP_HOURS = 720;

export const SCOPE_PATTERN = /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/;

export const scopeField = z.string('must be a scope').trim().regex(SCOPE_PATTERN, 'must be a scope such as assets.read, assets.* or *');

const prefixField = z
  .string('must be a key prefix')
  .transform(normalizePrefix)
  .pipe(z.string().regex(/^[a-z0-9]{8}$/, 'must be the 8-character key prefix shown by `tenantry key list` (or tnt_<prefix>)'));

const expiresDays = boundedInteger(1, API_KEY_MAX_DAYS);

export const createApiKeyInput = z.strictObject({
  slug: tenantSlugField,
  name: displayName(100),
  scopes: z.array(scopeField, 'must be a list of scopes').min(1, 'must name at least one scope').max(50, 'must be at most 50 scopes'),
  /** Days until the key expires; null: never. Default 365. */
  expiresDays: expiresDays.nullable().default(API_KEY_DEFAULT_DAYS),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const rotateApiKeyInput = z.strictObject({
  slug: tenantSlugField,
  prefix: prefixField,
  /** How long the old key keeps working beside the new one. Default 24 hours; 0 ends it now. */
  overlapHours: boundedInteger(0, ROTATION_MAX_OVERLAP_HOURS).default(ROTATION_DEFAULT_OVERLAP_HOURS),
  /** The new key's lifetime in days (null: never). Default: the old key's lifetime. */
  expiresDays: expiresDays.nullable().optional(),
});
export type RotateApiKeyInput = z.input<typeof rotateApiKeyInput>;

export const apiKeyRefInput = z.strictObject({ slug: tenantSlugField, prefix: prefixField });
export type ApiKeyRefInput = z.input<typeof apiKeyRefInput>;

export const verifyApiKeyInput = z.strictObject({
  key: z.string('must be an API key').trim().min(1, 'is required'),
  /** Also check that the key grants this scope. */
  scope: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'must be a scope such as assets.read')
    .optional(),
});
export type VerifyApiKeyInput = z.input<typeof verifyApiKeyInput>;
