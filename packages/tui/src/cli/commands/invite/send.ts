import { ROLES, type Role } from '@tenantry/sdk';
import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderInvitationResult } from './render-invitation.ts';

export const inviteSend = defineCommand({
  path: ['invite', 'send'],
  summary: 'Invites an email to a tenant and shows the invitation token once.',
  description:
    'One pending invitation per tenant and email: sending again gives it a new token and expiry. Members plus pending\n' +
    "invitations may not exceed the plan's user limit. The email goes out after commit: over SMTP when TENANTRY_SMTP_URL\n" +
    'is set, else to the log file $TENANTRY_HOME/mail.log (with the token masked). Only an owner invites an owner.',
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'email', description: "The invitee's email.", field: 'email' },
  ],
  flags: [
    {
      name: 'role',
      type: 'string',
      placeholder: 'ROLE',
      field: 'role',
      choices: ROLES,
      description: 'The role the invitee gets. Default: none (a member without a role); sending again keeps the role unless given.',
    },
    { name: 'expires-days', type: 'integer', field: 'expiresDays', description: 'Days until the invitation expires, 1-30. Default: 7.' },
    ...CHANGE_FLAGS,
  ],
  json: true,
  examples: [
    { description: 'Invite an analyst', command: 'tenantry invite send acme-corp ana@acme.com --role analyst' },
    { description: 'The token for a script', command: 'tenantry invite send acme-corp ana@acme.com --json | jq -r .invitation.token' },
    { description: 'See what would happen', command: 'tenantry invite send acme-corp bo@acme.com --role admin --expires-days 14 --dry-run' },
  ],
  async run(ctx, input) {
    const { flags } = input;
    const result = await (
      await ctx.client()
    ).invitations.send(
      {
        slug: requiredArg(input, 'slug'),
        email: requiredArg(input, 'email'),
        ...(typeof flags.role === 'string' ? { role: flags.role as Role } : {}),
        ...(typeof flags['expires-days'] === 'number' ? { expiresDays: flags['expires-days'] } : {}),
      },
      changeOptions(flags),
    );
    if (ctx.json) return ctx.outJson(result);
    renderInvitationResult(ctx, result);
  },
});
