import type { ServiceContext } from '../../context.ts';
import { parseInput } from '../../validation/parse-input.ts';
import { inTenantScope } from '../permissions/tenant-scope.ts';
import { Invitation } from './invitation.entity.ts';
import { listInvitationsInput, type ListInvitationsInput } from './invitation.schemas.ts';
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
