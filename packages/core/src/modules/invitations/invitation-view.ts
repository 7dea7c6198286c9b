import type { Role } from '../roles/roles.ts';
import type { Invitation, InvitationState } from './invitation.entity.ts';

/** An invitation as callers see it: a pending one past its expiry reads as expired. No token, no hash. */
export interface InvitationView {
  id: string;
  tenantSlug: string;
  email: string;
  role: Role | null;
  state: InvitationState;
  expiresAt: Date;
  invitedBy: string;
  sendCount: number;
  lastSentAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export function effectiveState(invitation: Pick<Invitation, 'state' | 'expiresAt'>, now: Date): InvitationState {
  return invitation.state === 'pending' && invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : invitation.state;
}

export function toInvitationView(invitation: Invitation, tenantSlug: string, now: Date): InvitationView {
  return {
    id: invitation.id,
    tenantSlug,
    email: invitation.email,
    role: invitation.role ?? null,
    state: effectiveState(invitation, now),
    expiresAt: invitation.expiresAt,
    invitedBy: invitation.invitedBy,
    sendCount: invitation.sendCount,
    lastSentAt: invitation.lastSentAt,
    acceptedAt: invitation.acceptedAt ?? null,
    revokedAt: invitation.revokedAt ?? null,
    createdAt: invitation.createdAt,
  };
}
