import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const inviteRevoke = defineCommand({
  path: ['invite', 'revoke'],
  summary: 'Revokes the pending invitation of an email; its token stops working.',
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'email', description: "The invitee's email.", field: 'email' },
  ],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [{ description: 'Revoke an invitation', command: 'tenantry invite revoke acme-corp ana@acme.com' }],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const result = await (await ctx.client()).invitations.revoke({ slug, email: requiredArg(input, 'email') }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, { applied: `Revoked the invitation of ${result.invitation.email} to ${slug}`, unchanged: 'Nothing to change.' });
  },
});
