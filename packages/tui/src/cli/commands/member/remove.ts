import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const memberRemove = defineCommand({
  path: ['member', 'remove'],
  aliases: [['member', 'rm']],
  summary: 'Removes a member and their roles from a tenant; never the last owner.',
  description: 'The user account stays (it may belong to other tenants). Only an owner may remove an owner.',
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'email', description: "The member's email.", field: 'email' },
  ],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [
    { description: 'Remove a member', command: 'tenantry member remove acme-corp ana@acme.com' },
    { description: 'See what would happen', command: 'tenantry member remove acme-corp ana@acme.com --dry-run' },
  ],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const result = await (await ctx.client()).members.remove({ slug, email: requiredArg(input, 'email') }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, { applied: `Removed ${result.member.email} from ${slug}`, unchanged: 'Nothing to change.' });
  },
});
