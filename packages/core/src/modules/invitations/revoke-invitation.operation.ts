import { defineOperation } from '../../operations/operation.ts';
import { Invitation } from './invitation.entity.ts';
import { invitationNotFound } from './invitation-errors.ts';
import { revokeInvitationInput } from './invitation.schemas.ts';
import { effectiveState, toInvitationView } from './invitation-view.ts';

/** Revokes the pending invitation of an email: its token stops working and its seat is freed. */
export const revokeInvitation = defineOperation({
  id: 'invitation.revoke',
  summary: 'Revokes the pending invitation of an email; its token stops working.',
  scope: 'tenant',
  input: revokeInvitationInput,
  audit: ['invitation.revoked'],
  async plan({ tx, tenant, now }, request) {
    const at = now();
    const invitation = await tx.findOne(Invitation, { tenant: tenant.id, email: request.email, state: 'pending' });
    if (!invitation) throw invitationNotFound(`is pending for ${request.email} in ${tenant.slug}`, { slug: tenant.slug, email: request.email });
    const state = effectiveState(invitation, at);
    return {
      steps: [{ action: 'revoke-invitation', description: `Revoke the pending invitation of ${request.email} to ${tenant.slug}; its token stops working` }],
      changes: [{ field: 'state', from: state, to: 'revoked' }],
      basis: { id: invitation.id, state },
      audit: { targetType: 'invitation', targetId: invitation.id, before: { email: invitation.email, state: 'pending' }, after: { state: 'revoked' } },
      data: { invitation, view: toInvitationView(invitation, tenant.slug, at) },
    };
  },
  async apply({ tenant, now }, { data }) {
    data.invitation.state = 'revoked';
    data.invitation.revokedAt = now();
    return toInvitationView(data.invitation, tenant.slug, now());
  },
});
