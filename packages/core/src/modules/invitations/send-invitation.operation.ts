import { defineOperation } from '../../operations/operation.ts';
import { applyIssue, deliverIssued, planIssue } from './issue-invitation.ts';
import { sendInvitationInput } from './invitation.schemas.ts';

/**
 * Invites an email to a tenant. One pending invitation per tenant and email: sending again rotates its
 * token and expiry (and role, when given). The message is queued in the same transaction and delivered
 * after commit; the token is returned once.
 */
export const sendInvitation = defineOperation({
  id: 'invitation.send',
  summary: 'Invites an email to a tenant, with an optional role; the token is shown once.',
  scope: 'tenant',
  input: sendInvitationInput,
  audit: ['invitation.sent', 'invitation.resent'],
  plan: (ctx, request) => planIssue(ctx, { ...request, mode: 'send' }, 'invitation.send'),
  apply: (ctx, plan, request) => applyIssue(ctx, plan, request.email),
  afterCommit: deliverIssued,
});
