import type { ServiceContext } from '../../context.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { Tenant } from '../tenants/tenant.entity.ts';
import { hashApiKey, parseApiKey, sameHash, scopesGrant } from './api-key-format.ts';
import { ApiKey } from './api-key.entity.ts';
import { apiKeyStatus } from './api-key-view.ts';
import { verifyApiKeyInput, type VerifyApiKeyInput } from './api-key.schemas.ts';

export const VERIFY_FAILURES = [
  'malformed',
  'unknown',
  'revoked',
  'expired',
  'tenant_suspended',
  'tenant_inactive',
  'feature_disabled',
  'scope_not_granted',
] as const;
export type VerifyFailure = (typeof VERIFY_FAILURES)[number];

export type VerifyOutcome =
  | {
      valid: true;
      tenant: { id: string; slug: string; name: string };
      key: { prefix: string; name: string; scopes: string[]; expiresAt: Date | null };
      /** Replaced by a rotation: working until expiresAt; switch to the new key. */
      rotating: boolean;
    }
  | { valid: false; reason: VerifyFailure; message: string; tenantSlug?: string; prefix?: string };

/**
 * Answers whether a key is valid (and, with `scope`, grants it), and records `lastUsedAt` when the key
 * authenticates (not on a dry run, which only answers). The key is the credential: no actor permission
 * is needed. A failure is an answer, not an error, so callers can tell "why not" apart from a broken
 * database. Not audited: verification is the hot path of every API request.
 */
export async function verifyApiKey(ctx: ServiceContext, input: VerifyApiKeyInput, options: { dryRun?: boolean } = {}): Promise<VerifyOutcome> {
  const request = parseInput(verifyApiKeyInput, input);
  const prefix = parseApiKey(request.key);
  if (!prefix) return { valid: false, reason: 'malformed', message: 'This is not a Tenantry API key (tnt_<prefix>_<secret>).' };
  const em = ctx.em.fork();
  const key = await em.findOne(ApiKey, { prefix }, { populate: ['keyHash'] });
  if (!key || !sameHash(key.keyHash, hashApiKey(request.key))) return { valid: false, reason: 'unknown', message: 'No API key matches.', prefix };
  const tenant = await em.findOneOrFail(Tenant, key.tenant.id);
  const now = ctx.now();
  const status = apiKeyStatus(key, now);
  const about = { tenantSlug: tenant.slug, prefix };
  if (status === 'revoked') return { valid: false, reason: 'revoked', message: `The key ${prefix} of ${tenant.slug} was revoked.`, ...about };
  if (status === 'expired')
    return { valid: false, reason: 'expired', message: `The key ${prefix} of ${tenant.slug} expired on ${key.expiresAt?.toISOString()}.`, ...about };
  if (tenant.status === 'suspended') return { valid: false, reason: 'tenant_suspended', message: `${tenant.slug} is suspended.`, ...about };
  if (tenant.status !== 'active')
    return { valid: false, reason: 'tenant_inactive', message: `${tenant.slug} is ${tenant.status.replace('_', ' ')}.`, ...about };
  // A plan without api_access (a downgrade, the feature switched off) stops the tenant's keys at once.
  if (!tenant.features.api_access)
    return {
      valid: false,
      reason: 'feature_disabled',
      message: `${tenant.slug} (plan ${tenant.plan}) does not have the api_access feature: its API keys do not work.`,
      ...about,
    };
  if (!options.dryRun) await em.nativeUpdate(ApiKey, { id: key.id }, { lastUsedAt: now });
  if (request.scope !== undefined && !scopesGrant(key.scopes, request.scope)) {
    return {
      valid: false,
      reason: 'scope_not_granted',
      message: `The key ${prefix} of ${tenant.slug} does not grant ${request.scope} (it grants ${key.scopes.join(', ')}).`,
      ...about,
    };
  }
  return {
    valid: true,
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    key: { prefix, name: key.name, scopes: key.scopes, expiresAt: key.expiresAt ?? null },
    rotating: status === 'rotating',
  };
}
