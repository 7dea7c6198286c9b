import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderInvitationResult } from './render-invitation.ts';

export const inviteResend = defineCommand({
  path: ['invite', 'resend'],
  summary: 'Sends the pending invitation of an email again, with a new token and expiry.',
  description: 'The old token stops working. An expired invitation can be resent; an accepted or revoked one cannot.',
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'email', description: "The invitee's email.", field: 'email' },
  ],
  flags: [{ name: 'expires-days', type: 'integer', field: 'expiresDays', description: 'Days until the new expiry, 1-30. Default: 7.' }, ...CHANGE_FLAGS],
  json: true,
  examples: [
    { description: 'Resend an invitation', command: 'tenantry invite resend acme-corp ana@acme.com' },
    { description: 'With a longer expiry', command: 'tenantry invite resend acme-corp ana@acme.com --expires-days 30' },
  ],
  async run(ctx, input) {
    const days = input.flags['expires-days'];
    const result = await (
      await ctx.client()
    ).invitations.resend(
      { slug: requiredArg(input, 'slug'), email: requiredArg(input, 'email'), ...(typeof days === 'number' ? { expiresDays: days } : {}) },
      changeOptions(input.flags),
    );
    if (ctx.json) return ctx.outJson(result);
    renderInvitationResult(ctx, result);
  },
});
