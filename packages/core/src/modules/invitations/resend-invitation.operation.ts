import { defineOperation } from '../../operations/operation.ts';
import { applyIssue, deliverIssued, planIssue } from './issue-invitation.ts';
import { resendInvitationInput } from './invitation.schemas.ts';

/** Sends the pending invitation of an email again with a new token and expiry. */
export const resendInvitation = defineOperation({
  id: 'invitation.resend',
  summary: 'Sends the pending invitation of an email again with a new token and expiry.',
  scope: 'tenant',
  input: resendInvitationInput,
  audit: ['invitation.resent'],
  plan: (ctx, request) => planIssue(ctx, { ...request, mode: 'resend' }, 'invitation.resend'),
  apply: (ctx, plan, request) => applyIssue(ctx, plan, request.email),
  afterCommit: deliverIssued,
});
