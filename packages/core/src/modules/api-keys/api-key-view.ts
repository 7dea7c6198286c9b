import { TenantryError } from '../../errors.ts';
import type { ApiKey } from './api-key.entity.ts';

export const API_KEY_STATUSES = ['active', 'rotating', 'expired', 'revoked'] as const;
export type ApiKeyStatus = (typeof API_KEY_STATUSES)[number];

/** A key as callers see it: never the key, never its hash. */
export interface ApiKeyView {
  id: string;
  tenantSlug: string;
  name: string;
  prefix: string;
  scopes: string[];
  /** rotating: replaced by a newer key, working until expiresAt. */
  status: ApiKeyStatus;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  replacedById: string | null;
  createdBy: string;
  createdAt: Date;
}

export function apiKeyStatus(key: Pick<ApiKey, 'revokedAt' | 'expiresAt' | 'replacedById'>, now: Date): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return key.replacedById ? 'rotating' : 'active';
}

export function toApiKeyView(key: ApiKey, tenantSlug: string, now: Date): ApiKeyView {
  return {
    id: key.id,
    tenantSlug,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    status: apiKeyStatus(key, now),
    expiresAt: key.expiresAt ?? null,
    lastUsedAt: key.lastUsedAt ?? null,
    revokedAt: key.revokedAt ?? null,
    replacedById: key.replacedById ?? null,
    createdBy: key.createdBy,
    createdAt: key.createdAt,
  };
}

export function apiKeyNotFound(slug: string, prefix: string): TenantryError {
  return new TenantryError('API_KEY_NOT_FOUND', {
    message: `${slug} has no API key with prefix ${prefix}.`,
    details: { slug, prefix },
    hint: `List its keys with \`tenantry key list ${slug}\`.`,
  });
}

export function keyNotUsable(slug: string, prefix: string, status: ApiKeyStatus): TenantryError {
  return new TenantryError('PRECONDITION_FAILED', {
    message: `The API key ${prefix} of ${slug} is ${status}; only an active key can be rotated.`,
    details: { slug, prefix, status },
    hint: status === 'rotating' ? 'Rotate the key that replaced it.' : `Create a new key with \`tenantry key create ${slug}\`.`,
  });
}
