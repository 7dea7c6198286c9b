import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const webhookEnable = defineCommand({
  path: ['webhook', 'enable'],
  summary: 'Turns a disabled subscription back on; the delivery that gave up goes first, then what waited behind it.',
  description:
    'A subscription is disabled when a delivery fails for its whole retry schedule (the doctor reports WEBHOOK_DISABLED). Nothing is lost meanwhile.',
  args: [{ name: 'id', description: 'The subscription (from `tenantry webhook list`).', field: 'id' }],
  flags: [...CHANGE_FLAGS],
  json: true,
  examples: [{ description: 'Check the receiver, then turn it back on', command: 'tenantry webhook test 0192f0c4-… && tenantry webhook enable 0192f0c4-…' }],
  async run(ctx, input) {
    const result = await (await ctx.client()).webhooks.enable({ id: requiredArg(input, 'id') }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `Enabled the subscription of ${result.webhook.target}: ${result.webhook.deliveries.pending} delivery(ies) queued`,
      unchanged: `The subscription of ${result.webhook.target} is enabled and nothing gave up; nothing changed.`,
    });
  },
});
