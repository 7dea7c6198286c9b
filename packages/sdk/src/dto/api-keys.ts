import type { ApiKeyStatus, ApiKeyView, VerifyFailure, VerifyOutcome } from '@tenantry/core';
import type { ChangeDto } from './change.ts';

export interface ApiKeyDto {
  id: string;
  tenantSlug: string;
  name: string;
  prefix: string;
  scopes: string[];
  /** rotating: replaced by a newer key, working until expiresAt. */
  status: ApiKeyStatus;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  replacedById: string | null;
  createdBy: string;
  createdAt: string;
}

export interface ApiKeyResultDto extends ChangeDto {
  /** `key` is present only here, only when applied: hand it over once. Only its prefix and hash are stored. */
  apiKey: ApiKeyDto & { key?: string };
}

export interface RotatedApiKeyDto extends ApiKeyResultDto {
  previous: ApiKeyDto;
}

export type VerifyResultDto =
  | {
      valid: true;
      tenant: { id: string; slug: string; name: string };
      key: { prefix: string; name: string; scopes: string[]; expiresAt: string | null };
      rotating: boolean;
    }
  | { valid: false; reason: VerifyFailure; message: string; tenantSlug?: string; prefix?: string };

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toApiKeyDto(view: ApiKeyView): ApiKeyDto {
  return { ...view, expiresAt: iso(view.expiresAt), lastUsedAt: iso(view.lastUsedAt), revokedAt: iso(view.revokedAt), createdAt: view.createdAt.toISOString() };
}

export function toVerifyResultDto(outcome: VerifyOutcome): VerifyResultDto {
  if (!outcome.valid) return outcome;
  return { ...outcome, key: { ...outcome.key, expiresAt: iso(outcome.key.expiresAt) } };
}
