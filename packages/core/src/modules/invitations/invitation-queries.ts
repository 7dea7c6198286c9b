import type { ServiceContext } from '../../context.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ChangeOutcome } from '../changes/change.ts';
import type { ChangeOptions } from '../changes/inputs.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { Invitation } from './invitation.entity.ts';
import { invitationNotFound } from './invitation-errors.ts';
import { listInvitationsInput, revokeInvitationInput, type ListInvitationsInput, type RevokeInvitationInput } from './invitation.schemas.ts';
import { effectiveState, toInvitationView, type InvitationView } from './invitation-view.ts';

/** A tenant's invitations, newest first, optionally in one state (a pending one past its expiry is expired). */
export async function listInvitations(ctx: ServiceContext, input: ListInvitationsInput): Promise<InvitationView[]> {
  const request = parseInput(listInvitationsInput, input);
  return inTenantScope(ctx, request.slug, 'invitation.list', async ({ tx, tenant }) => {
    const now = ctx.now();
    const invitations = await tx.find(Invitation, { tenant: tenant.id }, { orderBy: { createdAt: 'desc', email: 'asc' } });
    return invitations
      .filter((invitation) => request.state === undefined || effectiveState(invitation, now) === request.state)
      .map((invitation) => toInvitationView(invitation, tenant.slug, now));
  });
}

export interface RevokeInvitationOutcome extends ChangeOutcome {
  invitation: InvitationView;
}

/** Revokes the pending invitation of an email: its token stops working and its seat is freed. */
export async function revokeInvitation(ctx: ServiceContext, input: RevokeInvitationInput, options: ChangeOptions = {}): Promise<RevokeInvitationOutcome> {
  const request = parseInput(revokeInvitationInput, input);
  return inTenantScope(ctx, request.slug, 'invitation.revoke', async ({ tx, tenant }) => {
    const now = ctx.now();
    const invitation = await tx.findOne(Invitation, { tenant: tenant.id, email: request.email, state: 'pending' });
    if (!invitation) throw invitationNotFound(`is pending for ${request.email} in ${tenant.slug}`, { slug: tenant.slug, email: request.email });
    const steps = [{ action: 'revoke-invitation', description: `Revoke the pending invitation of ${request.email} to ${tenant.slug}; its token stops working` }];
    const changes = [{ field: 'state', from: effectiveState(invitation, now), to: 'revoked' }];
    if (options.dryRun) return { result: 'planned', steps, changes, invitation: toInvitationView(invitation, tenant.slug, now) };
    invitation.state = 'revoked';
    invitation.revokedAt = now;
    recordAudit(ctx, tx, { action: 'invitation.revoked', tenant: { id: tenant.id, slug: tenant.slug }, targetType: 'invitation', targetId: invitation.id, before: { email: invitation.email, state: 'pending' }, after: { state: 'revoked' } });
    await tx.flush();
    return { result: 'applied', steps, changes, invitation: toInvitationView(invitation, tenant.slug, now) };
  });
}
