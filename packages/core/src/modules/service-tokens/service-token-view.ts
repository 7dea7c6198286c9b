import { TenantryError } from '../../errors.ts';
import type { ServiceToken } from './service-token.entity.ts';

export const SERVICE_TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ServiceTokenStatus = (typeof SERVICE_TOKEN_STATUSES)[number];

/** A token as callers see it: never the token, never its hash. */
export interface ServiceTokenView {
  id: string;
  name: string;
  prefix: string;
  status: ServiceTokenStatus;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

export function serviceTokenStatus(token: Pick<ServiceToken, 'revokedAt' | 'expiresAt'>, now: Date): ServiceTokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export function toServiceTokenView(token: ServiceToken, now: Date): ServiceTokenView {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    status: serviceTokenStatus(token, now),
    expiresAt: token.expiresAt ?? null,
    lastUsedAt: token.lastUsedAt ?? null,
    revokedAt: token.revokedAt ?? null,
    createdBy: token.createdBy,
    createdAt: token.createdAt,
  };
}

export function serviceTokenNotFound(prefix: string): TenantryError {
  return new TenantryError('SERVICE_TOKEN_NOT_FOUND', {
    message: `No service token has the prefix ${prefix}.`,
    details: { prefix },
    hint: 'List the service tokens with `tenantry token list`.',
  });
}
