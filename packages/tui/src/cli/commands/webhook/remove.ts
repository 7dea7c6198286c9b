import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const webhookRemove = defineCommand({
  path: ['webhook', 'remove'],
  aliases: [['webhook', 'rm']],
  summary: 'Removes a subscription, its queued deliveries and their history.',
  args: [{ name: 'id', description: 'The subscription (from `tenantry webhook list`).', field: 'id' }],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [{ description: 'Remove a subscription', command: 'tenantry webhook remove 0192f0c4-…' }],
  async run(ctx, input) {
    const result = await (await ctx.client()).webhooks.remove({ id: requiredArg(input, 'id') }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, { applied: `Removed the subscription of ${result.webhook.target}`, unchanged: 'Nothing to change.' });
  },
});
