import type { ServiceContext } from '../../context.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { hashServiceToken, parseServiceToken, sameHash } from './service-token-format.ts';
import { ServiceToken } from './service-token.entity.ts';
import { serviceTokenStatus } from './service-token-view.ts';
import { verifyServiceTokenInput, type VerifyServiceTokenInput } from './service-token.schemas.ts';

/** How stale `lastUsedAt` may be: it is written again once this much has passed. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const SERVICE_TOKEN_VERIFY_FAILURES = ['malformed', 'unknown', 'revoked', 'expired'] as const;
export type ServiceTokenVerifyFailure = (typeof SERVICE_TOKEN_VERIFY_FAILURES)[number];

export type ServiceTokenVerifyOutcome =
  | { valid: true; token: { prefix: string; name: string; expiresAt: Date | null } }
  | { valid: false; reason: ServiceTokenVerifyFailure; message: string; prefix?: string };

/**
 * Answers whether a service token is valid, and records `lastUsedAt` (to the minute) when it is. The token is the
 * credential: no actor permission is needed. A failure is an answer, not an error, so callers can tell
 * "why not" apart from a broken database. Not audited: verification is the hot path of every platform
 * API request (as for API keys).
 */
export async function verifyServiceToken(ctx: ServiceContext, input: VerifyServiceTokenInput): Promise<ServiceTokenVerifyOutcome> {
  const request = parseInput(verifyServiceTokenInput, input);
  const prefix = parseServiceToken(request.token);
  if (!prefix) return { valid: false, reason: 'malformed', message: 'This is not a Tenantry service token (tts_<prefix>_<secret>).' };
  const em = ctx.em.fork();
  const token = await em.findOne(ServiceToken, { prefix }, { populate: ['tokenHash'] });
  if (!token || !sameHash(token.tokenHash, hashServiceToken(request.token))) {
    return { valid: false, reason: 'unknown', message: 'No service token matches.', prefix };
  }
  const now = ctx.now();
  const status = serviceTokenStatus(token, now);
  if (status === 'revoked') return { valid: false, reason: 'revoked', message: `The service token ${prefix} was revoked.`, prefix };
  if (status === 'expired')
    return { valid: false, reason: 'expired', message: `The service token ${prefix} expired on ${token.expiresAt?.toISOString()}.`, prefix };
  // At most once a minute: a busy API would otherwise write this row on every request.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await em.nativeUpdate(ServiceToken, { id: token.id }, { lastUsedAt: now });
  }
  return { valid: true, token: { prefix, name: token.name, expiresAt: token.expiresAt ?? null } };
}
