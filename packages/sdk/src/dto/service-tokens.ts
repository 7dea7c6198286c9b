import type { ServiceTokenStatus, ServiceTokenVerifyFailure, ServiceTokenVerifyOutcome, ServiceTokenView } from '@tenantry/core';
import type { ChangeDto } from './change.ts';

export interface ServiceTokenDto {
  id: string;
  name: string;
  prefix: string;
  status: ServiceTokenStatus;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: string;
  createdAt: string;
}

export interface ServiceTokenResultDto extends ChangeDto {
  /** `token` is present only here, only when created (applied): hand it over once. Only its prefix and hash are stored. */
  serviceToken: ServiceTokenDto & { token?: string };
}

export type ServiceTokenVerifyResultDto =
  | { valid: true; token: { prefix: string; name: string; expiresAt: string | null } }
  | { valid: false; reason: ServiceTokenVerifyFailure; message: string; prefix?: string };

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toServiceTokenDto(view: ServiceTokenView): ServiceTokenDto {
  return { ...view, expiresAt: iso(view.expiresAt), lastUsedAt: iso(view.lastUsedAt), revokedAt: iso(view.revokedAt), createdAt: view.createdAt.toISOString() };
}

export function toServiceTokenVerifyResultDto(outcome: ServiceTokenVerifyOutcome): ServiceTokenVerifyResultDto {
  if (!outcome.valid) return outcome;
  return { valid: true, token: { ...outcome.token, expiresAt: iso(outcome.token.expiresAt) } };
}
