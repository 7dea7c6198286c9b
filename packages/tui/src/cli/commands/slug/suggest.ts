import { defineCommand, requiredArg } from '../../command.ts';

export const slugSuggest = defineCommand({
  path: ['slug', 'suggest'],
  summary: 'Suggests free slugs for an organization name, best first.',
  args: [{ name: 'name', description: 'The organization name, quoted.' }],
  flags: [{ name: 'count', type: 'integer', field: 'count', description: 'How many suggestions (1-20, default 5).' }],
  json: true,
  examples: [{ description: 'Alternatives when acme-corp is taken', command: 'tenantry slug suggest "Acme Corp"' }],
  async run(ctx, input) {
    const name = requiredArg(input, 'name');
    const count = typeof input.flags.count === 'number' ? input.flags.count : 5;
    const client = await ctx.client();
    const suggestions = await client.tenants.suggestSlugs(name, count);
    if (ctx.json) return ctx.outJson({ name, suggestions });
    if (suggestions.length === 0) return ctx.info(`No free slug could be derived from "${name}"; choose one with --slug.`);
    ctx.out(suggestions.join('\n'));
  },
});
