import { INVITATION_STATES, type InvitationDto, type InvitationState } from '@tenantry/sdk';
import { defineCommand, requiredArg } from '../../command.ts';
import { formatTimestamp } from '../../output/format.ts';
import { listEnvelope } from '../../output/list-envelope.ts';
import { renderTable, type Column } from '../../output/table.ts';

export const inviteList = defineCommand({
  path: ['invite', 'list'],
  aliases: [['invite', 'ls']],
  summary: 'Lists the invitations of a tenant, newest first, with state and expiry.',
  args: [{ name: 'slug', description: "The tenant's slug.", field: 'slug' }],
  flags: [
    {
      name: 'state',
      type: 'string',
      placeholder: 'STATE',
      field: 'state',
      choices: INVITATION_STATES,
      description: 'Only invitations in this state (a pending one past its expiry is expired).',
    },
  ],
  json: true,
  examples: [
    { description: 'All invitations', command: 'tenantry invite list acme-corp' },
    { description: 'Pending ones, as JSON', command: 'tenantry invite list acme-corp --state pending --json' },
  ],
  async run(ctx, input) {
    const state = input.flags.state;
    const invitations = await (
      await ctx.client()
    ).invitations.list({ slug: requiredArg(input, 'slug'), ...(typeof state === 'string' ? { state: state as InvitationState } : {}) });
    if (ctx.json) return ctx.outJson(listEnvelope(invitations));
    const terminal = Boolean(ctx.io.stdout.isTTY);
    const columns: Column<InvitationDto>[] = [
      { header: 'email', value: (i) => i.email },
      { header: 'role', value: (i) => i.role ?? '-' },
      { header: 'state', value: (i) => i.state },
      { header: 'expires', value: (i) => formatTimestamp(i.expiresAt, terminal) },
      { header: 'sent', value: (i) => String(i.sendCount), align: 'right' },
      { header: 'invited by', value: (i) => i.invitedBy, shrink: true },
    ];
    ctx.io.stdout.write(renderTable(ctx.io, columns, invitations));
  },
});
