import { CHANGE_FLAGS, changeOptions, defineCommand, requiredArg } from '../../command.ts';
import { renderChange } from '../../output/change.ts';

export const webhookReplay = defineCommand({
  path: ['webhook', 'replay'],
  summary: 'Queues a lifecycle event again for delivery, with its original webhook-id.',
  description:
    'To every enabled subscription that takes the event, or only to --endpoint (even one whose filter does not match). It goes out\n' +
    'behind what is already queued for its tenant, while `tenantry serve` or `tenantry events deliver` runs.',
  args: [{ name: 'event', description: 'The event: its id (from `tenantry events list`) or its UUID (the webhook-id).', field: 'event' }],
  flags: [{ name: 'endpoint', type: 'string', placeholder: 'ID', field: 'endpoint', description: 'Only to this subscription.' }, ...CHANGE_FLAGS],
  json: true,
  examples: [
    { description: 'Send event 1042 again', command: 'tenantry webhook replay 1042' },
    { description: 'To one receiver, then deliver it now', command: 'tenantry webhook replay 1042 --endpoint 0192f0c4-… && tenantry events deliver' },
  ],
  async run(ctx, input) {
    const endpoint = input.flags.endpoint;
    const result = await (
      await ctx.client()
    ).webhooks.replay({ event: requiredArg(input, 'event'), ...(typeof endpoint === 'string' ? { endpoint } : {}) }, changeOptions(input.flags));
    if (ctx.json) return ctx.outJson(result);
    renderChange(ctx, result, {
      applied: `Queued event ${result.event.id} (${result.event.type}) for ${result.queued} subscription(s)`,
      unchanged: 'Nothing to change.',
    });
  },
});
