import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const domainRemove = defineCommand({
  path: ['domain', 'remove'],
  aliases: [['domain', 'rm']],
  summary: 'Removes a domain from a tenant; the primary one only after another is primary.',
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'hostname', description: 'The hostname to remove.', field: 'hostname' },
  ],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [{ description: 'Remove an old domain', command: 'tenantry domain remove acme-corp old.acme.com' }],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const result = await (await ctx.client()).domains.remove({ slug, hostname: requiredArg(input, 'hostname') }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, { applied: `Removed ${result.domain.displayHostname} from ${slug}`, unchanged: 'Nothing to change.' });
  },
});
