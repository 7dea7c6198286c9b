import { z } from 'zod';
import { boundedInteger, displayName, emailAddress } from '../../validation/fields.ts';
import { tenantSlugField } from '../changes/inputs.ts';
import { ROLES } from '../roles/roles.ts';
import { INVITATION_STATES } from './invitation.entity.ts';

export const INVITATION_DEFAULT_DAYS = 7;
export const INVITATION_MAX_DAYS = 30;

const role = z.enum(ROLES, { error: `must be one of: ${ROLES.join(', ')}` });
const expiresDays = boundedInteger(1, INVITATION_MAX_DAYS);

export const sendInvitationInput = z.strictObject({
  slug: tenantSlugField,
  email: emailAddress,
  /** The role the invitee gets; none (null) makes a member without a role. Re-sending keeps the role unless given. */
  role: role.nullable().optional(),
  expiresDays: expiresDays.optional(),
});
export type SendInvitationInput = z.input<typeof sendInvitationInput>;

export const resendInvitationInput = z.strictObject({ slug: tenantSlugField, email: emailAddress, expiresDays: expiresDays.optional() });
export type ResendInvitationInput = z.input<typeof resendInvitationInput>;

export const revokeInvitationInput = z.strictObject({ slug: tenantSlugField, email: emailAddress });
export type RevokeInvitationInput = z.input<typeof revokeInvitationInput>;

export const acceptInvitationInput = z.strictObject({
  token: z.string('must be the invitation token').trim().min(1, 'is required'),
  password: z.string('must be a password').min(1, 'is required'),
  name: displayName(200).optional(),
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationInput>;

export const listInvitationsInput = z.strictObject({
  slug: tenantSlugField,
  state: z.enum(INVITATION_STATES, { error: `must be one of: ${INVITATION_STATES.join(', ')}` }).optional(),
});
export type ListInvitationsInput = z.input<typeof listInvitationsInput>;
