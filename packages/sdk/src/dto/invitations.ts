import type { DeliveryReport, InvitationState, InvitationView, Role } from '@tenantry/core';
import type { ChangeDto } from './change.ts';

export interface InvitationDto {
  id: string;
  tenantSlug: string;
  email: string;
  role: Role | null;
  /** A pending invitation past its expiry reads as expired. */
  state: InvitationState;
  expiresAt: string;
  invitedBy: string;
  sendCount: number;
  lastSentAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface InvitationResultDto extends ChangeDto {
  /** created: a new invitation; rotated: the pending one got a new token and expiry. */
  action: 'created' | 'rotated';
  /** `token` is present only here, only when applied: hand it over once. Only its hash is stored. */
  invitation: InvitationDto & { token?: string };
  /** How delivering the email after commit went; null on a dry run. */
  delivery: DeliveryReport | null;
}

export interface RevokedInvitationDto extends ChangeDto {
  invitation: InvitationDto;
}

export interface AcceptedInvitationDto extends ChangeDto {
  tenantSlug: string;
  /** null on a dry run that would create the account. */
  userId: string | null;
  email: string;
  role: Role | null;
  existingUser: boolean;
  mustChangePassword: boolean;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toInvitationDto(view: InvitationView): InvitationDto {
  return {
    ...view,
    expiresAt: view.expiresAt.toISOString(),
    lastSentAt: view.lastSentAt.toISOString(),
    acceptedAt: iso(view.acceptedAt),
    revokedAt: iso(view.revokedAt),
    createdAt: view.createdAt.toISOString(),
  };
}
