import { defineCommand, requiredArg } from '../../command.ts';

export const webhookTest = defineCommand({
  path: ['webhook', 'test'],
  summary: 'Sends a signed webhook.test message to a subscription now and shows what it answered.',
  description: 'Enabled or not. Nothing is queued or recorded. Exit 10 when the receiver cannot be reached or does not answer 2xx.',
  args: [{ name: 'id', description: 'The subscription (from `tenantry webhook list`).', field: 'id' }],
  json: true,
  examples: [{ description: 'Is the receiver up, and does it accept the signature?', command: 'tenantry webhook test 0192f0c4-…' }],
  async run(ctx, input) {
    const tested = await (await ctx.client()).webhooks.test({ id: requiredArg(input, 'id') });
    const { outcome } = tested;
    if (ctx.json) ctx.outJson(tested);
    else if (outcome.ok)
      ctx.out(
        `${ctx.style.green('✓')} ${tested.endpoint.target} answered ${outcome.statusCode ?? 'ok'} in ${outcome.latencyMs} ms${outcome.excerpt ? `: ${outcome.excerpt.slice(0, 200)}` : ''}`,
      );
    else
      ctx.info(
        `${ctx.style.red('✗')} ${tested.endpoint.target}: ${outcome.error ?? 'failed'} after ${outcome.latencyMs} ms${outcome.excerpt ? `: ${outcome.excerpt.slice(0, 200)}` : ''}`,
      );
    return outcome.ok ? undefined : { exitKind: 'unavailable' };
  },
});
