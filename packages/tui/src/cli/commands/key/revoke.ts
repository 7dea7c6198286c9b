import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const keyRevoke = defineCommand({
  path: ['key', 'revoke'],
  summary: 'Revokes an API key at once.',
  args: [
    { name: 'slug', description: "The tenant's slug.", field: 'slug' },
    { name: 'prefix', description: 'The prefix of the key (from `tenantry key list`).', field: 'prefix' },
  ],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [{ description: 'Revoke a key', command: 'tenantry key revoke acme-corp k3x9a2bq' }],
  async run(ctx, input) {
    const slug = requiredArg(input, 'slug');
    const result = await (await ctx.client()).apiKeys.revoke({ slug, prefix: requiredArg(input, 'prefix') }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `Revoked API key ${result.apiKey.prefix} of ${slug}`,
      unchanged: `API key ${result.apiKey.prefix} was already revoked; nothing changed.`,
    });
  },
});
